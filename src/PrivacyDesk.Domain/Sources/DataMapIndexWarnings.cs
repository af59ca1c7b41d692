using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// Identity and reference columns a retrieval matches on without an index (a primary key counts as one): each
/// such read scans the whole table. Warnings only; they never block saving or fetching.
/// </summary>
public static class DataMapIndexWarnings
{
    public static IReadOnlyList<Error> For(DataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var matched = new List<(MappedTable Table, string Column)>();
        foreach (var table in map.Tables.Where(t => t.InScope))
        {
            matched.AddRange(table.Columns.Where(c => c.Identifies is not null).Select(c => (table, c.Name)));
        }
        foreach (var edge in DataMapWalk.Edges(map))
        {
            matched.Add((edge.From, edge.FromColumn));
            matched.Add((edge.To, edge.ToColumn));
        }
        var warnings = new List<Error>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (table, name) in matched)
        {
            var column = table.Column(name);
            var field = DataMapFields.Column(table, name);
            if (column is { IsIndexed: false, IsPrimaryKey: false } && seen.Add(field))
            {
                warnings.Add(SourceSystemErrors.Map(SourceSystemErrors.MapIndexMissing, field, ("table", table.DisplayName), ("column", name)));
            }
        }
        return warnings;
    }
}
