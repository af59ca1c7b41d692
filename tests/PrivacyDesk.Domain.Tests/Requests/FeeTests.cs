using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class FeeTests
{
    private const string Demonstration = "Veertig identieke verzoeken in twee weken, zonder nieuwe aanleiding.";

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1)]
    public void RefusesAFeeForTheFirstCopy(int? copyNumber)
    {
        InStatus(RequestStatus.InProgress).NotifyFee(Officer, At(5), FeeReason.AdditionalCopy, 500, copyNumber)
            .ShouldFailWith(RequestErrors.FeeFirstCopyFree);
    }

    [Fact]
    public void NotifiesAFeeForAnAdditionalCopyOfPersonalData()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.NotifyFee(Officer, At(5), FeeReason.AdditionalCopy, 500, copyNumber: 2).ShouldSucceed();

        request.Fee!.AmountInCents.ShouldBe(500);
        request.Fee.CopyNumber.ShouldBe(2);
        request.Fee.NotifiedAt.ShouldBe(At(5));
        request.Fee.Status.ShouldBe(FeeStatus.Notified);
    }

    [Fact]
    public void RefusesAnAdditionalCopyFeeOutsideAnAccessRequest()
    {
        InStatus(RequestStatus.InProgress, RequestType.Erasure).NotifyFee(Officer, At(5), FeeReason.AdditionalCopy, 500, copyNumber: 2)
            .ShouldFailWith(RequestErrors.FeeAdditionalCopyOnlyForAccess);
    }

    [Theory]
    [InlineData(FeeReason.ManifestlyUnfounded)]
    [InlineData(FeeReason.Excessive)]
    public void RefusesAFeeForAnUnfoundedOrExcessiveRequestWithoutADemonstration(FeeReason reason)
    {
        InStatus(RequestStatus.InProgress, RequestType.Erasure).NotifyFee(Officer, At(5), reason, 2_500)
            .ShouldFailWith(RequestErrors.FeeDemonstrationRequired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void RefusesAnAmountThatIsNotPositive(long cents)
    {
        InStatus(RequestStatus.InProgress).NotifyFee(Officer, At(5), FeeReason.Excessive, cents, demonstration: Demonstration)
            .ShouldFailWith(RequestErrors.FeeAmountInvalid);
    }

    [Fact]
    public void RefusesToChargeWithoutAPriorNotice()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.RecordFeePaid(Officer, At(5)).ShouldFailWith(RequestErrors.FeeNotNotified);
        request.WaiveFee(Officer, At(5), "Coulance").ShouldFailWith(RequestErrors.FeeNotNotified);
    }

    [Fact]
    public void RefusesASecondNotice()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.Excessive, 2_500, demonstration: Demonstration).ShouldSucceed();

        request.NotifyFee(Officer, At(6), FeeReason.Excessive, 3_000, demonstration: Demonstration).ShouldFailWith(RequestErrors.FeeAlreadyNotified);
    }

    [Fact]
    public void RecordsPaymentAfterTheNotice()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.Excessive, 2_500, demonstration: Demonstration).ShouldSucceed();

        request.RecordFeePaid(Officer, At(30)).ShouldSucceed();

        request.Fee!.Status.ShouldBe(FeeStatus.Paid);
        request.Fee.SettledAt.ShouldBe(At(30));
        request.RecordFeePaid(Officer, At(31)).ShouldFailWith(RequestErrors.FeeNotOutstanding);
    }

    [Fact]
    public void WaivesAFeeOnlyWithAReason()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.ManifestlyUnfounded, 2_500, demonstration: Demonstration).ShouldSucceed();

        request.WaiveFee(Officer, At(6), "").ShouldFailWith(RequestErrors.FeeWaiverReasonRequired);
        request.WaiveFee(Officer, At(6), "Betrokkene is in de schuldhulpverlening.").ShouldSucceed();

        request.Fee!.Status.ShouldBe(FeeStatus.Waived);
        request.Fee.WaiverReason.ShouldBe("Betrokkene is in de schuldhulpverlening.");
    }

    [Fact]
    public void RefusesToRespondWhileAFeeIsOutstanding()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.AdditionalCopy, 500, copyNumber: 2).ShouldSucceed();
        request.SubmitForApproval(Officer, At(6), []).ShouldSucceed();
        request.Approve(TeamLead, At(7)).ShouldSucceed();

        request.MarkResponded(Officer, At(8)).ShouldFailWith(RequestErrors.FeeOutstanding);
        request.RecordFeePaid(Officer, At(9)).ShouldSucceed();
        request.MarkResponded(Officer, At(10)).ShouldSucceed();
    }

    [Fact]
    public void CancelsTheFeeWhenTheSubjectWithdrawsAfterTheNotice()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.NotifyFee(Officer, At(5), FeeReason.Excessive, 2_500, demonstration: Demonstration).ShouldSucceed();

        request.Withdraw(Officer, At(30), "Wil niet betalen.").ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.Withdrawn);
        request.Fee!.Status.ShouldBe(FeeStatus.Cancelled);
        request.WithdrawalReason.ShouldBe("Wil niet betalen.");
        request.PendingChanges[^1].After!["fee"].ShouldBe("Cancelled");
    }
}
