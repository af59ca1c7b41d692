using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Data.Search;

/// <summary>
/// Finds subjects by the start of a name word, an e-mail address or a customer number, on the
/// <c>SubjectSearchTerms</c> index: every typed word must start one of the subject's terms.
/// </summary>
public static class SubjectSearch
{
    // Above every character a folded term can hold, so [word, word + Ceiling) is "starts with word".
    private const char Ceiling = '\uffff';

    /// <summary>The folded words of what the user typed (see <see cref="SubjectSearchTerms.QueryWords"/>); empty means "no search".</summary>
    public static IReadOnlyList<string> Words(string? text) => SubjectSearchTerms.QueryWords(text);

    /// <summary>The ids of subjects matching every word, as a sub-query to compose (e.g. <c>SubjectId IN (...)</c>).</summary>
    public static IQueryable<Guid> MatchingSubjectIds(PrivacyDeskDbContext db, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            throw new ArgumentException("Give at least one word; check Words(text) first.", nameof(words));
        }
        var terms = db.Set<SubjectSearchTerm>().AsNoTracking();
        // PostgreSQL's column is byte-ordered ("C", ADR 0047), so the same range is "starts with" there and uses the index.
        var ranged = db.Database.IsSqlite() || db.Database.IsNpgsql();
        IQueryable<Guid>? ids = null;
        foreach (var word in words)
        {
            var matching = (ranged ? StartingWithByRange(terms, word) : terms.Where(t => t.Term.StartsWith(word))).Select(t => t.SubjectId);
            ids = ids is null ? matching.Distinct() : ids.Intersect(matching);
        }
        return ids!;
    }

    // SQLite's LIKE ignores case and so cannot use a binary index; a range on the binary-collated
    // column can. SQL Server's LIKE 'word%' is itself an index seek (untested here: no SQL Server).
#pragma warning disable CA1309 // Only this overload translates to SQL; the column's collation decides, and it is binary in SQLite.
    private static IQueryable<SubjectSearchTerm> StartingWithByRange(IQueryable<SubjectSearchTerm> terms, string word)
    {
        var upper = word + Ceiling;
        return terms.Where(t => string.Compare(t.Term, word) >= 0 && string.Compare(t.Term, upper) < 0);
    }
#pragma warning restore CA1309
}
