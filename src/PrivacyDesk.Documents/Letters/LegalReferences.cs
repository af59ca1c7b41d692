using System.Text.RegularExpressions;

namespace PrivacyDesk.Documents.Letters;

/// <summary>
/// The domain writes GDPR references one way ("AVG art. 17(3)(b)"); letters write them the way a reader
/// of that language expects: "art. 17 lid 3 onder b AVG" in Dutch, "Art. 17(3)(b) GDPR" in English.
/// National provisions ("Wwft art. 33", "UAVG art. 41") are left as written.
/// </summary>
internal static partial class LegalReferences
{
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
        var all = references.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var precise = all.Where(r => !all.Any(other => other.StartsWith(r + "(", StringComparison.Ordinal)));
        return string.Join("; ", precise.Select(r => Format(r, dutch)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>
    /// "art. 15 AVG" / "Art. 15 GDPR"; parts as in the domain: "(3)(b)". No-break spaces keep a citation
    /// on one line, so a reader never sees "art. 17" at the end of a line and "AVG" on the next.
    /// </summary>
    public static string Article(string number, string parts, bool dutch) => Article(number, parts, dutch, NoBreak);

    private static string Article(string number, string parts, bool dutch, char space)
    {
        if (!dutch)
        {
            return $"Art.{space}{number}{parts}{space}GDPR";
        }
        var pieces = Part().Matches(parts).Select(m => m.Groups[1].Value).ToList();
        var text = "art." + space + number;
        for (var i = 0; i < pieces.Count; i++)
        {
            // A number is a paragraph ("lid"), a letter a point ("onder"), as Dutch legal citations write them.
            text += pieces[i].All(char.IsDigit) ? $"{space}lid{space}{pieces[i]}" : $"{space}onder{space}{pieces[i]}";
        }
        return text + space + "AVG";
    }

    /// <summary>Joins the words of every citation in a sentence with no-break spaces ("art. 12 lid 3 AVG", "Wwft art. 33").</summary>
    public static string Glue(string sentence) =>
        Citation().Replace(sentence, match => match.Value.Replace(' ', NoBreak));

    private const char NoBreak = '\u00A0';

    [GeneratedRegex(@"(?:(?:[Aa]rt\.|[Aa]rtikel|Article) \d+(?:\([0-9a-z]+\))*(?: (?:lid|onder) [0-9a-z]+)* (?:AVG|GDPR))|(?:(?:Wwft|UAVG|Wft|BW|AWR) art\. [0-9:.a-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();

    [GeneratedRegex(@"AVG art\. (?<number>\d+)(?<parts>(?:\([0-9a-z]+\))*)", RegexOptions.CultureInvariant)]
    private static partial Regex GdprArticle();

    [GeneratedRegex(@"AVG overweging (?<number>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex GdprRecital();

    [GeneratedRegex(@"\(([0-9a-z]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
