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
