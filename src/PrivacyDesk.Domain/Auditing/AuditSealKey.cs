using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyDesk.Domain.Auditing;

/// <summary>
/// The anchor key: a secret kept out of the database (configuration, never the Data Protection key ring, which
/// lives in the database). Entries and checkpoints sealed with it cannot be rewritten by someone who only holds the database.
/// </summary>
public sealed class AuditSealKey
{
    /// <summary>32 bytes: the HMAC-SHA256 block's worth of secret; shorter keys are easier to guess.</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _key;

    private AuditSealKey(byte[] key) => _key = key;

    /// <summary>The configured text (at least 32 characters), used as its UTF-8 bytes.</summary>
    public static AuditSealKey? FromSecret(string? secret) =>
        string.IsNullOrEmpty(secret) || secret.Length < MinimumLength ? null : new AuditSealKey(Encoding.UTF8.GetBytes(secret));

    /// <summary>An entry's seal: the HMAC of its hash.</summary>
    public string SealOf(string hash) => Mac("entry;" + hash);

    public bool Matches(string hash, string? seal) => seal is not null && Equal(SealOf(hash), seal);

    /// <summary>A checkpoint's seal: the HMAC of the head it records and when.</summary>
    public string SealOf(long sequence, string hash, DateTimeOffset recordedAt) =>
        Mac(string.Create(CultureInfo.InvariantCulture, $"checkpoint;{sequence};{hash};{recordedAt.UtcTicks}"));

    private string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    private static bool Equal(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}

/// <summary>
/// A head of the trail recorded outside the audit table (the monitor's checkpoint row, the checkpoint file): entry
/// <see cref="Sequence"/> had <see cref="Hash"/>. Later the entry must still be there with that hash.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset RecordedAt, string Seal)
{
    public static AuditCheckpoint Sealed(long sequence, string hash, DateTimeOffset recordedAt, AuditSealKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Whole milliseconds, as every store keeps them exactly: the seal must verify after a round trip.
        var at = AuditChain.Truncate(recordedAt);
        return new AuditCheckpoint(sequence, hash, at, key.SealOf(sequence, hash, at));
    }

    /// <summary>Written by someone who held the key; without a key nothing can be said, so it counts.</summary>
    public bool IsGenuine(AuditSealKey? key) =>
        key is null || CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(key.SealOf(Sequence, Hash, RecordedAt)), Encoding.ASCII.GetBytes(Seal ?? ""));
}
