using System.Globalization;

namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// What changed between two versions of a data map, as lines an auditor can read ("table public.kyc_documents
/// added, in scope"); the audit trail keeps these instead of two JSON documents.
/// </summary>
public static class DataMapChanges
{
    public static IReadOnlyList<string> Describe(DataMap before, DataMap after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<string>();
        foreach (var table in after.Tables.Where(t => before.Find(t.Schema, t.Name) is null))
        {
            lines.Add(Line("table {0} added, {1}", table.DisplayName, table.InScope ? "in scope" : $"out of scope ({table.OutOfScopeReason})"));
            lines.AddRange(TableDetails(null, table));
        }
        foreach (var table in before.Tables.Where(t => after.Find(t.Schema, t.Name) is null))
        {
            lines.Add(Line("table {0} removed", table.DisplayName));
        }
        foreach (var table in after.Tables)
        {
            if (before.Find(table.Schema, table.Name) is { } old)
            {
                lines.AddRange(TableDetails(old, table));
            }
        }
        if (lines.Count == 0 && !Same(before, after))
        {
            lines.Add("primary keys, indexes or the order of tables and columns changed");
        }
        return lines;
    }

    /// <summary>Whether two maps are the same in every detail (content, not reference).</summary>
    public static bool Same(DataMap a, DataMap b) =>
        string.Equals(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b), StringComparison.Ordinal);

    private static IEnumerable<string> TableDetails(MappedTable? old, MappedTable table)
    {
        var name = table.DisplayName;
        if (old is not null && old.InScope != table.InScope)
        {
            yield return table.InScope ? Line("table {0} now in scope", name) : Line("table {0} now out of scope ({1})", name, table.OutOfScopeReason);
        }
        else if (old is not null && !table.InScope && old.OutOfScopeReason != table.OutOfScopeReason)
        {
            yield return Line("table {0} out-of-scope reason: {1}", name, table.OutOfScopeReason);
        }
        var oldPurposes = old?.PurposeKeys ?? [];
        foreach (var key in table.PurposeKeys.Except(oldPurposes, StringComparer.Ordinal))
        {
            yield return Line("table {0}: purpose {1} added", name, key);
        }
        foreach (var key in oldPurposes.Except(table.PurposeKeys, StringComparer.Ordinal))
        {
            yield return Line("table {0}: purpose {1} removed", name, key);
        }
        foreach (var column in table.Columns)
        {
            var was = old?.Column(column.Name);
            if (old is not null && was is null)
            {
                yield return Line("column {0}.{1} added", name, column.Name);
            }
            if (was?.Identifies != column.Identifies && (was?.Identifies is not null || column.Identifies is not null))
            {
                yield return column.Identifies is null
                    ? Line("column {0}.{1} no longer identifies the subject", name, column.Name)
                    : Line("column {0}.{1} identifies the subject by {2}", name, column.Name, column.Identifies);
            }
            if (!string.Equals(was?.Category, column.Category, StringComparison.Ordinal) && (was?.Category is not null || column.Category is not null))
            {
                yield return Line("column {0}.{1} category: {2} → {3}", name, column.Name, was?.Category ?? "none", column.Category ?? "none");
            }
            if (was is not null && !string.Equals(was.DataType, column.DataType, StringComparison.Ordinal))
            {
                yield return Line("column {0}.{1} type: {2} → {3}", name, column.Name, was.DataType, column.DataType);
            }
        }
        foreach (var column in (old?.Columns ?? []).Where(c => table.Column(c.Name) is null))
        {
            yield return Line("column {0}.{1} removed", name, column.Name);
        }
        var oldReferences = old?.References ?? [];
        foreach (var reference in table.References.Where(r => !oldReferences.Any(o => SameReference(o, r))))
        {
            yield return Line("reference {0}.{1} → {2} added", name, reference.Column, DataMapFields.Target(reference));
        }
        foreach (var reference in oldReferences.Where(o => !table.References.Any(r => SameReference(o, r))))
        {
            yield return Line("reference {0}.{1} → {2} removed", name, reference.Column, DataMapFields.Target(reference));
        }
    }

    private static bool SameReference(TableReference a, TableReference b) =>
        a.Column == b.Column && a.ToSchema == b.ToSchema && a.ToTable == b.ToTable && a.ToColumn == b.ToColumn;

    private static string Line(string format, params object?[] arguments) => string.Format(CultureInfo.InvariantCulture, format, arguments);
}
