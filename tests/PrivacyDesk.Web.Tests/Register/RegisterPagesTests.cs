using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Register;
using PrivacyDesk.Web.Features.Register;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Register;

/// <summary>The register pages and dialogs against the real service and a real SQLite database holding the seeded register.</summary>
public sealed class RegisterPagesTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ProcessingRegisterService _register = default!;

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _register = ActivatorUtilities.CreateInstance<ProcessingRegisterService>(_factory.Services);
        Services.AddScoped(_ => _register);
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private static IElement Row(IRenderedComponent<ProcessingRegister> page, string key) =>
        page.FindAll("tr").Single(tr => tr.QuerySelector($"[data-key={key}]") is not null);

    private static string Text(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    [Fact]
    public async Task TheListShowsEachPurposeWithItsStatusInWordsItsBasesAndWhatIsWrong()
    {
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var analysis = (await _register.GetAsync(officer, "data-analysis")).Value;
        var form = PurposeForm.From(analysis.Definition);
        form.Basis(LawfulBasisKind.LegitimateInterest).LiaReviewDate = new DateTime(2025, 1, 31);
        (await _register.SaveAsync(officer, analysis.Id, analysis.ConcurrencyStamp, form)).IsSuccess.ShouldBeTrue();
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
        RenderProviders();

        var page = Render<ProcessingRegister>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=purpose-row]").Count.ShouldBe(13));
        var security = Row(page, "security");
        Text(security, "status-chip").ShouldBe("Concept");
        Text(security, "violation-count").ShouldBe("1 op te lossen");
        Text(security, "bases").ShouldBe("Geen rechtsgrond");
        var kyc = Row(page, "identity-verification");
        Text(kyc, "status-chip").ShouldBe("Actief");
        kyc.QuerySelectorAll("[data-testid=basis-chip]").Select(c => c.TextContent.Trim()).ShouldBe(["c · Wettelijke verplichting", "f · Gerechtvaardigd belang"]);
        Text(kyc, "violation-count").ShouldBe("Geen");
        Text(Row(page, "data-analysis"), "warning-count").ShouldBe("1 te herzien");
        Text(Row(page, "data-analysis"), "violation-count").ShouldBe("Geen");
    }

    [Fact]
    public void TheStatusFilterShowsOnlyDraftsAndTheSearchIsBlindToAccents()
    {
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
        RenderProviders();
        var page = Render<ProcessingRegister>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=purpose-row]").Count.ShouldBe(13));

        page.Find("[data-testid=filter-Draft]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=purpose-row]").Select(r => r.GetAttribute("data-key")).ShouldBe(["security"]));
        page.Find("[data-testid=filter-all]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=purpose-row]").Count.ShouldBe(13));
        page.Find("[data-testid=search]").Input("enquetes");
        page.WaitForAssertion(() => page.FindAll("[data-testid=purpose-row]").Select(r => r.GetAttribute("data-key")).ShouldBe(["surveys"]), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void AnAuditorSeesTheRegisterReadOnlyWithoutImportSaveActivateOrRetire()
    {
        SignIn("Pieter Bakker", StaffRole.Auditor);
        RenderProviders();

        var list = Render<ProcessingRegister>();
        list.WaitForAssertion(() => list.FindAll("[data-testid=purpose-row]").Count.ShouldBe(13));
        list.FindAll("[data-testid=import-default]").ShouldBeEmpty();
        list.Find("[data-testid=export-csv]").GetAttribute("href").ShouldBe(RegisterEndpoints.Art30CsvPath);
        // Readers of the register get the Art. 30 record as a PDF too, in the page's language (Dutch here).
        list.Find("[data-testid=export-pdf]").GetAttribute("href").ShouldBe("/register/export/art30.pdf?lang=nl");

        var detail = Render<PurposeDetails>(p => p.Add(d => d.Key, "identity-verification"));
        detail.WaitForAssertion(() => detail.Find("[data-testid=purpose-editor]"));
        detail.FindAll("[data-testid=save-purpose]").ShouldBeEmpty();
        detail.FindAll("[data-testid=retire-purpose]").ShouldBeEmpty();
        detail.FindAll("[data-testid=activate-purpose]").ShouldBeEmpty();
        detail.FindAll("[data-testid=add-recipient]").ShouldBeEmpty();
        detail.Find("[data-testid=read-only-notice]").TextContent.ShouldContain("U kunt het register inzien maar niet wijzigen.");
        detail.Find("[data-testid=field-name-nl]").HasAttribute("readonly").ShouldBeTrue();
        detail.Find("[data-testid=legal-provision]").HasAttribute("readonly").ShouldBeTrue();
    }

    [Fact]
    public void TheLegitimateInterestAssessmentIsAGuidedFormWithAHintUnderEveryTest()
    {
        var form = new PurposeForm();
        form.Basis(LawfulBasisKind.LegitimateInterest).Selected = true;

        var editor = Render<PurposeEditor>(p => p.Add(e => e.Form, form));

        var lia = editor.Find("[data-testid=lia-form]");
        lia.TextContent.ShouldContain("Welk belang dient de verwerking, en is dat rechtmatig, duidelijk omschreven en echt (niet speculatief)?");
        lia.TextContent.ShouldContain("Waarom is deze verwerking nodig voor dat belang, en waarom volstaat een minder ingrijpend middel niet?");
        lia.TextContent.ShouldContain("Weeg het belang af tegen de rechten en redelijke verwachtingen van betrokkenen");
        lia.TextContent.ShouldContain("De conclusie in één zin: mag de verwerking doorgaan, en onder welke voorwaarden?");
        lia.TextContent.ShouldContain("na deze datum toont het register een waarschuwing");
        editor.FindAll("[data-testid=consent-obtained]").ShouldBeEmpty("only a selected basis asks for its evidence");
    }

    [Fact]
    public void TheLiaHintsAreInEnglishForAnEnglishUser()
    {
        UseCulture(LocalizationSetup.English);
        var form = new PurposeForm();
        form.Basis(LawfulBasisKind.LegitimateInterest).Selected = true;

        var editor = Render<PurposeEditor>(p => p.Add(e => e.Form, form));

        editor.Find("[data-testid=lia-form]").TextContent.ShouldContain("Why is this processing needed for that interest, and why would a less intrusive means not do?");
    }

    [Fact]
    public async Task TheActivationDialogListsEveryViolationInPlainLanguageEachWithAWayToItsField()
    {
        var definition = new PurposeDefinition("test", new("Test", "Test"), new("Test", "Test"))
        {
            LawfulBases = [LawfulBasis.LegitimateInterest(null), LawfulBasis.LegalObligation(null)],
            SpecialCategoryData = new SpecialCategoryData("Gezondheid", null),
            Transfers = [new Transfer("CCTV Cloud Inc.", "US", null)],
        };
        IReadOnlyList<Error> violations = RegisterRules.Violations(definition);
        violations.Count.ShouldBe(5);
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<ActivationDialog>("Test activeren", new DialogParameters<ActivationDialog>
        {
            { d => d.Caller, SignIn("Sanne de Vries", StaffRole.PrivacyOfficer) },
            { d => d.PurposeId, Guid.NewGuid() },
            { d => d.ConcurrencyStamp, Guid.NewGuid() },
            { d => d.Name, "Test" },
            { d => d.Violations, violations },
        }));

        provider.WaitForAssertion(() => provider.FindAll("[data-testid=violation-item]").Count.ShouldBe(5));
        provider.Find("[data-testid=violation-summary]").TextContent.ShouldContain("Los eerst deze 5 punten op");
        var texts = provider.FindAll("[data-testid=violation-text]").Select(e => e.TextContent).ToList();
        texts.ShouldContain("Bij gerechtvaardigd belang ontbreekt de belangenafweging (LIA).");
        texts.ShouldContain("Bij wettelijke verplichting moet de wetsbepaling zijn vastgelegd (wet en artikel, bijvoorbeeld Wwft art. 33).");
        texts.ShouldContain("Er worden bijzondere persoonsgegevens verwerkt zonder uitzonderingsgrond van art. 9 lid 2 AVG.");
        texts.ShouldContain(t => t.Contains("CCTV Cloud Inc. in US", StringComparison.Ordinal));
        texts.ShouldContain("Het doel heeft geen bewaartermijn.");
        provider.FindAll("[data-testid=violation-goto]").Count.ShouldBe(5);
        provider.FindAll("[data-testid=activation-submit]").ShouldBeEmpty("a purpose that breaks a rule cannot be activated");
    }

    [Fact]
    public async Task ConfirmingActivationShowsTheServersRefusalWhenThePurposeStillBreaksARule()
    {
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var security = (await _register.GetAsync(officer, "security")).Value;
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<ActivationDialog>("Beveiliging activeren", new DialogParameters<ActivationDialog>
        {
            { d => d.Caller, officer },
            { d => d.PurposeId, security.Id },
            { d => d.ConcurrencyStamp, security.ConcurrencyStamp },
            { d => d.Name, "Beveiliging" },
        }));

        provider.Find("[data-testid=activation-submit]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=violation-text]").TextContent
            .ShouldBe("Het doel heeft geen rechtsgrond (art. 6 lid 1 AVG). Alleen geanonimiseerde gegevens hebben er geen nodig."));
        (await _register.GetAsync(officer, "security")).Value.Status.ShouldBe(PurposeStatus.Draft);
    }

    [Fact]
    public void ARefusedSaveShowsEachProblemAtItsSectionAndKeepsWhatTheUserTyped()
    {
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
        RenderProviders();
        var page = Render<PurposeDetails>(p => p.Add(d => d.Key, "identity-verification"));
        page.WaitForAssertion(() => page.Find("[data-testid=purpose-editor]"));

        page.Find("[data-testid=field-name-nl]").Change("Identiteit en rekening");
        page.Find("[data-testid=legal-provision]").Change("");
        page.Find("[data-testid=save-purpose]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=save-errors]").TextContent.ShouldContain("Niet opgeslagen: eerst 1 punt oplossen."));
        page.Find("[data-testid=section-basis-c]").TextContent.ShouldContain("Bij wettelijke verplichting moet de wetsbepaling zijn vastgelegd");
        page.Find("[data-testid=field-name-nl]").GetAttribute("value").ShouldBe("Identiteit en rekening");
    }

    [Fact]
    public async Task TheHistoryShowsWhoChangedWhatAndWhenNewestFirst()
    {
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var kyc = (await _register.GetAsync(lead, "identity-verification")).Value;
        var form = PurposeForm.From(kyc.Definition);
        form.RetentionAmount = 7;
        (await _register.SaveAsync(lead, kyc.Id, kyc.ConcurrencyStamp, form)).IsSuccess.ShouldBeTrue();

        var history = Render<PurposeHistory>(p => p.Add(h => h.Caller, lead).Add(h => h.PurposeId, kyc.Id));

        history.WaitForAssertion(() => history.FindAll("[data-testid=history-entry]").Count.ShouldBe(3));
        var entries = history.FindAll("[data-testid=history-entry]");
        entries.Select(e => e.GetAttribute("data-action")).ShouldBe(["register.purpose.retention_set", "register.purpose.activated", "register.purpose.drafted"]);
        entries[0].TextContent.ShouldContain("Bewaartermijn gewijzigd");
        entries[0].TextContent.ShouldContain("Fatima El Amrani");
        entries[0].QuerySelector("[data-testid=history-before]")!.TextContent.ShouldStartWith("5 jaar na het einde van de relatie, ");
        entries[0].QuerySelector("[data-testid=history-after]")!.TextContent.ShouldStartWith("7 jaar na het einde van de relatie, ");
        entries[2].TextContent.ShouldContain("(f) gerechtvaardigd belang: ");
        entries[2].TextContent.ShouldContain("(herbeoordeling 2027-06-30)");
        entries[1].TextContent.ShouldContain("Concept");
        entries[1].TextContent.ShouldContain("Actief");
    }

    [Theory]
    [InlineData(LocalizationSetup.Dutch, "25 nov. 2026", "5 mei 2027")]
    [InlineData(LocalizationSetup.English, "25 Nov 2026", "5 May 2027")]
    public void DatesAreWrittenTheWayTheReadersLanguageWritesThem(string culture, string november, string may)
    {
        UseCulture(culture);

        RegisterLabels.Date(new DateOnly(2026, 11, 25)).ShouldBe(november);
        RegisterLabels.Date(new DateOnly(2027, 5, 5)).ShouldBe(may);
    }
}
