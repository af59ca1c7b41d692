using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Npgsql;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>PostgreSQL through Npgsql: a READ ONLY transaction with <c>SET LOCAL statement_timeout</c>; values compared with <c>= ANY(@p0)</c>, one array parameter.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    private const string UserSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

    public override ConnectorKind Kind => ConnectorKind.PostgreSql;

    public override DbConnection CreateConnection(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = Seconds(connectTimeout),
            // Retrieval is one short read; a pooled connection would keep the session (and its settings) alive for nothing.
            Pooling = false,
        };
        return new NpgsqlConnection(builder.ConnectionString);
    }

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override async Task<DbTransaction> BeginReadOnlyAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The timeout is a number this code formats, not an input: SET does not take parameters.
        command.CommandText = "SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = "
            + ((long)statementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override string MatchClause(DbCommand command, string quotedColumn, IReadOnlyList<object> values)
    {
        // One typed array keeps the query text (and its plan) the same whatever the number of values.
        var array = Array.CreateInstance(values[0].GetType(), values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            array.SetValue(values[i], i);
        }
        command.Parameters.Add(new NpgsqlParameter("p0", array));
        return $"{quotedColumn} = ANY(@p0)";
    }

    public override async Task<DbTransaction> BeginChangeAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var milliseconds = ((long)statementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        // A lock another session holds counts against the same limit: the change fails (and rolls back) instead of waiting for ever.
        command.CommandText = $"SET LOCAL statement_timeout = {milliseconds}; SET LOCAL lock_timeout = {milliseconds}";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override string KeysClause(DbCommand command, string quotedColumn, IReadOnlyList<object> keys)
    {
        // One typed array: the statement text is the same for 1 key or 50,000.
        var array = Array.CreateInstance(keys[0].GetType(), keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            array.SetValue(keys[i], i);
        }
        command.Parameters.Add(new NpgsqlParameter("keys", array));
        return $"{quotedColumn} = ANY(@keys)";
    }

    public override string KeysShown(string quotedColumn) => $"{quotedColumn} = ANY(@keys)";

    public override int MaxKeysPerStatement => 50_000;

    public override int MaxValuesPerQuery => 50_000;

    public override string ColumnsSql => $"""
        SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped AND {UserSchemas}
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    public override string PrimaryKeysSql => $"""
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
        WHERE i.indisprimary AND {UserSchemas}
        """;

    public override string IndexedSql => $"""
        SELECT n.nspname, c.relname, a.attname
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
        WHERE {UserSchemas}
        """;

    public override string ForeignKeysSql => $"""
        SELECT n.nspname, c.relname, a.attname, fn.nspname, fc.relname, fa.attname
        FROM pg_catalog.pg_constraint k
        JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_class fc ON fc.oid = k.confrelid
        JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
        JOIN pg_catalog.pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = k.confkey[1]
        WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND {UserSchemas}
        """;

    public override (EngineFailure Failure, string Code) Classify(Exception exception) => exception switch
    {
        PostgresException { SqlState: "28P01" or "28000" } p => (EngineFailure.Credentials, p.SqlState),
        PostgresException { SqlState: "42501" } p => (EngineFailure.Permission, p.SqlState),
        // 57014: statement_timeout; 55P03: lock_timeout (a change waiting for another session's lock).
        PostgresException { SqlState: "57014" or "55P03" } p => (EngineFailure.Timeout, p.SqlState),
        PostgresException { SqlState: "42703" or "42P01" or "3F000" } p => (EngineFailure.UndefinedObject, p.SqlState),
        PostgresException p => (EngineFailure.Other, p.SqlState),
        NpgsqlException { InnerException: AuthenticationException } => (EngineFailure.Tls, "tls"),
        NpgsqlException { InnerException: TimeoutException } when exception.Message.Contains("connect", StringComparison.OrdinalIgnoreCase) => (EngineFailure.Unreachable, "timeout"),
        NpgsqlException { InnerException: TimeoutException } => (EngineFailure.Timeout, "timeout"),
        NpgsqlException { InnerException: SocketException s } => (EngineFailure.Unreachable, s.SocketErrorCode.ToString()),
        NpgsqlException { InnerException: IOException } => (EngineFailure.Unreachable, "io"),
        AuthenticationException => (EngineFailure.Tls, "tls"),
        TimeoutException => (EngineFailure.Unreachable, "timeout"),
        SocketException s => (EngineFailure.Unreachable, s.SocketErrorCode.ToString()),
        _ => (EngineFailure.Other, exception.GetType().Name),
    };

    internal static int Seconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
