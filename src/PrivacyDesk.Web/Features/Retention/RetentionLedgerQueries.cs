using PrivacyDesk.Web.Features.SourceChanges;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Retention;

/// <summary>The ledger's filters as the page's address carries them; every filter runs in SQL.</summary>
/// <param name="Month">Entries whose last day falls in this month (the dashboard's drill-down).</param>
/// <param name="Overdue">Entries kept beyond their last day (running, or with a follow-up not yet run).</param>
public sealed record LedgerFilter(RetentionEntryStatus? Status = null, DateOnly? Month = null, bool Overdue = false, string? System = null, int Page = 1)
{
    public const int PageSize = 25;
}

/// <summary>One ledger entry as the page lists it: no personal data (the case's reference, the system, the purpose, the dates).</summary>
public sealed record LedgerRow(
    Guid Id, Guid RequestId, string? CaseReference, string SystemName, IReadOnlyList<string> Tables, string PurposeKey, LocalizedText? PurposeName,
    RetentionPeriod Retention, DateOnly? EndsOn, RetentionEntryStatus Status, bool Overdue);

public sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, int Total, LedgerFilter Filter, IReadOnlyList<string> Systems, DateOnly Today)
{
    public int Pages => Math.Max(1, (Total + LedgerFilter.PageSize - 1) / LedgerFilter.PageSize);
}

/// <summary>A follow-up plan on the "retention expiry" list: what it erases, how many rows the dry run counted, what the caller may do.</summary>
public sealed record ExpiryTask(
    Guid PlanId, Guid Stamp, SourceChangePlanStatus Status, string SystemName, string PurposeKey, LocalizedText? PurposeName, DateOnly? EndsOn, DateTimeOffset CreatedAt,
    IReadOnlyList<PlannedSystem> Systems, string? ApprovedByName, bool MayApprove, bool MayRun, bool NeedsLargeConfirmation)
{
    public int Rows => Systems.Sum(s => s.DryRun.Sum(d => d.RowCount));
}

/// <summary>A completed erasure that can be re-applied after a restore: the systems done and how many keyed hashes of the subject it keeps (never the subject).</summary>
public sealed record CompletedErasure(Guid PlanId, string? CaseReference, bool IsFollowUp, DateTimeOffset? CompletedAt, IReadOnlyList<string> Systems, int SubjectKeyHashes);

/// <summary>The retention page's reads (issue 15): the ledger (paged and filtered in SQL), the expiry tasks, the completed erasures.</summary>
public sealed class RetentionLedgerQueries(IServiceScopeFactory scopes, ControllerSettings controllerSettings, SourceChangeSystems systems, TimeProvider clock)
{
    public const int MaxCompleted = 100;

    public static bool MayView(ClaimsPrincipal caller) => caller.Has(Permission.ViewRetention);

    public async Task<Result<LedgerPage>> LedgerAsync(ClaimsPrincipal caller, LedgerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        if (!MayView(caller))
        {
            return Result<LedgerPage>.Failure(RetentionFollowUps.Forbidden);
        }
        var today = (await controllerSettings.CurrentAsync(cancellationToken)).Today(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var entries = db.RetentionLedger.AsNoTracking();
        if (filter.Status is { } status)
        {
            entries = entries.Where(e => e.Status == status);
        }
        if (filter.Month is { } month)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            var next = first.AddMonths(1);
            entries = entries.Where(e => e.EndsOn >= first && e.EndsOn < next);
        }
        if (filter.Overdue)
        {
            entries = entries.Where(e => (e.Status == RetentionEntryStatus.Running || e.Status == RetentionEntryStatus.FollowUpPlanned) && e.EndsOn < today);
        }
        if (!string.IsNullOrWhiteSpace(filter.System))
        {
            var system = filter.System.Trim();
            entries = entries.Where(e => e.SystemName == system);
        }
        var total = await entries.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + LedgerFilter.PageSize - 1) / LedgerFilter.PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        // Soonest end first; entries without an end yet (the relationship runs) last.
        var rows = await entries
            .OrderBy(e => e.EndsOn == null).ThenBy(e => e.EndsOn).ThenBy(e => e.Id)
            .Skip((page - 1) * LedgerFilter.PageSize).Take(LedgerFilter.PageSize)
            .ToListAsync(cancellationToken);
        var references = await ReferencesAsync(db, rows.Select(r => r.RequestId), cancellationToken);
        var purposeIds = rows.Select(r => r.PurposeId).Distinct().ToList();
        var names = await db.Purposes.AsNoTracking().Where(p => purposeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var systemNames = await db.RetentionLedger.AsNoTracking().Select(e => e.SystemName).Distinct().OrderBy(n => n).ToListAsync(cancellationToken);
        return Result.Success(new LedgerPage(
            [.. rows.Select(e => new LedgerRow(e.Id, e.RequestId, references.GetValueOrDefault(e.RequestId), e.SystemName, e.Tables, e.PurposeKey,
                names.GetValueOrDefault(e.PurposeId), e.Retention, e.EndsOn, e.Status,
                e.Status is RetentionEntryStatus.Running or RetentionEntryStatus.FollowUpPlanned && e.EndsOn < today))],
            total, filter with { Page = page }, systemNames, today));
    }

    /// <summary>The open follow-up plans, oldest first; a team lead approves (any lead: the system made them) and runs them.</summary>
    public async Task<Result<IReadOnlyList<ExpiryTask>>> TasksAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayView(caller))
        {
            return Result<IReadOnlyList<ExpiryTask>>.Failure(RetentionFollowUps.Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var plans = await db.SourceChangePlans.AsNoTracking()
            .Where(p => p.RetentionEntryId != null && (p.Status == SourceChangePlanStatus.AwaitingApproval || p.Status == SourceChangePlanStatus.Approved))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        // A no-tracking query keeps no shadow values: the stamps are read by name.
        var stamps = await db.SourceChangePlans.AsNoTracking().Where(p => planIds.Contains(p.Id))
            .Select(p => new { p.Id, Stamp = EF.Property<Guid>(p, PrivacyDeskDbContext.ConcurrencyStamp) })
            .ToDictionaryAsync(p => p.Id, p => p.Stamp, cancellationToken);
        var entryIds = plans.Select(p => p.RetentionEntryId!.Value).ToList();
        var entries = await db.RetentionLedger.AsNoTracking().Where(e => entryIds.Contains(e.Id))
            .Select(e => new { e.Id, e.SystemName, e.PurposeKey, e.PurposeId, e.EndsOn })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var purposeIds = entries.Values.Select(e => e.PurposeId).Distinct().ToList();
        var names = await db.Purposes.AsNoTracking().Where(p => purposeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var approves = actor.Has(Permission.ApproveResponses);
        List<ExpiryTask> tasks = [];
        foreach (var plan in plans)
        {
            var entry = entries.GetValueOrDefault(plan.RetentionEntryId!.Value);
            var stamp = stamps.GetValueOrDefault(plan.Id);
            var awaiting = plan.Status == SourceChangePlanStatus.AwaitingApproval;
            var runnable = plan.Systems.Any(s => !s.Plan.IsManual && s.State is PlannedSystemState.Pending or PlannedSystemState.Failed);
            tasks.Add(new ExpiryTask(plan.Id, stamp, plan.Status, entry?.SystemName ?? "", entry?.PurposeKey ?? "",
                entry is null ? null : names.GetValueOrDefault(entry.PurposeId), entry?.EndsOn, plan.CreatedAt, plan.Systems,
                plan.ApprovedByName,
                MayApprove: awaiting && approves && actor.Id != plan.CreatedById,
                MayRun: !awaiting && approves && runnable,
                NeedsLargeConfirmation: plan.Systems.Any(s => s.LargestCount > systems.MaxRowsPerTable)));
        }
        return Result.Success<IReadOnlyList<ExpiryTask>>(tasks);
    }

    /// <summary>Completed erasures (case plans and follow-ups), newest first: what a restore from backup may have brought back.</summary>
    public async Task<Result<IReadOnlyList<CompletedErasure>>> CompletedAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayView(caller) && !caller.Has(Permission.ReapplyErasures))
        {
            return Result<IReadOnlyList<CompletedErasure>>.Failure(RetentionFollowUps.Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var plans = await db.SourceChangePlans.AsNoTracking()
            .Where(p => p.Kind == RequestType.Erasure && p.Status == SourceChangePlanStatus.Completed)
            .OrderByDescending(p => p.CompletedAt).ThenBy(p => p.Id)
            .Take(MaxCompleted)
            .ToListAsync(cancellationToken);
        var references = await ReferencesAsync(db, plans.Where(p => p.RequestId is not null).Select(p => p.RequestId!.Value), cancellationToken);
        return Result.Success<IReadOnlyList<CompletedErasure>>(
        [
            .. plans
                .Select(p => new CompletedErasure(p.Id, p.RequestId is { } id ? references.GetValueOrDefault(id) : null, p.IsRetentionFollowUp, p.CompletedAt,
                    [.. p.Systems.Where(s => s.State == PlannedSystemState.Done).Select(s => s.Plan.SystemName)], p.SubjectKeyHashes.Count))
                .Where(c => c.Systems.Count > 0),
        ]);
    }

    private static async Task<Dictionary<Guid, string>> ReferencesAsync(PrivacyDeskDbContext db, IEnumerable<Guid> requestIds, CancellationToken cancellationToken)
    {
        var ids = requestIds.Distinct().ToList();
        var found = await db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Reference }).ToListAsync(cancellationToken);
        return found.ToDictionary(r => r.Id, r => r.Reference.ToString());
    }
}
