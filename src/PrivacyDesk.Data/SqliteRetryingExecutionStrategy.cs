using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace PrivacyDesk.Data;

/// <summary>
/// Retries an operation when SQLite reports the database busy or locked (another writer holds it),
/// as SQL Server's retrying strategy does for its transient errors. Both providers therefore retry,
/// and code that needs a transaction must run it through <c>CreateExecutionStrategy()</c> on both.
/// It also retries when another writer appended to the audit trail first (see <see cref="AuditTrailRace"/>).
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }
        || (exception is SqliteException { SqliteErrorCode: SqliteConstraint } constraint && AuditTrailRace.IsAuditChainConflict(constraint.Message));
}

/// <summary>
/// Two writers that read the end of the audit trail at the same moment both try to append the same
/// position; the unique index lets only one win. The loser's whole unit is retried, re-reading the end.
/// </summary>
public static class AuditTrailRace
{
    public static bool IsAuditChainConflict(string message) =>
        message.Contains("UX_AuditEvents_", StringComparison.Ordinal)
        || message.Contains("AuditEvents.Sequence", StringComparison.Ordinal)
        || message.Contains("AuditEvents.StreamSequence", StringComparison.Ordinal);
}

/// <summary>SQL Server's retrying strategy, plus the audit-trail append race.</summary>
public sealed class SqlServerAuditAwareExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : Microsoft.EntityFrameworkCore.SqlServerRetryingExecutionStrategy(dependencies)
{
    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    protected override bool ShouldRetryOn(Exception exception) =>
        base.ShouldRetryOn(exception)
        || (exception is Microsoft.Data.SqlClient.SqlException { Number: DuplicateKeyInUniqueIndex or UniqueConstraintViolation } duplicate
            && AuditTrailRace.IsAuditChainConflict(duplicate.Message));
}
