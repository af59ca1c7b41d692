using System.Text.RegularExpressions;

namespace PrivacyDesk.Domain.Common;

/// <summary>
/// The domain writes GDPR references one way ("AVG art. 17(3)(b)"); readers get them the way their language
/// writes them: "art. 17 lid 3 onder b AVG" in Dutch, "Art. 17(3)(b) GDPR" in English. National provisions
/// ("Wwft art. 33", "UAVG art. 41") are left as written. Screens, letters and the case file all cite through here.
/// </summary>
public static partial class LegalCitations
{
    /// <summary>No-break spaces keep a citation on one line, so a reader never sees "art. 17" at a line's end and "AVG" on the next.</summary>
    public const char NoBreak = '\u00A0';

    /// <summary>Rewrites every GDPR reference inside <paramref name="text"/>, leaving the rest alone.</summary>
    public static string Format(string? text, bool dutch)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var articles = GdprArticle().Replace(text, match => Article(match.Groups["number"].Value, match.Groups["parts"].Value, dutch));
        return GdprRecital().Replace(articles, match => dutch ? $"overweging {match.Groups["number"].Value} AVG" : $"Recital {match.Groups["number"].Value} GDPR");
    }

    /// <summary>
    /// Several references, each formatted, without repeats, joined by "; ". A general reference is
    /// dropped when a more precise one is there ("AVG art. 12(5)" beside "AVG art. 12(5)(b)").
    /// </summary>
    public static string Join(IEnumerable<string?> references, bool dutch)
    {
        ArgumentNullException.ThrowIfNull(references);
        var all = references.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var precise = all.Where(r => !all.Any(other => other.StartsWith(r + "(", StringComparison.Ordinal)));
        return string.Join("; ", precise.Select(r => Format(r, dutch)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>"art. 15 AVG" / "Art. 15 GDPR"; parts as in the domain: "(3)(b)".</summary>
    public static string Article(string number, string parts, bool dutch)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (!dutch)
        {
            return $"Art.{NoBreak}{number}{parts}{NoBreak}GDPR";
        }
        var text = "art." + NoBreak + number;
        foreach (var piece in Part().Matches(parts).Select(m => m.Groups[1].Value))
        {
            // A number is a paragraph ("lid"), a letter a point ("onder"), as Dutch legal citations write them.
            text += piece.All(char.IsDigit) ? $"{NoBreak}lid{NoBreak}{piece}" : $"{NoBreak}onder{NoBreak}{piece}";
        }
        return text + NoBreak + "AVG";
    }

    /// <summary>
    /// The national provisions a text cites, in order, without repeats: "5 jaar …, Wwft art. 33" gives "Wwft art. 33".
    /// Retention is cited from the retention ground, not from the (c) basis, which names the duty to process (e.g. Wwft art. 16).
    /// </summary>
    public static string NationalProvisions(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return string.Join(" en ", NationalProvision().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';')).Distinct(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\b(?:Wwft|UAVG|Wft|BW|AWR|Awb|Telecommunicatiewet) art\. [0-9][0-9:.a-z]*(?: lid [0-9]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NationalProvision();

    [GeneratedRegex(@"AVG art\. (?<number>\d+)(?<parts>(?:\([0-9a-z]+\))*)", RegexOptions.CultureInvariant)]
    private static partial Regex GdprArticle();

    [GeneratedRegex(@"AVG overweging (?<number>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex GdprRecital();

    [GeneratedRegex(@"\(([0-9a-z]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
