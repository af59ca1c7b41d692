using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Register.LawfulBasisKind;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>gdpr-rules §3: refusing the whole request is a narrow exit, never a way around the per-purpose rules.</summary>
public sealed class WholeRequestRefusalTests
{
    private static Purpose Marketing() => TestData.Active(TestData.Definition("direct-marketing", LegitimateInterest, Consent) with { IsDirectMarketing = true });

    private static Purpose Kyc() => TestData.Active(TestData.Definition("identity-verification", LegitimateInterest, LegalObligation));

    private static RefusalProposal Unfounded(string? demonstration = "Tien identieke verzoeken in een maand, zie notities.") =>
        new(RequestRefusalGround.ManifestlyUnfounded, "Uw verzoek is kennelijk ongegrond.", Demonstration: demonstration);

    [Fact]
    public void NeverRefusesAConsentWithdrawalAsAWhole()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.ConsentWithdrawal);

        request.ProposeRejection(Officer, At(5), Unfounded(), [Kyc()]).ShouldFailWith(RequestErrors.RejectionConsentWithdrawal);

        request.Status.ShouldBe(RequestStatus.InProgress);
        request.ProposedRefusal.ShouldBeNull();
        WholeRequestRefusalRules.AllowedGrounds(RequestType.ConsentWithdrawal, [Kyc()]).ShouldBeEmpty();
    }

    [Fact]
    public void NeverRefusesAnObjectionAsAWholeWhenTheSubjectsDataServeDirectMarketing()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Objection);

        request.ProposeRejection(Officer, At(5), Unfounded(), [Kyc(), Marketing()]).ShouldFailWith(RequestErrors.RejectionDirectMarketingObjection);

        request.ProposedRefusal.ShouldBeNull();
        WholeRequestRefusalRules.AllowedGrounds(RequestType.Objection, [Kyc(), Marketing()]).ShouldBeEmpty();
    }

    [Fact]
    public void AllowsTheThreeWholeRequestGroundsForAnObjectionWithoutDirectMarketing()
    {
        WholeRequestRefusalRules.AllowedGrounds(RequestType.Objection, [Kyc()]).ShouldBe(
        [
            RequestRefusalGround.SubjectNotIdentified, RequestRefusalGround.ManifestlyUnfounded, RequestRefusalGround.Excessive,
            RequestRefusalGround.NationalRestriction,
        ]);
    }

    [Theory]
    [InlineData(RequestRefusalGround.Other)]
    [InlineData(RequestRefusalGround.RightsOfOthers)]
    [InlineData(RequestRefusalGround.LegalObligationToRetain)]
    [InlineData(RequestRefusalGround.LegalClaims)]
    [InlineData(RequestRefusalGround.CompellingLegitimateGrounds)]
    [InlineData(RequestRefusalGround.RightNotApplicable)]
    public void RefusesPerPurposeAndOtherGroundsForAWholeRequest(RequestRefusalGround ground)
    {
        var request = InStatus(RequestStatus.InProgress);

        request.ProposeRejection(Officer, At(5), new RefusalProposal(ground, "Wij weigeren.", "Art. 15 lid 4 AVG"), [Kyc()])
            .ShouldFailWith(RequestErrors.RejectionGroundNotAllowed);

        request.ProposedRefusal.ShouldBeNull();
        WholeRequestRefusalRules.AllowedGrounds(RequestType.Access, [Kyc()]).ShouldNotContain(ground);
    }

    [Theory]
    [InlineData(RequestRefusalGround.ManifestlyUnfounded)]
    [InlineData(RequestRefusalGround.Excessive)]
    public void RefusesAManifestlyUnfoundedOrExcessiveRefusalWithoutTheEvidence(RequestRefusalGround ground)
    {
        var request = InStatus(RequestStatus.InProgress);

        request.ProposeRejection(Officer, At(5), new RefusalProposal(ground, "Uw verzoek is buitensporig.", Demonstration: "  "), [Kyc()])
            .ShouldFailWith(RequestErrors.RejectionDemonstrationRequired);

        request.Status.ShouldBe(RequestStatus.InProgress);
    }

    [Fact]
    public void KeepsTheEvidenceOfAManifestlyUnfoundedRefusal()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.ProposeRejection(Officer, At(5), Unfounded(" Tien identieke verzoeken. "), [Kyc()]).ShouldSucceed();

        request.ProposedRefusal!.Demonstration.ShouldBe("Tien identieke verzoeken.");
        request.ProposedRefusal.Ground.ShouldBe(RequestRefusalGround.ManifestlyUnfounded);
        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
    }

    [Fact]
    public void AnAccessRequestCanBeRefusedAsAWholeOnlyOnIdentityTwelveFiveOrAStatutoryRestriction()
    {
        WholeRequestRefusalRules.AllowedGrounds(RequestType.Access, [Kyc(), Marketing()]).ShouldBe(
        [
            RequestRefusalGround.SubjectNotIdentified, RequestRefusalGround.ManifestlyUnfounded, RequestRefusalGround.Excessive,
            RequestRefusalGround.NationalRestriction,
        ]);
    }
}
