using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Auditing;

/// <summary>
/// Walks the stored trail, streamed row by row rather than loaded, and reports the first broken link: with the anchor
/// key each entry's seal, with the anchors outside the table the trail's head, and then the columns that repeat audited facts.
/// </summary>
public sealed class AuditTrailVerifier(IDbContextFactory<PrivacyDeskDbContext> databases, AuditAnchor anchor)
{
    /// <summary>The whole trail, from the first entry.</summary>
    public async Task<AuditVerification> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        var anchors = await anchor.AnchorsAsync(cancellationToken);
        if (Forged(anchors) is { } forged)
        {
            return forged;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var walker = new TrailWalker(anchor.Key, [.. anchors.Select(a => a.Checkpoint)]);
        var result = await WalkAsync(walker, db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable(), cancellationToken);
        return result.IsIntact ? await CheckRecordsAsync(db, result, cancellationToken) : result;
    }

    /// <summary>
    /// Only the entries after the newest checkpoint in the database (the whole trail when there is none): the entry
    /// there must still carry the checkpoint's hash, and each new entry must link to it. Edits before it need <see cref="VerifyAllAsync"/>.
    /// </summary>
    public async Task<AuditVerification> VerifyNewAsync(CancellationToken cancellationToken = default)
    {
        var anchors = await anchor.AnchorsAsync(cancellationToken);
        if (Forged(anchors) is { } forged)
        {
            return forged;
        }
        var start = anchors.Where(a => a.Source == AuditAnchor.DatabaseSource).Select(a => a.Checkpoint).FirstOrDefault();
        if (start is null)
        {
            return await VerifyAllAsync(cancellationToken);
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var atStart = await db.AuditEvents.AsNoTracking().Where(a => a.Sequence == start.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
        if (atStart is null)
        {
            var last = await db.AuditEvents.MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;
            return last < start.Sequence
                ? AuditVerification.Broken(last, last + 1, AuditBreak.NewestEntriesMissing)
                : AuditVerification.Broken(start.Sequence, start.Sequence, AuditBreak.MissingEntry);
        }
        if (atStart != start.Hash)
        {
            return AuditVerification.Broken(start.Sequence, start.Sequence, AuditBreak.AnchorMismatch);
        }
        var fresh = await db.AuditEvents.AsNoTracking().Where(a => a.Sequence > start.Sequence).OrderBy(a => a.Sequence).ToListAsync(cancellationToken);
        var heads = new Dictionary<(string EntityType, string EntityId), (int Sequence, string? Hash)>();
        foreach (var key in fresh.Select(a => (a.EntityType, a.EntityId)).Distinct())
        {
            var head = await db.AuditEvents.AsNoTracking()
                .Where(a => a.EntityType == key.EntityType && a.EntityId == key.EntityId && a.Sequence <= start.Sequence)
                .OrderByDescending(a => a.StreamSequence)
                .Select(a => new { a.StreamSequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);
            heads[key] = (head?.StreamSequence ?? 0, head?.Hash);
        }
        var walker = TrailWalker.ContinuingFrom(start.Sequence, start.Hash, heads, anchor.Key, [.. anchors.Select(a => a.Checkpoint)]);
        foreach (var audit in fresh)
        {
            if (walker.Check(audit) is { } broken)
            {
                return broken;
            }
        }
        var result = walker.Finish();
        return result.IsIntact ? await CheckRecordsAsync(db, result, cancellationToken) : result;
    }

    /// <summary>The entries about one thing, e.g. one request (EntityType "DataSubjectRequest" and its id).</summary>
    public async Task<AuditVerification> VerifyStreamAsync(string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stream = db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderBy(a => a.StreamSequence)
            .AsAsyncEnumerable();
        return await WalkAsync(new StreamWalker(anchor.Key), stream, cancellationToken);
    }

    /// <summary>Of the given entries, those that no longer match their own hash or seal: the rows to mark wherever they are shown.</summary>
    public async Task<IReadOnlySet<long>> AlteredAmongAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0)
        {
            return new HashSet<long>();
        }
        var wanted = sequences.ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditEvents.AsNoTracking().Where(a => wanted.Contains(a.Sequence)).ToListAsync(cancellationToken);
        return entries.Where(a => !AuditChain.Holds(a, anchor.Key)).Select(a => a.Sequence).ToHashSet();
    }

    /// <summary>Of the given entries, those that no longer match their own hash or seal (for entries already loaded).</summary>
    public IReadOnlySet<long> AlteredAmong(IEnumerable<AuditEvent> entries) =>
        entries.Where(a => !AuditChain.Holds(a, anchor.Key)).Select(a => a.Sequence).ToHashSet();

    /// <summary>An anchor whose seal does not verify: someone without the key wrote or changed it.</summary>
    private AuditVerification? Forged(IReadOnlyList<(string Source, AuditCheckpoint Checkpoint)> anchors) =>
        anchors.FirstOrDefault(a => !a.Checkpoint.IsGenuine(anchor.Key)) is { Checkpoint: not null } forged
            ? AuditVerification.Broken(0, forged.Checkpoint.Sequence, AuditBreak.AnchorForged, forged.Source)
            : null;

    /// <summary>
    /// Each request's handler and status columns against the last value its stream recorded (AuditedFacts): a column changed
    /// in the database directly, without an entry, disagrees. Reports the entry holding the trail's value.
    /// </summary>
    private static async Task<AuditVerification> CheckRecordsAsync(PrivacyDeskDbContext db, AuditVerification intact, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, AuditedFacts>(StringComparer.Ordinal);
        var entries = db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == DataSubjectRequest.AuditEntityType && a.After != null)
            .OrderBy(a => a.Sequence)
            .Select(a => new { a.EntityId, a.Sequence, a.After })
            .AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (!facts.TryGetValue(entry.EntityId, out var fold))
            {
                facts[entry.EntityId] = fold = new AuditedFacts();
            }
            fold.Add(entry.Sequence, entry.After);
        }
        var requests = await db.Requests.AsNoTracking().Select(r => new { r.Id, r.HandlerId, r.Status }).ToListAsync(cancellationToken);
        (string Field, long Sequence, Guid Request)? first = null;
        foreach (var request in requests)
        {
            if (facts.TryGetValue(request.Id.ToString(), out var fold)
                && fold.FirstDisagreement(new Dictionary<string, string?> { ["handlerId"] = request.HandlerId, ["status"] = request.Status.ToString() }) is { } disagreement
                && (first is null || disagreement.Sequence < first.Value.Sequence))
            {
                first = (disagreement.Field, disagreement.Sequence, request.Id);
            }
        }
        return first is { } found
            ? AuditVerification.Broken(intact.EntriesChecked, found.Sequence, AuditBreak.RecordDisagrees, $"{DataSubjectRequest.AuditEntityType} {found.Request} {found.Field}")
            : intact;
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
        return walker.Finish();
    }
}
