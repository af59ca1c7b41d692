using System.Globalization;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Components.Pages.Requests;

/// <summary>
/// What the queue's address says: the quick filter, sort and page, and the dashboard's drill-down (type, age,
/// handler, status, received or answered days). Only codes and a staff id, so a link can be shared and Back
/// works; the search text never goes in it (it may hold a name or an e-mail address).
/// </summary>
public sealed record QueueUrl(
    QueueFilter Filter = QueueFilter.Open,
    QueueSort Sort = QueueSort.Deadline,
    bool Descending = false,
    int Page = 0,
    RequestType? Type = null,
    AgeBucket? Age = null,
    string? Handler = null,
    RequestStatus? Status = null,
    DaySpan? Received = null,
    DaySpan? Answered = null)
{
    /// <summary>The sort choices in the order the sort menu offers them.</summary>
    public static readonly IReadOnlyList<string> SortOptions = ["due", "-due", "-received", "received", "reference"];

    public bool Narrowed => Type is not null || Age is not null || Handler is not null || Status is not null || Received is not null || Answered is not null;

    /// <summary>A dashboard day span names its own cases, closed ones too: no quick filter is in force then.</summary>
    public bool Shows(QueueFilter option) => option == Filter && Received is null && Answered is null;

    public string SortSlug => SortSlugOf(Sort, Descending);

    /// <summary>
    /// Reads the address. Anything unknown or malformed is ignored and its default used; a quick filter the
    /// caller may not use (<paramref name="allowed"/>) falls back to all open requests.
    /// </summary>
    public static QueueUrl Parse(IReadOnlyDictionary<string, string?> query, IEnumerable<QueueFilter> allowed)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Value(string key) => query.TryGetValue(key, out var value) ? value : null;

        var filter = ParseFilter(Value("filter"));
        if (!allowed.Contains(filter))
        {
            filter = QueueFilter.Open;
        }
        var (sort, descending) = ParseSort(Value("sort")) ?? DefaultOrder(filter);
        var page = int.TryParse(Value("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number - 1 : 0;
        var handler = Value("handler");
        return new QueueUrl(
            filter, sort, descending, page,
            QueueLinks.ParseType(Value("type")),
            QueueLinks.ParseAge(Value("age")),
            string.IsNullOrWhiteSpace(handler) ? null : handler,
            QueueLinks.ParseStatus(Value("status")),
            QueueLinks.ParseRange(Value("received")),
            QueueLinks.ParseRange(Value("answered")));
    }

    /// <summary>The query string's values, defaults left out (null), in a fixed order.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        ["filter"] = QueueLinks.FilterSlug(Filter),
        ["sort"] = (Sort, Descending) == DefaultOrder(Filter) ? null : SortSlug,
        ["page"] = Page == 0 ? null : (Page + 1).ToString(CultureInfo.InvariantCulture),
        ["type"] = Type is { } type ? QueueLinks.TypeSlug(type) : null,
        ["age"] = Age is { } age ? QueueLinks.AgeSlug(age) : null,
        ["handler"] = Handler,
        ["status"] = Status is { } status ? QueueLinks.StatusSlug(status) : null,
        ["received"] = Received is { } received ? QueueLinks.RangeSlug(received) : null,
        ["answered"] = Answered is { } answered ? QueueLinks.RangeSlug(answered) : null,
    };

    /// <summary>The address, relative: <c>/requests?filter=overdue&amp;page=2</c>.</summary>
    public override string ToString()
    {
        var parts = ToQuery().Where(p => p.Value is not null).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return parts.Count == 0 ? QueueLinks.Path : QueueLinks.Path + "?" + string.Join('&', parts);
    }

    /// <summary>
    /// Another quick filter starts afresh (its own default order, first page, no drill-down); choosing the
    /// filter in force keeps the drill-down and only resets order and page.
    /// </summary>
    public QueueUrl WithFilter(QueueFilter to)
    {
        var (sort, descending) = DefaultOrder(to);
        return to == Filter ? this with { Sort = sort, Descending = descending, Page = 0 } : new QueueUrl(to, sort, descending);
    }

    /// <summary>Another order starts at the first page; the drill-down stays.</summary>
    public QueueUrl WithSort(string? slug) => ParseSort(slug) is { } order ? this with { Sort = order.Sort, Descending = order.Descending, Page = 0 } : this;

    public QueueUrl WithPage(int page) => this with { Page = Math.Max(0, page) };

    /// <summary>Open work is sorted by urgency; closed work by recency.</summary>
    public static (QueueSort Sort, bool Descending) DefaultOrder(QueueFilter of) =>
        of is QueueFilter.Closed or QueueFilter.NotDownloaded ? (QueueSort.Received, true) : (QueueSort.Deadline, false);

    public static string SortSlugOf(QueueSort by, bool descending) => (descending ? "-" : "") + by switch
    {
        QueueSort.Received => "received",
        QueueSort.Reference => "reference",
        _ => "due",
    };

    public static (QueueSort Sort, bool Descending)? ParseSort(string? slug)
    {
        if (string.IsNullOrEmpty(slug))
        {
            return null;
        }
        QueueSort? by = slug.TrimStart('-') switch
        {
            "due" => QueueSort.Deadline,
            "received" => QueueSort.Received,
            "reference" => QueueSort.Reference,
            _ => null,
        };
        return by is null ? null : (by.Value, slug.StartsWith('-'));
    }

    public static QueueFilter ParseFilter(string? slug) =>
        Enum.GetValues<QueueFilter>().FirstOrDefault(f => QueueLinks.FilterSlug(f) == slug?.ToLowerInvariant(), QueueFilter.Open);
}
