using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;
using static PrivacyDesk.Domain.Register.LawfulBasisKind;
using static PrivacyDesk.Domain.Requests.RequestType;
using static PrivacyDesk.Domain.Rights.Requirement;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Rights;

public enum Relationship
{
    Ongoing,
    EndedRecently,
    EndedLongAgo,
}

public sealed class RightsEngineTests
{
    /// <summary>Every cell of the rights × lawful-basis table of gdpr-rules §2, for a purpose on that one basis.</summary>
    public static TheoryData<RequestType, LawfulBasisKind, Relationship, bool, Requirement, string> Table => new()
    {
        { Access, Consent, Relationship.Ongoing, true, Comply, "AVG art. 15" },
        { Access, Contract, Relationship.Ongoing, true, Comply, "AVG art. 15" },
        { Access, LegalObligation, Relationship.Ongoing, true, Comply, "AVG art. 15" },
        { Access, VitalInterests, Relationship.Ongoing, true, Comply, "AVG art. 15" },
        { Access, PublicTask, Relationship.Ongoing, true, Comply, "AVG art. 15" },
        { Access, LegitimateInterest, Relationship.Ongoing, true, Comply, "AVG art. 15" },

        { Rectification, Consent, Relationship.Ongoing, true, Comply, "AVG art. 16" },
        { Rectification, Contract, Relationship.Ongoing, true, Comply, "AVG art. 16" },
        { Rectification, LegalObligation, Relationship.Ongoing, true, Comply, "AVG art. 16" },
        { Rectification, VitalInterests, Relationship.Ongoing, true, Comply, "AVG art. 16" },
        { Rectification, PublicTask, Relationship.Ongoing, true, Comply, "AVG art. 16" },
        { Rectification, LegitimateInterest, Relationship.Ongoing, true, Comply, "AVG art. 16" },

        { Erasure, Consent, Relationship.Ongoing, true, Comply, "AVG art. 17(1)(b)" },
        { Erasure, Contract, Relationship.Ongoing, true, NotApplicable, "AVG art. 17(1)(a)" },
        { Erasure, Contract, Relationship.EndedRecently, true, Comply, "AVG art. 17(1)(a)" },
        { Erasure, LegalObligation, Relationship.Ongoing, true, NotApplicable, "AVG art. 17(3)(b)" },
        { Erasure, LegalObligation, Relationship.EndedRecently, true, NotApplicable, "AVG art. 17(3)(b)" },
        { Erasure, LegalObligation, Relationship.EndedLongAgo, true, Comply, "AVG art. 17(1)(a)" },
        { Erasure, VitalInterests, Relationship.Ongoing, true, OfficerJudgement, "AVG art. 17(1)(a)" },
        { Erasure, PublicTask, Relationship.Ongoing, true, NotApplicable, "AVG art. 17(3)(b)" },
        { Erasure, LegitimateInterest, Relationship.Ongoing, true, OfficerJudgement, "AVG art. 17(1)(c)" },
        { Erasure, LegitimateInterest, Relationship.EndedRecently, true, Comply, "AVG art. 17(3)(e)" },

        { Restriction, Consent, Relationship.Ongoing, true, Comply, "AVG art. 18(1)" },
        { Restriction, Contract, Relationship.Ongoing, true, Comply, "AVG art. 18(1)" },
        { Restriction, LegalObligation, Relationship.Ongoing, true, Comply, "AVG art. 18(1)" },
        { Restriction, VitalInterests, Relationship.Ongoing, true, Comply, "AVG art. 18(1)" },
        { Restriction, PublicTask, Relationship.Ongoing, true, Comply, "AVG art. 18(1)" },
        { Restriction, LegitimateInterest, Relationship.Ongoing, true, Comply, "AVG art. 18(1)" },

        { Portability, Consent, Relationship.Ongoing, true, Comply, "AVG art. 20(1)" },
        { Portability, Consent, Relationship.Ongoing, false, NotApplicable, "AVG art. 20(1)(b)" },
        { Portability, Contract, Relationship.Ongoing, true, Comply, "AVG art. 20(1)" },
        { Portability, Contract, Relationship.Ongoing, false, NotApplicable, "AVG art. 20(1)(b)" },
        { Portability, LegalObligation, Relationship.Ongoing, true, NotApplicable, "AVG art. 20(1)(a)" },
        { Portability, VitalInterests, Relationship.Ongoing, true, NotApplicable, "AVG art. 20(1)(a)" },
        { Portability, PublicTask, Relationship.Ongoing, true, NotApplicable, "AVG art. 20(1)(a)" },
        { Portability, LegitimateInterest, Relationship.Ongoing, true, NotApplicable, "AVG art. 20(1)(a)" },

        { Objection, Consent, Relationship.Ongoing, true, Comply, "AVG art. 7(3)" },
        { Objection, Contract, Relationship.Ongoing, true, NotApplicable, "AVG art. 21(1)" },
        { Objection, LegalObligation, Relationship.Ongoing, true, NotApplicable, "AVG art. 21(1)" },
        { Objection, VitalInterests, Relationship.Ongoing, true, NotApplicable, "AVG art. 21(1)" },
        { Objection, PublicTask, Relationship.Ongoing, true, OfficerJudgement, "AVG art. 21(1)" },
        { Objection, LegitimateInterest, Relationship.Ongoing, true, OfficerJudgement, "AVG art. 21(1)" },

        { ConsentWithdrawal, Consent, Relationship.Ongoing, true, Comply, "AVG art. 7(3)" },
        { ConsentWithdrawal, Contract, Relationship.Ongoing, true, NotApplicable, "AVG art. 7(3)" },
        { ConsentWithdrawal, LegalObligation, Relationship.Ongoing, true, NotApplicable, "AVG art. 7(3)" },
        { ConsentWithdrawal, VitalInterests, Relationship.Ongoing, true, NotApplicable, "AVG art. 7(3)" },
        { ConsentWithdrawal, PublicTask, Relationship.Ongoing, true, NotApplicable, "AVG art. 7(3)" },
        { ConsentWithdrawal, LegitimateInterest, Relationship.Ongoing, true, NotApplicable, "AVG art. 7(3)" },

        { AutomatedDecisionReview, Consent, Relationship.Ongoing, true, NotApplicable, "AVG art. 22(1)" },
        { AutomatedDecisionReview, LegitimateInterest, Relationship.Ongoing, true, NotApplicable, "AVG art. 22(1)" },
        { RecipientsDisclosure, LegalObligation, Relationship.Ongoing, true, Comply, "AVG art. 19" },
        { RecipientsDisclosure, LegitimateInterest, Relationship.Ongoing, true, Comply, "AVG art. 19" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void AnswersEveryCellOfTheRightsTable(RequestType right, LawfulBasisKind basis, Relationship relationship, bool automated, Requirement requirement, string reference)
    {
        var purpose = Active(Definition("test-purpose", basis) with { IsProcessedByAutomatedMeans = automated });

        var assessment = RightsEngine.AssessPurpose(right, SubjectWith(relationship), purpose, Today);

        assessment.Requirement.ShouldBe(requirement);
        assessment.LegalReferences.ShouldContain(reference);
        assessment.Bases.Single().Kind.ShouldBe(basis);
        assessment.Reason.Nl.ShouldNotBeNullOrWhiteSpace();
        assessment.Reason.En.ShouldNotBeNullOrWhiteSpace();
        if (requirement == OfficerJudgement)
        {
            assessment.Test.ShouldNotBeNull();
        }
        assessment.RightApplies.ShouldBe(requirement != NotApplicable);
    }

    [Fact]
    public void ErasureForKycKeepsTheDataRestrictedToTheWwftUntilItsRetentionEnds()
    {
        var kyc = Seed("identity-verification");
        var subject = SubjectWith(Relationship.EndedRecently);

        var assessment = RightsEngine.AssessPurpose(Erasure, subject, kyc, Today);

        assessment.Requirement.ShouldBe(PartiallyComply);
        assessment.RemainingBases.ShouldBe([LegalObligation]);
        assessment.RetainUntil.ShouldBe(new DateOnly(2031, 3, 31));
        assessment.RetentionProvision!.ShouldContain("Wwft art. 33");
        assessment.LegalReferences.ShouldContain("AVG art. 17(3)(b)");
        assessment.Reason.En.ShouldContain("until 31 Mar 2031");
        assessment.Reason.Nl.ShouldContain("tot en met 31 mrt. 2031");
        assessment.Reason.Nl.ShouldContain("Wwft art. 33");
        assessment.Basis(LegitimateInterest)!.Outcome.ShouldBe(BasisOutcome.Applies);
        assessment.Basis(LegalObligation)!.Outcome.ShouldBe(BasisOutcome.DoesNotApply);
    }

    [Fact]
    public void ErasureForACurrentKycCustomerLeavesTheLegitimateInterestToTheOfficer()
    {
        var assessment = RightsEngine.AssessPurpose(Erasure, SubjectWith(Relationship.Ongoing), Seed("identity-verification"), Today);

        assessment.Requirement.ShouldBe(OfficerJudgement);
        assessment.RemainingBases.ShouldBe([LegalObligation]);
        assessment.RetainUntil.ShouldBeNull();
    }

    [Fact]
    public void AnObjectionToKycLeavesTheLegalObligationStanding()
    {
        var assessment = RightsEngine.AssessPurpose(Objection, SubjectWith(Relationship.Ongoing), Seed("identity-verification"), Today);

        assessment.Requirement.ShouldBe(OfficerJudgement);
        assessment.RemainingBases.ShouldBe([LegalObligation]);
    }

    [Fact]
    public void PortabilityForProductsCoversTheContractButNotTheLegitimateInterest()
    {
        var assessment = RightsEngine.AssessPurpose(Portability, SubjectWith(Relationship.Ongoing), Seed("products-and-services"), Today);

        assessment.Requirement.ShouldBe(PartiallyComply);
        assessment.RemainingBases.ShouldBe([LegitimateInterest]);
    }

    [Fact]
    public void ConsentWithdrawalFromSurveysStopsTheConsentPartOnly()
    {
        var assessment = RightsEngine.AssessPurpose(ConsentWithdrawal, SubjectWith(Relationship.Ongoing), Seed("surveys"), Today);

        assessment.Requirement.ShouldBe(PartiallyComply);
        assessment.RemainingBases.ShouldBe([LegitimateInterest]);
    }

    [Theory]
    [InlineData(Objection)]
    [InlineData(ConsentWithdrawal)]
    [InlineData(Erasure)]
    public void DirectMarketingStopsEntirelyWhateverTheBasis(RequestType right)
    {
        var assessment = RightsEngine.AssessPurpose(right, SubjectWith(Relationship.Ongoing), Seed("direct-marketing"), Today);

        assessment.Requirement.ShouldBe(Comply);
        assessment.RemainingBases.ShouldBeEmpty();
        assessment.LegalReferences.ShouldContain("AVG art. 21(2)");
    }

    [Theory]
    [InlineData(LegitimateInterest)]
    [InlineData(Contract)]
    [InlineData(LegalObligation)]
    public void AnObjectionToDirectMarketingIsAbsoluteOnAnyBasis(LawfulBasisKind basis)
    {
        var marketing = Active(Definition("marketing", basis) with { IsDirectMarketing = true });

        var assessment = RightsEngine.AssessPurpose(Objection, SubjectWith(Relationship.Ongoing), marketing, Today);

        assessment.Requirement.ShouldBe(Comply);
        assessment.LegalReferences.ShouldBe(["AVG art. 21(2)", "AVG art. 21(3)"]);
        assessment.Test.ShouldBeNull();
    }

    [Fact]
    public void AutomatedDecisionReviewAppliesToTheProfilingPurpose()
    {
        var assessment = RightsEngine.AssessPurpose(AutomatedDecisionReview, SubjectWith(Relationship.Ongoing), Seed("profiling"), Today);

        assessment.Requirement.ShouldBe(Comply);
        assessment.LegalReferences.ShouldContain("AVG art. 22(3)");
    }

    [Fact]
    public void WhoReceivedMyDataListsTheRecipientsOfThePurpose()
    {
        var kyc = Seed("identity-verification");

        var assessment = RightsEngine.AssessPurpose(RecipientsDisclosure, SubjectWith(Relationship.Ongoing), kyc, Today);

        assessment.Recipients.ShouldBe(kyc.Recipients);
        assessment.Recipients.ShouldContain(r => r.Kind == RecipientKind.IdentityCheckProvider);
    }

    [Fact]
    public void AnonymisedDataFallOutsideTheRights()
    {
        var anonymised = Active(Definition("statistics") with { IsAnonymised = true });

        RightsEngine.AssessPurpose(Access, SubjectWith(Relationship.Ongoing), anonymised, Today).Requirement.ShouldBe(NotApplicable);
    }

    [Fact]
    public void AssessesOnlyTheActivePurposesThatProcessTheSubject()
    {
        var register = SeedRegister();
        var customer = SubjectWith(Relationship.Ongoing);

        var assessment = RightsEngine.Assess(Access, customer, register, Today);

        assessment.Purposes.Select(p => p.PurposeKey).ShouldNotContain("security");
        assessment.For("identity-verification")!.Requirement.ShouldBe(Comply);
        assessment.Purposes.ShouldAllBe(p => p.Requirement == Comply);
    }

    [Fact]
    public void AssessesAVisitorOnlyForThePurposesOfVisitors()
    {
        var register = SeedRegister();
        var visitor = DataSubject.Register("Piet Bezoeker", ["piet@example.nl"], [SubjectCategory.WebsiteVisitor], Officer, Now).Value;

        RightsEngine.Assess(Access, visitor, register, Today).Purposes.Select(p => p.PurposeKey).ShouldBe(["data-analysis"]);
    }

    private static DataSubject SubjectWith(Relationship relationship) => relationship switch
    {
        Relationship.Ongoing => Customer(),
        Relationship.EndedRecently => Customer(new DateOnly(2026, 3, 31)),
        _ => Customer(new DateOnly(2018, 3, 31)),
    };

    private static IReadOnlyList<Purpose> SeedRegister() => PrivacyNoticeRegister.Import(PrivacyNotice(), Officer, Now).Value.Purposes;

    private static Purpose Seed(string key) => SeedRegister().Single(p => p.Key == key);
}
