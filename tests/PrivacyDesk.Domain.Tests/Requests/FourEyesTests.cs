using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class FourEyesTests
{
    [Fact]
    public void ApprovesByATeamLeadWhoIsNotTheHandler()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);

        request.Approve(TeamLead, At(10), "Helder").ShouldSucceed();

        request.IsApproved.ShouldBeTrue();
        request.ApprovedById.ShouldBe(TeamLead.Id);
        request.ApprovedAt.ShouldBe(At(10));
        request.Reviews.Single().Outcome.ShouldBe(ReviewOutcome.Approved);
        request.Reviews.Single().Comment.ShouldBe("Helder");
    }

    [Fact]
    public void RefusesApprovalOfTheTeamLeadsOwnCase()
    {
        var request = Received();
        request.Assign(TeamLead, TeamLead, At(1)).ShouldSucceed();
        request.StartProcessing(TeamLead, At(2)).ShouldSucceed();
        request.SubmitForApproval(TeamLead, At(3), []).ShouldSucceed();

        request.Approve(TeamLead, At(4)).ShouldFailWith(RequestErrors.ApprovalOwnCase);
        request.Approve(OtherTeamLead, At(4)).ShouldSucceed();
    }

    [Fact]
    public void RefusesApprovalByTheTeamLeadWhoSubmittedTheResponse()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.SubmitForApproval(TeamLead, At(3), []).ShouldSucceed();

        request.Approve(TeamLead, At(4)).ShouldFailWith(RequestErrors.ApprovalOwnCase);
    }

    [Fact]
    public void RefusesApprovalByAnOfficerWhoIsNotATeamLead()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);

        request.Approve(OtherOfficer, At(4)).ShouldFailWith(RequestErrors.ApprovalNotPermitted);
        request.SendBack(OtherOfficer, At(4), "Niet goed").ShouldFailWith(RequestErrors.ApprovalNotPermitted);
        request.IsApproved.ShouldBeFalse();
    }

    [Fact]
    public void RefusesApprovingTwice()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);
        request.Approve(TeamLead, At(4)).ShouldSucceed();

        request.Approve(OtherTeamLead, At(5)).ShouldFailWith(RequestErrors.AlreadyApproved);
    }

    [Fact]
    public void SendsBackToTheHandlerWithAComment()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);

        request.SendBack(TeamLead, At(4), "Noem de bewaartermijn van het KYC-dossier.").ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.InProgress);
        var review = request.Reviews.Single();
        review.Outcome.ShouldBe(ReviewOutcome.SentBack);
        review.Comment.ShouldBe("Noem de bewaartermijn van het KYC-dossier.");
        review.ReviewerId.ShouldBe(TeamLead.Id);
        request.PendingChanges[^1].Reason.ShouldBe("Noem de bewaartermijn van het KYC-dossier.");
    }

    [Fact]
    public void RefusesToSendBackWithoutAComment()
    {
        InStatus(RequestStatus.AwaitingApproval).SendBack(TeamLead, At(4), "  ").ShouldFailWith(RequestErrors.SendBackCommentRequired);
    }

    [Fact]
    public void LetsAnApprovalLapseWhenTheResponseIsSentBack()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);
        request.Approve(TeamLead, At(4)).ShouldSucceed();

        request.SendBack(OtherTeamLead, At(5), "Toch nog de ontvangers noemen.").ShouldSucceed();
        request.SubmitForApproval(Officer, At(6), [PurposeA]).ShouldSucceed();

        request.IsApproved.ShouldBeFalse();
        request.MarkResponded(Officer, At(7)).ShouldFailWith(RequestErrors.ApprovalRequired);
    }

    [Fact]
    public void RefusesToMarkAResponseSentBeforeApproval()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);

        request.MarkResponded(Officer, At(5)).ShouldFailWith(RequestErrors.ApprovalRequired);
        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
    }

    [Fact]
    public void MarksAnApprovedResponseAsSent()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);
        request.Approve(TeamLead, At(5)).ShouldSucceed();

        request.MarkResponded(Officer, At(6)).ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.Responded);
        request.ClosedAt.ShouldBe(At(6));
    }

    [Fact]
    public void RefusesAnAuditorAsApprover()
    {
        var lookingLikeALead = new Actor("auditor-2", "Ada", [StaffRole.Auditor]);

        InStatus(RequestStatus.AwaitingApproval).Approve(lookingLikeALead, At(5)).ShouldFailWith(RequestErrors.Forbidden);
    }
}
