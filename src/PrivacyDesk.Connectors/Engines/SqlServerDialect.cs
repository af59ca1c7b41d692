using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Authentication;
using Microsoft.Data.SqlClient;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// SQL Server through Microsoft.Data.SqlClient. SQL Server has no read-only transaction: the retrieval only ever
/// runs SELECTs and rolls back, and the office must connect with a login that can only read (ADR 0037). The
/// statement timeout is the command timeout. Implemented, not tested against a server (none runs here).
/// </summary>
internal sealed class SqlServerDialect : SqlDialect
{
    public override ConnectorKind Kind => ConnectorKind.SqlServer;

    public override DbConnection CreateConnection(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new SqlConnectionStringBuilder(connectionString)
        {
            ConnectTimeout = PostgreSqlDialect.Seconds(connectTimeout),
            Pooling = false,
        };
        return new SqlConnection(builder.ConnectionString);
    }

    public override string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    public override async Task<DbTransaction> BeginReadOnlyAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    // Untested here (no SQL Server runs in this environment): written to the documented T-SQL.
    public override async Task<DbTransaction> BeginChangeAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SET LOCK_TIMEOUT " + ((long)statementTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public override string LockingSelect(string columns, string from, string where) => $"SELECT {columns} FROM {from} WITH (UPDLOCK, HOLDLOCK) WHERE {where}";

    public override string LimitedSelect(string columns, string from, string where, int limit) =>
        FormattableString.Invariant($"SELECT TOP ({limit}) {columns} FROM {from} WHERE {where}");

    public override string ColumnsSql => """
        SELECT s.name, t.name, c.name, ty.name
        FROM sys.columns c
        JOIN sys.tables t ON t.object_id = c.object_id
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        JOIN sys.types ty ON ty.user_type_id = c.user_type_id
        WHERE t.is_ms_shipped = 0
        ORDER BY s.name, t.name, c.column_id
        """;

    public override string PrimaryKeysSql => """
        SELECT s.name, t.name, c.name
        FROM sys.indexes i
        JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        JOIN sys.tables t ON t.object_id = i.object_id
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        WHERE i.is_primary_key = 1 AND t.is_ms_shipped = 0
        """;

    public override string IndexedSql => """
        SELECT s.name, t.name, c.name
        FROM sys.indexes i
        JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        JOIN sys.tables t ON t.object_id = i.object_id
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        WHERE ic.key_ordinal = 1 AND t.is_ms_shipped = 0
        """;

    public override string ForeignKeysSql => """
        SELECT s.name, t.name, c.name, rs.name, rt.name, rc.name
        FROM sys.foreign_key_columns f
        JOIN sys.tables t ON t.object_id = f.parent_object_id
        JOIN sys.schemas s ON s.schema_id = t.schema_id
        JOIN sys.columns c ON c.object_id = f.parent_object_id AND c.column_id = f.parent_column_id
        JOIN sys.tables rt ON rt.object_id = f.referenced_object_id
        JOIN sys.schemas rs ON rs.schema_id = rt.schema_id
        JOIN sys.columns rc ON rc.object_id = f.referenced_object_id AND rc.column_id = f.referenced_column_id
        WHERE (SELECT COUNT(*) FROM sys.foreign_key_columns x WHERE x.constraint_object_id = f.constraint_object_id) = 1
        """;

    public override int MaxValuesPerQuery => 2_000;

    public override (EngineFailure Failure, string Code) Classify(Exception exception) => exception switch
    {
        // 18456: login failed; 4060: cannot open the database the login asked for.
        SqlException { Number: 18456 } s => (EngineFailure.Credentials, Code(s)),
        SqlException { Number: 4060 or 229 or 230 or 262 or 916 } s => (EngineFailure.Permission, Code(s)),
        SqlException { Number: -2 } s => (EngineFailure.Timeout, Code(s)),
        SqlException { Number: 207 or 208 } s => (EngineFailure.UndefinedObject, Code(s)),
        // -2146893019: the server's certificate is not trusted; 20 / 10054 around the pre-login handshake.
        SqlException { Number: -2146893019 } s => (EngineFailure.Tls, Code(s)),
        SqlException { InnerException: AuthenticationException } s => (EngineFailure.Tls, Code(s)),
        SqlException { Number: 53 or 40 or 2 or -1 or 26 or 10060 or 10061 or 11001 } s => (EngineFailure.Unreachable, Code(s)),
        SqlException s => (EngineFailure.Other, Code(s)),
        AuthenticationException => (EngineFailure.Tls, "tls"),
        TimeoutException => (EngineFailure.Unreachable, "timeout"),
        _ => (EngineFailure.Other, exception.GetType().Name),
    };

    private static string Code(SqlException exception) => exception.Number.ToString(CultureInfo.InvariantCulture);
}
