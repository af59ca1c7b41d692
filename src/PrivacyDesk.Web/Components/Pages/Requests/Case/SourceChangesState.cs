using System.Security.Claims;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.SourceChanges;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

using Error = PrivacyDesk.Domain.Common.Error;

/// <summary>What the panel is doing now: each shows its own progress line and disables the buttons.</summary>
public enum SourceChangePhase
{
    Idle,

    /// <summary>The dry run counts in each system (nothing changes).</summary>
    Planning,

    Approving,

    /// <summary>The approved statements run, one system after the other.</summary>
    Running,

    Saving,
}

/// <summary>
/// The "Carry out in source systems" panel's state (issue 15): the service's view, the phase, the failures in the user's
/// language, the approver's second confirmation, the notes typed per manual system and the correction form. The calls go
/// to <see cref="CaseSourceChanges"/>; a failure keeps what was typed.
/// </summary>
public sealed class SourceChangesState(CaseSourceChanges service, Func<Error, string> describe)
{
    private readonly Dictionary<Guid, string> _notes = [];

    public SourceChangesView? View { get; private set; }

    public string? LoadError { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public SourceChangePhase Phase { get; private set; }

    public bool Busy => Phase != SourceChangePhase.Idle;

    /// <summary>The approver ticked "I have checked the counts above the maximum".</summary>
    public bool ConfirmLarge { get; set; }

    public string CorrectionSystem { get; set; } = "";

    public string CorrectionTable { get; set; } = "";

    public string CorrectionColumn { get; set; } = "";

    public string CorrectionValue { get; set; } = "";

    /// <summary>A count above the maximum per table: the approver must confirm a second time before Approve is enabled.</summary>
    public bool NeedsLargeConfirmation => View?.Plan is { } plan && plan.LargestCount > View.MaxRowsPerTable;

    public bool MayApproveNow => View is { Can.Approve: true } && !Busy && (!NeedsLargeConfirmation || ConfirmLarge);

    public string NoteOf(Guid systemId) => _notes.GetValueOrDefault(systemId, "");

    public void SetNote(Guid systemId, string note) => _notes[systemId] = note;

    /// <summary>The tables of the chosen system, and the columns of the chosen table, as the correction form offers them.</summary>
    public IReadOnlyList<CorrectionTarget> TablesOfChosenSystem =>
        [.. View?.CorrectionTargets.Where(t => t.SystemName == CorrectionSystem) ?? []];

    public IReadOnlyList<string> ColumnsOfChosenTable =>
        TablesOfChosenSystem.FirstOrDefault(t => t.DisplayName == CorrectionTable)?.Columns ?? [];

    public async Task LoadAsync(ClaimsPrincipal caller, Guid requestId)
    {
        var result = await service.ViewAsync(caller, requestId);
        (View, LoadError) = result.IsSuccess ? (result.Value, null) : (View, describe(result.Errors[0]));
    }

    public Task<bool> PlanAsync(ClaimsPrincipal caller, Guid requestId, Guid caseStamp, Action changed) =>
        DoAsync(SourceChangePhase.Planning, changed, async () => Plain(await service.PlanAsync(caller, new SeenCase(requestId, caseStamp))));

    public Task<bool> ApproveAsync(ClaimsPrincipal caller, Guid requestId, Action changed) =>
        View?.Plan is not { } plan ? Task.FromResult(false)
            : DoAsync(SourceChangePhase.Approving, changed, () => service.ApproveAsync(caller, requestId, plan.Id, plan.Stamp, ConfirmLarge));

    /// <summary>Runs what is left; the outcome's failures are on the systems themselves (reason, needs new approval).</summary>
    public Task<bool> RunAsync(ClaimsPrincipal caller, Guid requestId, Action changed) =>
        View?.Plan is not { } plan ? Task.FromResult(false)
            : DoAsync(SourceChangePhase.Running, changed, async () => Plain(await service.RunAsync(caller, requestId, plan.Id)));

    public Task<bool> ConfirmByHandAsync(ClaimsPrincipal caller, Guid requestId, Guid systemId, Action changed) =>
        View?.Plan is not { } plan ? Task.FromResult(false)
            : DoAsync(SourceChangePhase.Saving, changed, async () =>
            {
                var result = await service.ConfirmByHandAsync(caller, requestId, plan.Id, plan.Stamp, systemId, NoteOf(systemId));
                if (result.IsSuccess)
                {
                    _notes.Remove(systemId);
                }
                return result;
            });

    public Task<bool> AddCorrectionAsync(ClaimsPrincipal caller, Guid requestId, Guid caseStamp, Action changed)
    {
        var table = TablesOfChosenSystem.FirstOrDefault(t => t.DisplayName == CorrectionTable);
        var input = new CorrectionInput(CorrectionSystem, table?.Schema, table?.Table ?? CorrectionTable, CorrectionColumn, CorrectionValue);
        return DoAsync(SourceChangePhase.Saving, changed, async () =>
        {
            var result = await service.RecordCorrectionAsync(caller, new SeenCase(requestId, caseStamp), input);
            if (result.IsSuccess)
            {
                (CorrectionColumn, CorrectionValue) = ("", "");
            }
            return result;
        });
    }

    public Task<bool> RemoveCorrectionAsync(ClaimsPrincipal caller, Guid requestId, Guid caseStamp, Guid correctionId, Action changed) =>
        DoAsync(SourceChangePhase.Saving, changed, () => service.RemoveCorrectionAsync(caller, new SeenCase(requestId, caseStamp), correctionId));

    public void ChooseSystem(string system) => (CorrectionSystem, CorrectionTable, CorrectionColumn) = (system, "", "");

    public void ChooseTable(string table) => (CorrectionTable, CorrectionColumn) = (table, "");

    /// <summary>One call: the phase shown while it runs, the errors in the user's language after; true when it succeeded.</summary>
    private async Task<bool> DoAsync(SourceChangePhase phase, Action changed, Func<Task<Result>> call)
    {
        Errors = [];
        Phase = phase;
        changed();
        try
        {
            var result = await call();
            Errors = result.IsSuccess ? [] : [.. result.Errors.Select(describe).Distinct()];
            if (result.IsSuccess)
            {
                ConfirmLarge = false;
            }
            return result.IsSuccess;
        }
        finally
        {
            Phase = SourceChangePhase.Idle;
        }
    }

    private static Result Plain<T>(Result<T> result) => result.IsSuccess ? Result.Success() : Result.Failure(result.Errors);
}
