using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Dashboard;

/// <summary>One seeded app for the read-only dashboard tests.</summary>
public sealed class DashboardDatabase : IAsyncLifetime
{
    public PrivacyDeskAppFactory Factory { get; } = new();

    public DashboardSeed Seed { get; private set; } = default!;

    public SlaFigures Figures { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        Seed = await DashboardSeed.CreateAsync(Factory);
        Figures = ActivatorUtilities.CreateInstance<SlaFigures>(Factory.Services);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>Every figure of the SLA dashboard against what <see cref="DashboardSeed"/> implies, counted by SQLite.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class SlaFiguresTests(DashboardDatabase database) : IClassFixture<DashboardDatabase>
{
    private readonly DashboardSeed _seed = database.Seed;

    private async Task<SlaDashboardFigures> ReadAsync(ClaimsPrincipal caller, DashboardQuery? query = null)
    {
        var result = await database.Figures.ReadAsync(caller, query ?? new DashboardQuery(), Xunit.TestContext.Current.CancellationToken);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        return result.Value;
    }

    [Fact]
    public async Task HeadlineFiguresForTheTeamLeadCountEveryCase()
    {
        var figures = await ReadAsync(_seed.Lead);
        var h = figures.Headline;

        figures.OwnFiguresOnly.ShouldBeFalse();
        h.Open.ShouldBe(6);
        h.Overdue.ShouldBe(1, "O3");
        h.DueWithinWeek.ShouldBe(2, "O2 in 3 days, O4 in 5");
        h.AwaitingApproval.ShouldBe(1, "O5");
        h.Answered30.ShouldBe(4, "C1, C2, C4, C7; the withdrawal W1 is no answer");
        h.OnTime30!.Value.ShouldBe(75, 0.001, "C2 was late");
        h.Answered90.ShouldBe(5, "and C3");
        h.OnTime90!.Value.ShouldBe(80, 0.001);
    }

    [Fact]
    public async Task DaysToAnswerAndRatesFollowThePeriod()
    {
        var ninety = (await ReadAsync(_seed.Lead, new DashboardQuery(PeriodDays: 90))).Headline;
        // 10, 15, 29, 32, 60 days.
        ninety.AnsweredInPeriod.ShouldBe(5);
        ninety.MedianDays.ShouldBe(29);
        ninety.Percentile90Days.ShouldBe(60);
        ninety.ExtensionRate!.Value.ShouldBe(20, 0.001, "C7");
        ninety.RefusalRate!.Value.ShouldBe(20, 0.001, "C4");

        // A year adds C6 (30 days): 10, 15, 29, 30, 32, 60.
        var year = (await ReadAsync(_seed.Lead, new DashboardQuery(PeriodDays: 365))).Headline;
        year.AnsweredInPeriod.ShouldBe(6);
        year.MedianDays.ShouldBe(29);
        year.Percentile90Days.ShouldBe(60);
        year.ExtensionRate!.Value.ShouldBe(100.0 / 6, 0.001);
        year.Answered30.ShouldBe(4, "the last 30 days do not move with the period");

        // 30 days: 15, 29, 32, 60.
        var month = (await ReadAsync(_seed.Lead, new DashboardQuery(PeriodDays: 30))).Headline;
        month.AnsweredInPeriod.ShouldBe(4);
        month.MedianDays.ShouldBe(29);
        month.Percentile90Days.ShouldBe(60);
    }

    [Fact]
    public async Task OpenCasesByTypeAndAgeingBucket()
    {
        var figures = await ReadAsync(_seed.Lead);

        figures.OpenByType.Where(t => t.Open > 0).ToDictionary(t => t.Type, t => t.Open).ShouldBe(new Dictionary<RequestType, int>
        {
            [RequestType.Access] = 3,
            [RequestType.Erasure] = 1,
            [RequestType.Objection] = 1,
            [RequestType.Rectification] = 1,
        }, ignoreOrder: true);
        figures.Ageing.Select(a => (a.Bucket, a.Open)).ShouldBe(
        [
            (AgeBucket.Days0To7, 1), (AgeBucket.Days8To14, 1), (AgeBucket.Days15To21, 1),
            (AgeBucket.Days22To28, 1), (AgeBucket.Days29Plus, 1), (AgeBucket.Extended, 1),
        ]);
    }

    [Fact]
    public async Task WorkloadPerHandlerWithTheUnassignedLast()
    {
        var figures = await ReadAsync(_seed.Lead);
        var sanne = _seed.Officer.ToActor().Id;
        var daan = _seed.Officer2.ToActor().Id;

        figures.Workload.Select(w => (w.HandlerId, w.Open, w.DueSoon, w.Overdue)).ShouldBe(
        [
            (daan, 3, 0, 1),
            (sanne, 2, 2, 0),
            (null, 1, 0, 0),
        ]);
        figures.Workload[1].HandlerName.ShouldBe("Sanne de Vries");
    }

    [Fact]
    public async Task WeeklyAndMonthlySeriesCountEveryReceiptAndAnswerOnce()
    {
        var figures = await ReadAsync(_seed.Lead);
        var firstWeek = figures.Weeks[0].WeekStart;

        figures.Weeks.Count.ShouldBe(SlaFigures.Weeks);
        firstWeek.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        figures.Weeks[^1].WeekStart.ShouldBeInRange(DashboardSeed.Today.AddDays(-6), DashboardSeed.Today);
        foreach (var week in figures.Weeks)
        {
            week.Received.ShouldBe(_seed.ReceivedOn.Count(d => d >= week.WeekStart && d < week.WeekStart.AddDays(7)), week.WeekStart.ToString());
        }
        figures.Weeks.Sum(w => w.Answered).ShouldBe(5, "C1, C2, C3, C4, C7; C6 is older than 26 weeks");
        var c1Week = figures.Weeks.Single(w => w.WeekStart <= DashboardSeed.Today.AddDays(-5) && DashboardSeed.Today.AddDays(-5) < w.WeekStart.AddDays(7));
        c1Week.Answered.ShouldBeGreaterThanOrEqualTo(1);

        figures.OnTimeByMonth.Count.ShouldBe(SlaFigures.Months);
        figures.OnTimeByMonth[^1].Month.ShouldBe(DashboardSeed.Today.Month);
        figures.OnTimeByMonth.Sum(m => m.Answered).ShouldBe(6);
        figures.OnTimeByMonth.Sum(m => m.OnTime).ShouldBe(5);
        var c6 = DashboardSeed.Today.AddDays(-200);
        var c6Month = figures.OnTimeByMonth.Single(m => m.Year == c6.Year && m.Month == c6.Month);
        c6Month.Answered.ShouldBeGreaterThanOrEqualTo(1);
        c6Month.OnTimePercent.ShouldNotBeNull();
    }

    [Fact]
    public async Task BreachForecastListsQuietCasesNearTheirDeadlineWithTheirHandler()
    {
        var figures = await ReadAsync(_seed.Lead, new DashboardQuery(QuietDays: 7, HorizonDays: 7));

        figures.BreachCount.ShouldBe(1);
        var risk = figures.Breaches.Single();
        risk.Reference.ShouldBe(_seed["O4"], "O2 is also due within a week but was worked on today");
        risk.HandlerName.ShouldBe("Sanne de Vries");
        risk.DueOn.ShouldBe(DashboardSeed.Today.AddDays(5));

        var wider = await ReadAsync(_seed.Lead, new DashboardQuery(QuietDays: 1, HorizonDays: 30));
        wider.Breaches.Select(b => b.Reference).ShouldBe([_seed["O4"], _seed["O1"]], "by deadline; O5 is active, O3 already overdue");
    }

    [Fact]
    public async Task OfficersSeeOnlyTheirOwnFigures()
    {
        var sanne = await ReadAsync(_seed.Officer);

        sanne.OwnFiguresOnly.ShouldBeTrue();
        sanne.Headline.Open.ShouldBe(2, "O2 and O4; not the unassigned O1");
        sanne.Headline.Overdue.ShouldBe(0);
        sanne.Headline.DueWithinWeek.ShouldBe(2);
        sanne.Headline.Answered30.ShouldBe(2, "C1 and C4");
        sanne.Headline.OnTime30!.Value.ShouldBe(100, 0.001);
        sanne.Headline.Answered90.ShouldBe(3);
        sanne.Workload.Select(w => w.HandlerId).ShouldBe([_seed.Officer.ToActor().Id]);
        sanne.Breaches.Select(b => b.Reference).ShouldBe([_seed["O4"]]);

        var daan = await ReadAsync(_seed.Officer2);
        daan.Headline.Open.ShouldBe(3);
        daan.Headline.Overdue.ShouldBe(1);
        daan.Headline.OnTime30!.Value.ShouldBe(50, 0.001, "C2 late, C7 on time");
        daan.Breaches.ShouldBeEmpty();
    }

    [Fact]
    public async Task AuditorsSeeEverythingAndTheTypeFilterNarrowsEveryFigure()
    {
        (await ReadAsync(_seed.Auditor)).Headline.Open.ShouldBe(6);

        var erasure = await ReadAsync(_seed.Lead, new DashboardQuery(Type: RequestType.Erasure));
        erasure.Headline.Open.ShouldBe(1);
        erasure.Headline.DueWithinWeek.ShouldBe(1);
        erasure.Headline.Answered30.ShouldBe(0);
        erasure.Headline.OnTime30.ShouldBeNull("no answers: no percentage, not 0 %");
        erasure.Headline.MedianDays.ShouldBeNull();
        erasure.OpenByType.Select(t => t.Type).ShouldBe([RequestType.Erasure]);
        erasure.Workload.Single().Open.ShouldBe(1);
    }

    [Fact]
    public async Task StaffWithoutTheDashboardPermissionAreRefused()
    {
        var admin = await Callers.ForAsync(database.Factory, "admin@privacydesk.test");

        var result = await database.Figures.ReadAsync(admin, new DashboardQuery(), Xunit.TestContext.Current.CancellationToken);

        result.Errors.Single().Code.ShouldBe("auth.forbidden");
    }

    [Theory]
    [InlineData(new[] { 10, 15, 29, 32, 60 }, 0.5, 29)]
    [InlineData(new[] { 10, 15, 29, 32, 60 }, 0.9, 60)]
    [InlineData(new[] { 1, 2, 3, 4 }, 0.5, 2)]
    [InlineData(new[] { 7 }, 0.9, 7)]
    public void PercentilesAreNearestRankOnTheHistogram(int[] values, double p, int expected)
    {
        var histogram = values.GroupBy(v => v).Select(g => (g.Key, g.Count()));

        SlaFigures.Percentile(histogram, p).ShouldBe(expected);
    }
}

/// <summary>Each dashboard figure's drill-down into the queue finds exactly the cases the figure counts.</summary>
public sealed class DashboardDrillDownTests(DashboardDatabase database) : IClassFixture<DashboardDatabase>
{
    private readonly DashboardSeed _seed = database.Seed;

    private async Task<IReadOnlyList<string>> QueueAsync(ClaimsPrincipal caller, QueueQuery query)
    {
        var queue = ActivatorUtilities.CreateInstance<RequestQueue>(database.Factory.Services);
        var page = await queue.PageAsync(caller, query, Xunit.TestContext.Current.CancellationToken);
        page.IsSuccess.ShouldBeTrue(string.Join(", ", page.Errors));
        page.Value.TotalCount.ShouldBe(page.Value.Rows.Count);
        return [.. page.Value.Rows.Select(r => r.Reference)];
    }

    [Theory]
    [InlineData(AgeBucket.Days0To7, "O1")]
    [InlineData(AgeBucket.Days8To14, "O4")]
    [InlineData(AgeBucket.Days15To21, "O5")]
    [InlineData(AgeBucket.Days22To28, "O2")]
    [InlineData(AgeBucket.Days29Plus, "O3")]
    [InlineData(AgeBucket.Extended, "O6")]
    public async Task AnAgeingBarOpensTheQueueOnItsCases(AgeBucket bucket, string expected) =>
        (await QueueAsync(_seed.Lead, new QueueQuery(Age: bucket))).ShouldBe([_seed[expected]]);

    [Fact]
    public async Task TypeHandlerAndStatusNarrowTheQueue()
    {
        (await QueueAsync(_seed.Lead, new QueueQuery(Type: RequestType.Access))).ShouldBe([_seed["O4"], _seed["O1"], _seed["O6"]], ignoreOrder: true);
        (await QueueAsync(_seed.Lead, new QueueQuery(HandlerId: _seed.Officer2.ToActor().Id)))
            .ShouldBe([_seed["O3"], _seed["O5"], _seed["O6"]], ignoreOrder: true);
        (await QueueAsync(_seed.Lead, new QueueQuery(QueueFilter.Overdue, HandlerId: _seed.Officer2.ToActor().Id))).ShouldBe([_seed["O3"]]);
        (await QueueAsync(_seed.Lead, new QueueQuery(Status: RequestStatus.AwaitingApproval))).ShouldBe([_seed["O5"]]);
        (await QueueAsync(_seed.Lead, new QueueQuery(QueueFilter.Closed, Type: RequestType.Erasure))).ShouldBeEmpty();
    }

    [Fact]
    public async Task EveryOpenFigureMatchesItsDrillDown()
    {
        var figures = (await database.Figures.ReadAsync(_seed.Lead, new DashboardQuery(), Xunit.TestContext.Current.CancellationToken)).Value;

        foreach (var age in figures.Ageing)
        {
            (await QueueAsync(_seed.Lead, new QueueQuery(Age: age.Bucket))).Count.ShouldBe(age.Open, age.Bucket.ToString());
        }
        foreach (var type in figures.OpenByType)
        {
            (await QueueAsync(_seed.Lead, new QueueQuery(Type: type.Type))).Count.ShouldBe(type.Open, type.Type.ToString());
        }
        foreach (var officer in figures.Workload.Where(w => w.HandlerId is not null))
        {
            (await QueueAsync(_seed.Lead, new QueueQuery(QueueFilter.Overdue, HandlerId: officer.HandlerId))).Count.ShouldBe(officer.Overdue);
            (await QueueAsync(_seed.Lead, new QueueQuery(QueueFilter.DueWithinWeek, HandlerId: officer.HandlerId))).Count.ShouldBe(officer.DueSoon);
        }
        (await QueueAsync(_seed.Lead, new QueueQuery(QueueFilter.Overdue))).Count.ShouldBe(figures.Headline.Overdue);
        (await QueueAsync(_seed.Lead, new QueueQuery(QueueFilter.DueWithinWeek))).Count.ShouldBe(figures.Headline.DueWithinWeek);
    }

    [Fact]
    public async Task EveryWeekAndMonthBarMatchesItsDrillDownClosedCasesIncluded()
    {
        var figures = (await database.Figures.ReadAsync(_seed.Lead, new DashboardQuery(), Xunit.TestContext.Current.CancellationToken)).Value;
        figures.Weeks.Sum(w => w.Answered).ShouldBeGreaterThan(0, "the seed answers some cases, so the closed side is exercised");

        foreach (var week in figures.Weeks)
        {
            var span = new DaySpan(week.WeekStart, week.WeekStart.AddDays(6));
            (await QueueAsync(_seed.Lead, new QueueQuery(Received: span))).Count.ShouldBe(week.Received, $"received in the week of {week.WeekStart}");
            (await QueueAsync(_seed.Lead, new QueueQuery(Answered: span))).Count.ShouldBe(week.Answered, $"answered in the week of {week.WeekStart}");
        }
        foreach (var month in figures.OnTimeByMonth)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            (await QueueAsync(_seed.Lead, new QueueQuery(Answered: new DaySpan(first, first.AddMonths(1).AddDays(-1))))).Count
                .ShouldBe(month.Answered, $"answered in {first:yyyy-MM}");
        }
    }

    [Theory]
    [InlineData("2026-11-02..2026-11-08", true)]
    [InlineData("2026-11-08..2026-11-02", false)]
    [InlineData("2025-01-01..2026-11-08", false)]
    [InlineData("2026-11-02", false)]
    [InlineData("<script>..2026-11-08", false)]
    public void ADateSpanInTheAddressIsReadOnlyWhenWellFormed(string slug, bool valid)
    {
        var span = QueueLinks.ParseRange(slug);
        (span is not null).ShouldBe(valid);
        if (span is not null)
        {
            QueueLinks.RangeSlug(span).ShouldBe(slug);
        }
    }
}
