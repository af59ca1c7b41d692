using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Auditing;

/// <summary>
/// Writes the audit trail with the change it records, in the same SaveChanges (so the same
/// transaction): every aggregate's pending domain changes become audit events, and every new audit
/// event is chained to the end of the trail and of its stream.
/// </summary>
public sealed class AuditTrailInterceptor(ControllerOptions controller, AuditAnchorOptions anchor) : SaveChangesInterceptor
{
    /// <summary>The aggregates whose inserted rows always start a new audit stream (ids from <see cref="Guid.NewGuid"/>), so no stream head is read for them.</summary>
    private static readonly HashSet<Type> FreshIdentities = [typeof(PrivacyDesk.Domain.Subjects.DataSubject), typeof(PrivacyDesk.Domain.Requests.DataSubjectRequest)];

    /// <summary>The trail's last event, read on every save that audits: compiled once, so no save rebuilds the query (issue 17).</summary>
    private static readonly CompiledPerModel<Func<PrivacyDeskDbContext, CancellationToken, Task<TrailEnd?>>> TrailHead = new(() => EF.CompileAsyncQuery(
        (PrivacyDeskDbContext db, CancellationToken _) => db.AuditEvents.AsNoTracking()
            .OrderByDescending(a => a.Sequence)
            .Select(a => new TrailEnd(a.Sequence, a.Hash))
            .FirstOrDefault()));

    private sealed record TrailEnd(long Sequence, string Hash);

    private readonly TimeZoneInfo _timeZone = controller.TimeZone;

    // From the options, not from AuditAnchor: that needs the DbContext factory, which needs this interceptor.
    private readonly AuditSealKey? _sealKey = AuditSealKey.FromSecret(anchor.Key);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is PrivacyDeskDbContext db)
        {
            await ChainAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is PrivacyDeskDbContext db)
        {
            ChainAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    /// <summary>An existing case changes only through the case unit of work (ADR 0028); anything else saving one is a bug, not a user error.</summary>
    private static void RefuseCaseChangeOutsideUnitOfWork(PrivacyDeskDbContext db, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<AggregateRoot> entry)
    {
        if (entry.Entity is DataSubjectRequest && entry.State != EntityState.Added && !db.MayChangeCases
            && (entry.State is EntityState.Modified or EntityState.Deleted || entry.Entity.PendingChanges.Count > 0))
        {
            throw new InvalidOperationException(
                "A case was changed outside the case unit of work (CaseUnitOfWork); every change of an existing case goes through it (ADR 0028).");
        }
    }

    /// <summary>
    /// Chains the save's audit events. Changes are detected once, here, instead of once by each <c>Entries</c> call below (and
    /// EF Core detects once more itself after this): on the intake's hot path the two extra passes over every tracked row were
    /// a tenth of the registration's own CPU time (issue 17). A context with automatic detection off stays as its owner set it.
    /// </summary>
    private async Task ChainAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        if (autoDetect)
        {
            tracker.DetectChanges();
        }
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await ChainDetectedAsync(db, cancellationToken);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task ChainDetectedAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken)
    {
        // The streams of subjects and requests inserted by this save begin here: there is nothing of them in the trail to read.
        // Only those: their ids are new random GUIDs, while other aggregates may reuse an id that already has a stream (a
        // register purpose's id comes from its key and comes back when the default register is imported again).
        var newStreams = new HashSet<(string, string)>();
        foreach (var entry in db.ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            RefuseCaseChangeOutsideUnitOfWork(db, entry);
            var changes = entry.Entity.DequeueChanges();
            if (changes.Count > 0 || entry.State is EntityState.Added or EntityState.Modified)
            {
                // Any change, even one only to a child row, moves the aggregate's stamp: a concurrent save from a stale copy fails.
                entry.Property(PrivacyDeskDbContext.ConcurrencyStamp).CurrentValue = Guid.NewGuid();
            }
            var insertedId = entry.State == EntityState.Added && FreshIdentities.Contains(entry.Metadata.ClrType)
                && entry.Metadata.FindPrimaryKey() is { Properties: [var key] }
                ? entry.Property(key.Name).CurrentValue?.ToString()
                : null;
            foreach (var change in changes)
            {
                var audit = AuditEvent.From(change);
                db.AuditEvents.Add(audit);
                if (insertedId is not null && string.Equals(audit.EntityId, insertedId, StringComparison.OrdinalIgnoreCase))
                {
                    newStreams.Add((audit.EntityType, audit.EntityId));
                }
            }
        }

        var pending = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var last = await TrailHead.For(db)(db, cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash;
        var streams = new Dictionary<(string, string), (int Sequence, string? Hash)>();
        foreach (var audit in pending)
        {
            var key = (audit.EntityType, audit.EntityId);
            if (!streams.TryGetValue(key, out var stream) && !newStreams.Contains(key))
            {
                var lastOfStream = await db.AuditEvents.AsNoTracking()
                    .Where(a => a.EntityType == audit.EntityType && a.EntityId == audit.EntityId)
                    .OrderByDescending(a => a.StreamSequence)
                    .Select(a => new { a.StreamSequence, a.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                stream = (lastOfStream?.StreamSequence ?? 0, lastOfStream?.Hash);
            }
            audit.Chain(++sequence, previousHash, stream.Sequence + 1, stream.Hash, _timeZone, _sealKey);
            previousHash = audit.Hash;
            streams[key] = (stream.Sequence + 1, audit.Hash);
        }
    }
}
