using Microsoft.Extensions.Localization;

namespace PrivacyDesk.Web.Components.Shared;

/// <summary>
/// A sentence with a count: Dutch and English both use the singular for exactly one, so a key may have a
/// <c>.One</c> variant ("1 werkdag", "1 working day") beside the plural one ("{0} werkdagen").
/// </summary>
public static class CountedText
{
    public static string Count(this IStringLocalizer text, string key, int count, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(more);
        var chosen = count == 1 && !text[key + ".One"].ResourceNotFound ? key + ".One" : key;
        return text[chosen, [count, .. more]];
    }
}
