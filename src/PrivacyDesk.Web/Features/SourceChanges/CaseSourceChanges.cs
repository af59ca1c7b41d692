using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Connectors;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.SourceChanges;

/// <summary>
/// Carrying out a case's erasure, restriction or rectification in the source systems (issue 15, ADR 0040). Like fetching
/// (ADR 0039): the case's checks first, the systems OUTSIDE any transaction (a dry run or an execution may take seconds and
/// must not hold the case), then one <see cref="CaseUnitOfWork"/> change that records what happened. The plan carries its own
/// concurrency stamp: two team leads approving in two tabs get the stale-edit answer for the second.
/// </summary>
public sealed class CaseSourceChanges(
    IServiceScopeFactory scopes,
    CaseUnitOfWork cases,
    SourceChangeSystems reach,
    ControllerSettings controllerSettings,
    IOptions<SourceChangeOptions> options,
    TimeProvider clock,
    ILogger<CaseSourceChanges> logger)
{
    public static readonly Error NotApplicable = new("source.change.not_applicable");
    public static readonly Error NoDecisions = new("source.change.no_decisions");
    public static readonly Error NoHashKey = new("source.change.no_hash_key");
    public static readonly Error PlanNotFound = new("source.change.plan_not_found");
    public static readonly Error NoChanger = new("source.change.no_changer");
    public const string NoErasureConnectionCode = "source.change.no_erasure_connection";
    public const string SystemFailedCode = "source.change.dry_run_failed";

    /// <summary>The connector's code for rows that moved beyond "added since": the system waits for a new plan and approval.</summary>
    public static readonly string PlanChangedCode = SourceErrors.ChangePlanChanged.Code;

    /// <summary>The statuses in which a case's decisions may be carried out (decided, or answered and still to be carried out).</summary>
    private static readonly RequestStatus[] CarriedOutIn = [RequestStatus.InProgress, RequestStatus.AwaitingApproval, RequestStatus.Responded];

    /// <summary>What the panel shows: readiness, the current (or last) plan, whether it is out of date, what the caller may do.</summary>
    public async Task<Result<SourceChangesView>> ViewAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<SourceChangesView>.Failure(CaseUnitOfWork.Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<SourceChangesView>.Failure(CaseUnitOfWork.NotFound);
        }
        if (!SourceChangesView.Applies(request.Type))
        {
            return Result<SourceChangesView>.Failure(NotApplicable);
        }
        var systems = await SystemsAsync(db, cancellationToken);
        var plans = await db.SourceChangePlans.AsNoTracking().Where(p => p.RequestId == requestId).ToListAsync(cancellationToken);
        var plan = plans.Where(p => p.IsOpen).OrderByDescending(p => p.Version).FirstOrDefault()
            ?? plans.OrderByDescending(p => p.Version).FirstOrDefault();
        var readiness = request.CurrentDecisions.Count == 0 ? SourceChangeReadiness.NoDecisions
            : systems.Count == 0 ? SourceChangeReadiness.NoSystems
            : SourceChangeReadiness.Ready;
        var handles = CaseUnitOfWork.MayHandle(actor, request.HandlerId);
        var working = handles && CarriedOutIn.Contains(request.Status);
        var outdated = plan is not null && plan.Status != SourceChangePlanStatus.Completed && plan.Fingerprint != Fingerprint(request, systems);
        var awaiting = plan?.Status == SourceChangePlanStatus.AwaitingApproval;
        var mayApprove = awaiting && actor.Has(Permission.ApproveResponses) && actor.Id != plan!.HandlerId && actor.Id != plan.CreatedById;
        var approved = plan?.Status == SourceChangePlanStatus.Approved;
        var can = new SourceChangeAbilities(
            Plan: working && readiness == SourceChangeReadiness.Ready && (plan is null || outdated || plan.Status == SourceChangePlanStatus.Superseded
                || plan.Systems.Any(s => s.State == PlannedSystemState.NeedsNewApproval)),
            Approve: mayApprove && !outdated,
            Run: handles && approved && plan!.Systems.Any(s => !s.Plan.IsManual && s.State is PlannedSystemState.Pending or PlannedSystemState.Failed),
            ConfirmByHand: handles && approved,
            Correct: working && request.Type == RequestType.Rectification);
        // A shadow property is not on an untracked row: read with the plan, as the page must send it back.
        var stamp = plan is null ? Guid.Empty : await db.SourceChangePlans.Where(p => p.Id == plan.Id)
            .Select(p => EF.Property<Guid>(p, PrivacyDeskDbContext.ConcurrencyStamp)).SingleAsync(cancellationToken);
        return Result.Success(new SourceChangesView(
            request.Type,
            readiness,
            systems.Count(s => s.CanChange),
            plan is null ? null : ToView(plan, stamp, (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone),
            outdated,
            Waiting: awaiting && handles && !mayApprove,
            options.Value.MaxRowsPerTable,
            can,
            [.. request.Corrections.Select(c => new CorrectionRow(c.Id, c.SystemName, c.Schema is null ? c.Table : $"{c.Schema}.{c.Table}", c.Column, Masked(c.Value), c.RecordedByName, c.RecordedAt))],
            request.Type == RequestType.Rectification ? CorrectionTargets(systems) : [],
            (await db.Purposes.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name)));
    }

    /// <summary>
    /// Computes the plan from the current decisions, counts it in every connected system (a dry run: nothing changes), and stores
    /// it (superseding the open one) with the stamp the page held. Any system that cannot be counted stores nothing.
    /// </summary>
    public async Task<Result<Guid>> PlanAsync(ClaimsPrincipal caller, SeenCase seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        var hashKey = options.Value.HashKeyBytes();
        // 1. The case's own rules (permission, visibility, stamp, handler, right, decisions), and what the planner reads.
        var admitted = await cases.ChangeAsync<PlanInput>(caller, seen.RequestId, seen.Stamp, CaseAccess.Handle, async work =>
        {
            var request = work.Request;
            if (!SourceChangesView.Applies(request.Type))
            {
                return Result<PlanInput>.Failure(NotApplicable);
            }
            if (request.CurrentDecisions.Count == 0)
            {
                return Result<PlanInput>.Failure(NoDecisions);
            }
            if (hashKey is null)
            {
                return Result<PlanInput>.Failure(NoHashKey);
            }
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SubjectId, cancellationToken);
            if (subject is null)
            {
                return Result<PlanInput>.Failure(CaseUnitOfWork.NotFound);
            }
            var purposes = await work.Db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            var systems = await SystemsAsync(work.Db, cancellationToken);
            var input = new SourceChangeInput(request.Type, subject, SourceChangeIntents.From(request.Type, request.CurrentDecisions), purposes, systems, request.Corrections, work.Today);
            return Result.Success(new PlanInput(input, subject, Fingerprint(request, systems)));
        }, cancellationToken);
        if (admitted.IsFailure)
        {
            return Result<Guid>.Failure(admitted.Errors);
        }
        var (input, subject, fingerprint) = admitted.Value;
        var proposal = SourceChangePlanner.Plan(input);
        if (proposal.IsFailure)
        {
            return Result<Guid>.Failure(proposal.Errors);
        }

        // 2. The dry run per system, outside any transaction: counts now, changes nothing.
        var keys = CaseFetching.Keys(subject.CustomerNumber, subject.EmailAddresses, subject.Phone);
        List<PlannedSystem> planned = [];
        foreach (var system in proposal.Value.Systems)
        {
            if (system.IsManual || system.Changes.Count == 0)
            {
                planned.Add(new PlannedSystem(system, [], null, PlannedSystemState.Pending));
                continue;
            }
            var counted = await reach.DryRunAsync(system, input.Systems, keys, subject.Id, cancellationToken);
            if (counted.IsFailure)
            {
                return Refused<Guid>(seen.RequestId, system.SystemId, [.. counted.Errors.Select(e => Named(e, system.SystemName))]);
            }
            planned.Add(new PlannedSystem(system, counted.Value, clock.GetUtcNow(), PlannedSystemState.Pending));
        }
        var hashes = SubjectKeyHashing.HashAll(hashKey!, keys);

        // 3. Stored with the stamp the page held: a case changed meanwhile stores nothing; the open plan is superseded in the same transaction.
        return await cases.ChangeAsync<Guid>(caller, seen.RequestId, seen.Stamp, CaseAccess.Handle, async work =>
        {
            var existing = await work.Db.SourceChangePlans.Where(p => p.RequestId == seen.RequestId).ToListAsync(cancellationToken);
            foreach (var open in existing.Where(p => p.IsOpen))
            {
                var superseded = open.Supersede(work.Actor, work.Now, "source.change.new_plan");
                if (superseded.IsFailure)
                {
                    return Result<Guid>.Failure(superseded.Errors);
                }
            }
            var version = existing.Count == 0 ? 1 : existing.Max(p => p.Version) + 1;
            var made = SourceChangePlan.ForCase(work.Request, version, fingerprint, planned, hashes, work.Actor, work.Now);
            if (made.IsFailure)
            {
                return Result<Guid>.Failure(made.Errors);
            }
            work.Db.SourceChangePlans.Add(made.Value);
            return Result.Success(made.Value.Id);
        }, cancellationToken);
    }

    /// <summary>Four eyes (the domain's rule): a team lead who did not handle the case approves, with the PLAN's stamp as they saw it.</summary>
    public Task<Result> ApproveAsync(ClaimsPrincipal caller, Guid requestId, Guid planId, Guid seenPlanStamp, bool confirmLargeChange, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(caller, requestId, planId, seenPlanStamp, CaseAccess.Approve, async (work, plan) =>
        {
            // Four eyes against the case as it is now: a lead who has since taken the case over is its handler.
            if (work.Request.HandlerId == work.Actor.Id)
            {
                return Result.Failure(SourceChangeErrors.ApprovalOwnPlan);
            }
            // A plan made from decisions (or corrections, or maps) that have changed since is not approved: it would carry out the old ones.
            if (await IsOutdatedAsync(work, plan, cancellationToken))
            {
                return Result.Failure(SourceChangeErrors.PlanOutdated);
            }
            var approved = plan.Approve(work.Actor, work.Now, options.Value.MaxRowsPerTable, confirmLargeChange);
            if (approved.IsFailure)
            {
                return approved;
            }
            // A system that only keeps data is done at approval: what it keeps, and until when, goes into the ledger now.
            foreach (var system in plan.Systems.Where(s => s.IsFinished))
            {
                await KeepRetainedAsync(work, plan, system.SystemId, cancellationToken);
            }
            return Result.Success();
        }, cancellationToken);

    /// <summary>A manual system (or a by-hand instruction) done by the system's team: confirmed with a note, not proven.</summary>
    public Task<Result> ConfirmByHandAsync(
        ClaimsPrincipal caller, Guid requestId, Guid planId, Guid seenPlanStamp, Guid systemId, string note, CancellationToken cancellationToken = default) =>
        ChangePlanAsync(caller, requestId, planId, seenPlanStamp, CaseAccess.Handle, async (work, plan) =>
        {
            var confirmed = plan.ConfirmByHand(systemId, note?.Trim() ?? "", work.Actor, work.Now);
            if (confirmed.IsSuccess)
            {
                await KeepRetainedAsync(work, plan, systemId, cancellationToken);
            }
            return confirmed;
        }, cancellationToken);

    /// <summary>
    /// Runs every system that is pending or failed (a retry runs only what is left): per system the domain's MayRun, the execution
    /// outside any transaction, then one change that records done (with proof and, for erasure, the retention ledger entries),
    /// failed, or waiting for a new approval. A system that changed meanwhile in another tab is not recorded twice (the plan's stamp).
    /// </summary>
    public async Task<Result<SourceChangeRunOutcome>> RunAsync(ClaimsPrincipal caller, Guid requestId, Guid planId, CancellationToken cancellationToken = default)
    {
        var hashKey = options.Value.HashKeyBytes();
        if (hashKey is null)
        {
            return Result<SourceChangeRunOutcome>.Failure(NoHashKey);
        }
        List<string> done = [], failed = [], again = [];
        var first = await ReadForRunAsync(caller, requestId, planId, cancellationToken);
        if (first.IsFailure)
        {
            return Result<SourceChangeRunOutcome>.Failure(first.Errors);
        }
        foreach (var systemId in first.Value.ToRun)
        {
            // Read again per system: the stamp moves with each record, and another tab may have run it meanwhile.
            var read = await ReadForRunAsync(caller, requestId, planId, cancellationToken);
            if (read.IsFailure)
            {
                return Result<SourceChangeRunOutcome>.Failure(read.Errors);
            }
            var state = read.Value;
            var target = state.Plan.System(systemId);
            if (target is null || !state.ToRun.Contains(systemId))
            {
                continue;
            }
            var name = target.Plan.SystemName;
            var executed = await reach.ExecuteAsync(target, state.Systems, state.Keys, state.Plan.SubjectId, cancellationToken);
            // Recorded against the plan as it is now, not the stamp read before the run: what the source committed is never lost
            // to a change in another tab meanwhile (the domain refuses recording a system twice).
            var recorded = await ChangePlanAsync(caller, requestId, planId, null, CaseAccess.Handle, async (work, plan) =>
            {
                if (executed.IsSuccess)
                {
                    var result = plan.RecordDone(systemId, executed.Value.Executed, executed.Value.Proof, work.Now, work.Actor);
                    if (result.IsFailure && result.Errors.Any(e => e.Code == SourceChangeErrors.ProofDoesNotHold.Code))
                    {
                        // Committed, but the re-query found what should be gone: a failure the officer must see, not a silent success.
                        return plan.RecordFailed(systemId, SourceChangeErrors.ProofDoesNotHold.Code, work.Now, work.Actor);
                    }
                    if (result.IsSuccess)
                    {
                        await KeepRetainedAsync(work, plan, systemId, cancellationToken);
                    }
                    return result;
                }
                return executed.Errors.Any(e => e.Code == PlanChangedCode || e.Code == SourceChangeErrors.MapChanged.Code)
                    ? plan.RecordNeedsNewApproval(systemId, work.Now, work.Actor)
                    : plan.RecordFailed(systemId, executed.Errors[0].Code, work.Now, work.Actor);
            }, cancellationToken);
            if (recorded.IsFailure)
            {
                return Refused<SourceChangeRunOutcome>(requestId, systemId, recorded.Errors);
            }
            (executed.IsSuccess ? done : executed.Errors.Any(e => e.Code == PlanChangedCode || e.Code == SourceChangeErrors.MapChanged.Code) ? again : failed).Add(name);
            if (executed.IsFailure)
            {
                Log(requestId, systemId, executed.Errors);
            }
        }
        return Result.Success(new SourceChangeRunOutcome(done, failed, again));
    }

    /// <summary>Rectification: records a corrected value for one mapped column (the case's own method, with the case's stamp).</summary>
    public Task<Result> RecordCorrectionAsync(ClaimsPrincipal caller, SeenCase seen, CorrectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(input);
        return cases.ChangeAsync(caller, seen.RequestId, seen.Stamp, CaseAccess.Handle, work =>
        {
            Result recorded = work.Request.RecordCorrection(work.Actor, work.Now, input.SystemName, input.Schema, input.Table, input.Column, input.Value ?? "");
            return Task.FromResult(recorded);
        }, cancellationToken);
    }

    public Task<Result> RemoveCorrectionAsync(ClaimsPrincipal caller, SeenCase seen, Guid correctionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return cases.ChangeAsync(caller, seen.RequestId, seen.Stamp, CaseAccess.Handle,
            work => Task.FromResult(work.Request.RemoveCorrection(work.Actor, work.Now, correctionId)), cancellationToken);
    }

    /// <summary>The timeline's part of the plans: a case's plans are audited on their own streams (one per plan).</summary>
    public static async Task<IReadOnlyList<string>> PlanIdsOfAsync(PrivacyDeskDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.SourceChangePlans.AsNoTracking().Where(p => p.RequestId == requestId).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. ids.Select(id => id.ToString())];
    }

    private async Task<Result> ChangePlanAsync(
        ClaimsPrincipal caller, Guid requestId, Guid planId, Guid? seenPlanStamp, CaseAccess access, Func<CaseWork, SourceChangePlan, Task<Result>> change,
        CancellationToken cancellationToken)
    {
        var target = new StampedTarget<SourceChangePlan>(SourceChangePlan.AuditEntityType, planId,
            (db, token) => db.SourceChangePlans.SingleOrDefaultAsync(p => p.Id == planId && p.RequestId == requestId, token), PlanNotFound);
        var result = await cases.ChangeOwnedAsync<SourceChangePlan, bool>(caller, requestId, access, target, seenPlanStamp, async (work, plan) =>
        {
            var changed = await change(work, plan);
            return changed.IsSuccess ? Result.Success(true) : Result<bool>.Failure(changed.Errors);
        }, cancellationToken);
        return result.IsSuccess ? Result.Success() : Result.Failure(result.Errors);
    }

    /// <summary>What one run step reads (no change): the plan as it is, its stamp, the systems and the subject's identifiers.</summary>
    private async Task<Result<RunState>> ReadForRunAsync(ClaimsPrincipal caller, Guid requestId, Guid planId, CancellationToken cancellationToken)
    {
        var target = new StampedTarget<SourceChangePlan>(SourceChangePlan.AuditEntityType, planId,
            (db, token) => db.SourceChangePlans.SingleOrDefaultAsync(p => p.Id == planId && p.RequestId == requestId, token), PlanNotFound);
        return await cases.ChangeOwnedAsync<SourceChangePlan, RunState>(caller, requestId, CaseAccess.Handle, target, null, async (work, plan) =>
        {
            var toRun = plan.Systems.Where(s => !s.Plan.IsManual && s.State is PlannedSystemState.Pending or PlannedSystemState.Failed)
                .Select(s => s.SystemId).Where(id => plan.MayRun(id).IsSuccess).ToList();
            if (toRun.Count == 0 && plan.Systems.Count > 0 && plan.Systems.FirstOrDefault(s => !s.Plan.IsManual && !s.IsFinished) is { } blocked)
            {
                // Nothing may run: the domain says why (not approved yet, superseded, waiting for a new approval).
                var why = plan.MayRun(blocked.SystemId);
                if (why.IsFailure)
                {
                    return Result<RunState>.Failure(why.Errors);
                }
            }
            if (toRun.Count > 0 && await IsOutdatedAsync(work, plan, cancellationToken))
            {
                // The decisions (or corrections, or maps) changed after the approval: the approved plan would carry out the old ones.
                return Result<RunState>.Failure(SourceChangeErrors.PlanOutdated);
            }
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == plan.SubjectId, cancellationToken);
            if (subject is null)
            {
                return Result<RunState>.Failure(CaseUnitOfWork.NotFound);
            }
            var systems = await work.Db.SourceSystems.AsNoTracking().ToListAsync(cancellationToken);
            var stamp = (Guid)work.Db.Entry(plan).Property(PrivacyDeskDbContext.ConcurrencyStamp).CurrentValue!;
            return Result.Success(new RunState(plan, stamp, toRun, systems, CaseFetching.Keys(subject.CustomerNumber, subject.EmailAddresses, subject.Phone)));
        }, cancellationToken);
    }

    /// <summary>For a done (or confirmed) system of an ERASURE plan: every kept part with a retention ground enters the ledger, in the same transaction.</summary>
    /// <summary>Erasure: the system's kept data into the ledger, one entry per kept purpose, with the end date as the subject's relationship gives it now.</summary>
    private static async Task KeepRetainedAsync(CaseWork work, SourceChangePlan plan, Guid systemId, CancellationToken cancellationToken)
    {
        if (plan.Kind != RequestType.Erasure || plan.System(systemId) is not { IsFinished: true } system)
        {
            return;
        }
        var subject = await work.Db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == plan.SubjectId, cancellationToken);
        work.Db.RetentionLedger.AddRange(RetentionLedgerEntry.KeepAll(plan, work.Request.Id, system.Plan, work.Actor, work.Now, subject));
    }

    /// <summary>Whether the case's decisions, corrections or the systems' maps changed since the plan was made.</summary>
    private static async Task<bool> IsOutdatedAsync(CaseWork work, SourceChangePlan plan, CancellationToken cancellationToken) =>
        plan.Fingerprint != Fingerprint(work.Request, await SystemsAsync(work.Db, cancellationToken));

    /// <summary>Active systems the planner may plan for: with a saved map, or manual (which become tasks).</summary>
    private static async Task<List<SourceSystem>> SystemsAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken) =>
        await db.SourceSystems.AsNoTracking()
            .Where(s => s.Status == SourceSystemStatus.Active && (s.MapVersion > 0 || s.Connector == ConnectorKind.Manual))
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);

    /// <summary>What the plan was computed from: the current decisions' ids and the systems' map versions; any change makes a new plan necessary.</summary>
    private static string Fingerprint(DataSubjectRequest request, IReadOnlyList<SourceSystem> systems) =>
        // A rectification's corrections say what is written: a changed correction needs a new plan like a changed decision.
        SourceChangePlan.FingerprintOf(
            request.CurrentDecisions.Select(d => d.Id).Concat(request.Corrections.Select(c => c.Id)),
            systems.Select(s => (s.Id, s.MapVersion)));

    private static IReadOnlyList<CorrectionTarget> CorrectionTargets(IEnumerable<SourceSystem> systems) =>
        [.. systems.Where(s => s.CanChange).SelectMany(s => s.Map.Tables
            .Where(t => t.InScope)
            .Select(t => new CorrectionTarget(s.Name, t.Schema, t.Name, [.. t.Columns.Where(c => !c.IsPrimaryKey && c.Category is not null).Select(c => c.Name)]))
            .Where(t => t.Columns.Count > 0))];

    /// <summary>The plan as the panel shows it, every moment in the controller's time zone (as the timeline beside it).</summary>
    private static SourceChangePlanView ToView(SourceChangePlan plan, Guid stamp, TimeZoneInfo zone)
    {
        DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);
        var systems = plan.Systems.Select(s => s with
        {
            CountedAt = s.CountedAt is { } counted ? Local(counted) : null,
            FinishedAt = s.FinishedAt is { } finished ? Local(finished) : null,
            Proof = s.Proof is { } proof ? proof with { StartedAt = Local(proof.StartedAt), FinishedAt = Local(proof.FinishedAt) } : null,
        }).ToList();
        return new(plan.Id, stamp, plan.Version, plan.Status, Local(plan.CreatedAt), plan.CreatedByName,
            plan.ApprovedAt is { } approved ? Local(approved) : null, plan.ApprovedByName, plan.LargeChangeConfirmed, systems);
    }

    /// <summary>A corrected value is personal data: the panel shows its first character and its length only.</summary>
    internal static string Masked(string value) =>
        string.IsNullOrEmpty(value) ? "" : value[..1] + new string('•', Math.Min(value.Length - 1, 8)) + $" ({value.Length.ToString(CultureInfo.InvariantCulture)})";

    private static Error Named(Error error, string system) =>
        error.Arguments?.ContainsKey("system") == true ? error : error with
        {
            Arguments = new Dictionary<string, string>(error.Arguments ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["system"] = system },
        };

    private static Dictionary<string, string> Args(string system) => new(StringComparer.Ordinal) { ["system"] = system };

    /// <summary>Logged by codes and ids only: never a connection string, a value or the subject.</summary>
    private Result<T> Refused<T>(Guid requestId, Guid systemId, IReadOnlyList<Error> errors)
    {
        Log(requestId, systemId, errors);
        return Result<T>.Failure(errors);
    }

    private void Log(Guid requestId, Guid systemId, IReadOnlyList<Error> errors)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Source change for case {RequestId} in source system {SourceSystemId} refused: {Codes}",
                requestId, systemId, string.Join(", ", errors.Select(e => e.Code)));
        }
    }

    private sealed record PlanInput(SourceChangeInput Input, DataSubject Subject, string Fingerprint);

    private sealed record RunState(SourceChangePlan Plan, Guid Stamp, IReadOnlyList<Guid> ToRun, IReadOnlyList<SourceSystem> Systems, SubjectKeys Keys);

}
