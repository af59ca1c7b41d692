using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Register;

/// <summary>The purposes a privacy-notice import yields, keyed so persistence can skip what it already holds.</summary>
public sealed class RegisterImport
{
    internal RegisterImport(IReadOnlyList<Purpose> purposes) => Purposes = purposes;

    /// <summary>Active where activation succeeded, Draft (with its violations) otherwise.</summary>
    public IReadOnlyList<Purpose> Purposes { get; }

    public IReadOnlyList<string> Keys => [.. Purposes.Select(p => p.Key)];

    /// <summary>The purposes whose key is not among <paramref name="existingKeys"/>: importing again adds nothing twice.</summary>
    public IReadOnlyList<Purpose> NotYetIn(IEnumerable<string> existingKeys)
    {
        var existing = existingKeys.ToHashSet(StringComparer.Ordinal);
        return [.. Purposes.Where(p => !existing.Contains(p.Key))];
    }
}

/// <summary>
/// Reads the firm's privacy notice, finds each purpose section and the bases it cites
/// ("Art. 6 Par. 1 lit. x"), checks them against <see cref="DefaultRegister"/> and yields the register.
/// A disagreement between notice and curation fails the import: one of them must be corrected first.
/// </summary>
public static partial class PrivacyNoticeRegister
{
    /// <summary>The heading after the last purpose: the notice turns to the subject's rights there.</summary>
    public const string EndOfPurposes = "Uw rechten als bezoeker";

    public static Result<RegisterImport> Import(string noticeText, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(noticeText);
        var sections = Sections(noticeText);
        var curated = DefaultRegister.Purposes.ToDictionary(p => Normalise(p.Heading), StringComparer.Ordinal);
        var errors = new List<Error>();

        foreach (var heading in sections.Keys.Where(h => !curated.ContainsKey(h)))
        {
            errors.Add(RegisterErrors.ImportSectionUnknown with { Arguments = new Dictionary<string, string> { ["heading"] = heading } });
        }

        var purposes = new List<Purpose>();
        foreach (var entry in DefaultRegister.Purposes)
        {
            var key = entry.Definition.Key;
            if (!sections.TryGetValue(Normalise(entry.Heading), out var body))
            {
                errors.Add(RegisterErrors.ImportSectionMissing with { Arguments = new Dictionary<string, string> { ["key"] = key } });
                continue;
            }
            var named = CitedBases(body);
            if (!named.SetEquals(entry.BasesNamedInNotice))
            {
                errors.Add(RegisterErrors.ImportBasesDiffer with
                {
                    Arguments = new Dictionary<string, string>
                    {
                        ["key"] = key,
                        ["notice"] = Letters(named),
                        ["curated"] = Letters(entry.BasesNamedInNotice),
                    },
                });
                continue;
            }
            var purpose = Purpose.Draft(entry.Definition, actor, at, IdFor(key)).Value;
            // A purpose that fails activation stays Draft and shows its violations; no basis is made up.
            _ = purpose.Activate(actor, at);
            purposes.Add(purpose);
        }

        return errors.Count > 0 ? Result<RegisterImport>.Failure(errors) : Result.Success(new RegisterImport(purposes));
    }

    /// <summary>The same key always gives the same id, so an import is the same set every time.</summary>
    public static Guid IdFor(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("privacydesk:register:" + key));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Each purpose heading of the notice with the text below it.</summary>
    public static IReadOnlyDictionary<string, string> Sections(string noticeText)
    {
        ArgumentNullException.ThrowIfNull(noticeText);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? heading = null;
        var body = new StringBuilder();
        foreach (var raw in noticeText.Split('\n'))
        {
            var line = Normalise(raw);
            if (line.Length == 0)
            {
                continue;
            }
            if (line == EndOfPurposes)
            {
                break;
            }
            // Paragraphs end in a full stop (the introduction in a colon); headings do not.
            if (!line.EndsWith('.') && !line.EndsWith(':'))
            {
                Close();
                heading = line;
                continue;
            }
            body.AppendLine(line);
        }
        Close();
        return sections;

        void Close()
        {
            if (heading is not null)
            {
                sections[heading] = body.ToString();
            }
            body.Clear();
        }
    }

    public static HashSet<LawfulBasisKind> CitedBases(string sectionText) =>
    [
        .. BasisCitation().Matches(sectionText).Select(m => LawfulBasisKinds.FromLetter(m.Groups["letter"].Value[0])!.Value),
    ];

    private static string Letters(IEnumerable<LawfulBasisKind> kinds)
    {
        var letters = kinds.Select(k => k.Letter()).Order().ToList();
        return letters.Count == 0 ? "-" : string.Join(", ", letters);
    }

    private static string Normalise(string line) => WhiteSpace().Replace(line, " ").Trim();

    [GeneratedRegex(@"Art\.\s*6\s*Par\.\s*1\s*lit\.\s*(?<letter>[a-f])\b")]
    private static partial Regex BasisCitation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
