using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class IdentityVerificationTests
{
    private static readonly IdCopyMasking Masked = new(BsnMasked: true, PhotoMasked: true);

    private static DataSubjectRequest AwaitingProof()
    {
        var request = Received();
        request.RequestIdentityVerification(Officer, At(2), "Kopie paspoort met BSN en foto afgeschermd").ShouldSucceed();
        return request;
    }

    private static IdentityVerification VerifiedWithCopy(DataSubjectRequest request, IdentityVerificationOutcome outcome = IdentityVerificationOutcome.Verified) =>
        request.RecordIdentityVerification(Officer, At(30), IdentityVerificationMethod.IdDocumentCopy, outcome, "Paspoort", Masked).ShouldSucceed();

    [Theory]
    [InlineData(false, true, "request.identity.copy_bsn_not_masked")]
    [InlineData(true, false, "request.identity.copy_photo_not_masked")]
    public void RefusesAnIdCopyThatIsNotMasked(bool bsnMasked, bool photoMasked, string code)
    {
        var request = AwaitingProof();

        var result = request.RecordIdentityVerification(
            Officer, At(30), IdentityVerificationMethod.IdDocumentCopy, IdentityVerificationOutcome.Verified, idCopyMasking: new(bsnMasked, photoMasked));

        result.Errors.Select(error => error.Code).ShouldBe([code]);
        request.IdentityVerifications.ShouldBeEmpty();
    }

    [Fact]
    public void RefusesACopyWithBothBsnAndPhotoVisibleNamingBoth()
    {
        AwaitingProof().RecordIdentityVerification(
                Officer, At(30), IdentityVerificationMethod.IdDocumentCopy, IdentityVerificationOutcome.Verified, idCopyMasking: new(false, false))
            .ShouldFailWith(RequestErrors.IdCopyBsnNotMasked, RequestErrors.IdCopyPhotoNotMasked);
    }

    [Fact]
    public void RefusesAnIdCopyWithoutTheMaskingConfirmations()
    {
        AwaitingProof().RecordIdentityVerification(Officer, At(30), IdentityVerificationMethod.IdDocumentCopy, IdentityVerificationOutcome.Verified)
            .ShouldFailWith(RequestErrors.IdCopyMaskingRequired);
    }

    [Fact]
    public void RefusesMaskingConfirmationsForAMethodWithoutACopy()
    {
        AwaitingProof().RecordIdentityVerification(Officer, At(30), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified, idCopyMasking: Masked)
            .ShouldFailWith(RequestErrors.IdCopyNotExpected);
    }

    [Fact]
    public void RecordsBothMaskingConfirmationsAndADeletionDueAtVerification()
    {
        var request = AwaitingProof();

        var verification = VerifiedWithCopy(request);

        verification.VerifiedById.ShouldBe(Officer.Id);
        verification.VerifiedAt.ShouldBe(At(30));
        verification.Notes.ShouldBe("Paspoort");
        verification.IdCopy!.BsnMaskConfirmed.ShouldBeTrue();
        verification.IdCopy.PhotoMaskConfirmed.ShouldBeTrue();
        verification.IdCopy.DeletionDueAt.ShouldBe(At(30));
        request.IdCopiesAwaitingDeletion.ShouldBe([verification]);
    }

    [Fact]
    public void RefusesToRespondWhileAnIdCopyIsKept()
    {
        var request = AwaitingProof();
        VerifiedWithCopy(request);
        request.StartProcessing(Officer, At(31)).ShouldSucceed();
        request.RecordDecision(Officer, At(32), Decision(PurposeA)).ShouldSucceed();
        request.SubmitForApproval(Officer, At(33), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(34)).ShouldSucceed();

        request.MarkResponded(Officer, At(35)).ShouldFailWith(RequestErrors.IdCopyNotDeleted);
    }

    [Fact]
    public void RespondsOnceTheIdCopyDeletionIsConfirmed()
    {
        var request = AwaitingProof();
        var verification = VerifiedWithCopy(request);
        request.StartProcessing(Officer, At(31)).ShouldSucceed();
        request.SubmitForApproval(Officer, At(33), []).ShouldSucceed();
        request.Approve(TeamLead, At(34)).ShouldSucceed();

        request.ConfirmIdCopyDeleted(Officer, verification.Id, At(35)).ShouldSucceed();

        verification.IdCopy!.DeletedAt.ShouldBe(At(35));
        verification.IdCopy.DeletionConfirmedById.ShouldBe(Officer.Id);
        request.IdCopiesAwaitingDeletion.ShouldBeEmpty();
        request.MarkResponded(Officer, At(36)).ShouldSucceed();
    }

    [Fact]
    public void RefusesToConfirmADeletionTwiceOrForACheckWithoutACopy()
    {
        var request = AwaitingProof();
        var withCopy = VerifiedWithCopy(request, IdentityVerificationOutcome.NotVerified);
        var withoutCopy = request.RecordIdentityVerification(
            Officer, At(40), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified).ShouldSucceed();
        request.ConfirmIdCopyDeleted(Officer, withCopy.Id, At(41)).ShouldSucceed();

        request.ConfirmIdCopyDeleted(Officer, withCopy.Id, At(42)).ShouldFailWith(RequestErrors.IdCopyAlreadyDeleted);
        request.ConfirmIdCopyDeleted(Officer, withoutCopy.Id, At(42)).ShouldFailWith(RequestErrors.IdCopyUnknown);
        request.ConfirmIdCopyDeleted(Officer, Guid.NewGuid(), At(42)).ShouldFailWith(RequestErrors.IdCopyUnknown);
    }

    [Fact]
    public void LetsTheSubjectWithdrawWhileAnIdCopyIsKeptAndTheDeletionStillBeConfirmed()
    {
        var request = AwaitingProof();
        var verification = VerifiedWithCopy(request);

        request.Withdraw(Officer, At(40), "Niet meer nodig").ShouldSucceed();

        request.IdCopiesAwaitingDeletion.ShouldHaveSingleItem();
        request.ConfirmIdCopyDeleted(Officer, verification.Id, At(41)).ShouldSucceed();
    }

    [Fact]
    public void LeadsAnUnidentifiableSubjectOnlyToARefusalOnThatGround()
    {
        var request = AwaitingProof();
        request.RecordIdentityVerification(
            Officer, At(30), IdentityVerificationMethod.SecurityQuestions, IdentityVerificationOutcome.CannotIdentify, "Geen enkele vraag goed").ShouldSucceed();

        request.StartProcessing(Officer, At(31)).ShouldFailWith(RequestErrors.IdentityNotVerified);
        request.RefuseWithApproval(RequestRefusalGround.SubjectNotIdentified, "Wij kunnen u niet identificeren.").ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.Rejected);
        request.Refusal!.Ground.ShouldBe(RequestRefusalGround.SubjectNotIdentified);
    }

    [Fact]
    public void RefusesToRejectForWantOfIdentificationWithoutHavingTriedToIdentify()
    {
        AwaitingProof().RefuseWithApproval(RequestRefusalGround.SubjectNotIdentified, "Onbekend.")
            .ShouldFailWith(RequestErrors.RejectionIdentityNotAssessed);
    }

    [Fact]
    public void RefusesToRejectAnUnidentifiableSubjectWhileTheIdCopyIsKept()
    {
        var request = AwaitingProof();
        VerifiedWithCopy(request, IdentityVerificationOutcome.CannotIdentify);

        request.RefuseWithApproval(RequestRefusalGround.SubjectNotIdentified, "Kopie past niet bij klantgegevens.")
            .ShouldFailWith(RequestErrors.IdCopyNotDeleted);
    }

    [Fact]
    public void CountsTheLatestCheckSoNewProofCanFollowAFailedOne()
    {
        var request = AwaitingProof();
        request.RecordIdentityVerification(Officer, At(20), IdentityVerificationMethod.SecurityQuestions, IdentityVerificationOutcome.NotVerified).ShouldSucceed();
        request.StartProcessing(Officer, At(21)).ShouldFailWith(RequestErrors.IdentityNotVerified);

        request.RecordIdentityVerification(Officer, At(30), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified).ShouldSucceed();

        request.LatestIdentityVerification!.Outcome.ShouldBe(IdentityVerificationOutcome.Verified);
        request.StartProcessing(Officer, At(31)).ShouldSucceed();
    }

    [Fact]
    public void RefusesToStartAfterAskingForProofThatNeverCame()
    {
        AwaitingProof().StartProcessing(Officer, At(3)).ShouldFailWith(RequestErrors.IdentityNotVerified);
    }

    [Fact]
    public void StartsWithoutAnyCheckWhenIdentityIsNotInDoubt()
    {
        var request = Received();

        request.StartProcessing(Officer, At(2)).ShouldSucceed();

        request.IdentityVerifications.ShouldBeEmpty();
    }

    [Fact]
    public void StoresWhenProofWasAskedForAndReceivedForTheOptionalClockPause()
    {
        var request = AwaitingProof();

        request.RecordIdentityVerification(
            Officer, At(50), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified, proofReceivedAt: At(48)).ShouldSucceed();

        request.IdentityRequestedAt.ShouldBe(At(2));
        request.IdentityProofReceivedAt.ShouldBe(At(48));
    }

    [Fact]
    public void TakesTheRecordingTimeAsTheProofDateWhenNoneIsGiven()
    {
        var request = AwaitingProof();

        request.RecordIdentityVerification(Officer, At(50), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified).ShouldSucceed();

        request.IdentityProofReceivedAt.ShouldBe(At(50));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(51)]
    public void RefusesAProofDateBeforeTheRequestForItOrInTheFuture(int hours)
    {
        AwaitingProof().RecordIdentityVerification(
                Officer, At(50), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified, proofReceivedAt: At(hours))
            .ShouldFailWith(RequestErrors.ProofDateInvalid);
    }

    [Fact]
    public void RefusesAProofDateWhenNoProofWasAskedFor()
    {
        Received().RecordIdentityVerification(
                Officer, At(50), IdentityVerificationMethod.KnownChannel, IdentityVerificationOutcome.Verified, proofReceivedAt: At(40))
            .ShouldFailWith(RequestErrors.ProofDateInvalid);
    }

    [Theory]
    [InlineData(IdentityVerificationOutcome.Verified, "request.identity.verified")]
    [InlineData(IdentityVerificationOutcome.NotVerified, "request.identity.not_verified")]
    [InlineData(IdentityVerificationOutcome.CannotIdentify, "request.identity.cannot_identify")]
    public void RecordsEachOutcomeAsItsOwnAuditAction(IdentityVerificationOutcome outcome, string action)
    {
        var request = AwaitingProof();
        request.DequeueChanges();

        request.RecordIdentityVerification(Officer, At(30), IdentityVerificationMethod.InPersonCheck, outcome).ShouldSucceed();

        var change = request.PendingChanges.Single();
        change.Action.ShouldBe(action);
        change.After!["method"].ShouldBe("InPersonCheck");
    }
}
