using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// SQLite files through Microsoft.Data.Sqlite, always opened with <c>Mode=ReadOnly</c> (the file cannot be written
/// through this connection, nor created when missing). SQLite has no statement timeout: the connector stops reading
/// when the retrieval's own timer runs out. Tables have no schema (null).
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override ConnectorKind Kind => ConnectorKind.Sqlite;

    public override DbConnection CreateConnection(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = PostgreSqlDialect.Seconds(connectTimeout),
            // Unpooled: a pooled handle would keep the file open (and locked on some systems) after the fetch.
            Pooling = false,
        };
        return new SqliteConnection(builder.ConnectionString);
    }

    public override string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public override async Task<DbTransaction> BeginReadOnlyAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken)
    {
        await using (var command = connection.CreateCommand())
        {
            // Belt and braces beside Mode=ReadOnly: the connection refuses any write for its lifetime.
            command.CommandText = "PRAGMA query_only = 1";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        // Deferred: BEGIN IMMEDIATE (the default) asks for the write lock, which a read-only connection cannot take.
        return ((SqliteConnection)connection).BeginTransaction(deferred: true);
    }

    public override DbConnection CreateChangeConnection(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // May write, but never creates a missing file: a wrong path is an unreachable system, not a new empty one.
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = PostgreSqlDialect.Seconds(connectTimeout),
            Pooling = false,
        };
        return new SqliteConnection(builder.ConnectionString);
    }

    // BEGIN IMMEDIATE: the write lock from the start, so no other writer changes the subject's rows between finding and changing them.
    public override Task<DbTransaction> BeginChangeAsync(DbConnection connection, TimeSpan statementTimeout, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override string LockingSelect(string columns, string from, string where) => $"SELECT {columns} FROM {from} WHERE {where}";

    // SQLite stores by value, not by declared type (a date is ISO text): a cast to DATE would turn '1990-01-01' into 1990.
    public override string TypedParameter(string parameterName, string dataType, bool isText) => parameterName;

    public override string ColumnsSql => """
        SELECT NULL, m.name, p.name, p.type
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        ORDER BY m.name, p.cid
        """;

    public override string PrimaryKeysSql => """
        SELECT NULL, m.name, p.name
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND p.pk > 0
        """;

    // A single-column INTEGER PRIMARY KEY is the rowid itself and has no index of its own; RelationalConnector counts every primary key as indexed.
    public override string IndexedSql => """
        SELECT NULL, m.name, i.name
        FROM sqlite_master m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND i.seqno = 0
        """;

    public override string ForeignKeysSql => """
        SELECT NULL, m.name, f."from", NULL, f."table", f."to"
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
          AND (SELECT COUNT(*) FROM pragma_foreign_key_list(m.name) g WHERE g.id = f.id) = 1
        """;

    public override (EngineFailure Failure, string Code) Classify(Exception exception) => exception switch
    {
        // 14: SQLITE_CANTOPEN (no such file, or no access to it); 26: not a database.
        SqliteException { SqliteErrorCode: 14 or 26 } s => (EngineFailure.Unreachable, Code(s)),
        SqliteException { SqliteErrorCode: 23 } s => (EngineFailure.Permission, Code(s)),
        // 9: interrupted; 5/6: busy or locked past the busy timeout (another writer holds the file).
        SqliteException { SqliteErrorCode: 9 or 5 or 6 } s => (EngineFailure.Timeout, Code(s)),
        SqliteException { SqliteErrorCode: 1 } s when s.Message.Contains("no such", StringComparison.Ordinal) => (EngineFailure.UndefinedObject, Code(s)),
        SqliteException s => (EngineFailure.Other, Code(s)),
        _ => (EngineFailure.Other, exception.GetType().Name),
    };

    private static string Code(SqliteException exception) => exception.SqliteErrorCode.ToString(CultureInfo.InvariantCulture);
}
