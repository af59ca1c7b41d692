using System.Security.Cryptography;
using System.Text;

namespace PrivacyDesk.Data.Portal;

/// <summary>
/// The status link of a request registered on the portal (issue 16): a random token, e-mailed once in the acknowledgement,
/// of which only a keyed hash is stored. The link alone shows nothing: the portal still asks for a fresh code sent to the
/// request's own address, so a forwarded or leaked e-mail does not open the case.
/// </summary>
public sealed class PortalStatusLink
{
    public const int TokenBytes = 32;

    private PortalStatusLink()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Hex HMAC-SHA256 of the token under the portal key.</summary>
    public string TokenHash { get; private set; } = "";

    public Guid RequestId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Wrong codes entered on this link in total (every code, every try); counted atomically in the database.</summary>
    public int WrongCodes { get; private set; }

    /// <summary>When the link locked after <see cref="MaxWrongCodes"/> wrong codes; null while open.</summary>
    public DateTimeOffset? LockedAt { get; private set; }

    /// <summary>The same cap as an answer link's (ADR 0045): two codes' worth of tries, then only the office opens it again.</summary>
    public const int MaxWrongCodes = 10;

    /// <summary>An officer opened the locked link again (after contact with the subject): the count of wrong codes starts over.</summary>
    public void Unlock()
    {
        LockedAt = null;
        WrongCodes = 0;
    }

    /// <summary>A new link and its token (returned once, for the e-mail; never stored).</summary>
    public static (PortalStatusLink Link, string Token) Create(byte[] key, Guid requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new PortalStatusLink { Id = Guid.CreateVersion7(), TokenHash = HashToken(key, token), RequestId = requestId, CreatedAt = now }, token);
    }

    /// <summary>The hash a presented token is looked up by.</summary>
    public static string HashToken(byte[] key, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("status:" + token)));
}
