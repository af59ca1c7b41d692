using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class ConsentWithdrawalScopeTests
{
    private static readonly Guid[] ConsentPurposes = [PurposeA, PurposeB];

    [Fact]
    public void SubmitsWithDecisionsForTheWithdrawnPurposesOnly()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.ConsentWithdrawal);
        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [PurposeA], ConsentPurposes).ShouldSucceed();
        request.RecordDecision(Officer, At(3), Decision(PurposeA)).ShouldSucceed();

        // Purpose B also rests on consent, but the subject did not withdraw it: it is not asked about.
        request.SubmitForApproval(Officer, At(4), [PurposeA, PurposeB]).ShouldSucceed();
    }

    [Fact]
    public void RefusesToSubmitAWithdrawalWhoseScopeWasNeverChosen()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.ConsentWithdrawal);
        request.RecordDecision(Officer, At(3), Decision(PurposeA)).ShouldSucceed();

        request.SubmitForApproval(Officer, At(4), [PurposeA]).ShouldFailWith(ConsentWithdrawalScopeErrors.Required);

        request.Status.ShouldBe(RequestStatus.InProgress);
    }

    [Fact]
    public void StillRequiresADecisionForEveryWithdrawnPurpose()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.ConsentWithdrawal);
        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [PurposeA, PurposeB], ConsentPurposes).ShouldSucceed();
        request.RecordDecision(Officer, At(3), Decision(PurposeA)).ShouldSucceed();

        request.SubmitForApproval(Officer, At(4), [PurposeA, PurposeB]).ShouldFailWith(RequestErrors.DecisionsMissing);
    }

    [Fact]
    public void RefusesAPurposeWithoutConsentAndChangesNothing()
    {
        var request = Received(RequestType.ConsentWithdrawal);
        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [PurposeA], [PurposeA]).ShouldSucceed();

        request.ChooseConsentWithdrawalPurposes(Officer, At(3), [PurposeA, PurposeB], [PurposeA])
            .ShouldFailWith(ConsentWithdrawalScopeErrors.PurposeNotConsentBased);

        request.ConsentWithdrawalScope!.PurposeIds.ShouldBe([PurposeA]);
    }

    [Fact]
    public void RefusesAnEmptyChoice()
    {
        var request = Received(RequestType.ConsentWithdrawal);

        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [], ConsentPurposes).ShouldFailWith(ConsentWithdrawalScopeErrors.Empty);

        request.ConsentWithdrawalScope.ShouldBeNull();
    }

    [Fact]
    public void ASubjectWithNoConsentPurposeIsAnsweredThatNothingRestsOnConsent()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.ConsentWithdrawal);

        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [], []).ShouldSucceed();

        request.SubmitForApproval(Officer, At(4), [PurposeA]).ShouldSucceed();
    }

    [Fact]
    public void OnlyAConsentWithdrawalHasAScope()
    {
        Received(RequestType.Objection).ChooseConsentWithdrawalPurposes(Officer, At(2), [PurposeA], ConsentPurposes)
            .ShouldFailWith(ConsentWithdrawalScopeErrors.NotAWithdrawal);
    }

    [Fact]
    public void TheOfficerChangesTheScopeAuditedAndADecisionOnADroppedPurposeLapses()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.ConsentWithdrawal);
        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [PurposeA, PurposeB], ConsentPurposes).ShouldSucceed();
        request.RecordDecision(Officer, At(3), Decision(PurposeB)).ShouldSucceed();

        request.ChooseConsentWithdrawalPurposes(Officer, At(4), [PurposeA], ConsentPurposes).ShouldSucceed();

        request.CurrentDecisions.ShouldBeEmpty();
        var change = request.PendingChanges[^1];
        change.Action.ShouldBe(RequestActions.ConsentScopeChanged);
        change.Before!["purposeIds"].ShouldBe($"{PurposeA},{PurposeB}");
        change.After!["purposeIds"].ShouldBe(PurposeA.ToString());
    }

    [Fact]
    public void TheAssessmentAsksOnlyAboutTheWithdrawnPurposes()
    {
        var surveys = TestData.Active(TestData.Definition("surveys", LawfulBasisKind.LegitimateInterest, LawfulBasisKind.Consent));
        var marketing = TestData.Active(TestData.Definition("marketing", LawfulBasisKind.LegitimateInterest, LawfulBasisKind.Consent));
        var kyc = TestData.Active(TestData.Definition("kyc", LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation));
        var request = Received(RequestType.ConsentWithdrawal);
        Purpose[] processing = [surveys, marketing, kyc];
        DataSubjectRequest.ConsentWithdrawalCandidates(processing).ShouldBe([surveys, marketing]);

        request.ChooseConsentWithdrawalPurposes(Officer, At(2), [marketing.Id], DataSubjectRequest.ConsentWithdrawalCandidates(processing).Select(p => p.Id))
            .ShouldSucceed();

        request.PurposesAskedAbout(processing).ShouldBe([marketing]);
    }
}
