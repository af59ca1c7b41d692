using System.Globalization;
using System.Text;

namespace PrivacyDesk.Domain.Subjects;

/// <summary>
/// One word by which a subject can be found: a word of the name, an e-mail address or a customer
/// number, folded to lower case without accents, so "Müller" is found by "mul" and "MÜLLER".
/// Stored as its own indexed row so a search is a range scan, not a scan of every subject.
/// </summary>
public sealed class SubjectSearchTerm
{
    public const int TermMaxLength = 256;

    private SubjectSearchTerm()
    {
    }

    internal SubjectSearchTerm(Guid subjectId, string term)
    {
        SubjectId = subjectId;
        Term = term;
    }

    public Guid SubjectId { get; private set; }

    public string Term { get; private set; } = "";
}

/// <summary>How names, e-mail addresses, customer numbers and typed searches are folded into search words.</summary>
public static class SubjectSearchTerms
{
    /// <summary>The most words a search uses; more words add nothing but work.</summary>
    public const int MaxQueryWords = 5;

    private static readonly char[] WordSeparators = [' ', '\t', '\n', '\r', '-', '\'', '’', '.', ',', '(', ')', '/', '&'];

    /// <summary>Every word the subject can be found by.</summary>
    public static IReadOnlySet<string> For(string fullName, IEnumerable<string> emailAddresses, string? customerNumber)
    {
        ArgumentNullException.ThrowIfNull(emailAddresses);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Fold(fullName).Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            terms.Add(word);
        }
        foreach (var email in emailAddresses)
        {
            terms.Add(Fold(email));
        }
        if (!string.IsNullOrWhiteSpace(customerNumber))
        {
            var folded = Fold(customerNumber).Replace(" ", "", StringComparison.Ordinal);
            terms.Add(folded);
            // "C-100001" is also found by the number the customer reads out: "100001".
            var digits = new string([.. folded.Where(char.IsAsciiDigit)]);
            if (digits.Length >= 2)
            {
                terms.Add(digits);
            }
        }
        terms.RemoveWhere(t => t.Length == 0 || t.Length > SubjectSearchTerm.TermMaxLength);
        return terms;
    }

    /// <summary>The one term a whole e-mail address or customer number is stored as (see <see cref="For"/>), for an exact look-up.</summary>
    public static string ExactTerm(string text) => Fold(text).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// The words of a typed search, folded like the terms; each must be the start of one of a subject's
    /// terms. An e-mail address is one word. One-letter words are dropped when longer ones exist (they match
    /// half the register and narrow nothing).
    /// </summary>
    public static IReadOnlyList<string> QueryWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var words = new List<string>();
        foreach (var part in Fold(text).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Contains('@', StringComparison.Ordinal))
            {
                words.Add(part);
            }
            else
            {
                words.AddRange(part.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries));
            }
        }
        var useful = words.Where(w => w.Length >= 2).ToList();
        var chosen = useful.Count > 0 ? useful : words;
        return [.. chosen.Select(w => w.Length > SubjectSearchTerm.TermMaxLength ? w[..SubjectSearchTerm.TermMaxLength] : w)
            .Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length).Take(MaxQueryWords)];
    }

    /// <summary>Lower case, accents removed, letters without a decomposition (ø, æ, ß, ł) spelled out.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c switch
            {
                'ø' => "o",
                'æ' => "ae",
                'œ' => "oe",
                'ß' => "ss",
                'ł' => "l",
                'đ' => "d",
                'ı' => "i",
                _ => c.ToString(),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
