using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Tests.Requests;

public sealed class QueueStateTests
{
    private static QueueState Officer() => new(canHandle: true, canAssign: false, canApprove: false);

    private static QueueState Lead() => new(canHandle: true, canAssign: true, canApprove: true);

    private static QueueState Auditor() => new(canHandle: false, canAssign: false, canApprove: false);

    private static QueueRow Row(string reference, RequestStatus status = RequestStatus.Received, string? handler = null) =>
        new(Guid.NewGuid(), reference, RequestType.Access, "Subject", RequestChannel.Email, DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 2),
            new DateOnly(2026, 12, 2), false, null, status, handler is null ? null : "id-" + handler, handler);

    private static Result<QueuePage> Page(int total, params QueueRow[] rows) => Result.Success(new QueuePage(rows, total, false));

    [Fact]
    public void EachRoleSeesTheQuickFiltersItMayUse()
    {
        Officer().VisibleFilters.ShouldContain(QueueFilter.Mine);
        Officer().VisibleFilters.ShouldNotContain(QueueFilter.AwaitingMyApproval);
        Lead().VisibleFilters.ShouldBe(Enum.GetValues<QueueFilter>());
        Auditor().VisibleFilters.ShouldNotContain(QueueFilter.Mine);
        Auditor().VisibleFilters.ShouldContain(QueueFilter.Closed);
    }

    [Fact]
    public void TheRowsAreReadAgainOnlyWhenTheAddressSaysSomethingNew()
    {
        var state = Officer();

        state.Navigated(QueueUrlTests.QueryOf("/requests?filter=overdue&page=2")).ShouldBeTrue();
        state.Navigated(QueueUrlTests.QueryOf("/requests?page=2&filter=overdue")).ShouldBeFalse("the same address in another order");
        state.Navigated(QueueUrlTests.QueryOf("/requests?filter=overdue&page=3")).ShouldBeTrue();
        state.Url.ShouldBe(new QueueUrl(QueueFilter.Overdue, Page: 2));
    }

    [Fact]
    public void AnOfficerAskingForTheApprovalsFilterGetsAllOpenRequests()
    {
        var state = Officer();

        state.Navigated(QueueUrlTests.QueryOf("/requests?filter=awaiting-approval"));

        state.Url.Filter.ShouldBe(QueueFilter.Open);
    }

    [Fact]
    public void TheServiceIsAskedForTheAddressPlusTheSearchText()
    {
        var state = Lead();
        state.Navigated(QueueUrlTests.QueryOf("/requests?filter=closed&page=2&type=erasure&handler=h1"));
        state.Search = "Visser";

        state.Query.ShouldBe(new QueueQuery(QueueFilter.Closed, QueueSort.Received, true, 1, PrivacyDesk.Web.Features.Requests.RequestQueue.DefaultPageSize, "Visser",
            RequestType.Erasure, HandlerId: "h1"));
    }

    [Fact]
    public void ANewSearchGoesBackToTheFirstPageWithoutPuttingTheTextInTheAddress()
    {
        var state = Lead();
        state.Navigated(QueueUrlTests.QueryOf("/requests?filter=overdue&page=3"));
        state.Search = "jan@example.nl";

        var firstPage = state.SearchChanged();

        firstPage.ShouldNotBeNull().ToString().ShouldBe("/requests?filter=overdue");
        state.Navigated(QueueUrlTests.QueryOf(firstPage.ToString()));
        state.SearchChanged().ShouldBeNull("on the first page the rows are simply read again");
    }

    [Fact]
    public void OnlyATeamLeadSelectsAndTheSelectionNeverOutlivesTheRows()
    {
        var lead = Lead();
        var row = Row("R1");
        lead.Select([row]);
        lead.ShowsBulkBar.ShouldBeTrue();

        lead.Received(Page(1, row)).ShouldBe([row]);

        lead.Selected.ShouldBeEmpty("rows read again are new rows");
        lead.ShowsBulkBar.ShouldBeFalse();
        var officer = Officer();
        officer.Select([row]);
        officer.Selected.ShouldBeEmpty();
        officer.ShowsBulkBar.ShouldBeFalse();
    }

    [Fact]
    public void ClearingTheSelectionEmptiesIt()
    {
        var lead = Lead();
        lead.Select([Row("R1"), Row("R2")]);

        lead.ClearSelection();

        lead.Selected.ShouldBeEmpty();
    }

    [Fact]
    public void AnOfficerTakesOnlyUnassignedOpenCases()
    {
        var officer = Officer();

        officer.MayTake(Row("R1")).ShouldBeTrue();
        officer.MayTake(Row("R2", handler: "Bram")).ShouldBeFalse();
        officer.MayTake(Row("R3", RequestStatus.Responded)).ShouldBeFalse();
        Lead().MayTake(Row("R1")).ShouldBeFalse("a team lead assigns instead");
        Auditor().MayTake(Row("R1")).ShouldBeFalse();
    }

    [Fact]
    public void TheCountAndPagesComeFromTheLastRead()
    {
        var state = Lead();
        state.HasLoaded.ShouldBeFalse();

        state.Received(Page(26, Row("R1")));

        state.HasLoaded.ShouldBeTrue();
        state.Total.ShouldBe(26);
        state.PageCount.ShouldBe(2);
        state.LoadFailed.ShouldBeFalse();
    }

    [Fact]
    public void ARefusedOrFailedReadShowsNoRowsNoSelectionAndTheFailure()
    {
        var state = Lead();
        state.Received(Page(26, Row("R1")));
        state.Select([Row("R1")]);

        state.Received(Result<QueuePage>.Failure(new Error("queue.forbidden"))).ShouldBeEmpty();
        state.LoadFailed.ShouldBeTrue();
        state.Total.ShouldBe(0);
        state.PageCount.ShouldBe(0);

        state.Select([Row("R2")]);
        state.Failed(new PageLoadFailure("ABC123"));
        state.LoadFailure.ShouldBe(new PageLoadFailure("ABC123"));
        state.Selected.ShouldBeEmpty();

        state.Received(Page(3, Row("R1")));
        state.LoadFailed.ShouldBeFalse();
        state.LoadFailure.ShouldBeNull("a successful read clears the reference of the last failure");
    }
}
