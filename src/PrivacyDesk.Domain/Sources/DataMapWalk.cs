namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// The map as a graph (after fides' traversal): in-scope tables are nodes, references between two in-scope tables
/// are edges walked in both directions, identity columns are the seeds. Breadth first, in the map's own order, so the
/// same map always gives the same walk. Out-of-scope tables are never nodes: a retrieval never reads them.
/// </summary>
internal static class DataMapWalk
{
    /// <summary>A reference both of whose ends exist in the map, between two in-scope tables.</summary>
    public sealed record Edge(MappedTable From, string FromColumn, MappedTable To, string ToColumn);

    public static IReadOnlyList<Edge> Edges(DataMap map)
    {
        var edges = new List<Edge>();
        foreach (var table in map.Tables.Where(t => t.InScope))
        {
            foreach (var reference in table.References)
            {
                var target = map.Find(reference.ToSchema, reference.ToTable);
                if (target is { InScope: true } && table.Column(reference.Column) is not null && target.Column(reference.ToColumn) is not null)
                {
                    edges.Add(new(table, reference.Column, target, reference.ToColumn));
                }
            }
        }
        return edges;
    }

    /// <summary>The identity column a table is read by: the first kind in <see cref="SubjectIdentifierKind"/> order, then the first such column.</summary>
    public static MappedColumn? Identity(MappedTable table) =>
        table.Columns.Where(c => c.Identifies is not null).OrderBy(c => c.Identifies).FirstOrDefault();

    /// <summary>Every in-scope table an identity reaches, once, with how it is read.</summary>
    public static IReadOnlyList<RetrievalStep> Steps(DataMap map)
    {
        var edges = Edges(map);
        var steps = new List<RetrievalStep>();
        var reached = new HashSet<MappedTable>(ReferenceEqualityComparer.Instance);
        foreach (var table in map.Tables.Where(t => t.InScope))
        {
            if (Identity(table) is { Identifies: { } kind } column && reached.Add(table))
            {
                steps.Add(new(table, column.Name, RetrievalSource.OfIdentifier(kind)));
            }
        }
        for (var next = 0; next < steps.Count; next++)
        {
            var table = steps[next].Table;
            // Its own references first (read the target by the referenced column), then the tables that point at it.
            var neighbours = edges.Where(e => ReferenceEquals(e.From, table))
                .Select(e => new RetrievalStep(e.To, e.ToColumn, RetrievalSource.OfColumn(table.Schema, table.Name, e.FromColumn)))
                .Concat(edges.Where(e => ReferenceEquals(e.To, table))
                    .Select(e => new RetrievalStep(e.From, e.FromColumn, RetrievalSource.OfColumn(table.Schema, table.Name, e.ToColumn))));
            foreach (var step in neighbours)
            {
                if (reached.Add(step.Table))
                {
                    steps.Add(step);
                }
            }
        }
        return steps;
    }
}
