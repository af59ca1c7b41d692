using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>
/// From what a case wants per purpose to what must happen per system and table (issue 15): erase (delete rows in
/// foreign-key order, children first, or mask columns as the map says), keep what a retained purpose needs (when a
/// table serves an erased and a kept purpose only the erased purpose's columns are masked), restrict by the map's
/// marker or by hand, rectify by the case's corrections. Lookup tables (another table's own reference) are never
/// touched; manual systems become instructions.
/// </summary>
public static class SourceChangePlanner
{
    private enum Role
    {
        Change,
        Keep,
        Ignore,
    }

    public static Result<SourceChangeProposal> Plan(SourceChangeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!SourceChangePlan.ChangesSources(input.Kind))
        {
            return Result<SourceChangeProposal>.Failure(SourceChangeErrors.KindNotChanging with { Arguments = Args(("type", input.Kind.ToString())) });
        }
        var context = new Context(input);
        var errors = new List<Error>();
        if (input.Kind == RequestType.Rectification)
        {
            foreach (var correction in input.Corrections.Where(c => !input.Systems.Any(s => SameSystem(s, c.SystemName))))
            {
                errors.Add(TargetUnknown(correction));
            }
        }
        var systems = new List<SystemChangePlan>();
        foreach (var system in input.Systems.Where(context.Concerns))
        {
            var plan = PlanSystem(system, context, errors);
            if (plan.Changes.Count + plan.Kept.Count + plan.ByHand.Count > 0)
            {
                systems.Add(plan);
            }
        }
        return errors.Count > 0
            ? Result<SourceChangeProposal>.Failure(errors)
            : Result.Success(new SourceChangeProposal(input.Kind, systems));
    }

    private static SystemChangePlan PlanSystem(SourceSystem system, Context context, List<Error> errors)
    {
        var reason = system.Status == SourceSystemStatus.Retired ? SourceChangeTexts.Retired
            : system.Connector == ConnectorKind.Manual ? SourceChangeTexts.ManualSystem
            : !system.IsConnected ? SourceChangeTexts.NotConnected
            : system.MapVersion == 0 || system.Map.Tables.Count == 0 ? SourceChangeTexts.NoMap
            : !system.CanChange ? SourceChangeTexts.NoErasureConnection
            : null;
        IReadOnlyList<RetrievalStep>? steps = null;
        if (system.Map.Tables.Count > 0)
        {
            var walk = RetrievalPlanner.Plan(system.Map, system.MapVersion);
            if (walk.IsSuccess)
            {
                steps = walk.Value.Steps;
            }
            else
            {
                reason ??= SourceChangeTexts.MapInvalid;
            }
        }
        // A system PrivacyDesk may not change and no correction names: its team corrects what the case decided, by hand.
        var uncorrected = context.Kind == RequestType.Rectification && !context.Corrections.Any(c => SameSystem(system, c.SystemName));
        if (steps is null || reason is not null && uncorrected)
        {
            return new SystemChangePlan(system.Id, system.Name, system.Connector, system.MapVersion, [], [], WithoutMap(system, context, reason ?? SourceChangeTexts.NoMap));
        }

        var map = system.Map;
        var subjectTables = SubjectTables(map, steps);
        var kept = new List<KeptData>();
        var byHand = new List<HandInstruction>();
        var changes = context.Kind switch
        {
            RequestType.Erasure => Erase(map, subjectTables, context, kept),
            RequestType.Restriction => Restrict(subjectTables, context, byHand),
            _ => Rectify(system, map, subjectTables, context, errors),
        };
        if (reason is null)
        {
            return new SystemChangePlan(system.Id, system.Name, system.Connector, system.MapVersion, changes, kept, byHand);
        }
        // The product may not change this system itself: what it would do becomes the system team's instructions.
        IReadOnlyList<HandInstruction> instructions =
        [
            .. changes.Select(c => new HandInstruction(c.DisplayName, c.Operation, c.PurposeKeys, reason)),
            .. byHand.Select(h => h with { Reason = reason }),
        ];
        return new SystemChangePlan(system.Id, system.Name, system.Connector, system.MapVersion, [], kept, instructions);
    }

    /// <summary>The map's in-scope tables whose rows are the subject's: reached by the walk, and not (only) as a lookup; in the map's order.</summary>
    private static List<MappedTable> SubjectTables(DataMap map, IReadOnlyList<RetrievalStep> steps)
    {
        var owned = steps.Where(s => !s.IsLookup).Select(s => s.Table.DisplayName).ToHashSet(StringComparer.Ordinal);
        var lookups = steps.Where(s => s.IsLookup).Select(s => s.Table.DisplayName).ToHashSet(StringComparer.Ordinal);
        return [.. map.Tables.Where(t => t.InScope && owned.Contains(t.DisplayName) && !lookups.Contains(t.DisplayName))];
    }

    private static List<PlannedTableChange> Erase(DataMap map, List<MappedTable> tables, Context context, List<KeptData> kept)
    {
        var planned = new Dictionary<MappedTable, PlannedTableChange>(ReferenceEqualityComparer.Instance);
        foreach (var table in tables)
        {
            var erased = table.PurposeKeys.Where(k => context.RoleOf(k) == Role.Change).ToList();
            var keeping = table.PurposeKeys.Where(k => context.RoleOf(k) == Role.Keep).ToList();
            kept.AddRange(keeping.Select(key => context.Kept(table, key)));
            if (erased.Count == 0)
            {
                continue;
            }
            if (keeping.Count == 0)
            {
                planned[table] = table.Erasure == ErasureMethod.DeleteRows
                    ? new PlannedTableChange(table.Schema, table.Name, SourceChangeOperation.DeleteRows, [], erased)
                    : new PlannedTableChange(table.Schema, table.Name, SourceChangeOperation.MaskColumns, MaskAll(map, table), erased);
                continue;
            }
            // Shared with a kept purpose: only what the erased purposes hold and no kept purpose needs.
            var erasedCategories = context.Categories(erased);
            var keptCategories = context.Categories(keeping);
            var columns = Maskable(map, table)
                .Where(c => erasedCategories.Contains(c.Category!) && !keptCategories.Contains(c.Category!))
                .Select(Mask)
                .ToList();
            planned[table] = new PlannedTableChange(table.Schema, table.Name, SourceChangeOperation.MaskColumns, columns, erased);
        }

        // A row another table keeps pointing at cannot go (and must not cascade): mask it instead, until nothing changes.
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (table, change) in planned.Where(p => p.Value.Operation == SourceChangeOperation.DeleteRows).ToList())
            {
                var pointedAtByKept = map.Tables.Any(other => !ReferenceEquals(other, table)
                    && other.References.Any(r => Targets(r, table))
                    && !(planned.TryGetValue(other, out var otherChange) && otherChange.Operation == SourceChangeOperation.DeleteRows));
                if (pointedAtByKept)
                {
                    planned[table] = change with { Operation = SourceChangeOperation.MaskColumns, Columns = MaskAll(map, table), Note = SourceChangeTexts.KeptTablePointsHere };
                    changed = true;
                }
            }
        }
        // A mask with nothing to mask (every erased category also kept) changes nothing: the rows stay as they are.
        var effective = new Dictionary<MappedTable, PlannedTableChange>(
            planned.Where(p => p.Value.Operation == SourceChangeOperation.DeleteRows || p.Value.Columns.Count > 0), ReferenceEqualityComparer.Instance);
        return ChildrenFirst(tables.Where(effective.ContainsKey).ToList(), effective);
    }

    private static List<PlannedTableChange> Restrict(List<MappedTable> tables, Context context, List<HandInstruction> byHand)
    {
        var changes = new List<PlannedTableChange>();
        foreach (var table in tables)
        {
            var restricted = table.PurposeKeys.Where(k => context.RoleOf(k) == Role.Change).ToList();
            if (restricted.Count == 0)
            {
                continue;
            }
            switch (table.Restriction)
            {
                case { IsColumn: true } marker:
                    changes.Add(new(table.Schema, table.Name, SourceChangeOperation.MarkRestricted, [new PlannedColumnChange(marker.Column!, null, marker.Value)], restricted));
                    break;
                case { MarkerTable: not null }:
                    changes.Add(new(table.Schema, table.Name, SourceChangeOperation.MarkRestricted, [], restricted, SourceChangeTexts.MarkerTable));
                    break;
                default:
                    byHand.Add(new HandInstruction(table.DisplayName, SourceChangeOperation.MarkRestricted, restricted, SourceChangeTexts.NoRestrictionMarker));
                    break;
            }
        }
        return changes;
    }

    private static List<PlannedTableChange> Rectify(SourceSystem system, DataMap map, List<MappedTable> tables, Context context, List<Error> errors)
    {
        var columns = new Dictionary<MappedTable, List<PlannedColumnChange>>(ReferenceEqualityComparer.Instance);
        foreach (var correction in context.Corrections.Where(c => SameSystem(system, c.SystemName)))
        {
            var table = tables.FirstOrDefault(t => string.Equals(t.Schema ?? "", correction.Schema ?? "", StringComparison.Ordinal)
                && string.Equals(t.Name, correction.Table, StringComparison.Ordinal));
            var column = table?.Column(correction.Column);
            if (table is null || column is null)
            {
                errors.Add(TargetUnknown(correction));
                continue;
            }
            if (IsKey(map, table, column))
            {
                errors.Add(SourceChangeErrors.CorrectionColumnIsKey with { Arguments = CorrectionArgs(correction) });
                continue;
            }
            if (!columns.TryGetValue(table, out var list))
            {
                columns[table] = list = [];
            }
            list.Add(new PlannedColumnChange(column.Name, null, correction.Value));
        }
        return
        [
            .. tables.Where(columns.ContainsKey).Select(t => new PlannedTableChange(
                t.Schema, t.Name, SourceChangeOperation.Rectify,
                [.. columns[t].OrderBy(c => t.Columns.ToList().FindIndex(m => m.Name == c.Column))],
                [.. t.PurposeKeys.Where(k => context.RoleOf(k) == Role.Change)])),
        ];
    }

    /// <summary>A system the product cannot walk: one instruction per purpose (or per corrected table) for the system's team.</summary>
    private static List<HandInstruction> WithoutMap(SourceSystem system, Context context, string reason)
    {
        var operation = context.Kind switch
        {
            RequestType.Erasure => SourceChangeOperation.DeleteRows,
            RequestType.Restriction => SourceChangeOperation.MarkRestricted,
            _ => SourceChangeOperation.Rectify,
        };
        var corrected = context.Corrections.Where(c => SameSystem(system, c.SystemName)).ToList();
        if (context.Kind == RequestType.Rectification && corrected.Count > 0)
        {
            return
            [
                .. corrected.Select(c => c.DisplayName).Distinct(StringComparer.Ordinal)
                    .Select(table => new HandInstruction(table, operation, context.ChangeKeysNaming(system), reason)),
            ];
        }
        var keys = context.ChangeKeysNaming(system);
        return keys.Count == 0 ? [] : [new HandInstruction(null, operation, keys, reason)];
    }

    /// <summary>Children before parents (a table that refers to another goes first), otherwise the map's order; a cycle falls back to the map's order.</summary>
    private static List<PlannedTableChange> ChildrenFirst(List<MappedTable> tables, Dictionary<MappedTable, PlannedTableChange> changes)
    {
        var ordered = new List<PlannedTableChange>();
        var left = tables.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(parent => !left.Any(child => !ReferenceEquals(child, parent) && child.References.Any(r => Targets(r, parent))))
                ?? left[0];
            ordered.Add(changes[next]);
            left.Remove(next);
        }
        return ordered;
    }

    private static bool Targets(TableReference reference, MappedTable table) =>
        string.Equals(reference.ToSchema ?? "", table.Schema ?? "", StringComparison.Ordinal) && string.Equals(reference.ToTable, table.Name, StringComparison.Ordinal);

    /// <summary>Primary keys, a table's own references and columns other tables refer to hold rows together: never masked or rewritten.</summary>
    private static bool IsKey(DataMap map, MappedTable table, MappedColumn column) =>
        column.IsPrimaryKey
        || table.References.Any(r => string.Equals(r.Column, column.Name, StringComparison.Ordinal))
        || map.Tables.Any(t => t.References.Any(r => Targets(r, table) && string.Equals(r.ToColumn, column.Name, StringComparison.Ordinal)));

    private static IEnumerable<MappedColumn> Maskable(DataMap map, MappedTable table) =>
        table.Columns.Where(c => c.Category is not null && !IsKey(map, table, c));

    private static List<PlannedColumnChange> MaskAll(DataMap map, MappedTable table) => [.. Maskable(map, table).Select(Mask)];

    private static PlannedColumnChange Mask(MappedColumn column) =>
        new(column.Name, column.Mask?.Strategy ?? MaskStrategy.Null, column.Mask is { Strategy: MaskStrategy.FixedValue } mask ? mask.FixedValue : null);

    private static bool SameSystem(SourceSystem system, string name) => SourceSystem.Normalize(system.Name) == SourceSystem.Normalize(name);

    private static Error TargetUnknown(SourceCorrection correction) => SourceChangeErrors.CorrectionTargetUnknown with { Arguments = CorrectionArgs(correction) };

    private static Dictionary<string, string> CorrectionArgs(SourceCorrection correction) =>
        Args(("system", correction.SystemName), ("table", correction.DisplayName), ("column", correction.Column));

    private static Dictionary<string, string> Args(params (string Key, string Value)[] arguments) =>
        arguments.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);

    /// <summary>What the planner reads of the input: per purpose key whether its data change, stay or are left alone.</summary>
    private sealed class Context
    {
        private readonly SourceChangeInput _input;
        private readonly Dictionary<string, Purpose> _byKey = new(StringComparer.Ordinal);
        private readonly HashSet<Guid> _subjects;

        public Context(SourceChangeInput input)
        {
            _input = input;
            foreach (var purpose in input.Purposes)
            {
                _byKey.TryAdd(purpose.Key, purpose);
            }
            _subjects = [.. input.Subject.ProcessingPurposes(input.Purposes).Select(p => p.Id)];
        }

        public RequestType Kind => _input.Kind;

        public IReadOnlyList<SourceCorrection> Corrections => _input.Kind == RequestType.Rectification ? _input.Corrections : [];

        /// <summary>Change or Keep as the case says; a purpose of the subject without an intent, or one the register does not know, is kept.</summary>
        public Role RoleOf(string key)
        {
            if (!_byKey.TryGetValue(key, out var purpose))
            {
                return Role.Keep;
            }
            if (_input.Intents.TryGetValue(purpose.Id, out var intent))
            {
                return intent switch
                {
                    PurposeIntent.Change => Role.Change,
                    PurposeIntent.Keep => Role.Keep,
                    _ => Role.Ignore,
                };
            }
            return _subjects.Contains(purpose.Id) ? Role.Keep : Role.Ignore;
        }

        /// <summary>The data categories of the purposes; an unknown purpose could need any column, so it claims every category.</summary>
        public HashSet<string> Categories(IEnumerable<string> keys)
        {
            var categories = new HashSet<string>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                if (!_byKey.TryGetValue(key, out var purpose))
                {
                    categories.UnionWith(_input.Systems.SelectMany(s => s.Map.Tables).SelectMany(t => t.Columns).Select(c => c.Category).OfType<string>());
                    continue;
                }
                categories.UnionWith(purpose.DataCategories.Select(c => c.Name));
            }
            return categories;
        }

        public KeptData Kept(MappedTable table, string key)
        {
            var purpose = _byKey.GetValueOrDefault(key);
            var categories = Categories([key]);
            var subject = _input.Subject;
            return new KeptData(
                table.Schema, table.Name, purpose?.Id ?? Guid.Empty, key, purpose?.Retention,
                purpose?.Retention?.RetainUntil(subject.RelationshipEnd, subject.RelationshipStart),
                [.. table.Columns.Where(c => c.Category is not null && categories.Contains(c.Category)).Select(c => c.Name)]);
        }

        /// <summary>The purposes whose data change and that name the system in the register.</summary>
        public List<string> ChangeKeysNaming(SourceSystem system) =>
        [
            .. _input.Purposes
                .Where(p => RoleOf(p.Key) == Role.Change && p.SourceSystems.Any(n => SameSystem(system, n)))
                .Select(p => p.Key),
        ];

        /// <summary>A system appears when a purpose whose data change names it or uses one of its tables, or (rectification) a correction names it.</summary>
        public bool Concerns(SourceSystem system) =>
            ChangeKeysNaming(system).Count > 0
            || system.Map.Tables.Any(t => t.InScope && t.PurposeKeys.Any(k => RoleOf(k) == Role.Change))
            || Corrections.Any(c => SameSystem(system, c.SystemName));
    }
}
