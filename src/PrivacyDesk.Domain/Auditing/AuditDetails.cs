using System.Globalization;

namespace PrivacyDesk.Domain.Auditing;

/// <summary>
/// Builds the field map an audit entry's details are stored as: every value as invariant text (numbers, ids,
/// dates) and lists joined with ", ", so the stored JSON is always an object of strings, whatever the writer.
/// </summary>
public static class AuditDetails
{
    public static IReadOnlyDictionary<string, string?> Of(params ReadOnlySpan<(string Name, object? Value)> fields)
    {
        var map = new Dictionary<string, string?>(fields.Length, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            map[name] = Text(value);
        }
        return map;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };
}
