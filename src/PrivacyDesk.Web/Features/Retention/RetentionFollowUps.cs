using PrivacyDesk.Web.Features.SourceChanges;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Retention;

/// <summary>What a scan of the ledger did: entries turned into follow-up plans, and entries that could not be counted now (tried again at the next scan).</summary>
public sealed record RetentionScanOutcome(int Planned, int Failed);

/// <summary>What one run of a follow-up plan did, by system name.</summary>
public sealed record FollowUpRunOutcome(IReadOnlyList<string> Done, IReadOnlyList<string> Failed, IReadOnlyList<string> NeedNewApproval);

/// <summary>What re-applying one completed erasure did per system: rows changed again (0 when the restore did not bring the subject back).</summary>
public sealed record ReapplyOutcome(IReadOnlyList<ReappliedSystem> Systems);

public sealed record ReappliedSystem(string System, int Rows, bool ProofHolds, string? ErrorCode);

/// <summary>
/// The retention ledger's follow-ups (issue 15, ADR 0042): an entry kept beyond its last day becomes a follow-up erasure
/// plan (the entry's purpose changes, the subject's other purposes with retention still running are kept), counted in a dry
/// run OUTSIDE PrivacyDesk's transaction, stored with the entry's move to FollowUpPlanned in one transaction. A team lead who
/// did not make it (the system did) approves and runs it; the entry is then erased. After a restore from backup, an
/// administrator re-applies a completed erasure from the subject's keyed hashes.
/// </summary>
public sealed class RetentionFollowUps(
    IServiceScopeFactory scopes, SourceChangeSystems systems, ControllerSettings controllerSettings, TimeProvider clock,
    ILogger<RetentionFollowUps> logger)
{
    public static readonly Error Forbidden = new("auth.forbidden");
    public static readonly Error PlanNotFound = new("retention.plan_not_found");
    public static readonly Error NotCompleted = new("retention.reapply.not_completed");
    public static readonly Error NothingToRun = new("retention.nothing_to_run");

    /// <summary>Audit action of a completed erasure re-applied after a restore (counts and statement hashes only).</summary>
    public const string ReappliedAction = "retention.erasure.reapplied";

    /// <summary>Every due entry (kept beyond its last day, still running) becomes a follow-up plan; one entry failing does not hold the others.</summary>
    public async Task<RetentionScanOutcome> PlanDueAsync(CancellationToken cancellationToken = default)
    {
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var today = settings.Today(clock);
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            // IsDue in SQL (the (Status, EndsOn) index): running and past its last day.
            due = await db.RetentionLedger.AsNoTracking()
                .Where(e => e.Status == RetentionEntryStatus.Running && e.EndsOn != null && e.EndsOn < today)
                .OrderBy(e => e.EndsOn).ThenBy(e => e.Id)
                .Select(e => e.Id)
                .ToListAsync(cancellationToken);
        }
        var (planned, failed) = (0, 0);
        var attached = new HashSet<Guid>();
        foreach (var id in due)
        {
            if (attached.Contains(id))
            {
                // Already in the follow-up of an entry of the same subject and system that ended with it.
                continue;
            }
            var result = await PlanFollowUpAsync(id, settings.TimeZone, today, attached, cancellationToken);
            if (result.IsSuccess)
            {
                planned++;
            }
            else
            {
                failed++;
                LogRefused(id, string.Join(", ", result.Errors.Select(e => e.Code)));
            }
        }
        return new RetentionScanOutcome(planned, failed);
    }

    private async Task<Result<Guid>> PlanFollowUpAsync(Guid entryId, TimeZoneInfo zone, DateOnly today, HashSet<Guid> attached, CancellationToken cancellationToken)
    {
        // 1. What the planner reads, without holding anything.
        SourceChangeInput input;
        RetentionLedgerEntry entry;
        string fingerprint;
        List<Guid> together = [];
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            entry = await db.RetentionLedger.AsNoTracking().SingleAsync(e => e.Id == entryId, cancellationToken);
            var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == entry.SubjectId, cancellationToken);
            if (subject is null)
            {
                return Result<Guid>.Failure(new Error("subjects.not_found"));
            }
            var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            var system = await db.SourceSystems.AsNoTracking().Where(s => s.Id == entry.SourceSystemId).ToListAsync(cancellationToken);
            var others = await db.RetentionLedger.AsNoTracking()
                .Where(e => e.SubjectId == entry.SubjectId && e.Id != entry.Id && e.Status == RetentionEntryStatus.Running)
                .Select(e => new { e.Id, e.PurposeId, e.SourceSystemId, e.EndsOn })
                .ToListAsync(cancellationToken);
            // Entries of the same subject and system that have ended too go into this one follow-up: planned one by one, each
            // would keep the rows the others' purposes share, and none would erase them.
            together = [.. others.Where(o => o.SourceSystemId == entry.SourceSystemId && o.EndsOn is { } end && end < today).Select(o => o.Id)];
            var ending = others.Where(o => together.Contains(o.Id)).Select(o => o.PurposeId).Append(entry.PurposeId).ToHashSet();
            // Intents (ADR 0040): the expired purposes change; every other purpose of the subject whose retention still runs is kept.
            var intents = ending.ToDictionary(id => id, _ => PurposeIntent.Change);
            foreach (var other in others.Where(o => !ending.Contains(o.PurposeId)))
            {
                intents[other.PurposeId] = PurposeIntent.Keep;
            }
            input = new SourceChangeInput(RequestType.Erasure, subject, intents, purposes, system, [], today);
            fingerprint = SourceChangePlan.FingerprintOf([entry.Id, .. others.Select(o => o.Id)], system.Select(s => (s.Id, s.MapVersion)));
        }
        var proposal = SourceChangePlanner.Plan(input);
        if (proposal.IsFailure)
        {
            return Result<Guid>.Failure(proposal.Errors);
        }

        // 2. The dry run, outside PrivacyDesk's transaction: it may take seconds.
        var keys = SourceChangeSystems.KeysOf(input.Subject);
        List<PlannedSystem> planned = [];
        foreach (var plan in proposal.Value.Systems)
        {
            var counted = await systems.CountAsync(plan, input.Systems, keys, input.Subject.Id, clock.GetUtcNow(), cancellationToken);
            if (counted.IsFailure)
            {
                return Result<Guid>.Failure(counted.Errors);
            }
            planned.Add(counted.Value);
        }
        var hashes = systems.SubjectKeyHashes(keys);

        // 3. The plan and the entry's move in one transaction; an entry changed meanwhile (another instance) saves nothing.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var now = clock.GetUtcNow();
            var target = new StampedTarget<RetentionLedgerEntry>(RetentionLedgerEntry.AuditEntityType, entryId,
                (context, token) => context.RetentionLedger.SingleOrDefaultAsync(e => e.Id == entryId, token), PlanNotFound);
            var outcome = await StampedChange.RunAsync(db, zone, target, null, (_, _) => Task.FromResult(Result.Success()), tracked =>
            {
                var made = SourceChangePlan.ForRetentionEnd(tracked, fingerprint, planned, hashes, Actor.System, now);
                if (made.IsFailure)
                {
                    return Task.FromResult(Result<Guid>.Failure(made.Errors));
                }
                // The entry's day is the controller's: the moment as its local clock reads it.
                var moved = tracked.PlanFollowUp(made.Value.Id, Actor.System, TimeZoneInfo.ConvertTime(now, zone));
                if (moved.IsFailure)
                {
                    return Task.FromResult(Result<Guid>.Failure(moved.Errors));
                }
                foreach (var sibling in db.RetentionLedger.Where(e => together.Contains(e.Id) && e.Status == RetentionEntryStatus.Running))
                {
                    var joined = sibling.PlanFollowUp(made.Value.Id, Actor.System, TimeZoneInfo.ConvertTime(now, zone));
                    if (joined.IsFailure)
                    {
                        return Task.FromResult(Result<Guid>.Failure(joined.Errors));
                    }
                }
                db.SourceChangePlans.Add(made.Value);
                return Task.FromResult(Result.Success(made.Value.Id));
            }, cancellationToken);
            if (outcome.IsSuccess)
            {
                attached.UnionWith(together);
            }
            return outcome;
        }
    }

    /// <summary>Four eyes: any team lead (the maker is the system), with the plan's stamp as the page read it.</summary>
    public async Task<Result> ApproveAsync(ClaimsPrincipal caller, Guid planId, Guid seenStamp, bool confirmLargeChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ApproveResponses))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var result = await ChangePlanAsync(planId, seenStamp, (_, plan, now) =>
            Task.FromResult(plan.Approve(actor, now, systems.MaxRowsPerTable, confirmLargeChange)), cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs every pending or failed system of an approved follow-up (a retry runs only what is left): the execution outside
    /// PrivacyDesk's transaction, then one change that records done (with proof, and the entry erased), failed, or waiting for a new plan.
    /// </summary>
    public async Task<Result<FollowUpRunOutcome>> RunAsync(ClaimsPrincipal caller, Guid planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ApproveResponses))
        {
            return Result<FollowUpRunOutcome>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        SourceChangePlan plan;
        List<SourceSystem> sourceSystems;
        Domain.Subjects.DataSubject? subject;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var found = await db.SourceChangePlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId && p.RetentionEntryId != null, cancellationToken);
            if (found is null)
            {
                return Result<FollowUpRunOutcome>.Failure(PlanNotFound);
            }
            plan = found;
            subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == plan.SubjectId, cancellationToken);
            sourceSystems = await db.SourceSystems.AsNoTracking().ToListAsync(cancellationToken);
        }
        var toRun = plan.Systems.Where(s => !s.Plan.IsManual && s.State is PlannedSystemState.Pending or PlannedSystemState.Failed).ToList();
        if (toRun.Count == 0 || subject is null)
        {
            return Result<FollowUpRunOutcome>.Failure(NothingToRun);
        }
        var blocked = plan.MayRun(toRun[0].SystemId);
        if (blocked.IsFailure)
        {
            return Result<FollowUpRunOutcome>.Failure(blocked.Errors);
        }
        var keys = SourceChangeSystems.KeysOf(subject);
        List<string> done = [], failed = [], again = [];
        foreach (var system in toRun)
        {
            var executed = await systems.ExecuteAsync(system, sourceSystems, keys, plan.SubjectId, cancellationToken);
            var recorded = await ChangePlanAsync(planId, null, async (db, tracked, now) =>
            {
                if (executed.IsFailure)
                {
                    return executed.Errors.Any(e => e.Code == SourceChanges.CaseSourceChanges.PlanChangedCode || e.Code == SourceChangeErrors.MapChanged.Code)
                        ? tracked.RecordNeedsNewApproval(system.SystemId, now, actor)
                        : tracked.RecordFailed(system.SystemId, executed.Errors[0].Code, now, actor);
                }
                var result = tracked.RecordDone(system.SystemId, executed.Value.Executed, executed.Value.Proof, now, actor);
                if (result.IsFailure)
                {
                    return result;
                }
                // The entries this follow-up carries in the system that finished: their kept data are gone, in the same transaction as the proof.
                var entries = await db.RetentionLedger
                    .Where(e => e.FollowUpPlanId == tracked.Id && e.SourceSystemId == system.SystemId && e.Status == RetentionEntryStatus.FollowUpPlanned)
                    .ToListAsync(cancellationToken);
                foreach (var entry in entries)
                {
                    var erased = entry.MarkErased(actor, now);
                    if (erased.IsFailure)
                    {
                        return erased;
                    }
                }
                return Result.Success();
            }, cancellationToken);
            if (recorded.IsFailure)
            {
                return Result<FollowUpRunOutcome>.Failure(recorded.Errors);
            }
            var name = system.Plan.SystemName;
            if (executed.IsSuccess)
            {
                done.Add(name);
            }
            else
            {
                (executed.Errors.Any(e => e.Code == SourceChanges.CaseSourceChanges.PlanChangedCode || e.Code == SourceChangeErrors.MapChanged.Code) ? again : failed).Add(name);
                LogRunFailed(planId, system.SystemId, string.Join(", ", executed.Errors.Select(e => e.Code)));
            }
        }
        return Result.Success(new FollowUpRunOutcome(done, failed, again));
    }

    /// <summary>
    /// After a restore from backup: per system the plan finished, find the subject again by the keyed hashes, count (dry run)
    /// and execute the same plan on what the restore brought back, and record counts and statement hashes in the audit trail.
    /// </summary>
    public async Task<Result<ReapplyOutcome>> ReapplyAsync(ClaimsPrincipal caller, Guid planId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ReapplyErasures))
        {
            return Result<ReapplyOutcome>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        SourceChangePlan? plan;
        List<SourceSystem> sourceSystems;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            plan = await db.SourceChangePlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, cancellationToken);
            sourceSystems = await db.SourceSystems.AsNoTracking().ToListAsync(cancellationToken);
        }
        if (plan is null)
        {
            return Result<ReapplyOutcome>.Failure(PlanNotFound);
        }
        if (plan.Kind != RequestType.Erasure || plan.Status != SourceChangePlanStatus.Completed || plan.SubjectKeyHashes.Count == 0)
        {
            return Result<ReapplyOutcome>.Failure(NotCompleted);
        }
        List<ReappliedSystem> outcome = [];
        foreach (var system in plan.Systems.Where(s => s.State == PlannedSystemState.Done && !s.Plan.IsManual))
        {
            var reapplied = await ReapplySystemAsync(plan, system, sourceSystems, cancellationToken);
            outcome.Add(reapplied);
            var details = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["system"] = reapplied.System,
                ["rows"] = reapplied.Rows.ToString(CultureInfo.InvariantCulture),
                ["proofHolds"] = reapplied.ProofHolds ? "true" : "false",
                ["errorCode"] = reapplied.ErrorCode,
                ["subjectKeyHashes"] = plan.SubjectKeyHashes.Count.ToString(CultureInfo.InvariantCulture),
            };
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, ReappliedAction, SourceChangePlan.AuditEntityType, plan.Id.ToString(), details));
            await db.SaveChangesAsync(cancellationToken);
        }
        return Result.Success(new ReapplyOutcome(outcome));
    }

    private async Task<ReappliedSystem> ReapplySystemAsync(SourceChangePlan plan, PlannedSystem system, IReadOnlyList<SourceSystem> sourceSystems, CancellationToken cancellationToken)
    {
        var name = system.Plan.SystemName;
        // The map may have moved since: the plan's changes are re-planned on nothing; the system's current map version is what the walk uses.
        var current = sourceSystems.FirstOrDefault(s => s.Id == system.SystemId);
        var plannedNow = current is null ? system.Plan : system.Plan with { MapVersion = current.MapVersion };
        var found = await systems.FindSubjectAsync(plannedNow, sourceSystems, plan.SubjectKeyHashes, cancellationToken);
        if (found.IsFailure)
        {
            return new ReappliedSystem(name, 0, false, found.Errors[0].Code);
        }
        if (found.Value.Values.Count == 0)
        {
            // The restore did not bring the subject back: nothing to do, and the proof (no rows of the subject) holds.
            return new ReappliedSystem(name, 0, true, null);
        }
        var counted = await systems.DryRunAsync(plannedNow, sourceSystems, found.Value, plan.SubjectId, cancellationToken);
        if (counted.IsFailure)
        {
            return new ReappliedSystem(name, 0, false, counted.Errors[0].Code);
        }
        var executed = await systems.ExecuteAsync(system with { Plan = plannedNow, DryRun = counted.Value }, sourceSystems, found.Value, plan.SubjectId, cancellationToken);
        return executed.IsFailure
            ? new ReappliedSystem(name, 0, false, executed.Errors[0].Code)
            : new ReappliedSystem(name, executed.Value.Executed.Sum(s => s.ExecutedCount ?? 0), executed.Value.Proof.Holds, null);
    }

    /// <summary>One stamped change of a follow-up plan (ADR 0028): a stale stamp is "changed by X at T".</summary>
    private async Task<Result> ChangePlanAsync(
        Guid planId, Guid? seenStamp, Func<PrivacyDeskDbContext, SourceChangePlan, DateTimeOffset, Task<Result>> change, CancellationToken cancellationToken)
    {
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var now = clock.GetUtcNow();
        var target = new StampedTarget<SourceChangePlan>(SourceChangePlan.AuditEntityType, planId,
            (context, token) => context.SourceChangePlans.SingleOrDefaultAsync(p => p.Id == planId && p.RetentionEntryId != null, token), PlanNotFound);
        var result = await StampedChange.RunAsync(db, settings.TimeZone, target, seenStamp, (_, _) => Task.FromResult(Result.Success()), async plan =>
        {
            var changed = await change(db, plan, now);
            return changed.IsSuccess ? Result.Success(true) : Result<bool>.Failure(changed.Errors);
        }, cancellationToken);
        return result.IsSuccess ? Result.Success() : Result.Failure(result.Errors);
    }

    private void LogRefused(Guid entryId, string codes)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Retention ledger entry {EntryId} could not be planned for erasure now: {Codes}", entryId, codes);
        }
    }

    private void LogRunFailed(Guid planId, Guid systemId, string codes)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            logger.LogWarning("Retention follow-up {PlanId} in source system {SourceSystemId} failed: {Codes}", planId, systemId, codes);
        }
    }
}
