using System.Globalization;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Web.Components.Shared;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

using Error = PrivacyDesk.Domain.Common.Error;

/// <summary>Coded errors and dates of the case's panels (obligations, source changes) in the user's language.</summary>
public static class ObligationMessages
{
    /// <summary>This area's own codes from its resources; domain and shared codes through <see cref="ErrorMessages"/>. ISO dates in arguments are shown as dates.</summary>
    public static string Text<TArea>(this IStringLocalizer<TArea> local, IStringLocalizer<SharedResource> shared, Error error)
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(error);
        var shown = error.Arguments is null
            ? error
            : error with
            {
                Arguments = error.Arguments.ToDictionary(
                    pair => pair.Key,
                    pair => DateOnly.TryParseExact(pair.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DisplayDates.Date(date) : pair.Value,
                    StringComparer.Ordinal),
            };
        var own = local["Error." + error.Code];
        if (!own.ResourceNotFound)
        {
            var text = own.Value;
            foreach (var (key, value) in shown.Arguments ?? new Dictionary<string, string>())
            {
                text = text.Replace("{" + key + "}", value, StringComparison.Ordinal);
            }
            return text;
        }
        return shared.Message(shown);
    }

    /// <summary>The messages for one field, joined; null when it has none.</summary>
    public static string? TextFor(this IStringLocalizer<CaseObligationsText> local, IStringLocalizer<SharedResource> shared, IEnumerable<Error> errors, params string[] fields)
    {
        var messages = errors.Where(e => e.Field is not null && fields.Contains(e.Field, StringComparer.OrdinalIgnoreCase)).Select(e => local.Text(shared, e)).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
