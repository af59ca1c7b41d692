using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using MySqlConnector;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// MySQL and MariaDB through MySqlConnector: START TRANSACTION READ ONLY and a per-session statement limit
/// (MySQL's max_execution_time in milliseconds, MariaDB's max_statement_time in seconds). Tables of the connection's
/// own database, so their schema is null.
/// </summary>
internal sealed class MySqlDialect : SqlDialect
{
    public override ConnectorKind Kind => ConnectorKind.MySql;

    public override DbConnection CreateConnection(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString)
        {
            ConnectionTimeout = (uint)PostgreSqlDialect.Seconds(connectTimeout),
            Pooling = false,
        };
        return new MySqlConnection(builder.ConnectionString);
    }

    public override string Quote(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    public override async Task<DbTransaction> BeginReadOnlyAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var mySql = (MySqlConnection)connection;
        await using (var limit = mySql.CreateCommand())
        {
            var milliseconds = (long)statementTimeout.TotalMilliseconds;
            // Numbers this code formats, not inputs: SET takes no parameters.
            limit.CommandText = mySql.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)
                ? "SET SESSION max_statement_time = " + (milliseconds / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)
                : "SET SESSION max_execution_time = " + milliseconds.ToString(CultureInfo.InvariantCulture);
            await limit.ExecuteNonQueryAsync(cancellationToken);
        }
        return await mySql.BeginTransactionAsync(IsolationLevel.RepeatableRead, isReadOnly: true, cancellationToken);
    }

    public override async Task<DbTransaction> BeginChangeAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        var mySql = (MySqlConnection)connection;
        await using (var limit = mySql.CreateCommand())
        {
            // Row locks wait at most the statement timeout (whole seconds, at least 1); a number this code formats.
            limit.CommandText = "SET SESSION innodb_lock_wait_timeout = " + PostgreSqlDialect.Seconds(statementTimeout).ToString(CultureInfo.InvariantCulture);
            await limit.ExecuteNonQueryAsync(cancellationToken);
        }
        return await mySql.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    // MySQL converts a string on assignment to a typed column itself; its CAST knows only a few type names.
    public override string TypedParameter(string parameterName, string dataType, bool isText) => parameterName;

    public override string ColumnsSql => """
        SELECT NULL, c.table_name, c.column_name, c.column_type
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position
        """;

    public override string PrimaryKeysSql => """
        SELECT NULL, table_name, column_name FROM information_schema.key_column_usage
        WHERE table_schema = DATABASE() AND constraint_name = 'PRIMARY'
        """;

    public override string IndexedSql => """
        SELECT NULL, table_name, column_name FROM information_schema.statistics
        WHERE table_schema = DATABASE() AND seq_in_index = 1
        """;

    public override string ForeignKeysSql => """
        SELECT NULL, k.table_name, k.column_name, NULL, k.referenced_table_name, k.referenced_column_name
        FROM information_schema.key_column_usage k
        WHERE k.table_schema = DATABASE() AND k.referenced_table_schema = DATABASE() AND k.referenced_table_name IS NOT NULL
          AND (SELECT COUNT(*) FROM information_schema.key_column_usage k2
               WHERE k2.constraint_schema = k.constraint_schema AND k2.table_name = k.table_name AND k2.constraint_name = k.constraint_name) = 1
        """;

    public override (EngineFailure Failure, string Code) Classify(Exception exception) => exception switch
    {
        MySqlException { ErrorCode: MySqlErrorCode.AccessDenied } m => (EngineFailure.Credentials, Code(m)),
        MySqlException { ErrorCode: MySqlErrorCode.DatabaseAccessDenied or MySqlErrorCode.TableAccessDenied or MySqlErrorCode.ColumnAccessDenied } m => (EngineFailure.Permission, Code(m)),
        MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } m => (EngineFailure.Unreachable, Code(m)),
        MySqlException { ErrorCode: MySqlErrorCode.CommandTimeoutExpired or MySqlErrorCode.QueryInterrupted } m => (EngineFailure.Timeout, Code(m)),
        // 3024: MySQL's max_execution_time; 1969: MariaDB's max_statement_time.
        MySqlException { Number: 3024 or 1969 } m => (EngineFailure.Timeout, Code(m)),
        MySqlException { ErrorCode: MySqlErrorCode.BadFieldError or MySqlErrorCode.NoSuchTable } m => (EngineFailure.UndefinedObject, Code(m)),
        MySqlException { InnerException: AuthenticationException } => (EngineFailure.Tls, "tls"),
        MySqlException m => (EngineFailure.Other, Code(m)),
        AuthenticationException => (EngineFailure.Tls, "tls"),
        SocketException s => (EngineFailure.Unreachable, s.SocketErrorCode.ToString()),
        TimeoutException => (EngineFailure.Unreachable, "timeout"),
        _ => (EngineFailure.Other, exception.GetType().Name),
    };

    private static string Code(MySqlException exception) => exception.Number.ToString(CultureInfo.InvariantCulture);
}
