using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RejectionTests
{
    [Fact]
    public void KeepsTheGroundExplanationAndReferenceOfARefusal()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.Reject(Officer, At(5), RequestRefusalGround.NationalRestriction, " Lopend fraudeonderzoek. ", "UAVG art. 41").ShouldSucceed();

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
        InStatus(RequestStatus.InProgress).Reject(Officer, At(5), RequestRefusalGround.Excessive, "")
            .ShouldFailWith(RequestErrors.RejectionExplanationRequired);
    }

    [Fact]
    public void RefusesANationalRestrictionWithoutItsLegalReference()
    {
        InStatus(RequestStatus.InProgress).Reject(Officer, At(5), RequestRefusalGround.NationalRestriction, "Lopend onderzoek.")
            .ShouldFailWith(RequestErrors.RejectionReferenceRequired);
    }

    [Fact]
    public void CancelsAnOutstandingFeeWhenTheRequestIsRefusedInstead()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.Excessive, 2_500, demonstration: "Vijftig verzoeken.").ShouldSucceed();

        request.Reject(Officer, At(6), RequestRefusalGround.Excessive, "Vijftig verzoeken, vergoeding niet betaald.").ShouldSucceed();

        request.Fee!.Status.ShouldBe(FeeStatus.Cancelled);
    }
}
