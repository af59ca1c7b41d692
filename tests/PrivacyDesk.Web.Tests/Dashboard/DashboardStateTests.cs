using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Dashboard;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Dashboard;

public sealed class DashboardStateTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    private static SlaDashboardFigures Figures(int open = 0, int answeredInPeriod = 0, int weekReceived = 0) => new(
        Today, new DashboardQuery(), false,
        new SlaHeadline(open, 0, 0, 0, 0, null, 0, null, answeredInPeriod, null, null, null, null),
        [new WeekFigures(Today.AddDays(-7), weekReceived, 0)], [], [], [], [new MonthFigures(2026, 11, 0, 0)], [], 0);

    [Fact]
    public void TheFirstAddressIsAlwaysReadAndAfterwardsOnlyAChangedOne()
    {
        var state = new DashboardState(null);

        state.Navigated(QueueUrlTests.QueryOf("/dashboard")).ShouldBeTrue("nothing is shown yet");
        state.Navigated(QueueUrlTests.QueryOf("/dashboard?period=90")).ShouldBeFalse("the default spelled out is the same view");
        state.Navigated(QueueUrlTests.QueryOf("/dashboard?period=30")).ShouldBeTrue();
        state.Url.Period.ShouldBe(30);
    }

    [Fact]
    public void ATeamLeadsLinksOpenEveryonesCasesWithTheDashboardsType()
    {
        var state = new DashboardState(null);
        state.Navigated(QueueUrlTests.QueryOf("/dashboard?type=erasure"));

        state.OwnOnly.ShouldBeFalse();
        state.Link(QueueFilter.Overdue).ShouldBe("/requests?filter=overdue&type=erasure");
        state.Link(age: AgeBucket.Extended).ShouldBe("/requests?type=erasure&age=extended");
        state.Link(type: RequestType.Access).ShouldBe("/requests?type=access", "a bar's own type wins");
        state.RangeLink(answered: new DaySpan(Today, Today)).ShouldBe("/requests?type=erasure&answered=2026-11-10..2026-11-10");
        state.WorkloadLink("h1", QueueFilter.Overdue).ShouldBe("/requests?filter=overdue&type=erasure&handler=h1");
        state.WorkloadLink(null, QueueFilter.Overdue).ShouldBe("/requests?filter=unassigned&type=erasure");
    }

    [Fact]
    public void AnOfficersLinksStayOnTheirOwnCases()
    {
        var state = new DashboardState("officer-1");
        state.Navigated(QueueUrlTests.QueryOf("/dashboard"));

        state.OwnOnly.ShouldBeTrue();
        state.Link().ShouldBe("/requests?handler=officer-1");
        state.RangeLink(received: new DaySpan(Today, Today)).ShouldBe("/requests?handler=officer-1&received=2026-11-10..2026-11-10");
    }

    [Fact]
    public void LoadingFailingAndShowingFiguresAreDistinctStates()
    {
        var state = new DashboardState(null);

        state.Fail(new PageLoadFailure("REF1"));
        state.Failed.ShouldBeTrue();
        state.LoadFailure.ShouldBe(new PageLoadFailure("REF1"));

        state.Loading();
        state.Failed.ShouldBeFalse();
        state.LoadFailure.ShouldBeNull();
        state.Figures.ShouldBeNull();

        state.Received(Figures(open: 2));
        state.Figures.ShouldNotBeNull();
        state.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void NothingOpenAndNothingAnsweredIsTheEmptyState()
    {
        var state = new DashboardState(null);
        state.IsEmpty.ShouldBeFalse("no figures yet is loading, not empty");

        state.Received(Figures());
        state.IsEmpty.ShouldBeTrue();

        state.Received(Figures(weekReceived: 1));
        state.IsEmpty.ShouldBeFalse("a request received last week is something to show");
    }

    [Fact]
    public void DaysUntilADueDateCountFromTheFiguresToday()
    {
        var state = new DashboardState(null);
        state.Received(Figures(open: 1));

        state.DaysUntil(Today).ShouldBe(0);
        state.DaysUntil(Today.AddDays(3)).ShouldBe(3);
    }
}
