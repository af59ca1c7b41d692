using Microsoft.EntityFrameworkCore.Storage;

namespace PrivacyDesk.Data;

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
