using System.Globalization;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

using PrivacyDesk.Web.Components.Shared;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>The register's domain values in words (resource keys <c>&lt;Type&gt;.&lt;Value&gt;</c> in RegisterText).</summary>
public static class RegisterLabels
{
    public static string Status(this IStringLocalizer<RegisterText> text, PurposeStatus status) => Label(text, status);

    /// <summary>Short name with the letter of Art. 6(1), e.g. "f · Gerechtvaardigd belang" (the glossary's term).</summary>
    public static string Basis(this IStringLocalizer<RegisterText> text, LawfulBasisKind kind) => Terms.WithLetter(kind);

    public static string Label<T>(this IStringLocalizer<RegisterText> text, T value) where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(text);
        // Office terms (lawful bases) come from the glossary; the register's own values from RegisterText.
        if (Glossary.Terms.Contains(typeof(T)))
        {
            return Terms.Of(value);
        }
        var key = typeof(T).Name + "." + value;
        var found = text[key];
        return found.ResourceNotFound ? value.ToString() : found.Value;
    }

    /// <summary>The sentence for <paramref name="count"/> things: key <c>&lt;key&gt;.One</c> for exactly one, <c>&lt;key&gt;</c> with the number otherwise.</summary>
    public static string Count(this IStringLocalizer<RegisterText> text, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        return count == 1 ? text[key + ".One"] : text[key, count];
    }

    public static string YesNo(this IStringLocalizer<RegisterText> text, bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return value ? text["Common.Yes"] : text["Common.No"];
    }

    /// <summary>A date as a Dutch reader expects it ("25 nov. 2026"), in the current culture.</summary>
    public static string Date(DateOnly date) => DisplayDates.Date(date);

    public static string Date(DateTimeOffset moment) => DisplayDates.Date(moment);

    public static string DateTime(DateTimeOffset moment) => DisplayDates.Moment(moment);

    /// <summary>The culture dates are shown in (Dutch months with a full stop); see <see cref="DisplayDates"/>.</summary>
    public static CultureInfo DateCulture => DisplayDates.Culture;
}
