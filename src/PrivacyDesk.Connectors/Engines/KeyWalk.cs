using System.Data.Common;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// The retrieval walk once more, for a change (ADR 0041): the same steps, the same identifier values and the same
/// values passed from step to step as <see cref="Retrieval"/>, but each step reads only the columns later steps need
/// and the table's primary key, and (when <c>locking</c>) locks the rows of the tables that will change.
/// The result per table is the subject's primary keys; rows of a lookup step are never the subject's.
/// </summary>
internal sealed class KeyWalk(SqlDialect dialect, RetrievalPlan walk, SubjectKeys subject, ChangeContext context, TimeSpan statementTimeout)
{
    private readonly Dictionary<(string Schema, string Table), Dictionary<string, (List<object> List, HashSet<object> Seen)>> _values = [];
    private readonly Dictionary<(string Schema, string Table), (List<object> List, HashSet<object> Seen)> _keys = [];

    public static (string Schema, string Table) Key(string? schema, string table) => (schema ?? "", table);

    /// <summary>The subject's primary keys in <paramref name="table"/>, in the order found (empty when the walk found none).</summary>
    public IReadOnlyList<object> KeysOf(MappedTable table) => _keys.TryGetValue(Key(table.Schema, table.Name), out var keys) ? keys.List : [];

    /// <param name="changed">The tables that will change: their rows are locked when <paramref name="locking"/>.</param>
    public async Task<Error?> RunAsync(DbConnection connection, DbTransaction transaction, IReadOnlySet<(string, string)> changed, bool locking, CancellationToken cancellationToken)
    {
        foreach (var step in walk.Steps)
        {
            var table = step.Table;
            var tableKey = Key(table.Schema, table.Name);
            context.CurrentTable = table.DisplayName;
            if (table.Column(step.MatchColumn) is null)
            {
                return Retrieval.PlanInvalid(table.DisplayName, step.MatchColumn);
            }
            List<object>? values;
            if (step.Source.Identifier is { } kind)
            {
                values = Retrieval.IdentifierValues(subject, kind);
            }
            else if (step.Source.FromTable is not null && step.Source.FromColumn is not null
                && _values.TryGetValue(Key(step.Source.FromSchema, step.Source.FromTable), out var from))
            {
                values = from.TryGetValue(step.Source.FromColumn, out var column) ? column.List : [];
            }
            else
            {
                return Retrieval.PlanInvalid(step.Source.FromTable ?? table.DisplayName, step.Source.FromColumn ?? "-");
            }
            var needed = NeededColumns(table, step.IsLookup);
            _values.TryAdd(tableKey, needed.ToDictionary(c => c, _ => (new List<object>(), new HashSet<object>()), StringComparer.Ordinal));
            if (values.Count == 0 || needed.Count == 0)
            {
                continue;
            }
            var primaryKey = step.IsLookup ? null : SingleKey(table);
            var lockRows = locking && !step.IsLookup && changed.Contains(tableKey);
            var columns = string.Join(", ", needed.Select(dialect.Quote));
            var fromName = dialect.QualifiedName(table.Schema, table.Name);
            foreach (var chunk in values.Chunk(dialect.MaxValuesPerQuery))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandTimeout = PostgreSqlDialect.Seconds(statementTimeout) + 1;
                var where = dialect.MatchClause(command, dialect.Quote(step.MatchColumn), chunk);
                command.CommandText = lockRows
                    ? dialect.LockingSelect(columns, fromName, where)
                    : $"SELECT {columns} FROM {fromName} WHERE {where}";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    for (var i = 0; i < needed.Count; i++)
                    {
                        if (reader.IsDBNull(i))
                        {
                            continue;
                        }
                        var value = reader.GetValue(i);
                        var byColumn = _values[tableKey];
                        if (!byColumn.TryGetValue(needed[i], out var column))
                        {
                            column = ([], []);
                            byColumn[needed[i]] = column;
                        }
                        if (column.Seen.Add(value))
                        {
                            column.List.Add(value);
                        }
                        if (primaryKey is not null && string.Equals(needed[i], primaryKey.Name, StringComparison.Ordinal))
                        {
                            if (!_keys.TryGetValue(tableKey, out var keys))
                            {
                                keys = ([], []);
                                _keys[tableKey] = keys;
                            }
                            if (keys.Seen.Add(value))
                            {
                                keys.List.Add(value);
                            }
                        }
                    }
                }
            }
        }
        context.CurrentTable = null;
        return null;
    }

    /// <summary>The table's one primary key column; null when it has none or more than one.</summary>
    public static MappedColumn? SingleKey(MappedTable table)
    {
        var keys = table.Columns.Where(c => c.IsPrimaryKey).ToList();
        return keys.Count == 1 ? keys[0] : null;
    }

    /// <summary>The primary key (for the subject's rows) and every column of this table a later step takes its values from.</summary>
    private List<string> NeededColumns(MappedTable table, bool isLookup)
    {
        var needed = new List<string>();
        if (!isLookup && SingleKey(table) is { } key)
        {
            needed.Add(key.Name);
        }
        foreach (var step in walk.Steps)
        {
            if (step.Source.FromTable is { } fromTable && step.Source.FromColumn is { } fromColumn
                && string.Equals(fromTable, table.Name, StringComparison.Ordinal)
                && string.Equals(step.Source.FromSchema ?? "", table.Schema ?? "", StringComparison.Ordinal)
                && table.Column(fromColumn) is not null && !needed.Contains(fromColumn))
            {
                needed.Add(fromColumn);
            }
        }
        return needed;
    }
}

/// <summary>What a change is doing right now, for its error messages: the table (a catalog name, never a value).</summary>
internal sealed class ChangeContext
{
    public string? CurrentTable { get; set; }
}
