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

    /// <summary>A closed connection for the ERASURE user (issue 15): one that may write; by default the same as <see cref="CreateConnection"/>.</summary>
    public virtual DbConnection CreateChangeConnection(string connectionString, TimeSpan connectTimeout) => CreateConnection(connectionString, connectTimeout);

    /// <summary>Begins a change's transaction (ADR 0041): the statement timeout inside it; rows are locked by <see cref="LockingSelect"/> or the engine's write lock.</summary>
    public abstract Task<DbTransaction> BeginChangeAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken);

    /// <summary>A select that locks the rows it reads until the transaction ends.</summary>
    public virtual string LockingSelect(string columns, string from, string where) => $"SELECT {columns} FROM {from} WHERE {where} FOR UPDATE";

    /// <summary>How many keys one change statement names at most (chunks beyond that run in the same transaction).</summary>
    public virtual int MaxKeysPerStatement => 1_000;

    /// <summary>The WHERE clause comparing a key column with a chunk of keys, added as parameters @k0, @k1, ...</summary>
    public virtual string KeysClause(DbCommand command, string quotedColumn, IReadOnlyList<object> keys)
    {
        var names = new List<string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var name = FormattableString.Invariant($"@k{i}");
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = keys[i];
            command.Parameters.Add(parameter);
            names.Add(name);
        }
        return $"{quotedColumn} IN ({string.Join(", ", names)})";
    }

    /// <summary>The same clause as shown in a dry run: one name for the whole key set, so the text (and its hash) does not depend on the count.</summary>
    public virtual string KeysShown(string quotedColumn) => $"{quotedColumn} IN (@keys)";

    /// <summary>A text parameter written into a column of <paramref name="dataType"/>: cast where the engine needs it (the type name is checked first).</summary>
    public virtual string TypedParameter(string parameterName, string dataType, bool isText) => isText ? parameterName : $"CAST({parameterName} AS {dataType})";

    /// <summary>What an exception from this engine means, and the engine's own code for it (no message).</summary>
    public abstract (EngineFailure Failure, string Code) Classify(Exception exception);
}
