using System.Security.Claims;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Retention;
using PrivacyDesk.Web.Hosting;

using DomainError = PrivacyDesk.Domain.Common.Error;

namespace PrivacyDesk.Web.Components.Pages.Retention;

/// <summary>The retention page's state: what is loaded for the address, what the caller may do, the last outcome to show.</summary>
/// <param name="completedOnly">The administrators' page: only the completed erasures (they hold no permission for the ledger).</param>
public sealed class RetentionPageState(
    RetentionLedgerQueries queries, RetentionFollowUps followUps, PageLoadFailures failures, ClaimsPrincipal caller, bool completedOnly = false)
{
    public RetentionUrl Url { get; private set; } = new();

    public LedgerPage? Ledger { get; private set; }

    public IReadOnlyList<ExpiryTask>? Tasks { get; private set; }

    public IReadOnlyList<CompletedErasure>? Completed { get; private set; }

    public PageLoadFailure? LoadFailure { get; private set; }

    public bool Failed { get; private set; }

    /// <summary>The plan an action runs on now (its buttons show progress, the others wait).</summary>
    public Guid? Busy { get; private set; }

    /// <summary>The last action's outcome: a sentence and its severity, or errors to put in the user's language.</summary>
    public (Severity Severity, string? Text, IReadOnlyList<DomainError> Errors)? Outcome { get; set; }

    public bool MayReapply { get; } = caller.Has(Permission.ReapplyErasures);

    public bool IsLead { get; } = caller.Has(Permission.ApproveResponses);

    /// <summary>Plans whose large change the approver ticked.</summary>
    public HashSet<Guid> LargeConfirmed { get; } = [];

    public bool Navigated(RetentionUrl url)
    {
        var changed = url != Url || Ledger is null;
        Url = url;
        return changed;
    }

    public async Task LoadAsync()
    {
        Failed = false;
        LoadFailure = null;
        try
        {
            var completed = await queries.CompletedAsync(caller);
            Completed = completed.IsSuccess ? completed.Value : null;
            Failed = completed.IsFailure;
            if (completedOnly)
            {
                return;
            }
            var ledger = await queries.LedgerAsync(caller, Url.Filter);
            var tasks = await queries.TasksAsync(caller);
            Failed = Failed || ledger.IsFailure || tasks.IsFailure;
            Ledger = ledger.IsSuccess ? ledger.Value : null;
            Tasks = tasks.IsSuccess ? tasks.Value : null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
        {
            Failed = true;
            LoadFailure = failures.Record("retention", exception);
        }
    }

    public Task ApproveAsync(ExpiryTask task, string approvedText) => ActAsync(task?.PlanId ?? Guid.Empty, async () =>
    {
        var approved = await followUps.ApproveAsync(caller, task!.PlanId, task.Stamp, LargeConfirmed.Contains(task.PlanId));
        return approved.IsSuccess ? (Severity.Success, approvedText, []) : (Severity.Error, null, approved.Errors);
    });

    public Task RunAsync(ExpiryTask task, Func<FollowUpRunOutcome, (Severity, string)> describe) => ActAsync(task?.PlanId ?? Guid.Empty, async () =>
    {
        var ran = await followUps.RunAsync(caller, task!.PlanId);
        if (ran.IsFailure)
        {
            return (Severity.Error, null, ran.Errors);
        }
        var (severity, text) = describe(ran.Value);
        return (severity, text, []);
    });

    /// <summary>One sentence per system: rows erased again, nothing found, or why it did not succeed.</summary>
    public static string Describe(ReapplyOutcome outcome, IStringLocalizer<RetentionText> text)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(" ", outcome.Systems.Select(s =>
            s.ErrorCode is { } code ? text["Completed.ReapplyFailed", s.System, text.Message(new DomainError(code))].Value
            : s.Rows == 0 ? text["Completed.ReappliedNothing", s.System].Value
            : text["Completed.Reapplied", s.System, s.Rows].Value));
    }

    public Task ReapplyAsync(CompletedErasure erasure, Func<ReapplyOutcome, string> describe) => ActAsync(erasure?.PlanId ?? Guid.Empty, async () =>
    {
        var reapplied = await followUps.ReapplyAsync(caller, erasure!.PlanId);
        return reapplied.IsSuccess
            ? (reapplied.Value.Systems.All(s => s.ErrorCode is null) ? Severity.Success : Severity.Warning, describe(reapplied.Value), [])
            : (Severity.Error, null, reapplied.Errors);
    });

    private async Task ActAsync(Guid planId, Func<Task<(Severity, string?, IReadOnlyList<DomainError>)>> action)
    {
        Busy = planId;
        Outcome = null;
        try
        {
            Outcome = await action();
            await LoadAsync();
        }
        finally
        {
            Busy = null;
        }
    }
}
