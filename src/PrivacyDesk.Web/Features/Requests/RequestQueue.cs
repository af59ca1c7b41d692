using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Data.Search;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>The queue's quick filters. All but <see cref="Closed"/> show open requests only.</summary>
public enum QueueFilter
{
    Open,
    Mine,
    Unassigned,
    DueWithinWeek,
    Overdue,
    AwaitingIdentity,

    /// <summary>Team leads: responses awaiting approval that they neither handled nor submitted (four eyes).</summary>
    AwaitingMyApproval,
    Closed,

    /// <summary>Answered cases whose answer was delivered by e-mail and never downloaded (the link may have expired or the e-mail failed).</summary>
    NotDownloaded,
}

public enum QueueSort
{
    Deadline,
    Received,
    Reference,
}

/// <summary>How long an open case has waited since receipt, in calendar days; extended cases form their own bucket (the SLA dashboard's ageing chart).</summary>
public enum AgeBucket
{
    Days0To7,
    Days8To14,
    Days15To21,
    Days22To28,
    Days29Plus,
    Extended,
}

/// <summary>
/// One page of the queue: which filter, sort and page, and an optional search text (never put in a URL).
/// The SLA dashboard drills down with the optional narrowing filters (type, age, handler, status), which
/// apply on top of the quick filter.
/// </summary>
public sealed record QueueQuery(
    QueueFilter Filter = QueueFilter.Open,
    QueueSort Sort = QueueSort.Deadline,
    bool Descending = false,
    int Page = 0,
    int PageSize = RequestQueue.DefaultPageSize,
    string? Search = null,
    RequestType? Type = null,
    AgeBucket? Age = null,
    string? HandlerId = null,
    RequestStatus? Status = null,
    DaySpan? Received = null,
    DaySpan? Answered = null);

/// <summary>A span of days in the controller's calendar, both ends included (a dashboard week or month).</summary>
public sealed record DaySpan(DateOnly From, DateOnly To);

/// <param name="DueOn">The effective deadline: the extended one when extended.</param>
/// <param name="Sla">Null for a withdrawn request, which was never answered.</param>
public sealed record QueueRow(
    Guid Id,
    string Reference,
    RequestType Type,
    string SubjectName,
    RequestChannel Channel,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    bool IsExtended,
    SlaStatus? Sla,
    RequestStatus Status,
    string? HandlerId,
    string? HandlerName)
{
    /// <summary>The case's concurrency stamp when the row was read: bulk assign refuses a case changed since (ADR 0011).</summary>
    public Guid Stamp { get; init; }
}

/// <param name="TotalCount">The number of matching requests, at most <see cref="RequestQueue.CountCap"/>.</param>
/// <param name="CountIsCapped">There are more than <see cref="RequestQueue.CountCap"/>; the count stopped there.</param>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, int TotalCount, bool CountIsCapped);

/// <summary>Someone who may be given cases.</summary>
public sealed record HandlerOption(string Id, string Name);

public sealed record RefusedAssignment(Guid RequestId, string Reference, IReadOnlyList<Error> Errors);

public sealed record BulkAssignOutcome(int Assigned, IReadOnlyList<RefusedAssignment> Refused);

/// <summary>
/// The request queue: one page of rows per call, filtered, sorted, counted and paged in SQL on the
/// indexes of <c>DataSubjectRequestConfiguration</c> (measured in bench/), never the table in memory.
/// Officers see the unassigned queue and their own cases (<see cref="RequestVisibility"/>, in SQL);
/// team leads and auditors see all. Assigning goes through the aggregate's <c>Assign</c>.
/// </summary>
public sealed class RequestQueue(IServiceScopeFactory scopes, ControllerSettings settings, TimeProvider clock, CaseUnitOfWork unitOfWork)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>Counting stops here: past ten thousand nobody pages, and counting a million closed cases costs more than the page.</summary>
    public const int CountCap = 10_000;

    /// <summary>The "due within a week" filter: from today up to this many calendar days ahead.</summary>
    public const int DueWithinDays = 7;

    public const int MaxBulkAssign = 200;

    /// <summary>A name search among open cases with at most this many matches is read in one pass (<see cref="NameSearchMatches"/>).</summary>
    public const int NameSearchMatchCap = 2_000;

    private static readonly Error Forbidden = CaseUnitOfWork.Forbidden;
    public static readonly Error NothingSelected = new("queue.assign.nothing_selected");
    public static readonly Error TooManySelected = new("queue.assign.too_many");
    public static readonly Error HandlerUnknown = new("queue.assign.handler_unknown", "HandlerId");
    public static readonly Error RequestNotFound = CaseUnitOfWork.NotFound;

    private static readonly RequestStatus[] OpenStatuses = [.. RequestStatuses.Open];
    private static readonly RequestStatus[] ClosedStatuses = [RequestStatus.Responded, RequestStatus.Rejected, RequestStatus.Withdrawn];

    /// <summary>Staff roles whose members may handle cases, so may be assigned one.</summary>
    private static readonly string[] HandlerRoles = [.. AccessPolicy.RolesWith(Permission.HandleRequests)];

    public async Task<Result<QueuePage>> PageAsync(ClaimsPrincipal caller, QueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!caller.Has(Permission.ViewRequests)
            || (query.Filter == QueueFilter.AwaitingMyApproval && !caller.Has(Permission.ApproveResponses)))
        {
            return Result<QueuePage>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var current = await settings.CurrentAsync(cancellationToken);
        var policy = current.Policy;
        var today = current.Today(clock);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, query.Page);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        IQueryable<DataSubjectRequest> pageRows;
        int count;
        var matches = NameSearchMatches(db, actor, query, today) is { } ids
            ? await ids.Take(NameSearchMatchCap + 1).ToListAsync(cancellationToken)
            : null;
        if (matches is { Count: <= NameSearchMatchCap })
        {
            count = matches.Count;
        }
        else
        {
            count = 0;
            foreach (var part in CountQueries(db, actor, query, today))
            {
                count += await part.Take(CountCap + 1).CountAsync(cancellationToken);
            }
        }
        if (matches is not null && (matches.Count <= NameSearchMatchCap || (page + 1) * pageSize <= NameSearchMatchCap))
        {
            // The page lies within the ids already read (over the cap, the first 2,000 are still in page order).
            var pageIds = matches.Take(NameSearchMatchCap).Skip(page * pageSize).Take(pageSize).ToList();
            pageRows = Sorted(db.Requests.AsNoTracking().Where(r => pageIds.Contains(r.Id)), query.Sort, query.Descending);
        }
        else
        {
            pageRows = PageRows(db, actor, query, today, page * pageSize, pageSize);
        }
        var found = await pageRows
            .Select(r => new
            {
                r.Id,
                r.Reference,
                r.Type,
                SubjectName = db.DataSubjects.Where(subject => subject.Id == r.SubjectId).Select(subject => subject.FullName).FirstOrDefault(),
                r.Channel,
                r.ReceivedAt,
                r.ReceivedOn,
                r.EffectiveDueOn,
                r.DueOn,
                r.Status,
                r.ClosedAt,
                r.HandlerId,
                r.HandlerName,
                Stamp = EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp),
            })
            .ToListAsync(cancellationToken);

        var sla = current.SlaEvaluator();
        var rows = found.Select(r => new QueueRow(
            r.Id, r.Reference.ToString(), r.Type, r.SubjectName ?? "", r.Channel, r.ReceivedAt, r.ReceivedOn, r.EffectiveDueOn, r.EffectiveDueOn != r.DueOn,
            Evaluate(sla, r.Status, r.EffectiveDueOn, today, r.ClosedAt is { } closedAt ? policy.DateOf(closedAt) : null),
            r.Status, r.HandlerId, r.HandlerName) { Stamp = r.Stamp }).ToList();
        return Result.Success(new QueuePage(rows, Math.Min(count, CountCap), count > CountCap));
    }

    /// <summary>The SQL behind the page: visibility, quick filter, search (<see cref="CountQueries"/> counts the same rows).</summary>
    internal static IQueryable<DataSubjectRequest> Filtered(PrivacyDeskDbContext db, Actor actor, QueueQuery query, DateOnly today)
    {
        var requests = db.Requests.AsNoTracking();
        if (!actor.Has(Permission.ViewAllRequests))
        {
            // Unassigned or mine. The page reads in page order and skips what is not visible (COALESCE, which no
            // index serves): seeking would mean sorting all of an officer's cases to show 25.
            var me = actor.Id;
            requests = requests.Where(r => (r.HandlerId ?? me) == me);
        }
        return Conditions(db, requests, actor, query, today);
    }

    /// <summary>
    /// The page's rows in page order. A search by name first takes the page's ids from the open cases' subject
    /// index, which covers them (see <see cref="ApplyFilter"/>), then reads those rows: asked for every column at
    /// once, SQLite picked (SubjectId, Type) instead and read every request of every match.
    /// </summary>
    internal static IQueryable<DataSubjectRequest> PageRows(PrivacyDeskDbContext db, Actor actor, QueueQuery query, DateOnly today, int skip, int take)
    {
        var rows = Sorted(Filtered(db, actor, query, today), query.Sort, query.Descending).Skip(skip).Take(take);
        if (SearchKind(query.Search) != QueueSearch.BySubject || query.Filter is QueueFilter.Closed or QueueFilter.NotDownloaded)
        {
            return rows;
        }
        var ids = rows.Select(r => r.Id);
        return Sorted(db.Requests.AsNoTracking().Where(r => ids.Contains(r.Id)), query.Sort, query.Descending);
    }

    /// <summary>
    /// A search by name among open cases reads its matches once: the ids of every matching case in page order, at most
    /// <see cref="NameSearchMatchCap"/> of them, give both the count and the page's ids. Counted and paged separately, the
    /// same pass over the matching subjects' open cases ran twice (a common surname: 14,000 subjects, 650 open cases, about
    /// 13 ms a pass at 1,000,000 requests). Null for every other query; past the cap the page falls back to
    /// <see cref="CountQueries"/> and <see cref="PageRows"/>.
    /// </summary>
    internal static IQueryable<Guid>? NameSearchMatches(PrivacyDeskDbContext db, Actor actor, QueueQuery query, DateOnly today) =>
        SearchKind(query.Search) == QueueSearch.BySubject && query.Received is null && query.Answered is null
        && query.Filter is not (QueueFilter.Closed or QueueFilter.NotDownloaded)
            ? Sorted(Filtered(db, actor, query, today), query.Sort, query.Descending).Select(r => r.Id)
            : null;

    /// <summary>
    /// The capped count's queries, whose counts add up to the page's rows. EF Core wants an order before a
    /// limit, and SQLite sorts whatever its index does not deliver in that order, so each query is ordered
    /// the way its rows are read: everyone's cases in the page's order (the indexes above serve it), an
    /// officer's view as two seeks of the handler index, unassigned and mine, each ordered by the handler
    /// it pins, so neither sorts. (Counted as one query with <c>HandlerId IS NULL OR HandlerId = me</c>
    /// and the page's order, an officer's closed cases were all read and sorted: 400 ms at 1,000,000.)
    /// </summary>
    internal static IReadOnlyList<IQueryable<DataSubjectRequest>> CountQueries(PrivacyDeskDbContext db, Actor actor, QueueQuery query, DateOnly today)
    {
        if (actor.Has(Permission.ViewAllRequests))
        {
            return [Sorted(Filtered(db, actor, query, today), query.Sort, query.Descending)];
        }
        var me = actor.Id;
        var requests = db.Requests.AsNoTracking();
        return
        [
            Conditions(db, requests.Where(r => r.HandlerId == null), actor, query, today).OrderBy(r => r.HandlerId),
            Conditions(db, requests.Where(r => r.HandlerId == me), actor, query, today).OrderBy(r => r.HandlerId),
        ];
    }

    private static IQueryable<DataSubjectRequest> Conditions(PrivacyDeskDbContext db, IQueryable<DataSubjectRequest> requests, Actor actor, QueueQuery query, DateOnly today)
    {
        var search = SearchKind(query.Search);
        // A dashboard bar (received or answered in a week or month) names its own set of cases, closed ones
        // included, so the quick filter's status restriction does not apply to it.
        requests = query.Received is null && query.Answered is null ? ApplyFilter(db, requests, actor, query.Filter, today, search) : requests;
        requests = Narrow(requests, query, today);
        return search == QueueSearch.None ? requests : ApplySearch(db, requests, query.Search!);
    }

    /// <summary>What a search text is looked up by, which decides how the open statuses are written (see <see cref="ApplyFilter"/>).</summary>
    private enum QueueSearch
    {
        None,
        /// <summary>A reference, a reference prefix or a number: a handful of rows found by the reference index.</summary>
        ByReference,
        /// <summary>Words only: the subjects whose terms they start, then those subjects' requests.</summary>
        BySubject,
    }

    private static QueueSearch SearchKind(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return QueueSearch.None;
        }
        var text = search.Trim();
        return RequestReference.TryParse(text, out _) || ReferencePrefixRange(text) is not null || ReferenceCandidates(text).Count > 0
            ? QueueSearch.ByReference
            : QueueSearch.BySubject;
    }

    /// <remarks>
    /// How a status set is written steers SQLite's planner (which has no statistics). Every open filter
    /// carries <c>Status IN (the open statuses)</c>, exactly as the partial indexes of open cases are
    /// filtered, so it reads those in page order and stops after a page. Closed requests are most of the
    /// table: <c>Status NOT IN (…)</c> reads the newest rows first and skips the open ones. A search by
    /// reference or number is driven by its matches (NOT IN again, so the open index does not compete); a
    /// search by name keeps <c>IN</c>, so the open cases' subject index (<c>IX_Requests_Open_SubjectId</c>,
    /// which only that form may use) finds the open cases of every matching subject without touching the
    /// closed ones: a common surname's 14,000 subjects have 650 open cases among 28,000. Measured in bench/.
    /// </remarks>
    private static IQueryable<DataSubjectRequest> ApplyFilter(
        PrivacyDeskDbContext db, IQueryable<DataSubjectRequest> requests, Actor actor, QueueFilter filter, DateOnly today, QueueSearch search)
    {
        var me = actor.Id;
        var weekAhead = today.AddDays(DueWithinDays);
        // Parameters, not constants: EF Core folds "Status IN (constants) AND Status = constant" on a
        // converted column to FALSE (the comparison sees the enum on one side and the stored text on the other).
        var awaitingIdentity = RequestStatus.AwaitingIdentity;
        var awaitingApproval = RequestStatus.AwaitingApproval;
        var open = search == QueueSearch.ByReference ? requests.Where(r => !ClosedStatuses.Contains(r.Status)) : requests.Where(r => OpenStatuses.Contains(r.Status));
        return filter switch
        {
            QueueFilter.Mine => open.Where(r => r.HandlerId == me),
            QueueFilter.Unassigned => open.Where(r => r.HandlerId == null),
            QueueFilter.DueWithinWeek => open.Where(r => r.EffectiveDueOn >= today && r.EffectiveDueOn <= weekAhead),
            QueueFilter.Overdue => open.Where(r => r.EffectiveDueOn < today),
            QueueFilter.AwaitingIdentity => open.Where(r => r.Status == awaitingIdentity),
            QueueFilter.AwaitingMyApproval => open.Where(r =>
                r.Status == awaitingApproval && r.HandlerId != me && r.SubmittedById != me && r.ApprovedAt == null),
            QueueFilter.Closed => requests.Where(r => !OpenStatuses.Contains(r.Status)),
            // "Id IN (deliveries never downloaded)": driven by that index, a handful among all closed cases, each found by its key.
            QueueFilter.NotDownloaded => requests.Where(r => db.ResponseDeliveries.Where(d => d.FirstDownloadedAt == null && d.RecipientNotificationId == null).Select(d => d.RequestId).Contains(r.Id)),
            _ => open,
        };
    }

    /// <summary>The dashboard's drill-down filters, each a plain comparison in SQL (parameters, see <see cref="ApplyFilter"/>).</summary>
    private static IQueryable<DataSubjectRequest> Narrow(IQueryable<DataSubjectRequest> requests, QueueQuery query, DateOnly today)
    {
        if (query.Type is { } type)
        {
            requests = requests.Where(r => r.Type == type);
        }
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }
        if (query.HandlerId is { Length: > 0 } handler)
        {
            requests = requests.Where(r => r.HandlerId == handler);
        }
        if (query.Received is { } received)
        {
            var (from, to) = (received.From, received.To);
            requests = requests.Where(r => r.ReceivedOn >= from && r.ReceivedOn <= to);
        }
        if (query.Answered is { } answered)
        {
            var (from, to) = (answered.From, answered.To);
            var (responded, rejected) = (RequestStatus.Responded, RequestStatus.Rejected);
            requests = requests.Where(r => (r.Status == responded || r.Status == rejected) && r.ClosedOn >= from && r.ClosedOn <= to);
        }
        if (query.Age == AgeBucket.Extended)
        {
            requests = requests.Where(r => r.EffectiveDueOn != r.DueOn);
        }
        else if (query.Age is { } age)
        {
            var (from, to) = AgeRange(age, today);
            requests = requests.Where(r => r.EffectiveDueOn == r.DueOn && r.ReceivedOn >= from && r.ReceivedOn <= to);
        }
        return requests;
    }

    /// <summary>The receipt dates of an ageing bucket (not extended): 0–7 days ago, 8–14, 15–21, 22–28, 29 or more.</summary>
    public static (DateOnly From, DateOnly To) AgeRange(AgeBucket bucket, DateOnly today) => bucket switch
    {
        AgeBucket.Days0To7 => (today.AddDays(-7), DateOnly.MaxValue),
        AgeBucket.Days8To14 => (today.AddDays(-14), today.AddDays(-8)),
        AgeBucket.Days15To21 => (today.AddDays(-21), today.AddDays(-15)),
        AgeBucket.Days22To28 => (today.AddDays(-28), today.AddDays(-22)),
        _ => (DateOnly.MinValue, today.AddDays(-29)),
    };

    /// <summary>
    /// A reference (whole, or a prefix such as "DSR-2026-0001"), a reference's number part ("123",
    /// "000123", which may also be a customer number), or words that must each start one of the
    /// subject's name words, e-mail addresses or customer number (the subject search index).
    /// </summary>
    private static IQueryable<DataSubjectRequest> ApplySearch(PrivacyDeskDbContext db, IQueryable<DataSubjectRequest> requests, string search)
    {
        var text = search.Trim();
        if (RequestReference.TryParse(text, out var reference))
        {
            return requests.Where(r => r.Reference == reference);
        }
        if (ReferencePrefixRange(text) is { } range)
        {
            // Plain SQL so the bounds are compared with the column itself (a range on the unique index):
            // LINQ would cast the converted column, which no index serves. Double-quoted names: SQLite, PostgreSQL and SQL Server read them alike.
            var inRange = db.Requests.FromSql($"SELECT * FROM \"Requests\" WHERE \"Reference\" >= {range.From} AND \"Reference\" < {range.To}").Select(r => r.Id);
            return requests.Where(r => inRange.Contains(r.Id));
        }
        var words = SubjectSearch.Words(text);
        var numbered = ReferenceCandidates(text);
        if (numbered.Count > 0)
        {
            var placeholders = string.Join(", ", numbered.Select((_, i) => "{" + i.ToString(CultureInfo.InvariantCulture) + "}"));
#pragma warning disable EF1002 // Only generated placeholders are concatenated; the values travel as parameters.
            var withNumber = db.Requests.FromSqlRaw($"SELECT * FROM \"Requests\" WHERE \"Reference\" IN ({placeholders})", [.. numbered]).Select(r => r.Id);
#pragma warning restore EF1002
            if (words.Count == 0)
            {
                return requests.Where(r => withNumber.Contains(r.Id));
            }
            var subjects = SubjectSearch.MatchingSubjectIds(db, words);
            return requests.Where(r => withNumber.Contains(r.Id) || subjects.Contains(r.SubjectId));
        }
        return words.Count == 0 ? requests : requests.Where(r => SubjectSearch.MatchingSubjectIds(db, words).Contains(r.SubjectId));
    }

    /// <summary>For a bare number ("123", "000123"), that number's reference in every year (exact matches on the unique index).</summary>
    internal static IReadOnlyList<string> ReferenceCandidates(string text)
    {
        if (text.Length is < 1 or > 6 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return [];
        }
        var lastYear = DateTime.UtcNow.Year + 1;
        return [.. Enumerable.Range(RequestReference.FirstYear, lastYear - RequestReference.FirstYear + 1)
            .Select(year => RequestReference.Create(year, sequence).Value.ToString())];
    }

    /// <summary>"DSR-2026-00" (any case) → the range of references that start with it, or null when the text is not such a prefix.</summary>
    internal static (string From, string To)? ReferencePrefixRange(string text)
    {
        var prefix = text.ToUpperInvariant();
        const string Shape = "DSR-0000-000000";
        if (prefix.Length < 4 || prefix.Length >= Shape.Length)
        {
            return null;
        }
        for (var i = 0; i < prefix.Length; i++)
        {
            var ok = Shape[i] == '0' ? char.IsAsciiDigit(prefix[i]) : prefix[i] == Shape[i];
            if (!ok)
            {
                return null;
            }
        }
        // Every reference starting with the prefix sorts at or after it and before the prefix with its last character bumped.
        var to = prefix[..^1] + (char)(prefix[^1] + 1);
        return (prefix, to);
    }

    private static IOrderedQueryable<DataSubjectRequest> Sorted(IQueryable<DataSubjectRequest> requests, QueueSort sort, bool descending) =>
        // Ties are broken by the id (time-ordered), so a page never repeats or skips a row.
        (sort, descending) switch
        {
            (QueueSort.Received, false) => requests.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id),
            (QueueSort.Received, true) => requests.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id),
            (QueueSort.Reference, false) => requests.OrderBy(r => r.Reference),
            (QueueSort.Reference, true) => requests.OrderByDescending(r => r.Reference),
            (_, false) => requests.OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.Id),
            (_, true) => requests.OrderByDescending(r => r.EffectiveDueOn).ThenByDescending(r => r.Id),
        };

    private static SlaStatus? Evaluate(SlaEvaluator sla, RequestStatus status, DateOnly dueOn, DateOnly today, DateOnly? closedOn) => status switch
    {
        RequestStatus.Withdrawn => null,
        RequestStatus.Responded or RequestStatus.Rejected => sla.Evaluate(dueOn, today, closedOn ?? today),
        _ => sla.Evaluate(dueOn, today),
    };

    /// <summary>Staff who may be given cases (officers and team leads, not locked out), by name.</summary>
    public async Task<Result<IReadOnlyList<HandlerOption>>> HandlersAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.AssignRequests))
        {
            return Result<IReadOnlyList<HandlerOption>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var now = clock.GetUtcNow();
        var handlers = await HandlerQuery(db).ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<HandlerOption>>([.. handlers
            .Where(h => h.LockoutEnd is null || h.LockoutEnd <= now)
            .OrderBy(h => h.DisplayName, StringComparer.CurrentCulture)
            .Select(h => new HandlerOption(h.Id, h.DisplayName))]);
    }

    private static IQueryable<HandlerRow> HandlerQuery(PrivacyDeskDbContext db) =>
        db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(role => role.Id == ur.RoleId && HandlerRoles.Contains(role.Name!))))
            .Select(u => new HandlerRow(u.Id, u.DisplayName, u.LockoutEnd));

    private sealed record HandlerRow(string Id, string DisplayName, DateTimeOffset? LockoutEnd);

    /// <summary>
    /// Team leads give the selected cases to one handler, in one transaction, each through the
    /// aggregate's <c>Assign</c> (<see cref="CaseUnitOfWork.ChangeEachAsync"/>). Cases the domain refuses
    /// (closed, already theirs) are reported with the reason and left as they were, and so is a case changed
    /// by someone else since the queue showed it (its stamp moved); the rest are assigned.
    /// </summary>
    public async Task<Result<BulkAssignOutcome>> AssignAsync(
        ClaimsPrincipal caller, IReadOnlyCollection<SeenCase> cases, string handlerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (!caller.Has(Permission.AssignRequests))
        {
            return Result<BulkAssignOutcome>.Failure(Forbidden);
        }
        var count = cases.Select(c => c.RequestId).Distinct().Count();
        if (count == 0)
        {
            return Result<BulkAssignOutcome>.Failure(NothingSelected);
        }
        if (count > MaxBulkAssign)
        {
            return Result<BulkAssignOutcome>.Failure(TooManySelected with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = MaxBulkAssign.ToString(CultureInfo.InvariantCulture) },
            });
        }
        Actor? handler;
        await using (var scope = scopes.CreateAsyncScope())
        {
            handler = await HandlerActorAsync(scope.ServiceProvider, handlerId);
        }
        if (handler is null)
        {
            return Result<BulkAssignOutcome>.Failure(HandlerUnknown);
        }
        var outcome = await unitOfWork.ChangeEachAsync(caller, cases, CaseAccess.Assign, work => work.Request.Assign(work.Actor, handler, work.Now), cancellationToken);
        return outcome.IsFailure
            ? Result<BulkAssignOutcome>.Failure(outcome.Errors)
            : Result.Success(new BulkAssignOutcome(outcome.Value.Changed,
                [.. outcome.Value.Refused.Select(r => new RefusedAssignment(r.RequestId, r.Reference, r.Errors))]));
    }

    /// <summary>
    /// An officer takes an unassigned case for themselves (the domain refuses a case someone already has), with the
    /// stamp of the row the queue showed: a case taken by someone else since is answered with who took it and when,
    /// a case changed since with the stale-edit answer, a case the officer never could see with "not found".
    /// </summary>
    public Task<Result> TakeAsync(ClaimsPrincipal caller, Guid requestId, Guid seenStamp, CancellationToken cancellationToken = default) =>
        unitOfWork.ChangeAsync(caller, requestId, seenStamp, CaseAccess.Work,
            work => Task.FromResult(work.Request.Assign(work.Actor, work.Actor, work.Now)), cancellationToken);

    /// <summary>The handler as the domain needs them: their roles decide whether they may handle cases.</summary>
    private static async Task<Actor?> HandlerActorAsync(IServiceProvider services, string handlerId)
    {
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = string.IsNullOrEmpty(handlerId) ? null : await users.FindByIdAsync(handlerId);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        return new Actor(user.Id, user.DisplayName, [.. roles]);
    }
}
