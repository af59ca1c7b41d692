using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Subjects;

/// <summary>
/// Corrects a subject's relationship dates, which drive retention "after the relationship" (Art. 33 Wwft).
/// One transaction: the subject (refused when someone saved it since the profile was read), and on every
/// open case of the subject an audit event listing the "kept until" dates that moved.
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
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var subject = await db.DataSubjects.SingleOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
                if (subject is null)
                {
                    return Result.Failure(SubjectDirectory.NotFound);
                }
                var stamp = db.Entry(subject).Property<Guid>(PrivacyDeskDbContext.ConcurrencyStamp);
                if (stamp.CurrentValue != concurrencyStamp)
                {
                    return Result.Failure(await StaleEdit.DescribeAsync(db, settings.TimeZone, SubjectDirectory.AuditEntityType, subjectId.ToString(), cancellationToken));
                }
                // The UPDATE checks the stamp the user loaded, so a save racing this one loses instead of overwriting.
                stamp.OriginalValue = concurrencyStamp;
                var (startBefore, endBefore) = (subject.RelationshipStart, subject.RelationshipEnd);
                var now = clock.GetUtcNow();
                var corrected = subject.CorrectRelationship(start, end, settings.Today(clock), actor, now);
                if (corrected.IsFailure)
                {
                    return corrected;
                }
                var register = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
                var changes = RelationshipRetention.Changes(subject.ProcessingPurposes(register), startBefore, endBefore, start, end);
                if (changes.Count > 0)
                {
                    var open = RequestStatuses.Open.ToList();
                    var cases = await db.Requests.AsNoTracking()
                        .Where(r => r.SubjectId == subjectId && open.Contains(r.Status))
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
                }
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Failure(await StaleEdit.DescribeAsync(db, settings.TimeZone, SubjectDirectory.AuditEntityType, subjectId.ToString(), cancellationToken));
        }
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
