using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Data;

/// <summary>
/// What the shared model needs to be right on PostgreSQL (ADR 0047): the configurations write index filters the way
/// SQLite and SQL Server read them (bare column names), which PostgreSQL would fold to lower case.
/// </summary>
internal static partial class PostgreSqlModel
{
    /// <summary>Byte-order ("C") comparison: prefix ranges on references and search terms mean "starts with", whatever the server's locale.</summary>
    public const string BinaryCollation = "C";

    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var index in entity.GetDeclaredIndexes().Where(i => i.GetFilter() is not null))
            {
                index.SetFilter(QuoteColumns(index.GetFilter()!, entity.GetProperties().Select(p => p.GetColumnName())));
            }
        }
        builder.Entity<DataSubjectRequest>().Property(r => r.Reference).UseCollation(BinaryCollation);
        builder.Entity<SubjectSearchTerm>().Property(t => t.Term).UseCollation(BinaryCollation);
    }

    /// <summary>Double-quotes each known column name outside string literals: <c>Status IN ('Received')</c> becomes <c>"Status" IN ('Received')</c>.</summary>
    public static string QuoteColumns(string filter, IEnumerable<string> columns)
    {
        var known = columns.ToHashSet(StringComparer.Ordinal);
        var result = new StringBuilder(filter.Length + 16);
        // Literals ('…') and already quoted names ("…") are kept as they are; bare words that name a column are quoted.
        foreach (Match part in Token().Matches(filter))
        {
            var text = part.Value;
            result.Append(part.Groups["word"].Success && known.Contains(text) ? "\"" + text + "\"" : text);
        }
        return result.ToString();
    }

    [GeneratedRegex("""'(?:[^']|'')*'|"[^"]*"|(?<word>[A-Za-z_][A-Za-z0-9_]*)|[^'"A-Za-z_]+""")]
    private static partial Regex Token();
}
