using System.Data.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>What the engine's catalog says about its user tables: the source of every name a retrieval may write into SQL.</summary>
internal sealed class Catalog
{
    private readonly List<(string? Schema, string Table, string Column, string Type)> _columns = [];
    private readonly HashSet<(string Schema, string Table, string Column)> _primaryKeys = [];
    private readonly HashSet<(string Schema, string Table, string Column)> _indexed = [];
    private readonly List<(string? Schema, string Table, string Column, string? ToSchema, string ToTable, string? ToColumn)> _foreignKeys = [];

    public static async Task<Catalog> ReadAsync(SqlDialect dialect, DbConnection connection, DbTransaction? transaction, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var catalog = new Catalog();
        await foreach (var row in RowsAsync(dialect.ColumnsSql, 4))
        {
            catalog._columns.Add((row[0], row[1]!, row[2]!, row[3] ?? ""));
        }
        await foreach (var row in RowsAsync(dialect.PrimaryKeysSql, 3))
        {
            catalog._primaryKeys.Add((row[0] ?? "", row[1]!, row[2]!));
        }
        await foreach (var row in RowsAsync(dialect.IndexedSql, 3))
        {
            catalog._indexed.Add((row[0] ?? "", row[1]!, row[2]!));
        }
        await foreach (var row in RowsAsync(dialect.ForeignKeysSql, 6))
        {
            catalog._foreignKeys.Add((row[0], row[1]!, row[2]!, row[3], row[4]!, row[5]));
        }
        return catalog;

        async IAsyncEnumerable<string?[]> RowsAsync(string sql, int width)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.CommandTimeout = PostgreSqlDialect.Seconds(timeout);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new string?[width];
                for (var i = 0; i < width; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                }
                yield return row;
            }
        }
    }

    public bool HasTable(string? schema, string table) => _columns.Any(c => Same(c.Schema, c.Table, schema, table));

    public bool HasColumn(string? schema, string table, string column) =>
        _columns.Any(c => Same(c.Schema, c.Table, schema, table) && string.Equals(c.Column, column, StringComparison.Ordinal));

    /// <summary>The proposed map: every table in scope, no identities, categories or purposes yet (the office's proposal step adds those).</summary>
    public DataMap ToDataMap()
    {
        var tables = _columns
            .GroupBy(c => (Schema: c.Schema ?? "", c.Table))
            .OrderBy(g => g.Key.Schema, StringComparer.Ordinal).ThenBy(g => g.Key.Table, StringComparer.Ordinal)
            .Select(g =>
            {
                var schema = g.First().Schema;
                var columns = g.Select(c => new MappedColumn(
                    c.Column,
                    c.Type,
                    _primaryKeys.Contains((g.Key.Schema, g.Key.Table, c.Column)),
                    // Every primary key is indexed (SQLite's INTEGER PRIMARY KEY is the rowid and lists no index).
                    _indexed.Contains((g.Key.Schema, g.Key.Table, c.Column)) || IsSinglePrimaryKey(g.Key.Schema, g.Key.Table, c.Column),
                    null,
                    null)).ToList();
                var references = _foreignKeys
                    .Where(f => Same(f.Schema, f.Table, schema, g.Key.Table))
                    .Select(f => new TableReference(f.Column, f.ToSchema, f.ToTable, f.ToColumn ?? PrimaryKeyOf(f.ToSchema, f.ToTable) ?? f.Column, Discovered: true))
                    .OrderBy(r => r.Column, StringComparer.Ordinal)
                    .ToList();
                return new MappedTable(schema, g.Key.Table, true, null, [], columns, references);
            })
            .ToList();
        return new DataMap(tables);
    }

    private bool IsSinglePrimaryKey(string schema, string table, string column)
    {
        var keys = _primaryKeys.Where(k => k.Schema == schema && k.Table == table).ToList();
        return keys.Count == 1 && keys[0].Column == column;
    }

    private string? PrimaryKeyOf(string? schema, string table)
    {
        var keys = _primaryKeys.Where(k => k.Schema == (schema ?? "") && k.Table == table).ToList();
        return keys.Count == 1 ? keys[0].Column : null;
    }

    private static bool Same(string? schemaA, string tableA, string? schemaB, string tableB) =>
        string.Equals(schemaA ?? "", schemaB ?? "", StringComparison.Ordinal) && string.Equals(tableA, tableB, StringComparison.Ordinal);
}
