using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors;

/// <summary>
/// Keyed hashes of a subject's identifiers (ADR 0041): what a completed erasure keeps so that, after a restore from
/// backup, the subject can be found again without PrivacyDesk keeping the identifiers themselves.
/// The web layer stores these on the plan; <see cref="ISourceChanger.FindSubjectAsync"/> compares with them.
/// </summary>
public static class SubjectKeyHashing
{
    /// <summary>HMAC-SHA256(key, kind | normalised value), lower-case hex.</summary>
    public static string Hash(byte[] key, SubjectIdentifierKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return ChangeHashing.Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind.ToString() + "|" + Normalise(kind, value))));
    }

    /// <summary>The hashes of every identifier of the subject (the set a restore re-apply looks for).</summary>
    public static IReadOnlyList<string> HashAll(byte[] key, SubjectKeys subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.Values
            .SelectMany(p => p.Value.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => Hash(key, p.Key, v)))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The same identifier however a system wrote it: an e-mail address in lower case, a customer number in upper case, a phone number as its digits (and a leading +).</summary>
    public static string Normalise(SubjectIdentifierKind kind, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return kind switch
        {
            SubjectIdentifierKind.EmailAddress => trimmed.ToLowerInvariant(),
            SubjectIdentifierKind.CustomerNumber => trimmed.ToUpperInvariant(),
            SubjectIdentifierKind.PhoneNumber => (trimmed.StartsWith('+') ? "+" : "") + new string([.. trimmed.Where(char.IsAsciiDigit)]),
            _ => trimmed,
        };
    }
}

/// <summary>The keyed hashes a change uses (ADR 0041): the keyed-hash mask, row-key hashes and the statement hash. One function each, for the changer, its proof and the tests.</summary>
public static partial class ChangeHashing
{
    /// <summary>
    /// The value a <see cref="MaskStrategy.KeyedHash"/> column gets: HMAC-SHA256(key, pseudonym | table | column) as hex,
    /// cut to <paramref name="maxLength"/> when the column holds fewer characters. Stable per subject and column, never the original.
    /// </summary>
    public static string MaskValue(byte[] key, string subjectPseudonym, string tableDisplayName, string column, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hex = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{subjectPseudonym}|{tableDisplayName}|{column}")));
        return maxLength is { } length && length > 0 && length < hex.Length ? hex[..length] : hex;
    }

    /// <summary>The keyed hash of one row's primary key: HMAC-SHA256(key, table | key text), the first 16 hex characters.</summary>
    public static string RowKey(byte[] key, string tableDisplayName, string keyText)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{tableDisplayName}|{keyText}")))[..16];
    }

    /// <summary>SHA-256 of the statement text (parameter names only, never values), lower-case hex.</summary>
    public static string Statement(string sql) => Hex(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));

    /// <summary>The character length a text type allows (<c>character varying(40)</c>, <c>varchar(40)</c>, <c>nvarchar(40)</c>, <c>char(8)</c>); null when unbounded.</summary>
    public static int? TextLength(string dataType)
    {
        var match = LengthPattern().Match(dataType ?? "");
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : null;
    }

    /// <summary>Whether the engine's type name is a text type (a value is passed as text without a cast).</summary>
    public static bool IsText(string dataType)
    {
        var type = (dataType ?? "").ToLowerInvariant();
        return type.Length == 0 || type.Contains("char", StringComparison.Ordinal) || type.Contains("text", StringComparison.Ordinal)
            || type.Contains("clob", StringComparison.Ordinal) || type.Contains("string", StringComparison.Ordinal);
    }

    /// <summary>A type name this code may write into a CAST: letters, digits, spaces and one (length[, scale]); nothing else.</summary>
    public static bool IsPlainTypeName(string dataType) => TypeNamePattern().IsMatch(dataType ?? "");

    internal static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    [GeneratedRegex(@"(?:char|character varying|varchar|nvarchar|nchar|varchar2)\s*\(\s*(\d{1,6})\s*\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LengthPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_ ]{0,60}(\(\s*\d{1,6}\s*(,\s*\d{1,6}\s*)?\))?[A-Za-z ]{0,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeNamePattern();
}
