using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RejectionTests
{
    [Fact]
    public void KeepsTheGroundExplanationAndReferenceOfARefusal()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.RefuseWithApproval(RequestRefusalGround.NationalRestriction, " Lopend fraudeonderzoek. ", "UAVG art. 41").ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.Rejected);
        request.Refusal.ShouldBe(new Refusal(RequestRefusalGround.NationalRestriction, "Lopend fraudeonderzoek.", "UAVG art. 41", Officer.Id, Officer.Name, At(5)));
        var change = request.PendingChanges[^1];
        change.Action.ShouldBe("request.rejected");
        change.After!["ground"].ShouldBe("NationalRestriction");
        change.After!["legalReference"].ShouldBe("UAVG art. 41");
        change.Reason.ShouldBe("Lopend fraudeonderzoek.");
    }

    [Fact]
    public void RefusesARefusalWithoutAnExplanation()
    {
        InStatus(RequestStatus.InProgress).RefuseWithApproval(RequestRefusalGround.NationalRestriction, "", "UAVG art. 41")
            .ShouldFailWith(RequestErrors.RejectionExplanationRequired);
    }

    [Fact]
    public void RefusesANationalRestrictionWithoutItsLegalReference()
    {
        InStatus(RequestStatus.InProgress).RefuseWithApproval(RequestRefusalGround.NationalRestriction, "Lopend onderzoek.")
            .ShouldFailWith(RequestErrors.RejectionReferenceRequired);
    }

    [Fact]
    public void CancelsAnOutstandingFeeWhenTheRequestIsRefusedInstead()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.Excessive, 2_500, demonstration: "Vijftig verzoeken.").ShouldSucceed();

        request.RefuseWithApproval(RequestRefusalGround.Excessive, "Vijftig verzoeken, vergoeding niet betaald.", demonstration: "Vijftig verzoeken in een maand.").ShouldSucceed();

        request.Fee!.Status.ShouldBe(FeeStatus.Cancelled);
    }

    [Fact]
    public void ARefusalIsOnlySentAfterATeamLeadApprovedIt()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.ProposeRejection(Officer, At(5), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken in een maand.", Demonstration: "Vijftig verzoeken."), []).ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
        request.Reject(Officer, At(6)).ShouldFailWith(RequestErrors.ApprovalRequired);
        request.Refusal.ShouldBeNull();
    }

    [Fact]
    public void TheOfficerWhoProposedARefusalCannotApproveIt()
    {
        var lead = InStatus(RequestStatus.InProgress);
        lead.ProposeRejection(TeamLead, At(5), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken in een maand.", Demonstration: "Vijftig verzoeken."), []).ShouldSucceed();

        lead.Approve(TeamLead, At(6)).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public void NoOrdinaryResponseIsSentWhileARefusalIsProposed()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.ProposeRejection(Officer, At(5), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken in een maand.", Demonstration: "Vijftig verzoeken."), []).ShouldSucceed();
        request.Approve(TeamLead, At(6)).ShouldSucceed();

        request.MarkResponded(Officer, At(7)).ShouldFailWith(RequestErrors.RejectionPending);
    }

    [Fact]
    public void SendingBackDropsTheProposedRefusal()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.ProposeRejection(Officer, At(5), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken in een maand.", Demonstration: "Vijftig verzoeken."), []).ShouldSucceed();

        request.SendBack(TeamLead, At(6), "Geen grond: het zijn verschillende verzoeken.").ShouldSucceed();

        request.ProposedRefusal.ShouldBeNull();
        request.Status.ShouldBe(RequestStatus.InProgress);
    }
}
