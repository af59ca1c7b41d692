using System.Globalization;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>A database value as invariant text, the same on every machine: ISO 8601 dates, a point in decimals, bytes as base64.</summary>
internal static class ValueText
{
    public static string? Of(object? value, string dataTypeName) => value switch
    {
        null or DBNull => null,
        string text => text,
        DateTime date when date.TimeOfDay == TimeSpan.Zero && IsDateOnly(dataTypeName) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + (dateTime.Kind == DateTimeKind.Utc ? "Z" : ""),
        DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsDateOnly(string dataTypeName) =>
        string.Equals(dataTypeName, "date", StringComparison.OrdinalIgnoreCase);
}
