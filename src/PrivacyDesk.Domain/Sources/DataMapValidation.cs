using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// The rules a data map must pass before a retrieval may walk it (issue 14, docs/domain-rules.md "Data maps").
/// Every problem is returned at once, each with a <see cref="Error.Field"/> naming its place in the map
/// (<c>Tables[public.customers].Columns[email].Category</c>) so the map page can link to it.
/// </summary>
public static class DataMapValidation
{
    public static IReadOnlyList<Error> Validate(DataMap map, IReadOnlyCollection<Purpose> purposes, DataMap? liveSchema)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(purposes);
        var byKey = purposes.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var errors = new List<Error>(Structure(map));
        foreach (var table in map.Tables)
        {
            errors.AddRange(ScopeProblems(table, byKey));
            errors.AddRange(CategoryProblems(table, byKey));
        }
        if (liveSchema is not null)
        {
            errors.AddRange(Drift(map, liveSchema));
        }
        return errors;
    }

    /// <summary>
    /// The rules a retrieval itself depends on (no register, no live catalog needed): every table and column once,
    /// references that point at mapped columns, an identity, every in-scope table reached from one.
    /// </summary>
    public static IReadOnlyList<Error> Structure(DataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var errors = new List<Error>();
        foreach (var duplicate in map.Tables.GroupBy(t => t.DisplayName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(SourceSystemErrors.Map(SourceSystemErrors.MapTableDuplicate, DataMapFields.Table(duplicate.First()), ("table", duplicate.Key)));
        }
        foreach (var table in map.Tables)
        {
            foreach (var duplicate in table.Columns.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add(SourceSystemErrors.Map(SourceSystemErrors.MapColumnDuplicate, DataMapFields.Column(table, duplicate.Key), ("table", table.DisplayName), ("column", duplicate.Key)));
            }
            errors.AddRange(ReferenceProblems(map, table));
        }
        var inScope = map.Tables.Where(t => t.InScope).ToList();
        if (!inScope.Any(t => DataMapWalk.Identity(t) is not null))
        {
            // Without any identity nothing is reachable; one message says it instead of one per table.
            errors.Add(SourceSystemErrors.Map(SourceSystemErrors.MapNoIdentity, "Tables"));
            return errors;
        }
        var reached = DataMapWalk.Steps(map).Select(s => s.Table).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var table in inScope.Where(t => !reached.Contains(t)))
        {
            errors.Add(SourceSystemErrors.Map(SourceSystemErrors.MapTableUnreachable, DataMapFields.Table(table), ("table", table.DisplayName)));
        }
        return errors;
    }

    private static IEnumerable<Error> CategoryProblems(MappedTable table, Dictionary<string, Purpose> byKey)
    {
        if (!table.InScope)
        {
            yield break;
        }
        var named = table.PurposeKeys
            .Select(k => byKey.GetValueOrDefault(k))
            .OfType<Purpose>()
            .SelectMany(p => p.DataCategories.Select(c => c.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var column in table.Columns.Where(c => !string.IsNullOrWhiteSpace(c.Category) && !named.Contains(c.Category!)))
        {
            yield return SourceSystemErrors.Map(SourceSystemErrors.MapCategoryNotInPurposes, DataMapFields.Column(table, column.Name) + ".Category",
                ("table", table.DisplayName), ("column", column.Name), ("category", column.Category!));
        }
    }

    private static IEnumerable<Error> Drift(DataMap map, DataMap live)
    {
        foreach (var table in map.Tables)
        {
            var current = live.Find(table.Schema, table.Name);
            if (current is null)
            {
                yield return SourceSystemErrors.Map(SourceSystemErrors.MapTableGone, DataMapFields.Table(table), ("table", table.DisplayName));
                continue;
            }
            foreach (var column in table.Columns)
            {
                var now = current.Column(column.Name);
                if (now is null)
                {
                    yield return SourceSystemErrors.Map(SourceSystemErrors.MapColumnGone, DataMapFields.Column(table, column.Name), ("table", table.DisplayName), ("column", column.Name));
                }
                else if (!string.Equals(now.DataType, column.DataType, StringComparison.OrdinalIgnoreCase))
                {
                    yield return SourceSystemErrors.Map(SourceSystemErrors.MapTypeChanged, DataMapFields.Column(table, column.Name) + ".DataType",
                        ("table", table.DisplayName), ("column", column.Name), ("mapped", column.DataType), ("live", now.DataType));
                }
            }
        }
    }

    private static IEnumerable<Error> ScopeProblems(MappedTable table, Dictionary<string, Purpose> byKey)
    {
        if (!table.InScope)
        {
            if (string.IsNullOrWhiteSpace(table.OutOfScopeReason))
            {
                yield return SourceSystemErrors.Map(SourceSystemErrors.MapReasonMissing, DataMapFields.Table(table) + ".OutOfScopeReason", ("table", table.DisplayName));
            }
            yield break;
        }
        if (table.PurposeKeys.Count == 0)
        {
            yield return SourceSystemErrors.Map(SourceSystemErrors.MapPurposesMissing, DataMapFields.Table(table) + ".PurposeKeys", ("table", table.DisplayName));
        }
        foreach (var key in table.PurposeKeys.Where(k => !byKey.ContainsKey(k)).Distinct(StringComparer.Ordinal))
        {
            yield return SourceSystemErrors.Map(SourceSystemErrors.MapPurposeUnknown, DataMapFields.Table(table) + ".PurposeKeys", ("table", table.DisplayName), ("purpose", key));
        }
    }

    private static IEnumerable<Error> ReferenceProblems(DataMap map, MappedTable table)
    {
        foreach (var reference in table.References)
        {
            var target = map.Find(reference.ToSchema, reference.ToTable);
            if (table.Column(reference.Column) is null || target?.Column(reference.ToColumn) is null)
            {
                yield return SourceSystemErrors.Map(SourceSystemErrors.MapReferenceUnknown, DataMapFields.Reference(table, reference),
                    ("table", table.DisplayName), ("column", reference.Column), ("target", DataMapFields.Target(reference)));
            }
        }
    }
}

/// <summary>The names of places in a map, as <see cref="Error.Field"/> and the map page spell them.</summary>
public static class DataMapFields
{
    public static string Table(MappedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"Tables[{table.DisplayName}]";
    }

    public static string Column(MappedTable table, string column) => $"{Table(table)}.Columns[{column}]";

    public static string Reference(MappedTable table, TableReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return $"{Table(table)}.References[{reference.Column}]";
    }

    public static string Target(TableReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.ToSchema is null ? $"{reference.ToTable}.{reference.ToColumn}" : $"{reference.ToSchema}.{reference.ToTable}.{reference.ToColumn}";
    }
}
