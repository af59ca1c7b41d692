using System.Globalization;

namespace PrivacyDesk.Domain.Common;

/// <summary>
/// A date inside a domain sentence, written as the screens write dates ("30 jun. 2029", "30 Jun 2029"; Dutch
/// months with a full stop, "mei" whole), never as "2029-06-30". The month names are spelled out here so the
/// sentence does not depend on the server's ICU data.
/// </summary>
public static class SentenceDates
{
    private static readonly string[] Dutch =
        ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];

    private static readonly string[] English =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string In(DateOnly date, string language) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {(IsEnglish(language) ? English : Dutch)[date.Month - 1]} {date.Year}");

    /// <summary>The same date in both languages.</summary>
    public static LocalizedText Text(DateOnly date) => new(In(date, "nl"), In(date, "en"));

    /// <summary>An error argument that is an ISO date ("2029-06-30") is shown as a written date; anything else as it is.</summary>
    public static string Argument(string value, string language) =>
        value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? In(date, language)
            : value;

    private static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);
}
