using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PrivacyDesk.Data;

/// <summary>Npgsql's retrying strategy (its transient errors: serialization failures, deadlocks, lost connections), plus the audit-trail append race.</summary>
public sealed class PostgreSqlAuditAwareExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : Npgsql.EntityFrameworkCore.PostgreSQL.NpgsqlRetryingExecutionStrategy(dependencies)
{
    protected override bool ShouldRetryOn(Exception? exception) =>
        base.ShouldRetryOn(exception)
        || (exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } duplicate
            && AuditTrailRace.IsAuditChainConflict(duplicate.ConstraintName ?? duplicate.MessageText));
}
