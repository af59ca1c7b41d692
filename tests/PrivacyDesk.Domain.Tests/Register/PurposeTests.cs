using PrivacyDesk.Domain.Register;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Register;

public sealed class PurposeTests
{
    private static readonly PurposeDefinition Valid = Definition("kyc", LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation);

    /// <summary>Every activation rule of gdpr-rules §1: a purpose that breaks it and the code it is refused with.</summary>
    public static TheoryData<string, Func<PurposeDefinition, PurposeDefinition>, string> ActivationRules => new()
    {
        { "no basis", d => d with { LawfulBases = [] }, "register.activation.basis_missing" },
        { "consent without mechanism", d => d with { LawfulBases = [LawfulBasis.Consent(null)] }, "register.activation.consent_mechanism_missing" },
        { "consent without withdrawal route", d => d with { LawfulBases = [LawfulBasis.Consent(new("Opt-in", " ", false))] }, "register.activation.consent_mechanism_missing" },
        { "contract without reference", d => d with { LawfulBases = [LawfulBasis.Contract("")] }, "register.activation.contract_reference_missing" },
        { "legal obligation without provision", d => d with { LawfulBases = [LawfulBasis.LegalObligation(null)] }, "register.activation.legal_provision_missing" },
        { "vital interests without justification", d => d with { LawfulBases = [LawfulBasis.VitalInterests(" ")] }, "register.activation.vital_interest_justification_missing" },
        { "public task without law", d => d with { LawfulBases = [LawfulBasis.PublicTask(null)] }, "register.activation.public_task_law_missing" },
        { "legitimate interest without LIA", d => d with { LawfulBases = [LawfulBasis.LegitimateInterest(null)] }, "register.activation.lia_missing" },
        { "LIA without purpose test", d => d with { LawfulBases = [LawfulBasis.LegitimateInterest(Lia with { PurposeTest = "" })] }, "register.activation.lia_purpose_test_missing" },
        { "LIA without necessity test", d => d with { LawfulBases = [LawfulBasis.LegitimateInterest(Lia with { NecessityTest = "" })] }, "register.activation.lia_necessity_test_missing" },
        { "LIA without balancing test", d => d with { LawfulBases = [LawfulBasis.LegitimateInterest(Lia with { BalancingTest = "" })] }, "register.activation.lia_balancing_test_missing" },
        { "LIA without outcome", d => d with { LawfulBases = [LawfulBasis.LegitimateInterest(Lia with { Outcome = "" })] }, "register.activation.lia_outcome_missing" },
        { "LIA without review date", d => d with { LawfulBases = [LawfulBasis.LegitimateInterest(Lia with { ReviewDate = null })] }, "register.activation.lia_review_date_missing" },
        { "special categories without 9(2) condition", d => d with { SpecialCategoryData = new("Health data", null) }, "register.activation.special_category_condition_missing" },
        {
            "special categories on non-explicit consent",
            d => d with { LawfulBases = [ValidBasis(LawfulBasisKind.Consent)], SpecialCategoryData = new("Health data", SpecialCategoryCondition.ExplicitConsent) },
            "register.activation.explicit_consent_missing"
        },
        { "9(2)(a) condition without any consent basis", d => d with { SpecialCategoryData = new("Health data", SpecialCategoryCondition.ExplicitConsent) }, "register.activation.explicit_consent_missing" },
        { "criminal data without Art. 10 authorisation", d => d with { CriminalData = new("Fraud records", null) }, "register.activation.criminal_data_authorisation_missing" },
        { "ADM without 22(2) ground", d => d with { AutomatedDecisionMaking = new(true, true, null, "Call the credit desk", null) }, "register.activation.automated_decision_ground_missing" },
        { "ADM without human intervention", d => d with { AutomatedDecisionMaking = new(true, true, AutomatedDecisionGround.ContractNecessity, "", null) }, "register.activation.human_intervention_missing" },
        {
            "ADM on explicit consent without explicit consent basis",
            d => d with { AutomatedDecisionMaking = new(true, true, AutomatedDecisionGround.ExplicitConsent, "Call the credit desk", null) },
            "register.activation.automated_decision_explicit_consent_missing"
        },
        { "transfer without safeguard", d => d with { Transfers = [new("Acme Inc.", "US", null)] }, "register.activation.transfer_safeguard_missing" },
        { "no retention", d => d with { Retention = null }, "register.activation.retention_missing" },
        { "retention of zero", d => d with { Retention = FiveYears with { Amount = 0 } }, "register.activation.retention_period_invalid" },
        { "retention without ground", d => d with { Retention = FiveYears with { Ground = "" } }, "register.activation.retention_ground_missing" },
    };

    [Theory]
    [MemberData(nameof(ActivationRules))]
    public void RefusesActivationThatBreaksARule(string rule, Func<PurposeDefinition, PurposeDefinition> breakRule, string code)
    {
        var purpose = Draft(breakRule(Valid));

        var result = purpose.Activate(Officer, Now);

        result.IsFailure.ShouldBeTrue(rule);
        result.Codes().ShouldContain(code);
        purpose.Status.ShouldBe(PurposeStatus.Draft);
        RegisterErrors.Messages.ShouldContainKey(code);
    }

    [Fact]
    public void ActivatesAPurposeThatRecordsEverything()
    {
        var purpose = Draft(Valid);

        purpose.Activate(Officer, Now).IsSuccess.ShouldBeTrue();

        purpose.Status.ShouldBe(PurposeStatus.Active);
        purpose.ActivatedAt.ShouldBe(Now);
        purpose.PendingChanges[^1].Action.ShouldBe("register.purpose.activated");
        purpose.PendingChanges[^1].After!["Status"].ShouldBe("Active");
    }

    [Fact]
    public void ListsEveryViolationAtOnce()
    {
        var purpose = Draft(Valid with
        {
            LawfulBases = [LawfulBasis.LegitimateInterest(null), LawfulBasis.LegalObligation("")],
            Transfers = [new("Acme Inc.", "US", null)],
            Retention = null,
            AutomatedDecisionMaking = new(true, true, null, null, null),
        });

        purpose.Activate(Officer, Now).Codes().ShouldBe(
        [
            "register.activation.lia_missing",
            "register.activation.legal_provision_missing",
            "register.activation.automated_decision_ground_missing",
            "register.activation.human_intervention_missing",
            "register.activation.transfer_safeguard_missing",
            "register.activation.retention_missing",
        ], ignoreOrder: true);
    }

    [Fact]
    public void AnAnonymisedPurposeNeedsNoBasis()
    {
        var purpose = Draft(Valid with { LawfulBases = [], IsAnonymised = true });

        purpose.Activate(Officer, Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ExplicitConsentSatisfiesSpecialCategoriesOnConsent()
    {
        var purpose = Draft(Valid with
        {
            LawfulBases = [LawfulBasis.Consent(new("Separate explicit statement", "Settings page", IsExplicit: true))],
            SpecialCategoryData = new("Health data", SpecialCategoryCondition.ExplicitConsent),
        });

        purpose.Activate(Officer, Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void ProfilingWithoutSolelyAutomatedDecisionsNeedsNoArticle22Ground()
    {
        var purpose = Draft(Valid with { AutomatedDecisionMaking = new(true, false, null, null, null) });

        purpose.Activate(Officer, Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void NamesTheRecipientAndCountryOfATransferWithoutSafeguard()
    {
        var purpose = Draft(Valid with { Transfers = [new("Acme Inc.", "US", null)] });

        var error = purpose.Activate(Officer, Now).Errors.Single();

        error.Arguments!["recipient"].ShouldBe("Acme Inc.");
        Domain.Common.ErrorCatalog.Message(error, "en")!.ShouldContain("Acme Inc. in US");
    }

    [Fact]
    public void RefusesAnEditThatWouldBreakARuleOfAnActivePurpose()
    {
        var purpose = Active(Valid);

        var result = purpose.RemoveLawfulBasis(LawfulBasisKind.LegitimateInterest, Officer, Now);
        result.IsSuccess.ShouldBeTrue();
        var last = purpose.RemoveLawfulBasis(LawfulBasisKind.LegalObligation, Officer, Now);

        last.Codes().ShouldBe(["register.activation.basis_missing"]);
        purpose.LawfulBases.Select(b => b.Kind).ShouldBe([LawfulBasisKind.LegalObligation]);
        purpose.SetRetention(null, Officer, Now).Codes().ShouldBe(["register.activation.retention_missing"]);
        purpose.AddTransfer(new("Acme Inc.", "US", null), Officer, Now).Codes().ShouldBe(["register.activation.transfer_safeguard_missing"]);
        purpose.Retention.ShouldBe(FiveYears);
        purpose.Transfers.ShouldBeEmpty();
    }

    [Fact]
    public void AllowsADraftToBeIncompleteUntilActivation()
    {
        var purpose = Draft(Valid);

        purpose.SetRetention(null, Officer, Now).IsSuccess.ShouldBeTrue();
        purpose.Retention.ShouldBeNull();
    }

    [Fact]
    public void RecordsEachEditWithBeforeAndAfter()
    {
        var purpose = Active(Valid);
        var longer = FiveYears with { Amount = 7 };

        purpose.SetRetention(longer, Officer, Now).IsSuccess.ShouldBeTrue();

        var change = purpose.PendingChanges[^1];
        change.Action.ShouldBe("register.purpose.retention_set");
        change.Before!["Retention"]!.ShouldStartWith("5 years");
        change.After!["Retention"]!.ShouldStartWith("7 years");
        change.ActorId.ShouldBe(Officer.Id);
    }

    [Fact]
    public void RefusesASecondBasisOfTheSameKind()
    {
        var purpose = Active(Valid);

        purpose.AddLawfulBasis(LawfulBasis.LegalObligation("Wft art. 4:14"), Officer, Now).Codes().ShouldBe(["register.purpose.basis_duplicate"]);
    }

    [Fact]
    public void ReviewingAnLiaReplacesItsEvidence()
    {
        var purpose = Active(Valid);
        var reviewed = Lia with { ReviewDate = new DateOnly(2028, 6, 30) };

        purpose.ReviseLawfulBasis(LawfulBasis.LegitimateInterest(reviewed), Officer, Now).IsSuccess.ShouldBeTrue();

        purpose.Basis(LawfulBasisKind.LegitimateInterest)!.Assessment.ShouldBe(reviewed);
    }

    [Fact]
    public void WarnsButDoesNotBlockWhenAnLiaIsPastItsReviewDate()
    {
        var overdue = Valid with { LawfulBases = [LawfulBasis.LegitimateInterest(Lia with { ReviewDate = new DateOnly(2025, 1, 1) })] };
        var purpose = Draft(overdue);

        purpose.Activate(Officer, Now).IsSuccess.ShouldBeTrue();

        var warning = purpose.Warnings(Today).Single();
        warning.Code.ShouldBe("register.warning.lia_review_overdue");
        warning.Arguments!["reviewDate"].ShouldBe("2025-01-01");
        purpose.Warnings(new DateOnly(2024, 12, 31)).ShouldBeEmpty();
    }

    [Fact]
    public void RetiresOnlyAnActivePurposeAndThenFreezesIt()
    {
        var draft = Draft(Valid);
        draft.Retire("No longer used", Officer, Now).Codes().ShouldBe(["register.purpose.not_active"]);

        var purpose = Active(Valid);
        purpose.Retire("", Officer, Now).Codes().ShouldBe(["register.purpose.reason_missing"]);
        purpose.Retire("No longer used", Officer, Now).IsSuccess.ShouldBeTrue();

        purpose.Status.ShouldBe(PurposeStatus.Retired);
        purpose.Rename(new("Nieuw", "New"), Officer, Now).Codes().ShouldBe(["register.purpose.retired"]);
        purpose.Activate(Officer, Now).Codes().ShouldBe(["register.purpose.not_draft"]);
    }

    [Fact]
    public void OnlyAnActivePurposeMayBeLinked()
    {
        Draft(Valid).MayBeLinked().Codes().ShouldBe(["register.purpose.not_active"]);
        Active(Valid).MayBeLinked().IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("identity-verification", true)]
    [InlineData("kyc2", true)]
    [InlineData("Identity", false)]
    [InlineData("two words", false)]
    [InlineData("-leading", false)]
    [InlineData("", false)]
    public void AcceptsOnlySlugKeys(string key, bool valid)
    {
        Purpose.Draft(Valid with { Key = key }, Officer, Now).IsSuccess.ShouldBe(valid);
    }

    [Fact]
    public void RefusesADraftWithoutNamesInBothLanguages()
    {
        Purpose.Draft(Valid with { Name = new("Doel", "") }, Officer, Now).Codes().ShouldBe(["register.purpose.name_missing"]);
    }
}
