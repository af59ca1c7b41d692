namespace PrivacyDesk.Domain.Subjects;

/// <summary>
/// The surname of a full name as a Dutch letter writes it after a title: the last word with the surname
/// prefixes (tussenvoegsels) before it, the first prefix capitalised ("Niels van der Meer" → "Van der Meer").
/// </summary>
public static class PersonName
{
    // Dutch (and the common Flemish/German) surname prefixes; a multi-word prefix is a run of these.
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "de", "der", "den", "het", "'t", "te", "ten", "ter", "in", "op", "uit", "aan", "bij", "onder", "over", "voor", "la", "le", "du", "des", "di", "da", "von", "zu", "el", "al",
    };

    /// <summary>The surname after a title: "Van der Meer", "De Vries", "Jansen"; the whole name when it is one word.</summary>
    public static string SurnameAfterTitle(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length <= 1)
        {
            return fullName.Trim();
        }
        var first = words.Length - 1;
        // Walk back over prefixes, but never take the first word (the given name) as a prefix.
        while (first > 1 && Prefixes.Contains(words[first - 1]))
        {
            first--;
        }
        var surname = words[first..];
        surname[0] = char.ToUpperInvariant(surname[0][0]) + surname[0][1..];
        return string.Join(' ', surname);
    }
}
