using System.Data.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>What a failure from the engine means to the office; the engine's message itself is never passed on (it may hold values).</summary>
internal enum EngineFailure
{
    Unreachable,
    Credentials,
    Permission,
    Tls,
    Timeout,
    UndefinedObject,
    Other,
}

/// <summary>
/// One engine's small differences (ADR 0037): how it quotes a name, limits rows, starts a read-only transaction with
/// a statement timeout, reads its catalog and says what went wrong. Everything else is <see cref="RelationalConnector"/>.
/// </summary>
internal abstract class SqlDialect
{
    public abstract ConnectorKind Kind { get; }

    /// <summary>A closed connection with the connect timeout set; throws <see cref="ArgumentException"/> (or <see cref="FormatException"/>) on an unreadable string.</summary>
    public abstract DbConnection CreateConnection(string connectionString, TimeSpan connectTimeout);

    /// <summary>Quotes one identifier, doubling the closing quote character inside it, so any catalog name is safe.</summary>
    public abstract string Quote(string identifier);

    public string QualifiedName(string? schema, string name) => schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    /// <summary>Begins the retrieval's transaction: read-only where the engine has that, with the statement timeout set inside it.</summary>
    public abstract Task<DbTransaction> BeginReadOnlyAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken);

    /// <summary>A select of at most <paramref name="limit"/> rows.</summary>
    public virtual string LimitedSelect(string columns, string from, string where, int limit) =>
        FormattableString.Invariant($"SELECT {columns} FROM {from} WHERE {where} LIMIT {limit}");

    /// <summary>The WHERE clause comparing <paramref name="quotedColumn"/> with the values, which are added as parameters (never written into the text).</summary>
    public virtual string MatchClause(DbCommand command, string quotedColumn, IReadOnlyList<object> values)
    {
        var names = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var name = FormattableString.Invariant($"@p{i}");
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
            names.Add(name);
        }
        return $"{quotedColumn} IN ({string.Join(", ", names)})";
    }

    /// <summary>How many values one query compares at most (SQL Server allows 2,100 parameters).</summary>
    public virtual int MaxValuesPerQuery => 1_000;

    /// <summary>Columns of every user table: schema (null where none), table, column, type; in table then column order.</summary>
    public abstract string ColumnsSql { get; }

    /// <summary>Primary key columns: schema, table, column.</summary>
    public abstract string PrimaryKeysSql { get; }

    /// <summary>Columns that are the first column of some index: schema, table, column.</summary>
    public abstract string IndexedSql { get; }

    /// <summary>Single-column foreign keys: schema, table, column, referenced schema, table, column (column null: the referenced primary key).</summary>
    public abstract string ForeignKeysSql { get; }

    /// <summary>A trivial read that proves the connection works.</summary>
    public virtual string PingSql => "SELECT 1";

    /// <summary>What an exception from this engine means, and the engine's own code for it (no message).</summary>
    public abstract (EngineFailure Failure, string Code) Classify(Exception exception);
}
