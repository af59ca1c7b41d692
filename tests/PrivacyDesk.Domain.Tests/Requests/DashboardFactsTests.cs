using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>The stored facts the SLA dashboard counts on: the controller's answer date and the last activity.</summary>
public sealed class DashboardFactsTests
{
    [Fact]
    public void AnAnswerKeepsTheControllersDateItWasGivenNotTheUtcDate()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);
        request.Approve(TeamLead, At(5)).ShouldSucceed();
        // 23:30 UTC on 9 March is already 10 March in Amsterdam.
        var lateEvening = new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero);

        request.MarkResponded(Officer, lateEvening, new DateOnly(2026, 3, 10)).ShouldSucceed();

        request.ClosedOn.ShouldBe(new DateOnly(2026, 3, 10));
        request.ClosedAt.ShouldBe(lateEvening);
    }

    [Fact]
    public void WithoutADateTheAnswerDateIsTheMomentsOwnDate()
    {
        var request = InStatus(RequestStatus.Withdrawn);

        request.ClosedOn.ShouldBe(DateOnly.FromDateTime(At(2).DateTime));
    }

    [Fact]
    public void OpenCasesHaveNoAnswerDate() => InStatus(RequestStatus.InProgress).ClosedOn.ShouldBeNull();

    [Fact]
    public void EveryRecordedChangeMovesTheLastActivity()
    {
        var request = Received();
        request.LastActivityAt.ShouldBe(At(1), "received at 0, assigned at 1");

        request.StartProcessing(Officer, At(30)).ShouldSucceed();
        request.LastActivityAt.ShouldBe(At(30));

        request.AddNote(Officer, At(50), "Gebeld met de klant.").ShouldSucceed();
        request.LastActivityAt.ShouldBe(At(50));
    }

    [Fact]
    public void ARefusedChangeIsNoActivity()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.MarkResponded(Officer, At(40)).IsFailure.ShouldBeTrue();

        request.LastActivityAt.ShouldBe(At(2));
    }
}
