using System.Security.Cryptography;
using System.Text;

namespace PrivacyDesk.Data;

/// <summary>
/// A key another system (the public privacy web form) uses to call the intake API. Only the SHA-256 of
/// the secret is stored; the secret is shown once when the key is created. The prefix (the first part of
/// the key, not secret) lets the API find the row and lets an administrator recognise a key. A revoked key
/// stays in the table, so the requests it created still name it.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 8;
    public const int HashLength = 64;
    public const int ScopeMaxLength = 20;
    public const int ActorIdMaxLength = 100;
    public const int ActorNameMaxLength = 256;

    /// <summary>The one scope there is: registering requests and reading back their status.</summary>
    public const string IntakeScope = "intake";

    /// <summary>The audit stream of a key: its creation and its revocation.</summary>
    public const string AuditEntityType = "ApiKey";

    /// <summary>What every key starts with, so a leaked key is recognisable (e.g. by secret scanners).</summary>
    public const string KeyStart = "pdk_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Eight lower-case hex characters after <see cref="KeyStart"/>; unique.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string SecretHash { get; private set; } = "";

    public string Scope { get; private set; } = IntakeScope;

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokedById { get; private set; }

    public string? RevokedByName { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new key with a fresh random secret; <paramref name="key"/> is the whole key, to show once.</summary>
    public static ApiKey Create(string name, string actorId, string actorName, DateTimeOffset at, out string key)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        key = $"{KeyStart}{prefix}_{secret}";
        return FromKey(name, key, actorId, actorName, at);
    }

    /// <summary>A key whose text is given (the development demo key); null when the text is not a key's shape.</summary>
    public static ApiKey? FromKnownKey(string name, string key, string actorId, string actorName, DateTimeOffset at) =>
        PrefixOf(key) is null ? null : FromKey(name, key, actorId, actorName, at);

    private static ApiKey FromKey(string name, string key, string actorId, string actorName, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name.Trim(),
        Prefix = PrefixOf(key)!,
        SecretHash = Hash(key),
        Scope = IntakeScope,
        CreatedAt = at,
        CreatedById = actorId,
        CreatedByName = actorName,
    };

    public void Revoke(string actorId, string actorName, DateTimeOffset at)
    {
        RevokedAt = at;
        RevokedById = actorId;
        RevokedByName = actorName;
    }

    /// <summary>The prefix of a presented key, or null when it cannot be one of ours.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length < KeyStart.Length + PrefixLength + 2 || key.Length > 200
            || !key.StartsWith(KeyStart, StringComparison.Ordinal) || key[KeyStart.Length + PrefixLength] != '_')
        {
            return null;
        }
        var prefix = key.Substring(KeyStart.Length, PrefixLength);
        return prefix.All(char.IsAsciiHexDigitLower) ? prefix : null;
    }

    /// <summary>Whether <paramref name="key"/> is this key's secret, compared in constant time.</summary>
    public bool Matches(string key)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(SecretHash);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Which API key created a request: the intake API answers a status query only for the same key.</summary>
public sealed class ApiKeyRequest
{
    private ApiKeyRequest()
    {
    }

    public Guid RequestId { get; private set; }

    public Guid ApiKeyId { get; private set; }

    public static ApiKeyRequest Link(Guid requestId, Guid apiKeyId) => new() { RequestId = requestId, ApiKeyId = apiKeyId };
}

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>, per API key: the key and the body
/// are stored hashed, the answer as sent. A repeat with the same body within the retention window gets
/// this answer again; a repeat with another body is a conflict.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int HashLength = 64;
    public const int LocationMaxLength = 200;

    /// <summary>How long an answer is kept for replay.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private IdempotencyRecord()
    {
    }

    public Guid Id { get; private set; }

    public Guid ApiKeyId { get; private set; }

    /// <summary>SHA-256 of the Idempotency-Key header.</summary>
    public string KeyHash { get; private set; } = "";

    /// <summary>SHA-256 of the request body's bytes.</summary>
    public string BodyHash { get; private set; } = "";

    public int StatusCode { get; private set; }

    /// <summary>The JSON answered: reference, status and dates, no personal data.</summary>
    public string ResponseBody { get; private set; } = "";

    public string? Location { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord Create(Guid apiKeyId, string idempotencyKey, byte[] body, int statusCode, string responseBody, string? location, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        ApiKeyId = apiKeyId,
        KeyHash = ApiKey.Hash(idempotencyKey),
        BodyHash = Convert.ToHexStringLower(SHA256.HashData(body)),
        StatusCode = statusCode,
        ResponseBody = responseBody,
        Location = location,
        CreatedAt = at,
    };

    public static string BodyHashOf(byte[] body) => Convert.ToHexStringLower(SHA256.HashData(body));
}
