using PrivacyDesk.Domain.Register;
using static PrivacyDesk.Domain.Register.LawfulBasisKind;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Register;

public sealed class PrivacyNoticeRegisterTests
{
    /// <summary>Every purpose of the notice with exactly the bases the register holds for it.</summary>
    public static TheoryData<string, string, LawfulBasisKind[]> NoticePurposes => new()
    {
        { "identity-verification", "Voor het controleren van uw identiteit en het openen en beheren van uw rekening", [LegitimateInterest, LegalObligation] },
        { "products-and-services", "Voor het verschaffen van producten en diensten aan u, of informatie over onze producten en diensten, en om uw behoeften voortdurend te beoordelen", [Contract, LegitimateInterest] },
        { "product-improvement", "Voor hulp bij het verbeteren van onze producten en diensten, waaronder klantenservicediensten, en het ontwikkelen en op de markt brengen van nieuwe producten en diensten", [LegitimateInterest] },
        { "profiling", "Voor het samenstellen van een profiel van u", [LegalObligation, LegitimateInterest] },
        { "disputes", "Voor het onderzoeken of beslechten van kwesties of geschillen", [LegitimateInterest] },
        { "legal-compliance", "Voor het voldoen aan toepasselijke wetgeving, gerechtelijke bevelen, overige gerechtelijke procedures of de vereisten van toepasselijke toezichthouders", [LegalObligation, LegitimateInterest] },
        { "credit-references", "Voor het verschaffen van referenties over u", [LegitimateInterest, LegalObligation] },
        { "surveys", "Voor het verzenden van enquêtes aan u", [LegitimateInterest, Consent] },
        { "data-analysis", "Gegevensanalyse", [LegitimateInterest] },
        { "direct-marketing", "Marketing door ons", [LegitimateInterest, Consent] },
        { "internal-records", "Interne zakelijke doeleinden en gegevensregistratie", [LegitimateInterest, LegalObligation, Contract] },
        { "business-restructuring", "Bedrijfsherstructurering", [LegitimateInterest] },
        { "security", "Beveiliging", [] },
    };

    private static RegisterImport Import()
    {
        var result = PrivacyNoticeRegister.Import(PrivacyNotice(), Officer, Now);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => $"{e.Code} {string.Join(";", e.Arguments ?? new Dictionary<string, string>())}")));
        return result.Value;
    }

    [Theory]
    [MemberData(nameof(NoticePurposes))]
    public void ImportsEveryPurposeOfTheNoticeWithExactlyItsBases(string key, string heading, LawfulBasisKind[] bases)
    {
        var purpose = Import().Purposes.Single(p => p.Key == key);

        purpose.LawfulBases.Select(b => b.Kind).ShouldBe(bases, ignoreOrder: true);
        PrivacyNoticeRegister.Sections(PrivacyNotice()).ShouldContainKey(heading);
        purpose.Name.Nl.ShouldNotBeNullOrWhiteSpace();
        purpose.Name.En.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void ImportsNothingButThePurposesOfTheNotice()
    {
        Import().Keys.ShouldBe(NoticePurposes.Select(row => row.Data.Item1), ignoreOrder: true);
    }

    [Fact]
    public void ActivatesEveryPurposeThatHasItsEvidence()
    {
        var purposes = Import().Purposes.Where(p => p.Key != "security").ToList();

        purposes.ShouldAllBe(p => p.Status == PurposeStatus.Active);
        purposes.SelectMany(p => p.Warnings(Today)).ShouldBeEmpty();
    }

    [Fact]
    public void LeavesSecurityAsDraftShowingThatItHasNoBasis()
    {
        var security = Import().Purposes.Single(p => p.Key == "security");

        security.Status.ShouldBe(PurposeStatus.Draft);
        security.LawfulBases.ShouldBeEmpty();
        security.Violations().Select(e => e.Code).ShouldBe(["register.activation.basis_missing"]);
        security.SubjectCategories.ShouldBe([SubjectCategory.PremisesVisitor]);
        security.SourceSystems.ShouldContain("Camerasysteem (CCTV)");
    }

    [Fact]
    public void RecordsTheWwftRetentionAndTheKycRecipients()
    {
        var kyc = Import().Purposes.Single(p => p.Key == "identity-verification");

        kyc.Basis(LegalObligation)!.LegalProvision!.ShouldContain("Wwft art. 33");
        kyc.Retention!.Ground.ShouldContain("Wwft art. 33");
        kyc.Retention.RetainUntil(new DateOnly(2024, 3, 31), null).ShouldBe(new DateOnly(2029, 3, 31));
        kyc.Recipients.Select(r => r.Kind).ShouldBe([RecipientKind.Internal, RecipientKind.IdentityCheckProvider, RecipientKind.CreditBureau], ignoreOrder: true);
    }

    [Fact]
    public void RecordsAutomatedCreditChecksWithTheirArticle22Ground()
    {
        var profiling = Import().Purposes.Single(p => p.Key == "profiling");

        profiling.HasSolelyAutomatedDecisions.ShouldBeTrue();
        profiling.AutomatedDecisionMaking!.Ground.ShouldBe(AutomatedDecisionGround.ContractNecessity);
        profiling.AutomatedDecisionMaking.HumanInterventionRoute.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void MarksMarketingByUsAsDirectMarketingAndRestructuringAsGoingToTheAcquirer()
    {
        var purposes = Import().Purposes;

        purposes.Where(p => p.IsDirectMarketing).Select(p => p.Key).ShouldBe(["direct-marketing"]);
        purposes.Single(p => p.Key == "business-restructuring").Recipients.ShouldContain(r => r.Kind == RecipientKind.Acquirer);
    }

    [Fact]
    public void ImportingTwiceYieldsTheSameSet()
    {
        var first = Import();
        var second = Import();

        second.Purposes.Select(p => (p.Id, p.Key, p.Status)).ShouldBe(first.Purposes.Select(p => (p.Id, p.Key, p.Status)));
        second.Purposes.Select(p => p.Id).ShouldBe(first.Keys.Select(PrivacyNoticeRegister.IdFor));
        second.NotYetIn(first.Keys).ShouldBeEmpty();
        second.NotYetIn(first.Keys.Where(k => k != "surveys")).Select(p => p.Key).ShouldBe(["surveys"]);
    }

    [Fact]
    public void FailsWhenTheNoticeCitesOtherBasesThanTheRegister()
    {
        var notice = PrivacyNotice().Replace(
            "geschillen zo snel en efficiënt mogelijk worden onderzocht en opgelost (Art. 6 Par. 1 lit. f AVG)",
            "geschillen zo snel en efficiënt mogelijk worden onderzocht en opgelost (Art. 6 Par. 1 lit. b AVG)", StringComparison.Ordinal);

        var result = PrivacyNoticeRegister.Import(notice, Officer, Now);

        var error = result.Errors.Single();
        error.Code.ShouldBe("register.import.bases_differ");
        error.Arguments!["key"].ShouldBe("disputes");
        error.Arguments["notice"].ShouldBe("b");
        error.Arguments["curated"].ShouldBe("f");
    }

    [Fact]
    public void FailsWhenTheNoticeHasAPurposeTheRegisterDoesNotKnow()
    {
        var notice = PrivacyNotice().Replace("Beveiliging\n", "Klantevenementen\nWij nodigen u uit (Art. 6 Par. 1 lit. f AVG).\nBeveiliging\n", StringComparison.Ordinal);

        PrivacyNoticeRegister.Import(notice, Officer, Now).Codes().ShouldBe(["register.import.section_unknown"]);
    }

    [Fact]
    public void FailsWhenAPurposeOfTheRegisterIsMissingFromTheNotice()
    {
        var notice = PrivacyNotice().Replace("Bedrijfsherstructurering\n", "", StringComparison.Ordinal);

        PrivacyNoticeRegister.Import(notice, Officer, Now).Codes().ShouldContain("register.import.section_missing");
    }

    [Fact]
    public void CuratesExactlyTheBasesTheNoticeNamesPlusDocumentedAdditions()
    {
        foreach (var entry in DefaultRegister.Purposes)
        {
            var extra = entry.Definition.LawfulBases.Select(b => b.Kind).Except(entry.BasesNamedInNotice).ToList();
            if (extra.Count > 0)
            {
                entry.Interpretation.ShouldNotBeNullOrWhiteSpace(entry.Definition.Key);
            }
            entry.BasesNamedInNotice.Except(entry.Definition.LawfulBases.Select(b => b.Kind)).ShouldBeEmpty(entry.Definition.Key);
        }
    }
}
