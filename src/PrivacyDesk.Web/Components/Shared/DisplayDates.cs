using System.Globalization;

namespace PrivacyDesk.Web.Components.Shared;

/// <summary>
/// Dates as every page shows them, in the user's language: "25 nov. 2026" / "25 Nov 2026", with the
/// time as "25 nov. 2026 14:05". Times are shown as given: convert to the controller's zone first.
/// </summary>
public static class DisplayDates
{
    private static readonly CultureInfo DutchDates = CreateDutchDates();

    /// <summary>
    /// The current culture, except that Dutch abbreviates months with a full stop ("nov.", but "mei"),
    /// as Dutch style guides and CLDR write them; .NET's nl-NL month abbreviations have none.
    /// </summary>
    public static CultureInfo Culture =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "nl" ? DutchDates : CultureInfo.CurrentCulture;

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Culture);

    public static string Date(DateTimeOffset moment) => moment.ToString("d MMM yyyy", Culture);

    public static string Moment(DateTimeOffset moment) => moment.ToString("d MMM yyyy HH:mm", Culture);

    private static CultureInfo CreateDutchDates()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("nl-NL").Clone();
        string[] months = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.", ""];
        culture.DateTimeFormat.AbbreviatedMonthNames = months;
        culture.DateTimeFormat.AbbreviatedMonthGenitiveNames = months;
        return CultureInfo.ReadOnly(culture);
    }
}
