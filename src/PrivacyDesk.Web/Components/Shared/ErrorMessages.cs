using System.Globalization;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Web.Components.Shared;

/// <summary>Turns coded errors into sentences in the user's language (resource key <c>Error.&lt;code&gt;</c>).</summary>
public static class ErrorMessages
{
    public static string Message(this IStringLocalizer localizer, Error error)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(error);
        var text = localizer["Error." + error.Code];
        if (!text.ResourceNotFound)
        {
            return Fill(text, error.Arguments);
        }
        // Domain rules carry their own Dutch and English sentences.
        return ErrorCatalog.Message(error, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? localizer["Error.unexpected"];
    }

    /// <summary>
    /// Placeholders are <c>{name}</c>; a <c>{when}</c> holding an ISO 8601 moment is shown as the clock time at its own offset,
    /// an ISO date as a date, both in the one display format (<see cref="DisplayDates"/>), never "06/12/2026".
    /// </summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string>? arguments)
    {
        if (arguments is null)
        {
            return text;
        }
        foreach (var (key, value) in arguments)
        {
            var shown = key == "when" && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
                ? DisplayDates.Moment(moment)
                : value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? DisplayDates.Date(date)
                    : value;
            text = text.Replace("{" + key + "}", shown, StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The messages for one form field, joined; null when the field has none.</summary>
    public static string? MessageFor(this IStringLocalizer localizer, IEnumerable<Error> errors, string field)
    {
        var messages = errors.Where(e => e.Field == field).Select(localizer.Message).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
