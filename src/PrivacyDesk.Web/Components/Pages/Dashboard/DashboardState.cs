using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Components.Pages.Dashboard;

/// <summary>
/// What the dashboard shows: the address in force, the figures once read (or why not) and the queue
/// addresses its figures link to. The page renders it and calls <see cref="SlaFigures"/>.
/// </summary>
/// <param name="ownHandlerId">An officer without <c>ViewAllRequests</c>: the dashboard counts only their cases, so every link stays on them.</param>
public sealed class DashboardState(string? ownHandlerId)
{
    public bool OwnOnly => ownHandlerId is not null;

    public DashboardUrl Url { get; private set; } = new();

    /// <summary>Null while loading or after a failure.</summary>
    public SlaDashboardFigures? Figures { get; private set; }

    public bool Failed { get; private set; }

    public PageLoadFailure? LoadFailure { get; private set; }

    /// <summary>Nothing open and nothing answered in any span shown: the empty state instead of zeros.</summary>
    public bool IsEmpty => Figures is { } f && f.Headline.Open == 0 && f.Headline.AnsweredInPeriod == 0 && f.Headline.Answered90 == 0
        && f.Weeks.All(w => w.Received == 0 && w.Answered == 0) && f.OnTimeByMonth.All(m => m.Answered == 0);

    /// <summary>Reads the address; true when it says something else than the figures shown, so they must be read again.</summary>
    public bool Navigated(IReadOnlyDictionary<string, string?> query)
    {
        var url = DashboardUrl.Parse(query);
        var changed = !navigated || url != Url;
        navigated = true;
        Url = url;
        return changed;
    }

    private bool navigated;

    /// <summary>Before a read: the loading state (no figures, no error).</summary>
    public void Loading()
    {
        Failed = false;
        LoadFailure = null;
        Figures = null;
    }

    public void Received(SlaDashboardFigures figures) => Figures = figures;

    /// <summary>A refusal has no reference; a failed read (database unreachable) has one to quote.</summary>
    public void Fail(PageLoadFailure? failure = null)
    {
        Failed = true;
        LoadFailure = failure;
    }

    /// <summary>A queue address for a figure, with the dashboard's type; an officer's links stay on their own cases.</summary>
    public string Link(QueueFilter filter = QueueFilter.Open, RequestType? type = null, AgeBucket? age = null, string? handlerId = null, RequestStatus? status = null) =>
        QueueLinks.Url(filter, type ?? Url.Type, age, handlerId ?? ownHandlerId, status);

    /// <summary>The cases behind a week's or month's bar: received, or answered (responded or refused), in that span.</summary>
    public string RangeLink(DaySpan? received = null, DaySpan? answered = null) =>
        QueueLinks.Url(QueueFilter.Open, Url.Type, null, ownHandlerId, null, received, answered);

    /// <summary>A row of the workload table: an officer's cases in that filter, or the unassigned ones.</summary>
    public string WorkloadLink(string? handlerId, QueueFilter filter) =>
        handlerId is null ? Link(QueueFilter.Unassigned) : Link(filter, handlerId: handlerId);

    /// <summary>Days from the figures' today to a due date (0 = due today).</summary>
    public int DaysUntil(DateOnly due) => due.DayNumber - (Figures?.Today ?? due).DayNumber;
}
