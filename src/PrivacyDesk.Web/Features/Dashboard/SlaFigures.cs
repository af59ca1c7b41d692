using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Dashboard;

/// <param name="PeriodDays">The window of the answer statistics (median, 90th percentile, extension and refusal rates): 30, 90, 180 or 365 days.</param>
/// <param name="Type">Only requests of this type, or all.</param>
/// <param name="QuietDays">Breach forecast: nothing recorded on the case for at least this many days…</param>
/// <param name="HorizonDays">…and its deadline within this many days (today included).</param>
public sealed record DashboardQuery(int PeriodDays = 90, RequestType? Type = null, int QuietDays = 7, int HorizonDays = 7)
{
    public static IReadOnlyList<int> Periods { get; } = [30, 90, 180, 365];
}

/// <param name="OnTime30">Answered (responded or refused) on or before the effective deadline, as a share of the answers of the last 30 days; null without answers.</param>
/// <param name="MedianDays">Calendar days from receipt to answer, answers in the period; nearest rank.</param>
/// <param name="ExtensionRate">Share of the period's answers whose deadline was extended.</param>
/// <param name="RefusalRate">Share of the period's answers that refused the request as a whole.</param>
public sealed record SlaHeadline(
    int Open,
    int Overdue,
    int DueWithinWeek,
    int AwaitingApproval,
    int Answered30,
    double? OnTime30,
    int Answered90,
    double? OnTime90,
    int AnsweredInPeriod,
    int? MedianDays,
    int? Percentile90Days,
    double? ExtensionRate,
    double? RefusalRate);

public sealed record WeekFigures(DateOnly WeekStart, int Received, int Answered);

public sealed record TypeFigures(RequestType Type, int Open);

public sealed record AgeFigures(AgeBucket Bucket, int Open);

/// <param name="HandlerId">Null: the unassigned cases.</param>
public sealed record OfficerFigures(string? HandlerId, string? HandlerName, int Open, int DueSoon, int Overdue);

public sealed record MonthFigures(int Year, int Month, int Answered, int OnTime)
{
    public double? OnTimePercent => Answered == 0 ? null : 100.0 * OnTime / Answered;
}

public sealed record BreachRisk(Guid Id, string Reference, RequestType Type, RequestStatus Status, DateOnly DueOn, DateTimeOffset LastActivityAt, string? HandlerName);

/// <summary>Ledger entries whose last day falls in one month (issue 15).</summary>
public sealed record ExpiryMonth(int Year, int Month, int Count)
{
    public DateOnly First => new(Year, Month, 1);
}

/// <summary>The retention ledger on the dashboard: entries kept beyond their last day (overdue), and per month of the next twelve the entries whose last day falls in it.</summary>
public sealed record RetentionExpiries(int Overdue, IReadOnlyList<ExpiryMonth> Months)
{
    public int Upcoming => Months.Sum(m => m.Count);
}

/// <param name="OwnFiguresOnly">The caller sees only the cases they handle (officers).</param>
/// <param name="BreachCount">All cases at risk; <paramref name="Breaches"/> holds the first <see cref="SlaFigures.MaxBreaches"/> by deadline.</param>
public sealed record SlaDashboardFigures(
    DateOnly Today,
    DashboardQuery Query,
    bool OwnFiguresOnly,
    SlaHeadline Headline,
    IReadOnlyList<WeekFigures> Weeks,
    IReadOnlyList<TypeFigures> OpenByType,
    IReadOnlyList<AgeFigures> Ageing,
    IReadOnlyList<OfficerFigures> Workload,
    IReadOnlyList<MonthFigures> OnTimeByMonth,
    IReadOnlyList<BreachRisk> Breaches,
    int BreachCount,
    RetentionExpiries? Retention = null);

/// <summary>
/// The SLA dashboard's figures. Every number is counted by the database: seven queries (five GROUP BY) over
/// covering indexes (the open cases by type and by handler, the answered cases by answer date, the
/// receipts by date), each returning at most a few hundred grouped rows (per type and bucket, per
/// handler, per day, per number of days to answer); the page's weeks and months add those days up and
/// the percentiles come from the histogram. No request is loaded to be counted (bench/results/dashboard.md).
/// Team leads and auditors see every case; officers see the cases they handle.
/// </summary>
public sealed class SlaFigures(IServiceScopeFactory scopes, ControllerSettings settings, TimeProvider clock)
{
    public const int Weeks = 26;
    public const int Months = 12;
    public const int DueWithinDays = 7;
    public const int MaxBreaches = 50;

    public static readonly Error Forbidden = new("auth.forbidden");

    private static readonly RequestStatus[] OpenStatuses = [.. RequestStatuses.Open];
    private static readonly RequestStatus[] AnsweredStatuses = [RequestStatus.Responded, RequestStatus.Rejected];

    public async Task<Result<SlaDashboardFigures>> ReadAsync(ClaimsPrincipal caller, DashboardQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!caller.Has(Permission.ViewDashboard))
        {
            return Result<SlaDashboardFigures>.Failure(Forbidden);
        }
        var periodDays = DashboardQuery.Periods.Contains(query.PeriodDays) ? query.PeriodDays : 90;
        query = query with { PeriodDays = periodDays, QuietDays = Math.Clamp(query.QuietDays, 1, 90), HorizonDays = Math.Clamp(query.HorizonDays, 0, 60) };
        var actor = caller.ToActor();
        var ownOnly = !caller.Has(Permission.ViewAllRequests);
        var current = await settings.CurrentAsync(cancellationToken);
        var today = current.Today(clock);
        var now = clock.GetUtcNow();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        IQueryable<DataSubjectRequest> requests = db.Requests.AsNoTracking();
        if (ownOnly)
        {
            var me = actor.Id;
            requests = requests.Where(r => r.HandlerId == me);
        }
        if (query.Type is { } type)
        {
            requests = requests.Where(r => r.Type == type);
        }

        // 1. Open cases: one grouped query gives the headline counts, open by type and the ageing buckets.
        var weekAhead = today.AddDays(DueWithinDays);
        var age7 = today.AddDays(-7);
        var age14 = today.AddDays(-14);
        var age21 = today.AddDays(-21);
        var age28 = today.AddDays(-28);
        var open = requests.Where(r => OpenStatuses.Contains(r.Status));
        var openGroups = await open
            .GroupBy(r => new
            {
                r.Type,
                r.Status,
                Due = r.EffectiveDueOn < today ? 0 : r.EffectiveDueOn <= weekAhead ? 1 : 2,
                Age = r.EffectiveDueOn != r.DueOn ? 5
                    : r.ReceivedOn >= age7 ? 0
                    : r.ReceivedOn >= age14 ? 1
                    : r.ReceivedOn >= age21 ? 2
                    : r.ReceivedOn >= age28 ? 3
                    : 4,
            })
            .Select(g => new { g.Key.Type, g.Key.Status, g.Key.Due, g.Key.Age, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 2. Workload per handler (open, due within a week, overdue).
        var workload = await open
            .GroupBy(r => r.HandlerId)
            .Select(g => new
            {
                HandlerId = g.Key,
                HandlerName = g.Max(r => r.HandlerName),
                Open = g.Count(),
                DueSoon = g.Count(r => r.EffectiveDueOn >= today && r.EffectiveDueOn <= weekAhead),
                Overdue = g.Count(r => r.EffectiveDueOn < today),
            })
            .ToListAsync(cancellationToken);

        // 3. Answers per day of the answer (one row per day, in the order of IX_Requests_Closed_ClosedOn, no
        //    sort): the 30- and 90-day figures, the period's rates, the weekly and the monthly series all add up days.
        var answered = requests.Where(r => AnsweredStatuses.Contains(r.Status) && r.ClosedOn != null);
        var since30 = today.AddDays(-29);
        var since90 = today.AddDays(-89);
        var sincePeriod = today.AddDays(-(periodDays - 1));
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (Weeks - 1));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var sinceAnswers = new[] { since90, sincePeriod, firstMonday, firstOfMonth }.Min();
        var rejected = RequestStatus.Rejected;
        var answerDays = await answered
            .Where(r => r.ClosedOn >= sinceAnswers && r.ClosedOn <= today)
            .GroupBy(r => r.ClosedOn)
            .Select(g => new
            {
                Day = g.Key!.Value,
                Count = g.Count(),
                OnTime = g.Count(r => r.ClosedOn <= r.EffectiveDueOn),
                Extended = g.Count(r => r.EffectiveDueOn != r.DueOn),
                Refused = g.Count(r => r.Status == rejected),
            })
            .ToListAsync(cancellationToken);

        // 4. Days to answer in the period, as a histogram (a few dozen rows), for the median and 90th percentile.
        var histogram = await answered
            .Where(r => r.ClosedOn >= sincePeriod && r.ClosedOn <= today)
            .GroupBy(r => r.ClosedOn!.Value.DayNumber - r.ReceivedOn.DayNumber)
            .Select(g => new { Days = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 5. Received per day over the 26 weeks ending with this one (weeks start on Monday), in index order.
        var receivedDays = await requests
            .Where(r => r.ReceivedOn >= firstMonday && r.ReceivedOn <= today)
            .GroupBy(r => r.ReceivedOn)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // 7. Breach forecast: open, deadline from today up to the horizon, nothing recorded for QuietDays.
        var horizon = today.AddDays(query.HorizonDays);
        var quietSince = now.AddDays(-query.QuietDays);
        var atRisk = open.Where(r => r.EffectiveDueOn >= today && r.EffectiveDueOn <= horizon
            && (r.LastActivityAt ?? r.ReceivedAt) <= quietSince);
        var breachCount = await atRisk.CountAsync(cancellationToken);
        var breaches = await atRisk
            .OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.Id)
            .Take(MaxBreaches)
            .Select(r => new { r.Id, r.Reference, r.Type, r.Status, r.EffectiveDueOn, Last = r.LastActivityAt ?? r.ReceivedAt, r.HandlerName })
            .ToListAsync(cancellationToken);

        int Answers(DateOnly since, Func<int, int, int, int, int> pick) =>
            answerDays.Where(d => d.Day >= since).Sum(d => pick(d.Count, d.OnTime, d.Extended, d.Refused));
        var answered30 = Answers(since30, (count, _, _, _) => count);
        var answered90 = Answers(since90, (count, _, _, _) => count);
        var answeredInPeriod = Answers(sincePeriod, (count, _, _, _) => count);
        var bins = histogram.Select(h => (h.Days, h.Count)).ToList();
        var headline = new SlaHeadline(
            Open: openGroups.Sum(g => g.Count),
            Overdue: openGroups.Where(g => g.Due == 0).Sum(g => g.Count),
            DueWithinWeek: openGroups.Where(g => g.Due == 1).Sum(g => g.Count),
            AwaitingApproval: openGroups.Where(g => g.Status == RequestStatus.AwaitingApproval).Sum(g => g.Count),
            Answered30: answered30,
            OnTime30: Share(Answers(since30, (_, onTime, _, _) => onTime), answered30),
            Answered90: answered90,
            OnTime90: Share(Answers(since90, (_, onTime, _, _) => onTime), answered90),
            AnsweredInPeriod: answeredInPeriod,
            MedianDays: Percentile(bins, 0.5),
            Percentile90Days: Percentile(bins, 0.9),
            ExtensionRate: Share(Answers(sincePeriod, (_, _, extended, _) => extended), answeredInPeriod),
            RefusalRate: Share(Answers(sincePeriod, (_, _, _, refused) => refused), answeredInPeriod));

        var weeks = Enumerable.Range(0, Weeks)
            .Select(i => firstMonday.AddDays(7 * i))
            .Select(monday => new WeekFigures(
                monday,
                receivedDays.Where(d => d.Day >= monday && d.Day < monday.AddDays(7)).Sum(d => d.Count),
                answerDays.Where(d => d.Day >= monday && d.Day < monday.AddDays(7)).Sum(d => d.Count)))
            .ToList();
        var byType = Enum.GetValues<RequestType>()
            .Where(t => query.Type is null || query.Type == t)
            .Select(t => new TypeFigures(t, openGroups.Where(g => g.Type == t).Sum(g => g.Count)))
            .ToList();
        var ageing = Enum.GetValues<AgeBucket>()
            .Select(b => new AgeFigures(b, openGroups.Where(g => g.Age == (int)b).Sum(g => g.Count)))
            .ToList();
        var officers = workload
            .Select(w => new OfficerFigures(w.HandlerId, w.HandlerName, w.Open, w.DueSoon, w.Overdue))
            .OrderBy(w => w.HandlerId is null ? 1 : 0)
            .ThenByDescending(w => w.Overdue).ThenByDescending(w => w.Open)
            .ThenBy(w => w.HandlerName, StringComparer.CurrentCulture)
            .ToList();
        var months = Enumerable.Range(0, Months)
            .Select(i => firstOfMonth.AddMonths(i))
            .Select(m =>
            {
                var days = answerDays.Where(d => d.Day >= m && d.Day < m.AddMonths(1)).ToList();
                return new MonthFigures(m.Year, m.Month, days.Sum(d => d.Count), days.Sum(d => d.OnTime));
            })
            .ToList();
        var risks = breaches
            .Select(b => new BreachRisk(b.Id, b.Reference.ToString(), b.Type, b.Status, b.EffectiveDueOn, b.Last, b.HandlerName))
            .ToList();
        var retention = caller.Has(Permission.ViewRetention) ? await RetentionAsync(db, today, cancellationToken) : null;
        return Result.Success(new SlaDashboardFigures(today, query, ownOnly, headline, weeks, byType, ageing, officers, months, risks, breachCount, retention));
    }

    /// <summary>
    /// 8. The retention ledger: one GROUP BY year and month over the (Status, EndsOn) index for the next twelve months from today,
    /// and one count of entries kept beyond their last day (running, or with a follow-up that has not run yet).
    /// </summary>
    private static async Task<RetentionExpiries> RetentionAsync(PrivacyDeskDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var running = RetentionEntryStatus.Running;
        var planned = RetentionEntryStatus.FollowUpPlanned;
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        var end = firstOfMonth.AddMonths(Months);
        var grouped = await db.RetentionLedger.AsNoTracking()
            .Where(e => e.Status == running && e.EndsOn >= today && e.EndsOn < end)
            .GroupBy(e => new { e.EndsOn!.Value.Year, e.EndsOn.Value.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var overdue = await db.RetentionLedger.AsNoTracking()
            .CountAsync(e => (e.Status == running || e.Status == planned) && e.EndsOn < today, cancellationToken);
        var months = Enumerable.Range(0, Months)
            .Select(i => firstOfMonth.AddMonths(i))
            .Select(m => new ExpiryMonth(m.Year, m.Month, grouped.Where(g => g.Year == m.Year && g.Month == m.Month).Sum(g => g.Count)))
            .ToList();
        return new RetentionExpiries(overdue, months);
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : 100.0 * part / whole;

    /// <summary>Nearest-rank percentile of a histogram: the smallest value with at least p·n values at or below it.</summary>
    internal static int? Percentile(IEnumerable<(int Value, int Count)> histogram, double p)
    {
        var bins = histogram.Where(h => h.Count > 0).OrderBy(h => h.Value).ToList();
        var total = bins.Sum(h => (long)h.Count);
        if (total == 0)
        {
            return null;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(p * total));
        long seen = 0;
        foreach (var (value, count) in bins)
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }
        return bins[^1].Value;
    }
}
