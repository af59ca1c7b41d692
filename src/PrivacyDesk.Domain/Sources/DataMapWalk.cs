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

    /// <summary>
    /// Every in-scope table an identity reaches, with how it is read: a table with identity columns once per such column
    /// (a subject known only by e-mail is found too; the retrieval merges a table's rows). A table reached along its own
    /// reference (accounts → products) is a lookup: it is read, but the walk never goes back from it to the tables that
    /// point at it, because those rows (another customer's account with the same product) are someone else's.
    /// </summary>
    public static IReadOnlyList<RetrievalStep> Steps(DataMap map)
    {
        var edges = Edges(map);
        var steps = new List<RetrievalStep>();
        var reached = new HashSet<MappedTable>(ReferenceEqualityComparer.Instance);
        var owned = new HashSet<MappedTable>(ReferenceEqualityComparer.Instance);
        var queue = new List<MappedTable>();
        foreach (var table in map.Tables.Where(t => t.InScope))
        {
            foreach (var column in table.Columns.Where(c => c.Identifies is not null).OrderBy(c => c.Identifies))
            {
                steps.Add(new(table, column.Name, RetrievalSource.OfIdentifier(column.Identifies!.Value)));
                if (reached.Add(table))
                {
                    owned.Add(table);
                    queue.Add(table);
                }
            }
        }
        for (var next = 0; next < queue.Count; next++)
        {
            var table = queue[next];
            // Its own references first (read the target by the referenced column), then, for the subject's own rows only, the tables that point at it.
            var lookups = edges.Where(e => ReferenceEquals(e.From, table))
                .Select(e => (Step: new RetrievalStep(e.To, e.ToColumn, RetrievalSource.OfColumn(table.Schema, table.Name, e.FromColumn)), Owned: false));
            var belonging = owned.Contains(table)
                ? edges.Where(e => ReferenceEquals(e.To, table))
                    .Select(e => (Step: new RetrievalStep(e.From, e.FromColumn, RetrievalSource.OfColumn(table.Schema, table.Name, e.ToColumn)), Owned: true))
                : [];
            foreach (var (step, isOwned) in lookups.Concat(belonging))
            {
                if (reached.Add(step.Table))
                {
                    steps.Add(isOwned ? step : step with { IsLookup = true });
                    queue.Add(step.Table);
                    if (isOwned)
                    {
                        owned.Add(step.Table);
                    }
                }
            }
        }
        return steps;
    }
}
