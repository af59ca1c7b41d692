using System.Globalization;

namespace PrivacyDesk.Domain.Common;

/// <summary>
/// The rules for what people type as names, e-mail addresses and file names, in one place so the new-request
/// dialog, the intake API, the subject profile and the controller profile cannot disagree.
/// </summary>
public static class ContactDetails
{
    /// <summary>
    /// Line breaks, control characters and invisible formatting characters (direction overrides and isolates,
    /// zero-width spaces, byte-order marks): a name holding them displays as something else than it is, or
    /// breaks a letter's header. Zero-width (non-)joiners stay: Persian and Indic names need them.
    /// </summary>
    public static bool HasHiddenCharacters(string? text) =>
        text is not null && text.Any(c => IsHidden(c));

    private static bool IsHidden(char c) => c is not ('\u200C' or '\u200D') && char.GetUnicodeCategory(c)
        is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>
    /// An address a mail server would take: one @; a local part of at most 64 characters without spaces, brackets or
    /// an empty dot-separated part; a domain of dot-separated labels (letters, digits, hyphens, not at a label's ends)
    /// ending in a top-level domain of at least two letters (or its xn-- form). International letters are allowed on both sides.
    /// </summary>
    public static bool IsEmailAddress(string? email, int maxLength)
    {
        if (string.IsNullOrEmpty(email) || email.Length > maxLength || HasHiddenCharacters(email) || email.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at > 64)
        {
            return false;
        }
        var local = email[..at];
        if (local.Split('.').Any(part => part.Length == 0) || local.Any(c => c is '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or ']' or '\\'))
        {
            return false;
        }
        var labels = email[(at + 1)..].Split('.');
        return labels.Length >= 2
            && labels.All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-')
            && labels[^1].Length >= 2 && (labels[^1].All(char.IsLetter) || labels[^1].StartsWith("xn--", StringComparison.OrdinalIgnoreCase));
    }
}
