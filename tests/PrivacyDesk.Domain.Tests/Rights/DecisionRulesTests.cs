using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using static PrivacyDesk.Domain.Register.LawfulBasisKind;
using static PrivacyDesk.Domain.Requests.RequestType;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Rights;

public sealed class DecisionRulesTests
{
    private static readonly DateOnly EndedRecently = new(2026, 3, 31);

    /// <summary>A purpose, a request and a decision the law forbids, with the code it is refused with.</summary>
    public sealed record Case(string Name, Func<Purpose> Purpose, RequestType Right, Func<Guid, ProposedDecision> Decision, string Code = "", DateOnly? RelationshipEnd = null)
    {
        public override string ToString() => Name;
    }

    private static Purpose Marketing() => Active(Definition("marketing", LegitimateInterest, Consent) with { IsDirectMarketing = true });

    private static Purpose Kyc() => Active(Definition("kyc", LegitimateInterest, LegalObligation));

    private static Purpose Adm() => Active(Definition("scoring", Contract) with
    {
        AutomatedDecisionMaking = new(true, true, AutomatedDecisionGround.ContractNecessity, "Credit desk reviews on request", "Score below threshold"),
    });

    public static TheoryData<Case> Forbidden =>
    [
        new Case("refusing an objection to direct marketing", Marketing, Objection,
            id => ProposedDecision.Refuse(id, RefusalGround.CompellingLegitimateGrounds, "We have a strong interest"), "rights.decision.direct_marketing_objection_refused"),
        new Case("continuing direct marketing in part after an objection", Marketing, Objection,
            id => ProposedDecision.PartiallyComply(id, [LegitimateInterest], "Existing customers keep getting mail"), "rights.decision.direct_marketing_objection_refused"),
        new Case("refusing a consent withdrawal", () => Active(Consent), ConsentWithdrawal,
            id => ProposedDecision.Refuse(id, RefusalGround.ManifestlyUnfoundedOrExcessive, "Third time this month", demonstration: "Log"), "rights.decision.consent_withdrawal_refused"),
        new Case("continuing a consent-based purpose after withdrawal", () => Active(Consent), ConsentWithdrawal,
            id => ProposedDecision.PartiallyComply(id, [Consent], "We keep the list"), "rights.decision.consent_processing_continued"),
        new Case("calling a consent withdrawal not applicable", () => Active(Consent), ConsentWithdrawal,
            id => ProposedDecision.NotApplicable(id, "Not relevant"), "rights.decision.consent_processing_continued"),
        new Case("switching marketing to legitimate interest after withdrawal", Marketing, ConsentWithdrawal,
            id => ProposedDecision.PartiallyComply(id, [LegitimateInterest], "Continue on legitimate interest"), "rights.decision.consent_processing_continued"),
        new Case("erasing data a legal obligation requires to keep", Kyc, Erasure,
            id => ProposedDecision.Comply(id), "rights.decision.erasure_under_retention_obligation", EndedRecently),
        new Case("erasing in part but not keeping the legally required data", Kyc, Erasure,
            id => ProposedDecision.PartiallyComply(id, [LegitimateInterest], "Keep for our interest"), "rights.decision.erasure_under_retention_obligation", EndedRecently),
        new Case("refusing access without a ground", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, null, "We would rather not"), "rights.decision.ground_missing"),
        new Case("refusing access on a ground that does not apply to access", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.CompellingLegitimateGrounds, "Business secrets"), "rights.decision.ground_not_allowed"),
        new Case("refusing access as excessive without demonstration", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.ManifestlyUnfoundedOrExcessive, "Too many requests"), "rights.decision.demonstration_missing"),
        new Case("refusing access on a national restriction without its reference", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.NationalRestriction, "Ongoing investigation"), "rights.decision.national_restriction_reference_missing"),
        new Case("refusing without reasons", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.RightsOfOthers, " "), "rights.decision.reasons_missing"),
        new Case("portability for a purpose on legitimate interest", () => Active(LegitimateInterest), Portability,
            id => ProposedDecision.Comply(id, ["Contact details"]), "rights.decision.portability_basis_not_allowed"),
        new Case("portability of inferred data", () => Active(Contract), Portability,
            id => ProposedDecision.Comply(id, ["Contact details", "Risk score"]), "rights.decision.portability_of_data_not_provided"),
        new Case("portability of data not processed by automated means", () => Active(Definition("paper", Contract) with { IsProcessedByAutomatedMeans = false }), Portability,
            id => ProposedDecision.Comply(id, ["Contact details"]), "rights.decision.portability_not_automated"),
        new Case("portability of a category the purpose does not hold", () => Active(Contract), Portability,
            id => ProposedDecision.Comply(id, ["Holiday photos"]), "rights.decision.portability_category_unknown"),
        new Case("portability naming no data", () => Active(Contract), Portability,
            id => ProposedDecision.Comply(id), "rights.decision.portability_categories_missing"),
        new Case("refusing erasure under 17(3)(b) for a purpose without a legal obligation", () => Active(LegitimateInterest), Erasure,
            id => ProposedDecision.Refuse(id, RefusalGround.LegalRetentionObligation, "We must keep it"), "rights.decision.retention_ground_without_legal_obligation"),
        new Case("refusing erasure under 17(3)(b) after the retention period ended", () => Active(LegalObligation), Erasure,
            id => ProposedDecision.Refuse(id, RefusalGround.LegalRetentionObligation, "We must keep it"), "rights.decision.retention_obligation_ended", new DateOnly(2018, 3, 31)),
        new Case("refusing erasure of consent-only data as still necessary", () => Active(Consent), Erasure,
            id => ProposedDecision.Refuse(id, RefusalGround.StillNecessaryForPurpose, "Still useful"), "rights.decision.erasure_of_consent_data_refused"),
        new Case("refusing an Art. 22 review for an ADM purpose", Adm, AutomatedDecisionReview,
            id => ProposedDecision.Refuse(id, RefusalGround.ManifestlyUnfoundedOrExcessive, "The score is right", demonstration: "Model audit"), "rights.decision.automated_decision_review_refused"),
        new Case("refusing restriction without a ground", () => Active(Contract), Restriction,
            id => ProposedDecision.Refuse(id, null, "No"), "rights.decision.ground_missing"),
        new Case("refusing restriction on a ground of another right", () => Active(Contract), Restriction,
            id => ProposedDecision.Refuse(id, RefusalGround.LegalRetentionObligation, "Must keep"), "rights.decision.ground_not_allowed"),
        new Case("refusing an objection with compelling grounds on a contract purpose", () => Active(Contract), Objection,
            id => ProposedDecision.Refuse(id, RefusalGround.CompellingLegitimateGrounds, "Needed"), "rights.decision.objection_ground_without_legitimate_interest"),
        new Case("calling access not applicable", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.NotApplicable(id, "Not for this purpose"), "rights.decision.not_applicable_refused"),
        new Case("complying in part without naming the remaining basis", Kyc, Objection,
            id => ProposedDecision.PartiallyComply(id, [], "Keep some"), "rights.decision.remaining_basis_missing"),
        new Case("complying in part on a basis the purpose does not have", Kyc, Objection,
            id => ProposedDecision.PartiallyComply(id, [PublicTask], "Keep some"), "rights.decision.remaining_basis_invalid"),
        new Case("stopping all KYC processing on an objection while the legal obligation continues", Kyc, Objection,
            id => ProposedDecision.Comply(id), "rights.decision.objection_other_basis_continues"),
        new Case("calling an Art. 21(1) objection to a legitimate-interest purpose not applicable", () => Active(LegitimateInterest), Objection,
            id => ProposedDecision.NotApplicable(id, "Not relevant"), "rights.decision.objection_not_applicable_refused"),
        new Case("calling an objection to KYC (f and c) not applicable", Kyc, Objection,
            id => ProposedDecision.NotApplicable(id, "Processing rests on the Wwft"), "rights.decision.objection_not_applicable_refused"),
    ];

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void RefusesEveryDecisionTheLawForbids(Case forbidden)
    {
        var (result, _) = Decide(forbidden.Purpose(), forbidden.Right, forbidden.Decision, forbidden.RelationshipEnd);

        result.IsFailure.ShouldBeTrue(forbidden.Name);
        result.Codes().ShouldContain(forbidden.Code);
        RightsErrors.Messages.ShouldContainKey(forbidden.Code);
    }

    public static TheoryData<Case> Allowed =>
    [
        new Case("erasure for KYC restricted to the Wwft", Kyc, Erasure,
            id => ProposedDecision.PartiallyComply(id, [LegalObligation], "Kept under the Wwft until the retention ends"), "", EndedRecently),
        new Case("refusing KYC erasure under 17(3)(b)", Kyc, Erasure,
            id => ProposedDecision.Refuse(id, RefusalGround.LegalRetentionObligation, "Wwft art. 33"), "", EndedRecently),
        new Case("refusing erasure for legal claims", () => Active(LegitimateInterest), Erasure,
            id => ProposedDecision.Refuse(id, RefusalGround.LegalClaims, "Pending proceedings at Kifid"), "", EndedRecently),
        new Case("refusing access because of the rights of others", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.RightsOfOthers, "The recording contains another customer")),
        new Case("refusing access as excessive with a demonstration", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.ManifestlyUnfoundedOrExcessive, "Fifth identical request", demonstration: "Requests of 1, 8, 15, 22 and 29 October")),
        new Case("refusing access on UAVG art. 41", () => Active(LegitimateInterest), Access,
            id => ProposedDecision.Refuse(id, RefusalGround.NationalRestriction, "Criminal investigation", reference: "UAVG art. 41 lid 1 onder d")),
        new Case("refusing an objection for compelling legitimate grounds", () => Active(LegitimateInterest), Objection,
            id => ProposedDecision.Refuse(id, RefusalGround.CompellingLegitimateGrounds, "Fraud prevention outweighs")),
        new Case("complying with an objection to direct marketing", Marketing, Objection, id => ProposedDecision.Comply(id)),
        new Case("complying with a consent withdrawal", () => Active(Consent), ConsentWithdrawal, id => ProposedDecision.Comply(id)),
        new Case("surveys keep their legitimate-interest part after withdrawal",
            () => Active(Definition("surveys", LegitimateInterest, Consent)), ConsentWithdrawal,
            id => ProposedDecision.PartiallyComply(id, [LegitimateInterest], "Customer-feedback surveys continue; you may object to them")),
        new Case("portability of provided and observed data", () => Active(Contract), Portability,
            id => ProposedDecision.Comply(id, ["Contact details", "Transactions"])),
        new Case("reviewing an automated decision", Adm, AutomatedDecisionReview, id => ProposedDecision.Comply(id)),
        new Case("not applicable where the right does not apply", () => Active(LegalObligation), Objection,
            id => ProposedDecision.NotApplicable(id, "Processing rests on a legal obligation")),
        new Case("upholding an objection to KYC for the legitimate-interest part only", Kyc, Objection,
            id => ProposedDecision.PartiallyComply(id, [LegalObligation], "The Wwft checks continue; everything else stops")),
        new Case("upholding an Art. 21(1) objection in full", () => Active(LegitimateInterest), Objection, id => ProposedDecision.Comply(id)),
        new Case("refusing an objection for legal claims", () => Active(LegitimateInterest), Objection,
            id => ProposedDecision.Refuse(id, RefusalGround.LegalClaims, "Pending proceedings at Kifid")),
        new Case("refusing restriction when no 18(1) circumstance applies", () => Active(Contract), Restriction,
            id => ProposedDecision.Refuse(id, RefusalGround.NoRestrictionCircumstance, "Accuracy not contested, processing lawful")),
    ];

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AcceptsADecisionTheLawAllows(Case allowed)
    {
        var (result, _) = Decide(allowed.Purpose(), allowed.Right, allowed.Decision, allowed.RelationshipEnd);

        result.IsSuccess.ShouldBeTrue($"{allowed.Name}: {string.Join(", ", result.Errors)}");
    }

    [Fact]
    public void NamesTheProvisionAndEndDateWhenRefusingToErase()
    {
        var (result, _) = Decide(Kyc(), Erasure, id => ProposedDecision.Comply(id), EndedRecently);

        var error = result.Errors.Single();
        error.Arguments!["provision"].ShouldBe("Wwft art. 33");
        error.Arguments["until"].ShouldBe("2031-03-31");
        ErrorCatalog.Message(error, "nl")!.ShouldContain("Wwft art. 33");
    }

    [Fact]
    public void RefusesADecisionForAnotherPurpose()
    {
        var purpose = Active(LegitimateInterest);
        var assessment = RightsEngine.AssessPurpose(Access, Customer(), purpose, Today);

        DecisionRules.Validate(Access, purpose, assessment, ProposedDecision.Comply(Guid.NewGuid())).Codes().ShouldBe(["rights.decision.purpose_mismatch"]);
    }

    [Theory]
    [InlineData(RefusalGround.LegalClaims, Erasure, "AVG art. 17(3)(e)")]
    [InlineData(RefusalGround.LegalClaims, Objection, "AVG art. 21(1)")]
    [InlineData(RefusalGround.RightsOfOthers, Access, "AVG art. 15(4)")]
    [InlineData(RefusalGround.RightsOfOthers, Portability, "AVG art. 20(4)")]
    [InlineData(RefusalGround.ManifestlyUnfoundedOrExcessive, Access, "AVG art. 12(5)")]
    [InlineData(RefusalGround.LegalRetentionObligation, Erasure, "AVG art. 17(3)(b)")]
    public void CitesTheArticleOfItsGround(RefusalGround ground, RequestType right, string article)
    {
        ProposedDecision.Refuse(Guid.NewGuid(), ground, "Reasons").LegalReferences(right).ShouldContain(article);
    }

    [Fact]
    public void CitesTheNationalRestrictionItRestsOn()
    {
        ProposedDecision.Refuse(Guid.NewGuid(), RefusalGround.NationalRestriction, "Reasons", reference: "UAVG art. 41")
            .LegalReferences(Access).ShouldBe(["AVG art. 23", "UAVG art. 41"]);
    }

    [Fact]
    public void NeverAllowsRefusingAConsentWithdrawal()
    {
        DecisionRules.AllowedGrounds(ConsentWithdrawal).ShouldBeEmpty();
    }

    private static (Result Result, PurposeAssessment Assessment) Decide(Purpose purpose, RequestType right, Func<Guid, ProposedDecision> decision, DateOnly? relationshipEnd)
    {
        var assessment = RightsEngine.AssessPurpose(right, Customer(relationshipEnd), purpose, Today);
        return (DecisionRules.Validate(right, purpose, assessment, decision(purpose.Id)), assessment);
    }
}
