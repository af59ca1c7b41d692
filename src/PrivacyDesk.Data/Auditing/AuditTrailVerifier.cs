using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Data.Auditing;

/// <summary>Walks the stored trail, streamed row by row rather than loaded, and reports the first broken link.</summary>
public sealed class AuditTrailVerifier(IDbContextFactory<PrivacyDeskDbContext> databases)
{
    public async Task<AuditVerification> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await WalkAsync(new TrailWalker(), db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable(), cancellationToken);
    }

    /// <summary>The entries about one thing, e.g. one request (EntityType "DataSubjectRequest" and its id).</summary>
    public async Task<AuditVerification> VerifyStreamAsync(string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stream = db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderBy(a => a.StreamSequence)
            .AsAsyncEnumerable();
        return await WalkAsync(new StreamWalker(), stream, cancellationToken);
    }

    private static async Task<AuditVerification> WalkAsync(AuditWalker walker, IAsyncEnumerable<AuditEvent> entries, CancellationToken cancellationToken)
    {
        await foreach (var audit in entries.WithCancellation(cancellationToken))
        {
            if (walker.Check(audit) is { } broken)
            {
                return broken;
            }
        }
        return walker.Result;
    }
}
