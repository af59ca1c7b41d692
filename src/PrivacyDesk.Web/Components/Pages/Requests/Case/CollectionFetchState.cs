using System.Security.Claims;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Components.Pages.Requests.Case;

/// <summary>Where one task's fetch stands on the page.</summary>
public enum FetchPhase
{
    Idle,

    /// <summary>An automatic fetch will run after the one before it.</summary>
    Queued,

    Fetching,

    Failed,

    Done,
}

/// <summary>
/// The collection panel's fetching (issue 14, ADR 0039): per task its phase and failure sentences, and the automatic run, one
/// system at a time. Each automatic step ends with a case change; the page reloads and hands the panel the new stamp, which
/// starts the next step, so every fetch is made with the stamp the page shows. Each task is tried automatically once per
/// visit of the page: a failure waits for the officer's Retry (until the outbox of issue 17 does this in the background).
/// </summary>
public sealed class CollectionFetchState(CaseFetching service, Func<PrivacyDesk.Domain.Common.Error, string> describe)
{
    private readonly Dictionary<Guid, FetchPhase> _phases = [];
    private readonly Dictionary<Guid, IReadOnlyList<string>> _failures = [];
    private readonly Dictionary<Guid, FetchOutcome> _outcomes = [];
    private readonly HashSet<Guid> _triedAutomatically = [];
    private Guid _requestId;
    private bool _planTried;

    public FetchingView View { get; private set; } = FetchingView.None;

    /// <summary>A planning failure of the automatic run (shown above the table), e.g. a stale stamp.</summary>
    public IReadOnlyList<string> PlanFailure { get; private set; } = [];

    /// <summary>The system of the last extract stored; null after an automatic planning step.</summary>
    public string? LastStored { get; private set; }

    public bool Running => _phases.Values.Any(p => p == FetchPhase.Fetching);

    public FetchPhase PhaseOf(Guid taskId) => _phases.GetValueOrDefault(taskId, FetchPhase.Idle);

    public IReadOnlyList<string> FailureOf(Guid taskId) => _failures.GetValueOrDefault(taskId, []);

    public FetchOutcome? OutcomeOf(Guid taskId) => _outcomes.GetValueOrDefault(taskId);

    /// <summary>The task's system is connected with a valid map, and the task can still take an extract.</summary>
    public bool CanFetch(CollectionTaskRow task) => View.Tasks.ContainsKey(task.Id) && task.Status != DataCollectionStatus.NotApplicable;

    public bool IsAutomatic(Guid taskId) => View.Tasks.TryGetValue(taskId, out var task) && task.Automatic;

    public async Task LoadAsync(ClaimsPrincipal caller, Guid requestId)
    {
        if (requestId != _requestId)
        {
            (_requestId, _planTried) = (requestId, false);
            _phases.Clear();
            _failures.Clear();
            _outcomes.Clear();
            _triedAutomatically.Clear();
        }
        var view = await service.FetchingAsync(caller, requestId);
        View = view.IsSuccess ? view.Value : FetchingView.None;
    }

    /// <summary>
    /// One step of the automatic run: plan the automatic systems if none is planned, else fetch the next automatic task not
    /// tried yet. True when the case changed, so the page must reload (and call this again with the new stamp).
    /// </summary>
    public async Task<bool> StepAutomaticAsync(ClaimsPrincipal caller, Guid stamp, IReadOnlyList<CollectionTaskRow> tasks, Action render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (!View.StartsAutomatically || Running)
        {
            return false;
        }
        if (View.AutomaticToPlan.Count > 0 && !_planTried)
        {
            (_planTried, LastStored) = (true, null);
            var planned = await service.PlanAutomaticAsync(caller, _requestId, stamp);
            PlanFailure = planned.IsSuccess ? [] : [.. planned.Errors.Select(describe).Distinct()];
            return planned.IsSuccess;
        }
        var waiting = View.AutomaticTasks(tasks).Where(t => !_triedAutomatically.Contains(t.TaskId)).ToList();
        if (waiting.Count == 0)
        {
            return false;
        }
        foreach (var task in waiting)
        {
            _phases[task.TaskId] = FetchPhase.Queued;
        }
        // One at a time; a failed system waits for Retry and the next one is tried at once (the case did not change).
        foreach (var task in waiting)
        {
            _triedAutomatically.Add(task.TaskId);
            if (await FetchAsync(caller, stamp, task.TaskId, render))
            {
                return true;
            }
            render();
        }
        return false;
    }

    /// <summary>Fetches one task's system (the officer's button, a Retry, or an automatic step). True when the extract was stored.</summary>
    public async Task<bool> FetchAsync(ClaimsPrincipal caller, Guid stamp, Guid taskId, Action render)
    {
        ArgumentNullException.ThrowIfNull(render);
        _phases[taskId] = FetchPhase.Fetching;
        _failures.Remove(taskId);
        render();
        var result = await service.FetchAsync(caller, _requestId, stamp, taskId);
        if (result.IsSuccess)
        {
            _phases[taskId] = FetchPhase.Done;
            _outcomes[taskId] = result.Value;
            LastStored = result.Value.SourceSystem;
            return true;
        }
        _phases[taskId] = FetchPhase.Failed;
        _failures[taskId] = [.. result.Errors.Select(describe).Distinct()];
        return false;
    }
}
