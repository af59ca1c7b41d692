using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using static PrivacyDesk.Domain.Register.LawfulBasisKind;
using static PrivacyDesk.Domain.Requests.RequestType;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Rights;

public sealed class DecisionProposalsTests
{
    private static readonly DateOnly EndedRecently = new(2026, 3, 31);
    private static readonly DateOnly EndedLongAgo = new(2018, 3, 31);

    private static DecisionProposal Propose(Purpose purpose, RequestType right, DateOnly? relationshipEnd = null, string language = "en")
    {
        var assessment = RightsEngine.AssessPurpose(right, Customer(relationshipEnd), purpose, Today);
        return DecisionProposals.For(right, purpose, assessment, language);
    }

    [Fact]
    public void ProposesErasureWhereTheRightAppliesAndNothingKeepsTheData()
    {
        var proposal = Propose(Active(Consent), Erasure);

        proposal.NeedsJudgement.ShouldBeFalse();
        proposal.Decision!.Kind.ShouldBe(DecisionKind.Comply);
    }

    [Fact]
    public void ProposesKeepingOnlyWhatTheWwftRequiresWithItsProvisionAndDate()
    {
        var proposal = Propose(Active(Definition("kyc", Consent, LegalObligation)), Erasure, EndedRecently);

        proposal.Decision!.Kind.ShouldBe(DecisionKind.PartiallyComply);
        proposal.Decision.RemainingBases.ShouldBe([LegalObligation]);
        proposal.Decision.Reasons!.ShouldContain("Wwft art. 33");
        proposal.Decision.Reasons!.ShouldContain("31 Mar 2031");
    }

    [Fact]
    public void ProposesRefusingErasureUnder17_3_bWhenTheLegalObligationIsTheOnlyBasis()
    {
        var proposal = Propose(Active(LegalObligation), Erasure, EndedRecently, "nl");

        proposal.Decision!.Kind.ShouldBe(DecisionKind.Refuse);
        proposal.Decision.Ground.ShouldBe(RefusalGround.LegalRetentionObligation);
        proposal.Decision.Reasons!.ShouldContain("Wwft art. 33");
        proposal.Decision.Reasons!.ShouldContain("31 mrt. 2031");
    }

    [Fact]
    public void ProposesErasureOnceTheRetentionPeriodHasEnded()
    {
        Propose(Active(LegalObligation), Erasure, EndedLongAgo).Decision!.Kind.ShouldBe(DecisionKind.Comply);
    }

    [Fact]
    public void LeavesTheBalancingTestToTheOfficer()
    {
        // Legitimate interest while the relationship runs: erase only if the objection is upheld or the data are no longer needed.
        Propose(Active(LegitimateInterest), Erasure).NeedsJudgement.ShouldBeTrue();
        Propose(Active(LegitimateInterest), Objection).NeedsJudgement.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Rectification)]
    [InlineData(Restriction)]
    public void LeavesFactsOnlyTheOfficerCanEstablishToTheOfficer(RequestType right)
    {
        // Whether the data are inaccurate, or an 18(1) circumstance exists, is not in the register.
        Propose(Active(Contract), right).NeedsJudgement.ShouldBeTrue();
    }

    [Fact]
    public void ProposesNotApplicableWithTheLawsReasonWhereTheRightDoesNotReachThePurpose()
    {
        var proposal = Propose(Active(LegalObligation), Objection);

        proposal.Decision!.Kind.ShouldBe(DecisionKind.NotApplicable);
        proposal.Decision.Reasons.ShouldBe("The right to object does not apply to this basis.");
    }

    [Fact]
    public void ProposesStoppingDirectMarketingOnAnObjection()
    {
        Propose(Active(Definition("marketing", LegitimateInterest, Consent) with { IsDirectMarketing = true }), Objection)
            .Decision!.Kind.ShouldBe(DecisionKind.Comply);
    }

    [Fact]
    public void ProposesPortabilityOfWhatTheSubjectProvidedOrTheirUseShows()
    {
        var proposal = Propose(Active(Contract), Portability);

        proposal.Decision!.Kind.ShouldBe(DecisionKind.Comply);
        proposal.Decision.PortableDataCategories.ShouldBe(["Contact details", "Transactions"]);
    }

    [Fact]
    public void NeverProposesWhatTheRulesRefuse()
    {
        // Portability of a purpose holding only inferred data: complying would hand over nothing the law allows, so the officer decides.
        var inferredOnly = Active(Definition("scores", Contract) with { DataCategories = [new("Risk score", DataOrigin.InferredOrDerived)] });

        Propose(inferredOnly, Portability).NeedsJudgement.ShouldBeTrue();
    }

    [Theory]
    [InlineData(Access)]
    [InlineData(Erasure)]
    [InlineData(Objection)]
    [InlineData(Portability)]
    [InlineData(ConsentWithdrawal)]
    [InlineData(Rectification)]
    [InlineData(Restriction)]
    [InlineData(AutomatedDecisionReview)]
    [InlineData(RecipientsDisclosure)]
    public void EveryProposalPassesTheRulesThatRecordIt(RequestType right)
    {
        LawfulBasisKind[][] combinations = [[Consent], [Contract], [LegalObligation], [LegitimateInterest], [Consent, LegalObligation], [Contract, LegalObligation], [PublicTask], [VitalInterests]];
        foreach (var bases in combinations)
        {
            foreach (var end in new DateOnly?[] { null, EndedRecently, EndedLongAgo })
            {
                var purpose = Active(bases);
                var assessment = RightsEngine.AssessPurpose(right, Customer(end), purpose, Today);
                if (DecisionProposals.For(right, purpose, assessment, "nl").Decision is { } decision)
                {
                    DecisionRules.Validate(right, purpose, assessment, decision).IsSuccess.ShouldBeTrue($"{right} on {string.Join("+", bases)}, ended {end}");
                }
            }
        }
    }
}
