using System.Globalization;

namespace PrivacyDesk.Documents.Model;

/// <summary>
/// How letters write dates and amounts: Dutch letters "5 maart 2026" and "€ 12,50", English ones
/// "5 March 2026" and "€12.50". Full month names (a letter is not a table); one place for all documents.
/// </summary>
public static class DocumentFormat
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(string language) => IsDutch(language) ? Dutch : English;

    public static bool IsDutch(string language) => string.Equals(language, "nl", StringComparison.OrdinalIgnoreCase);

    /// <summary>"5 maart 2026" / "5 March 2026".</summary>
    public static string Date(DateOnly date, string language) => date.ToString("d MMMM yyyy", Culture(language));

    /// <summary>The date of a moment in the controller's zone.</summary>
    public static string Date(DateTimeOffset moment, TimeZoneInfo zone, string language) =>
        Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime), language);

    /// <summary>"5 maart 2026 14:05" / "5 March 2026 14:05", in the controller's zone.</summary>
    public static string DateTime(DateTimeOffset moment, TimeZoneInfo zone, string language)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        return local.ToString("d MMMM yyyy HH:mm", Culture(language));
    }

    /// <summary>"€ 12,50" (Dutch: symbol, space, comma) / "€12.50" (English).</summary>
    public static string Amount(decimal euros, string language) =>
        IsDutch(language)
            ? "€ " + euros.ToString("#,##0.00", Dutch)
            : "€" + euros.ToString("#,##0.00", English);
}
