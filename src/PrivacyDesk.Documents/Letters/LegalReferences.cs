using System.Text.RegularExpressions;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Documents.Letters;

/// <summary>
/// Citations in letters: formatted by the domain's <see cref="LegalCitations"/> (the screens use it too), and
/// glued with no-break spaces inside a sentence.
/// </summary>
internal static partial class LegalReferences
{
    /// <summary>Rewrites every GDPR reference inside <paramref name="text"/>, leaving the rest alone (<see cref="LegalCitations"/>).</summary>
    public static string Format(string? text, bool dutch) => LegalCitations.Format(text, dutch);

    /// <summary>Several references, each formatted, without repeats, joined by "; " (<see cref="LegalCitations.Join"/>).</summary>
    public static string Join(IEnumerable<string?> references, bool dutch) => LegalCitations.Join(references, dutch);

    /// <summary>"art. 15 AVG" / "Art. 15 GDPR", joined by no-break spaces.</summary>
    public static string Article(string number, string parts, bool dutch) => LegalCitations.Article(number, parts, dutch);

    /// <summary>Joins the words of every citation in a sentence with no-break spaces ("art. 12 lid 3 AVG", "Wwft art. 33").</summary>
    public static string Glue(string sentence) =>
        Citation().Replace(sentence, match => match.Value.Replace(' ', NoBreak));

    private const char NoBreak = LegalCitations.NoBreak;

    [GeneratedRegex(@"(?:(?:[Aa]rt\.|[Aa]rtikel|Article) \d+(?:\([0-9a-z]+\))*(?: (?:lid|onder) [0-9a-z]+)* (?:AVG|GDPR))|(?:(?:Wwft|UAVG|Wft|BW|AWR|Awb) art\. [0-9:.a-z]+(?: lid [0-9]+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex Citation();
}
