using System.Globalization;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Common;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

/// <summary>Dates, moments and messages on the case page, always in the current culture ("25 nov. 2026").</summary>
public static class CaseFormat
{
    public static string Date(DateOnly date) => DisplayDates.Date(date);

    /// <summary>A moment already in the controller's time zone (the service converts), with its clock time.</summary>
    public static string Moment(DateTimeOffset at) => DisplayDates.Moment(at);

    public static string Text(this LocalizedText text) =>
        text?.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? "";

    /// <summary>
    /// A coded error as a sentence: the case page's own codes from its resources, the stale-edit and
    /// shared codes from the shared resources, domain codes from the domain's catalogue.
    /// </summary>
    public static string Message(IStringLocalizer<CaseText> text, IStringLocalizer<SharedResource> shared, PrivacyDesk.Domain.Common.Error error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(error);
        return !text["Error." + error.Code].ResourceNotFound ? text.Message(error) : shared.Message(error);
    }

    public static bool IsStale(Result result) => result?.Errors.Any(e => e.Code == StaleEdit.Code) == true;
}
