using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyDesk.Data;

/// <summary>
/// The write gate across app instances (ADR 0053): on PostgreSQL and SQL Server, the first statement of every write unit's
/// transaction takes one exclusive lock in the database, held until the transaction commits or rolls back. Units on any
/// instance then append to the audit chain (and hand out reference numbers) one after another, as they do within one
/// instance behind <see cref="WriteGate"/>. SQLite takes nothing here: one file, one process, the in-process gate suffices.
/// </summary>
internal static class DatabaseWriteLock
{
    /// <summary>PostgreSQL's advisory lock key, a constant of this application ("PDWGATE1"); advisory keys are per database.</summary>
    public const long PostgreSqlKey = 0x5044_5747_4154_4531;

    /// <summary>The SQL Server application lock's resource name.</summary>
    public const string SqlServerResource = "PrivacyDesk.WriteGate";

    // Transaction-scoped: released by COMMIT or ROLLBACK, never left behind by a connection returned to the pool.
    private static readonly string PostgreSql = $"SELECT pg_advisory_xact_lock({PostgreSqlKey})";

    // The same on SQL Server (generated, not tested here): an exclusive application lock owned by the transaction.
    private static readonly string SqlServer =
        $"""
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = N'{SqlServerResource}', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
        IF @granted < 0 THROW 51053, N'The PrivacyDesk write lock was not granted.', 1;
        """;

    /// <summary>Takes the lock inside <paramref name="database"/>'s current transaction (waits while another instance's unit holds it).</summary>
    public static Task TakeAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        var sql = StatementFor(database);
        return sql is null ? Task.CompletedTask : database.ExecuteSqlRawAsync(sql, cancellationToken);
    }

    public static void Take(DatabaseFacade database)
    {
        var sql = StatementFor(database);
        if (sql is not null)
        {
            database.ExecuteSqlRaw(sql);
        }
    }

    private static string? StatementFor(DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            return null;
        }
        if (database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The database write lock is taken inside the write unit's transaction, which releases it.");
        }
        return database.IsNpgsql() ? PostgreSql : database.IsSqlServer() ? SqlServer : null;
    }
}
