using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using static PrivacyDesk.Domain.Tests.Sources.Changes.DemoBank;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Sources.Changes;

public sealed class SourceChangePlannerTests
{
    private static readonly (string, PurposeIntent)[] FormerCustomerErases =
    [
        ("direct-marketing", PurposeIntent.Change),
        ("surveys", PurposeIntent.Change),
        ("product-improvement", PurposeIntent.Change),
        ("profiling", PurposeIntent.Change),
        ("disputes", PurposeIntent.Change),
        ("products-and-services", PurposeIntent.Change),
        ("internal-records", PurposeIntent.Change),
        ("identity-verification", PurposeIntent.Keep),
        ("legal-compliance", PurposeIntent.Keep),
    ];

    private static SourceChangeProposal Plan(SourceChangeInput input)
    {
        var result = SourceChangePlanner.Plan(input);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        return result.Value;
    }

    [Fact]
    public void AFormerCustomersErasureDeletesMarketingAndSurveysKeepsKycUntilTheWwftEndAndMasksOnlyTheErasedColumnsOfASharedTable()
    {
        var subject = FormerCustomer();

        var proposal = Plan(Input(RequestType.Erasure, subject, Intents(FormerCustomerErases), Systems()));

        proposal.Kind.ShouldBe(RequestType.Erasure);
        proposal.Systems.Select(s => s.SystemName).ShouldBe([CoreName, "KYC-tool", "Marketingplatform", "Enquêteplatform"]);
        Describe(proposal).ShouldBe(
        [
            // complaints (disputes only) go; customers also serve legal-compliance (Wwft), so only contact details not needed for it are masked.
            $"{CoreName}: DeleteRows public.complaints",
            $"{CoreName}: MaskColumns public.customers [email, phone]",
            // Children before their parent.
            "Marketingplatform: DeleteRows public.consents",
            "Marketingplatform: DeleteRows public.marketing_preferences",
            "Marketingplatform: DeleteRows public.contacts",
            "Enquêteplatform: DeleteRows public.survey_answers",
        ]);
        var wwftEnd = subject.RelationshipEnd!.Value.AddYears(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        DescribeKept(proposal).ShouldBe(
        [
            $"{CoreName}: public.accounts for legal-compliance until {wwftEnd}",
            $"{CoreName}: public.customers for legal-compliance until {wwftEnd}",
            $"{CoreName}: public.transactions for legal-compliance until {wwftEnd}",
            $"KYC-tool: public.kyc_checks for identity-verification until {wwftEnd}",
            $"KYC-tool: public.kyc_customers for identity-verification until {wwftEnd}",
            $"KYC-tool: public.kyc_customers for legal-compliance until {wwftEnd}",
            $"KYC-tool: public.kyc_documents for identity-verification until {wwftEnd}",
        ]);
        var kyc = proposal.Systems.Single(s => s.SystemName == "KYC-tool");
        kyc.Changes.ShouldBeEmpty();
        kyc.Kept[0].Retention!.Ground.ShouldContain("Wwft art. 33");
        proposal.Systems.ShouldAllBe(s => !s.IsManual && s.ByHand.Count == 0);
        // The core customer row keeps what the Wwft needs: number, name and address stay; the kept columns are listed.
        proposal.Systems[0].Kept.Single(k => k.Table == "customers").Columns.ShouldBe(["customer_number", "full_name", "street"]);
    }

    [Fact]
    public void WhileTheRelationshipRunsKeptDataHaveNoEndDateYet()
    {
        var proposal = Plan(Input(RequestType.Erasure, Customer(), Intents(FormerCustomerErases), Systems()));

        proposal.Systems.SelectMany(s => s.Kept).ShouldAllBe(k => k.Until == null);
        proposal.Systems.SelectMany(s => s.Kept).ShouldAllBe(k => k.Retention != null);
    }

    [Fact]
    public void APurposeOfTheSubjectWithoutAnIntentIsKeptAndAPurposeLeftAloneIsIgnored()
    {
        // Only marketing and products-and-services are decided; legal-compliance and internal-records have no decision: kept.
        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(),
            Intents(("products-and-services", PurposeIntent.Change), ("direct-marketing", PurposeIntent.Change), ("disputes", PurposeIntent.None)),
            Systems()));

        Describe(proposal).ShouldBe(
        [
            "Marketingplatform: DeleteRows public.consents",
            "Marketingplatform: DeleteRows public.marketing_preferences",
            "Marketingplatform: DeleteRows public.contacts",
        ]);
        // disputes (None) is neither changed nor kept; core appears because products-and-services names it, and keeps everything.
        var core = proposal.Systems.Single(s => s.SystemName == CoreName);
        core.Changes.ShouldBeEmpty();
        core.Kept.Select(k => k.PurposeKey).ShouldNotContain("disputes");
        core.Kept.Select(k => k.PurposeKey).ShouldContain("internal-records");
    }

    [Fact]
    public void OnlySystemsAnErasedPurposeNamesOrUsesAppear()
    {
        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("surveys", PurposeIntent.Change)), Systems()));

        // surveys names CRM (no record here) and the survey platform; core, KYC, marketing and visitors are not concerned.
        proposal.Systems.Select(s => s.SystemName).ShouldBe(["Enquêteplatform"]);
    }

    [Fact]
    public void NoSubjectPurposeChangesMeansNoSystem()
    {
        Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("legal-compliance", PurposeIntent.Keep)), Systems())).Systems.ShouldBeEmpty();
    }

    [Fact]
    public void ATableToDeleteThatAKeptTablePointsAtIsMaskedInsteadWithANote()
    {
        // accounts only serves products-and-services (erased), but transactions (kept for legal-compliance) point at it.
        var map = CoreMap.With("accounts", t => t with { PurposeKeys = ["products-and-services"] });
        var core = Connected(CoreName, map);

        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(),
            Intents(("products-and-services", PurposeIntent.Change), ("legal-compliance", PurposeIntent.Keep), ("internal-records", PurposeIntent.Change), ("profiling", PurposeIntent.Keep), ("disputes", PurposeIntent.Keep)),
            [core]));

        var accounts = proposal.Systems.Single().Changes.Single(c => c.Table == "accounts");
        accounts.Operation.ShouldBe(SourceChangeOperation.MaskColumns);
        accounts.Columns.Select(c => c.Column).ShouldBe(["iban", "product"]);
        accounts.Note.ShouldBe(SourceChangeTexts.KeptTablePointsHere);
        SourceChangeTexts.Text(accounts.Note!, "en").ShouldStartWith("Masked instead of deleted");
    }

    [Fact]
    public void DeletionsGoChildrenFirstAlongTheWholeChain()
    {
        // Everything in core serves only erased purposes: transactions before accounts, accounts and complaints before customers
        // (a table no one points at goes as soon as it comes in the map's order).
        var map = new DataMap([.. CoreMap.Tables.Select(t => t with { PurposeKeys = ["products-and-services"] })]);
        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("products-and-services", PurposeIntent.Change)), [Connected(CoreName, map)]));

        Describe(proposal).ShouldBe(
        [
            $"{CoreName}: DeleteRows public.complaints",
            $"{CoreName}: DeleteRows public.transactions",
            $"{CoreName}: DeleteRows public.accounts",
            $"{CoreName}: DeleteRows public.customers",
        ]);
    }

    [Fact]
    public void AnOutOfScopeTablePointingAtTheSubjectsRowsKeepsThemAndIsNeverChanged()
    {
        // Found while planning: deleting customers would cascade into (or fail on) the audit table the office keeps out of scope.
        var map = new DataMap([.. CoreMap.Tables.Select(t => t with { PurposeKeys = ["products-and-services"] }),
            new MappedTable("public", "audit_log", false, "Technical log, no subject data", [], [Id("log_id"), Ref("customer_id")], [To("customer_id", "customers", "customer_id")])]);

        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("products-and-services", PurposeIntent.Change)), [Connected(CoreName, map)]));

        Describe(proposal).ShouldContain($"{CoreName}: MaskColumns public.customers [customer_number, full_name, email, phone, street] (note)");
        Describe(proposal).ShouldNotContain(d => d.Contains("audit_log"));
    }

    [Fact]
    public void LookupTablesAreNeverChanged()
    {
        // accounts -> products is a lookup: the product row is shared by every customer holding it.
        var map = new DataMap([.. CoreMap.With("accounts", t => t with
            {
                PurposeKeys = ["products-and-services"],
                Columns = [.. t.Columns, Ref("product_id")],
                References = [.. t.References, To("product_id", "products", "product_id")],
            }).Tables.Select(t => t with { PurposeKeys = ["products-and-services"] }),
            Table("products", ["products-and-services"], [Id("product_id"), Text("name", Transactions)])]);

        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("products-and-services", PurposeIntent.Change)), [Connected(CoreName, map)]));

        Describe(proposal).ShouldNotContain(d => d.Contains("products"));
        Describe(proposal).ShouldContain($"{CoreName}: DeleteRows public.accounts");
    }

    [Fact]
    public void AMaskColumnsTableMasksEveryCategoryColumnByItsMaskButNeverAKeyOrReference()
    {
        var map = MarketingMap
            .With("contacts", t => t with { Erasure = ErasureMethod.MaskColumns })
            .With("consents", t => (t with { Erasure = ErasureMethod.MaskColumns })
                .WithColumn("wording_version", c => c with { Mask = new ColumnMask(MaskStrategy.FixedValue, "verwijderd") }))
            .With("marketing_preferences", t => (t with { Erasure = ErasureMethod.MaskColumns })
                .WithColumn("channel", c => c with { Mask = new ColumnMask(MaskStrategy.KeyedHash) }));

        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("direct-marketing", PurposeIntent.Change)), [Connected("Marketingplatform", map)]));

        Describe(proposal).ShouldBe(
        [
            "Marketingplatform: MaskColumns public.consents [wording_version=verwijderd]",
            "Marketingplatform: MaskColumns public.marketing_preferences [channel]",
            // contacts.customer_number identifies but holds no category: the rule masks category columns only.
            "Marketingplatform: MaskColumns public.contacts [email]",
        ]);
        var changes = proposal.Systems.Single().Changes;
        changes[0].Columns.Single().Mask.ShouldBe(MaskStrategy.FixedValue);
        changes[1].Columns.Single().Mask.ShouldBe(MaskStrategy.KeyedHash);
        changes[2].Columns.Single().Mask.ShouldBe(MaskStrategy.Null);
        changes.SelectMany(c => c.Columns).Select(c => c.Column).ShouldNotContain("contact_id");
    }

    [Fact]
    public void ManualSystemsAndSystemsPrivacyDeskMayNotChangeBecomeInstructionsForTheirTeam()
    {
        var archive = Connected("Archief", DataMap.Empty, kind: ConnectorKind.Manual);
        var readOnly = Connected("Marketingplatform", MarketingMap, erasureConnection: false);

        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(("direct-marketing", PurposeIntent.Change), ("disputes", PurposeIntent.Change)), [archive, readOnly]));

        var manual = proposal.Systems.Single(s => s.SystemName == "Archief");
        manual.IsManual.ShouldBeTrue();
        var instruction = manual.ByHand.ShouldHaveSingleItem();
        instruction.Table.ShouldBeNull();
        instruction.PurposeKeys.ShouldBe(["disputes"]);
        instruction.Reason.ShouldBe(SourceChangeTexts.ManualSystem);
        var marketing = proposal.Systems.Single(s => s.SystemName == "Marketingplatform");
        marketing.IsManual.ShouldBeTrue();
        marketing.Changes.ShouldBeEmpty();
        marketing.ByHand.Select(h => $"{h.Operation} {h.Table}").ShouldBe(["DeleteRows public.consents", "DeleteRows public.marketing_preferences", "DeleteRows public.contacts"]);
        marketing.ByHand.ShouldAllBe(h => h.Reason == SourceChangeTexts.NoErasureConnection);
    }

    [Fact]
    public void ASystemWithoutAMapIsDoneByHandForEveryErasedPurposeThatNamesIt()
    {
        var core = Connected(CoreName, DataMap.Empty);

        var proposal = Plan(Input(RequestType.Erasure, FormerCustomer(), Intents(FormerCustomerErases), [core]));

        var instruction = proposal.Systems.Single().ByHand.ShouldHaveSingleItem();
        instruction.Reason.ShouldBe(SourceChangeTexts.NoMap);
        instruction.PurposeKeys.ShouldBe(["products-and-services", "profiling", "disputes", "internal-records"]);
    }

    [Fact]
    public void RestrictionSetsTheMapsMarkerOrAsksForItByHand()
    {
        var map = MarketingMap
            .With("contacts", t => t with { Restriction = new RestrictionMarker("processing_restricted", "1") })
            .With("consents", t => t with { Restriction = new RestrictionMarker(null, null, "public", "restricted_rows", "row_id") });

        var proposal = Plan(Input(RequestType.Restriction, FormerCustomer(), Intents(("direct-marketing", PurposeIntent.Change)), [Connected("Marketingplatform", map)]));

        var system = proposal.Systems.Single();
        Describe(proposal).ShouldBe(
        [
            "Marketingplatform: MarkRestricted public.consents (note)",
            "Marketingplatform: MarkRestricted public.contacts [processing_restricted=1]",
        ]);
        var byHand = system.ByHand.ShouldHaveSingleItem();
        byHand.Table.ShouldBe("public.marketing_preferences");
        byHand.Reason.ShouldBe(SourceChangeTexts.NoRestrictionMarker);
        system.Kept.ShouldBeEmpty();
        system.IsManual.ShouldBeFalse();
    }

    private static SourceCorrection Correction(string system, string table, string column, string value) =>
        new(Guid.NewGuid(), system, "public", table, column, value, Officer.Name, Now);

    [Fact]
    public void RectificationWritesEachCorrectionIntoItsTableAndColumn()
    {
        var proposal = Plan(Input(RequestType.Rectification, FormerCustomer(), Intents(("products-and-services", PurposeIntent.Change)), Systems(),
        [
            Correction("handelsplatform en kernadministratie ", "customers", "street", "Dorpsstraat 12"),
            Correction(CoreName, "customers", "full_name", "Jan Jansen-de Boer"),
            Correction("KYC-tool", "kyc_customers", "full_name", "Jan Jansen-de Boer"),
        ]));

        Describe(proposal).ShouldBe(
        [
            $"{CoreName}: Rectify public.customers [full_name=Jan Jansen-de Boer, street=Dorpsstraat 12]",
            "KYC-tool: Rectify public.kyc_customers [full_name=Jan Jansen-de Boer]",
        ]);
        proposal.Systems[0].Changes[0].PurposeKeys.ShouldBe(["products-and-services"]);
    }

    [Fact]
    public void ACorrectionNamingAColumnOrTableOrSystemNotInTheMapOrAKeyIsACodedError()
    {
        var result = SourceChangePlanner.Plan(Input(RequestType.Rectification, FormerCustomer(), Intents(("products-and-services", PurposeIntent.Change)), Systems(),
        [
            Correction(CoreName, "customers", "nickname", "Jantje"),
            Correction(CoreName, "branches", "city", "Utrecht"),
            Correction("Onbekend systeem", "customers", "street", "x"),
            Correction(CoreName, "accounts", "customer_id", "7"),
        ]));

        result.Codes().ShouldBe(
        [
            SourceChangeErrors.CorrectionTargetUnknown.Code,
            SourceChangeErrors.CorrectionTargetUnknown.Code,
            SourceChangeErrors.CorrectionTargetUnknown.Code,
            SourceChangeErrors.CorrectionColumnIsKey.Code,
        ], ignoreOrder: true);
        result.Errors.ShouldContain(e => e.Arguments!["column"] == "nickname" && e.Arguments["table"] == "public.customers");
    }

    [Fact]
    public void ARectificationInASystemPrivacyDeskMayNotChangeIsAskedOfItsTeam()
    {
        var readOnlyCore = Connected(CoreName, CoreMap, erasureConnection: false);

        var proposal = Plan(Input(RequestType.Rectification, FormerCustomer(), Intents(("products-and-services", PurposeIntent.Change)),
            [readOnlyCore, Connected("KYC-tool", KycMap)],
            [Correction("KYC-tool", "kyc_customers", "full_name", "Jan Jansen-de Boer")]));

        var core = proposal.Systems.Single(s => s.SystemName == CoreName);
        core.IsManual.ShouldBeTrue();
        var instruction = core.ByHand.ShouldHaveSingleItem();
        instruction.Operation.ShouldBe(SourceChangeOperation.Rectify);
        instruction.PurposeKeys.ShouldBe(["products-and-services"]);
        instruction.Reason.ShouldBe(SourceChangeTexts.NoErasureConnection);
        Describe(proposal).ShouldBe(["KYC-tool: Rectify public.kyc_customers [full_name=Jan Jansen-de Boer]"]);
    }

    [Fact]
    public void RightsThatChangeNoSourceSystemAreRefused()
    {
        SourceChangePlanner.Plan(Input(RequestType.Access, FormerCustomer(), Intents(), Systems())).Codes().ShouldBe([SourceChangeErrors.KindNotChanging.Code]);
    }

    [Fact]
    public void TheSameInputGivesTheSamePlan()
    {
        var systems = Systems();
        var subject = FormerCustomer();

        var first = Plan(Input(RequestType.Erasure, subject, Intents(FormerCustomerErases), systems));
        var second = Plan(Input(RequestType.Erasure, subject, Intents([.. FormerCustomerErases.Reverse()]), [.. systems]));

        Describe(second).ShouldBe(Describe(first));
        DescribeKept(second).ShouldBe(DescribeKept(first));
    }
}
