using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using Queue = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Components.Pages.Requests;

/// <summary>
/// What the queue page shows besides its rows: the address in force, the search text, the count, the
/// selection for bulk assignment and whether the last load failed. The page renders it and calls the service.
/// </summary>
public sealed class QueueState(bool canHandle, bool canAssign, bool canApprove)
{
    public bool CanHandle { get; } = canHandle;

    /// <summary>Team leads: select rows and assign them in bulk.</summary>
    public bool CanAssign { get; } = canAssign;

    public bool CanApprove { get; } = canApprove;

    public QueueUrl Url { get; private set; } = new();

    /// <summary>Stays on the page: it may hold a name or e-mail address, which never go in a URL.</summary>
    public string? Search { get; set; }

    public int Total { get; private set; }

    public bool CountIsCapped { get; private set; }

    /// <summary>A page has been read once: before that there is no count to show.</summary>
    public bool HasLoaded { get; private set; }

    public bool LoadFailed { get; private set; }

    public PageLoadFailure? LoadFailure { get; private set; }

    public HashSet<QueueRow> Selected { get; private set; } = [];

    public bool Searching => !string.IsNullOrWhiteSpace(Search);

    public int PageCount => (int)Math.Ceiling(Total / (double)Queue.DefaultPageSize);

    public bool ShowsBulkBar => CanAssign && Selected.Count > 0;

    /// <summary>The quick filters this caller may use: "mine" for handlers, "awaiting my approval" for approvers.</summary>
    public IReadOnlyList<QueueFilter> VisibleFilters => [.. Enum.GetValues<QueueFilter>().Where(option => option switch
    {
        QueueFilter.Mine => CanHandle,
        QueueFilter.AwaitingMyApproval => CanApprove,
        _ => true,
    })];

    /// <summary>Reads the address; true when it says something else than before, so the rows must be read again.</summary>
    public bool Navigated(IReadOnlyDictionary<string, string?> query)
    {
        var url = QueueUrl.Parse(query, VisibleFilters);
        var changed = url != Url;
        Url = url;
        return changed;
    }

    /// <summary>What to ask the service for: the address plus the search text.</summary>
    public QueueQuery Query => new(
        Url.Filter, Url.Sort, Url.Descending, Url.Page, Queue.DefaultPageSize, Search,
        Url.Type, Url.Age, Url.Handler, Url.Status, Url.Received, Url.Answered);

    /// <summary>
    /// Where a new search text leads: back to the first page when on another (a new address, which reloads),
    /// else null and the rows are read again where they are.
    /// </summary>
    public QueueUrl? SearchChanged() => Url.Page == 0 ? null : Url.WithPage(0);

    /// <summary>An officer (not a team lead) takes an unassigned open case from the row itself.</summary>
    public bool MayTake(QueueRow row) => CanHandle && !CanAssign && row.HandlerName is null && row.Status.IsOpen();

    /// <summary>The rows of a read page; a refusal shows the error and no rows. The selection never outlives the rows it was made on.</summary>
    public IReadOnlyList<QueueRow> Received(Result<QueuePage> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Selected = [];
        LoadFailure = null;
        LoadFailed = result.IsFailure;
        if (result.IsFailure)
        {
            Total = 0;
            return [];
        }
        Total = result.Value.TotalCount;
        CountIsCapped = result.Value.CountIsCapped;
        HasLoaded = true;
        return result.Value.Rows;
    }

    /// <summary>The read failed (database unreachable): the error with its reference, no rows, no selection.</summary>
    public void Failed(PageLoadFailure failure)
    {
        Selected = [];
        LoadFailed = true;
        LoadFailure = failure;
        Total = 0;
    }

    /// <summary>Only a team lead selects; anyone else's selection is ignored.</summary>
    public void Select(HashSet<QueueRow> rows) => Selected = CanAssign ? rows : [];

    public void ClearSelection() => Selected = [];
}
