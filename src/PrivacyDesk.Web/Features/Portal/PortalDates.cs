using System.Globalization;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>Dates on the portal and in its e-mails in words ("10 maart 2026", "10 March 2026"): a subject reads them, not an officer.</summary>
public static class PortalDates
{
    public static string InWords(DateOnly date, string language) =>
        date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "nl-NL"));
}
