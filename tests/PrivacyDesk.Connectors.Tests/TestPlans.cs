using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>
/// A plain walk of a map for the tests (the domain's planner is another piece of work): every identity column
/// first, then every table one reference away from a table already read, in both directions, until none is left.
/// </summary>
internal static class TestPlans
{
    public static RetrievalPlan For(DataMap map, int version = 1)
    {
        var steps = new List<RetrievalStep>();
        var read = new List<MappedTable>();
        foreach (var table in map.Tables.Where(t => t.InScope))
        {
            foreach (var column in table.Columns.Where(c => c.Identifies is not null))
            {
                steps.Add(new RetrievalStep(table, column.Name, RetrievalSource.OfIdentifier(column.Identifies!.Value)));
                if (!read.Contains(table))
                {
                    read.Add(table);
                }
            }
        }
        bool added;
        do
        {
            added = false;
            foreach (var table in map.Tables.Where(t => t.InScope && !read.Contains(t)))
            {
                var before = steps.Count;
                foreach (var reference in table.References)
                {
                    var target = read.FirstOrDefault(r => r.Name == reference.ToTable && r.Schema == reference.ToSchema);
                    if (target is not null)
                    {
                        steps.Add(new RetrievalStep(table, reference.Column, RetrievalSource.OfColumn(target.Schema, target.Name, reference.ToColumn)));
                    }
                }
                foreach (var source in read.ToList())
                {
                    foreach (var reference in source.References.Where(r => r.ToTable == table.Name && r.ToSchema == table.Schema))
                    {
                        steps.Add(new RetrievalStep(table, reference.ToColumn, RetrievalSource.OfColumn(source.Schema, source.Name, reference.Column)));
                    }
                }
                if (steps.Count > before)
                {
                    read.Add(table);
                    added = true;
                }
            }
        }
        while (added);
        return new RetrievalPlan(version, steps);
    }

    public static SubjectKeys Keys(string? customerNumber = null, string? email = null) =>
        new(new Dictionary<SubjectIdentifierKind, IReadOnlyList<string>>
        {
            [SubjectIdentifierKind.CustomerNumber] = customerNumber is null ? [] : [customerNumber],
            [SubjectIdentifierKind.EmailAddress] = email is null ? [] : [email],
        });

    /// <summary>The map as discovery should propose it: everything in scope, no identities, categories or purposes.</summary>
    public static DataMap AsDiscovered(DataMap map) => new([.. map.Tables.Select(t => t with
    {
        PurposeKeys = [],
        Columns = [.. t.Columns.Select(c => c with { Identifies = null, Category = null })],
    })]);

    /// <summary>A map as text, so a difference shows as a readable line in the failure.</summary>
    public static string Describe(DataMap map) => string.Join("\n", map.Tables.SelectMany(t =>
        new[] { $"{t.DisplayName} in={t.InScope} purposes=[{string.Join(",", t.PurposeKeys)}]" }
            .Concat(t.Columns.Select(c => $"  {c.Name} {c.DataType} pk={c.IsPrimaryKey} ix={c.IsIndexed} id={c.Identifies} cat={c.Category}"))
            .Concat(t.References.Select(r => $"  ref {r.Column} -> {r.ToSchema}.{r.ToTable}.{r.ToColumn} discovered={r.Discovered}"))));
}
