using System.Security.Cryptography;
using System.Text;

namespace PrivacyDesk.Data.Portal;

/// <summary>What a portal code unlocks.</summary>
public enum PortalChallengePurpose
{
    /// <summary>Registers the request held in <see cref="PortalChallenge.PendingSubmission"/> once the code is right.</summary>
    SubmitRequest,

    /// <summary>Opens the status page of <see cref="PortalChallenge.RequestId"/> (status, due date, withdraw, message).</summary>
    ViewStatus,

    /// <summary>Opens the answer's downloads of the delivery <see cref="PortalChallenge.DeliveryId"/>.</summary>
    Delivery,
}

/// <summary>
/// A one-time code sent by e-mail (issue 16): 6 digits, valid <see cref="Lifetime"/>, at most <see cref="MaxAttempts"/>
/// tries. Only a keyed hash of the code is stored. The e-mail address and the client address are stored as keyed hashes
/// too (<see cref="EmailHash"/>, <see cref="ClientHash"/>), which is all the rate limits need; the address itself travels
/// only in the queued e-mail and, for a submission, in the pending form until it is registered or expires.
/// </summary>
public sealed class PortalChallenge
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    public const int CodeLength = 6;
    public const int HashMaxLength = 64;
    public const int PendingSubmissionMaxLength = 16_000;

    private PortalChallenge()
    {
    }

    public Guid Id { get; private set; }

    public PortalChallengePurpose Purpose { get; private set; }

    /// <summary>Hex HMAC-SHA256 of the code under the portal key and this challenge's id.</summary>
    public string CodeHash { get; private set; } = "";

    /// <summary>Hex HMAC-SHA256 of the lower-cased, trimmed e-mail address: the per-address rate limit counts these.</summary>
    public string EmailHash { get; private set; } = "";

    /// <summary>Hex HMAC-SHA256 of the client's IP address: the per-client rate limit counts these.</summary>
    public string ClientHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Set once the right code was entered; a challenge is used once.</summary>
    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>For <see cref="PortalChallengePurpose.SubmitRequest"/>: the form as JSON, until registered (then cleared).</summary>
    public string? PendingSubmission { get; private set; }

    /// <summary>The request it concerns: set at creation for status and delivery, at registration for a submission.</summary>
    public Guid? RequestId { get; private set; }

    public Guid? DeliveryId { get; private set; }

    /// <summary>Concurrency: two tabs entering a code at once count as two attempts and only one verifies.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>A new challenge and its code (the code is returned once, to be e-mailed, and never stored).</summary>
    public static (PortalChallenge Challenge, string Code) Create(
        PortalChallengePurpose purpose, byte[] key, string email, string clientAddress, DateTimeOffset now,
        string? pendingSubmission = null, Guid? requestId = null, Guid? deliveryId = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = Guid.CreateVersion7();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var challenge = new PortalChallenge
        {
            Id = id,
            Purpose = purpose,
            CodeHash = Hash(key, $"{id:N}:{code}"),
            EmailHash = HashEmail(key, email),
            ClientHash = Hash(key, "client:" + clientAddress),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            PendingSubmission = pendingSubmission,
            RequestId = requestId,
            DeliveryId = deliveryId,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        return (challenge, code);
    }

    /// <summary>The per-address key the rate limit and lookups use.</summary>
    public static string HashEmail(byte[] key, string email) => Hash(key, "email:" + email.Trim().ToLowerInvariant());

    /// <summary>Checks a code: counts the attempt, refuses when expired, used or out of tries. Constant-time compare.</summary>
    public PortalCodeCheck Check(byte[] key, string? code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (VerifiedAt is not null)
        {
            return PortalCodeCheck.AlreadyUsed;
        }
        if (now >= ExpiresAt)
        {
            return PortalCodeCheck.Expired;
        }
        if (Attempts >= MaxAttempts)
        {
            return PortalCodeCheck.TooManyAttempts;
        }
        Attempts++;
        ConcurrencyStamp = Guid.NewGuid();
        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        var given = Encoding.ASCII.GetBytes(Hash(key, $"{Id:N}:{digits}"));
        if (digits.Length != CodeLength || !CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(CodeHash)))
        {
            return Attempts >= MaxAttempts ? PortalCodeCheck.TooManyAttempts : PortalCodeCheck.Wrong;
        }
        VerifiedAt = now;
        return PortalCodeCheck.Verified;
    }

    /// <summary>A submission became a request: the form (personal data) is dropped, the request remembered.</summary>
    public void Registered(Guid requestId)
    {
        RequestId = requestId;
        PendingSubmission = null;
        ConcurrencyStamp = Guid.NewGuid();
    }

    private static string Hash(byte[] key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}

/// <summary>The outcome of a code entry; the portal says each in words without revealing anything about the address.</summary>
public enum PortalCodeCheck
{
    Verified,
    Wrong,
    Expired,
    TooManyAttempts,
    AlreadyUsed,

    /// <summary>The link the code was for locked after too many wrong codes in total; only the office opens it again.</summary>
    LinkLocked,
}
