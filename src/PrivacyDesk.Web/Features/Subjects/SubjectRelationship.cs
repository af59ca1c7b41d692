using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Subjects;

/// <summary>
/// Corrects a subject's relationship dates, which drive retention "after the relationship" (Art. 33 Wwft).
/// One transaction: the subject (refused when someone saved it since the profile was read), the end dates of its running
/// retention ledger entries, and on every open case of the subject an audit event listing the "kept until" dates that moved.
/// </summary>
public sealed class SubjectRelationship(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings)
{
    /// <summary>Recorded on each open case whose retention dates moved with the subject's relationship dates.</summary>
    public const string RetentionRecomputedAction = "request.retention_recomputed";

    /// <summary>Handlers correct the facts a case rests on; readers and administrators do not.</summary>
    public static bool MayCorrect(ClaimsPrincipal caller) => caller.Has(Permission.ViewSubjects) && caller.Has(Permission.HandleRequests);

    public async Task<Result> CorrectAsync(
        ClaimsPrincipal caller, Guid subjectId, Guid concurrencyStamp, DateOnly? start, DateOnly? end, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayCorrect(caller))
        {
            return Result.Failure(SubjectDirectory.Forbidden);
        }
        var actor = caller.ToActor();
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        // The one stamped change (ADR 0028): load, the stamp the user loaded, correct, save, a conflict as "changed by X at T".
        var target = new StampedTarget<DataSubject>(SubjectDirectory.AuditEntityType, subjectId,
            (context, token) => context.DataSubjects.SingleOrDefaultAsync(s => s.Id == subjectId, token), SubjectDirectory.NotFound);
        var corrected = await StampedChange.RunAsync(db, settings.TimeZone, target, concurrencyStamp,
            (_, _) => Task.FromResult(Result.Success()),
            async subject =>
            {
                var result = await CorrectAsync(db, subject, start, end, actor, settings.Today(clock), clock.GetUtcNow(), cancellationToken);
                return result.IsSuccess ? Result.Success(true) : Result<bool>.Failure(result.Errors);
            }, cancellationToken);
        return corrected.IsSuccess ? Result.Success() : Result.Failure(corrected.Errors);
    }

    /// <summary>Corrects the relationship and records, on each open case of the subject, how long each purpose now keeps the data.</summary>
    private static async Task<Result> CorrectAsync(
        PrivacyDeskDbContext db, DataSubject subject, DateOnly? start, DateOnly? end, Actor actor, DateOnly today, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (startBefore, endBefore) = (subject.RelationshipStart, subject.RelationshipEnd);
        var corrected = subject.CorrectRelationship(start, end, today, actor, now);
        if (corrected.IsFailure)
        {
            return corrected;
        }
        // The retention ledger's running entries count from these dates too: recomputed in the same transaction, each audited by the entry.
        var running = await db.RetentionLedger
            .Where(e => e.SubjectId == subject.Id && e.Status == RetentionEntryStatus.Running)
            .ToListAsync(cancellationToken);
        foreach (var entry in running)
        {
            var recomputed = entry.Recompute(subject.RelationshipEnd, subject.RelationshipStart, actor, now);
            if (recomputed.IsFailure)
            {
                return recomputed;
            }
        }
        var register = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var changes = RelationshipRetention.Changes(subject.ProcessingPurposes(register), startBefore, endBefore, start, end);
        if (changes.Count == 0)
        {
            return Result.Success();
        }
        var open = RequestStatuses.Open.ToList();
        var cases = await db.Requests.AsNoTracking()
            .Where(r => r.SubjectId == subject.Id && open.Contains(r.Status))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        // One shape for every audit entry (ADR 0010): a flat map of text fields, one "before → after" per purpose.
        var details = new Dictionary<string, string?>(StringComparer.Ordinal) { ["cause"] = "subject.relationship_corrected" };
        foreach (var change in changes)
        {
            details[$"keptUntil.{change.PurposeId}"] = $"{Iso(change.Before) ?? "-"} → {Iso(change.After) ?? "-"}";
        }
        foreach (var id in cases)
        {
            db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, RetentionRecomputedAction,
                DataSubjectRequest.AuditEntityType, id.ToString(), details));
        }
        return Result.Success();
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
