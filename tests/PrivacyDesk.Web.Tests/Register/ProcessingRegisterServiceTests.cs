using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Documents.Csv;
using PrivacyDesk.Documents.Register;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Register;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Register;

/// <summary>
/// The register service against the real app on its own SQLite file, with the default register
/// seeded at start-up (13 purposes; "security" is the Draft without a lawful basis).
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class ProcessingRegisterServiceTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ProcessingRegisterService _register = default!;
    private ClaimsPrincipal _officer = default!;
    private ClaimsPrincipal _lead = default!;
    private ClaimsPrincipal _auditor = default!;
    private ClaimsPrincipal _admin = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _register = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<ProcessingRegisterService>();
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        _lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        _auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");
        _admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<int> AuditCountAsync() => WithDbAsync(db => db.AuditEvents.CountAsync());

    private async Task<PurposeDetail> DetailAsync(string key) => (await _register.GetAsync(_officer, key)).Value;

    private static void FillLia(BasisForm basis, DateTime? review)
    {
        basis.Selected = true;
        basis.LiaPurposeTest = "Veilige werkomgeving en bescherming van eigendommen.";
        basis.LiaNecessityTest = "Toegangscontrole alleen met camera's bij de ingangen; geen minder ingrijpend middel.";
        basis.LiaBalancingTest = "Bezoekers worden bij de ingang geïnformeerd; beelden alleen bij incidenten bekeken.";
        basis.LiaOutcome = "Toegestaan, beperkt tot ingangen en 4 weken bewaren.";
        basis.LiaReviewDate = review;
    }

    [Fact]
    public async Task ADraftWithoutBasisGetsALegitimateInterestAssessmentAndIsActivated()
    {
        var security = await DetailAsync("security");
        security.Status.ShouldBe(PurposeStatus.Draft);
        security.Violations.Select(v => v.Code).ShouldBe([RegisterErrors.BasisMissing.Code]);
        var form = PurposeForm.From(security.Definition);
        FillLia(form.Basis(LawfulBasisKind.LegitimateInterest), new DateTime(2027, 11, 1));

        var saved = await _register.SaveAsync(_officer, security.Id, security.ConcurrencyStamp, form);
        saved.IsSuccess.ShouldBeTrue(string.Join(", ", saved.Errors));
        var reloaded = await DetailAsync("security");
        reloaded.Violations.ShouldBeEmpty();
        var activated = await _register.ActivateAsync(_officer, reloaded.Id, reloaded.ConcurrencyStamp);

        activated.IsSuccess.ShouldBeTrue(string.Join(", ", activated.Errors));
        var active = await DetailAsync("security");
        active.Status.ShouldBe(PurposeStatus.Active);
        active.Definition.Basis(LawfulBasisKind.LegitimateInterest)!.Assessment!.ReviewDate.ShouldBe(new DateOnly(2027, 11, 1));
        var history = (await _register.HistoryAsync(_officer, active.Id)).Value;
        history.Select(h => h.Action).Take(2).ShouldBe(["register.purpose.activated", "register.purpose.basis_added"]);
        history[0].ActorName.ShouldBe("Sanne de Vries");
        history[0].Changes.ShouldContain(c => c.Field == "Status" && c.Before == "Draft" && c.After == "Active");
        history[^1].Action.ShouldBe("register.purpose.drafted");
    }

    [Fact]
    public async Task ActivationReturnsEveryViolationAtOnceAndLeavesTheDraftAsItWas()
    {
        var security = await DetailAsync("security");
        var form = PurposeForm.From(security.Definition);
        form.HasSpecialCategoryData = true;
        form.SpecialCategoryDescription = "Gezondheidsgegevens bij incidenten";
        form.Transfers.Add(new TransferForm { Recipient = "CCTV Cloud Inc.", Country = "us" });
        form.RetentionAmount = null;
        form.RetentionGround = "";
        (await _register.SaveAsync(_officer, security.Id, security.ConcurrencyStamp, form)).IsSuccess.ShouldBeTrue("a draft may be incomplete");
        var draft = await DetailAsync("security");

        var result = await _register.ActivateAsync(_officer, draft.Id, draft.ConcurrencyStamp);

        result.Errors.Select(e => e.Code).ShouldBe(
        [
            RegisterErrors.BasisMissing.Code,
            RegisterErrors.SpecialCategoryConditionMissing.Code,
            RegisterErrors.TransferSafeguardMissing.Code,
            RegisterErrors.RetentionMissing.Code,
        ], ignoreOrder: true);
        result.Errors.Single(e => e.Code == RegisterErrors.TransferSafeguardMissing.Code).Arguments!["country"].ShouldBe("US");
        (await DetailAsync("security")).Status.ShouldBe(PurposeStatus.Draft);
    }

    [Fact]
    public async Task AnEditThatWouldBreakAnActivePurposeIsRefusedWithEveryViolationAndChangesNothing()
    {
        var kyc = await DetailAsync("identity-verification");
        kyc.Status.ShouldBe(PurposeStatus.Active);
        var audit = await AuditCountAsync();
        var form = PurposeForm.From(kyc.Definition);
        form.NameNl = "Identiteitscontrole";
        form.Basis(LawfulBasisKind.LegalObligation).LegalProvision = " ";
        form.RetentionAmount = null;
        form.RetentionGround = "";

        var result = await _register.SaveAsync(_officer, kyc.Id, kyc.ConcurrencyStamp, form);

        result.Errors.Select(e => e.Code).ShouldBe([RegisterErrors.LegalProvisionMissing.Code, RegisterErrors.RetentionMissing.Code], ignoreOrder: true);
        var after = await DetailAsync("identity-verification");
        after.Definition.Name.Nl.ShouldBe(kyc.Definition.Name.Nl);
        after.Definition.Retention.ShouldBe(kyc.Definition.Retention);
        after.ConcurrencyStamp.ShouldBe(kyc.ConcurrencyStamp);
        (await AuditCountAsync()).ShouldBe(audit);
    }

    [Fact]
    public async Task EditingAnActivePurposeRecordsEachChangedFieldBeforeAndAfter()
    {
        var kyc = await DetailAsync("identity-verification");
        var form = PurposeForm.From(kyc.Definition);
        form.RetentionAmount = 7;
        form.Recipients.Add(new RecipientForm { Name = "Autoriteit Financiële Markten (AFM)", Kind = RecipientKind.Regulator, Country = "nl" });

        (await _register.SaveAsync(_lead, kyc.Id, kyc.ConcurrencyStamp, form)).IsSuccess.ShouldBeTrue();

        var after = await DetailAsync("identity-verification");
        after.Status.ShouldBe(PurposeStatus.Active);
        after.Definition.Retention!.Amount.ShouldBe(7);
        after.Definition.Recipients.ShouldContain(new Recipient("Autoriteit Financiële Markten (AFM)", RecipientKind.Regulator, "NL"));
        var history = (await _register.HistoryAsync(_auditor, kyc.Id)).Value;
        history.Take(2).Select(h => h.Action).ShouldBe(["register.purpose.retention_set", "register.purpose.recipient_added"], ignoreOrder: true);
        var retention = history.First(h => h.Action == "register.purpose.retention_set");
        retention.ActorName.ShouldBe("Fatima El Amrani");
        retention.Changes.Single().Before!.ShouldStartWith("5 years");
        retention.Changes.Single().After!.ShouldStartWith("7 years");
    }

    [Fact]
    public async Task TheSecondOfTwoStaleSavesIsToldWhoChangedThePurposeAndIsNotSaved()
    {
        var seenByOfficer = await DetailAsync("surveys");
        var seenByLead = await DetailAsync("surveys");
        var leadForm = PurposeForm.From(seenByLead.Definition);
        leadForm.DescriptionEn = "Customer feedback surveys.";
        (await _register.SaveAsync(_lead, seenByLead.Id, seenByLead.ConcurrencyStamp, leadForm)).IsSuccess.ShouldBeTrue();

        var officerForm = PurposeForm.From(seenByOfficer.Definition);
        officerForm.NameEn = "Surveys";
        var result = await _register.SaveAsync(_officer, seenByOfficer.Id, seenByOfficer.ConcurrencyStamp, officerForm);

        var stale = result.Errors.ShouldHaveSingleItem();
        stale.Code.ShouldBe(StaleEdit.Code);
        stale.Arguments!["who"].ShouldBe("Fatima El Amrani");
        var after = await DetailAsync("surveys");
        after.Definition.Name.En.ShouldBe(seenByOfficer.Definition.Name.En);
        after.Definition.Description.En.ShouldBe("Customer feedback surveys.");
    }

    [Fact]
    public async Task RetiringNeedsAReasonAndARetiredPurposeCannotBeChanged()
    {
        var marketing = await DetailAsync("direct-marketing");

        (await _register.RetireAsync(_officer, marketing.Id, marketing.ConcurrencyStamp, "  ")).Errors.Single().Code.ShouldBe(RegisterErrors.ReasonMissing.Code);
        (await _register.RetireAsync(_officer, marketing.Id, marketing.ConcurrencyStamp, "Geen marketing meer per 2027")).IsSuccess.ShouldBeTrue();

        var retired = await DetailAsync("direct-marketing");
        retired.Status.ShouldBe(PurposeStatus.Retired);
        retired.RetirementReason.ShouldBe("Geen marketing meer per 2027");
        var form = PurposeForm.From(retired.Definition);
        form.NameNl = "Marketing";
        (await _register.SaveAsync(_officer, retired.Id, retired.ConcurrencyStamp, form)).Errors.Single().Code.ShouldBe(RegisterErrors.Retired.Code);
    }

    [Fact]
    public async Task ImportingTheDefaultRegisterAddsOnlyWhatIsMissingAndKeepsBeveiligingADraftWithItsViolation()
    {
        var first = await _register.ImportDefaultAsync(_officer);
        first.Value.ShouldBe(new RegisterImportOutcome(0, 13));

        await WithDbAsync(async db =>
        {
            db.Purposes.Remove(await db.Purposes.SingleAsync(p => p.Key == "security"));
            return await db.SaveChangesAsync();
        });
        var second = await _register.ImportDefaultAsync(_officer);
        var third = await _register.ImportDefaultAsync(_lead);

        second.Value.ShouldBe(new RegisterImportOutcome(1, 12));
        third.Value.ShouldBe(new RegisterImportOutcome(0, 13));
        var security = await DetailAsync("security");
        security.Status.ShouldBe(PurposeStatus.Draft);
        security.Violations.Select(v => v.Code).ShouldBe([RegisterErrors.BasisMissing.Code]);
        (await _register.HistoryAsync(_officer, security.Id)).Value[0].ActorName.ShouldBe("Sanne de Vries");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == ProcessingRegisterService.ImportedAction))).ShouldBe(3);
    }

    [Fact]
    public async Task ANewPurposeStartsAsADraftAndABadOrTakenKeyIsRefusedWithEveryProblemAtOnce()
    {
        var bad = await _register.CreateAsync(_officer, new NewPurpose("Klant Opnames!", "Gespreksopnamen", "", "Opnemen van telefoongesprekken.", "Recording calls."));
        var taken = await _register.CreateAsync(_officer, new NewPurpose("security", "Beveiliging 2", "Security 2", "x", "y"));
        var byAuditor = await _register.CreateAsync(_auditor, new NewPurpose("call-recordings", "Gespreksopnamen", "Call recordings", "x", "y"));

        bad.Errors.Select(e => e.Code).ShouldBe([RegisterErrors.KeyInvalid.Code, RegisterErrors.NameMissing.Code], ignoreOrder: true);
        taken.Errors.ShouldHaveSingleItem().Code.ShouldBe(RegisterErrors.KeyTaken.Code);
        byAuditor.Errors.ShouldHaveSingleItem().Code.ShouldBe("auth.forbidden");

        var created = await _register.CreateAsync(_officer, new NewPurpose(" Call-Recordings ", "Gespreksopnamen", "Call recordings", "Opnemen van telefoongesprekken.", "Recording calls."));

        created.Value.ShouldBe("call-recordings");
        var draft = await DetailAsync("call-recordings");
        draft.Status.ShouldBe(PurposeStatus.Draft);
        draft.Violations.Select(v => v.Code).ShouldBe([RegisterErrors.BasisMissing.Code, RegisterErrors.RetentionMissing.Code]);
        (await _register.HistoryAsync(_officer, draft.Id)).Value.Single().Action.ShouldBe("register.purpose.drafted");
        (await _register.ListAsync(_officer)).Value.Count.ShouldBe(14);
    }

    [Fact]
    public async Task ListsEveryPurposeWithCountsAndFiltersByStatusAndAccentBlindName()
    {
        var all = (await _register.ListAsync(_auditor)).Value;
        var drafts = (await _register.ListAsync(_auditor, PurposeStatus.Draft)).Value;
        var found = (await _register.ListAsync(_auditor, search: "ENQUETES")).Value;

        all.Count.ShouldBe(13);
        drafts.ShouldHaveSingleItem().Key.ShouldBe("security");
        drafts[0].Violations.ShouldBe(1);
        drafts[0].Bases.ShouldBeEmpty();
        all.Single(p => p.Key == "identity-verification").Bases.ShouldBe([LawfulBasisKind.LegalObligation, LawfulBasisKind.LegitimateInterest]);
        found.ShouldHaveSingleItem().Key.ShouldBe("surveys", "'Verzenden van enquêtes' is found without its accent");
        (await _register.ListAsync(_auditor, search: "beveiliging")).Value.ShouldHaveSingleItem().Key.ShouldBe("security");
    }

    [Fact]
    public async Task AnLiaPastItsReviewDateIsAWarningNotABlock()
    {
        var analysis = await DetailAsync("data-analysis");
        var form = PurposeForm.From(analysis.Definition);
        form.Basis(LawfulBasisKind.LegitimateInterest).LiaReviewDate = new DateTime(2025, 1, 31);

        (await _register.SaveAsync(_officer, analysis.Id, analysis.ConcurrencyStamp, form)).IsSuccess.ShouldBeTrue();

        var row = (await _register.ListAsync(_officer)).Value.Single(p => p.Key == "data-analysis");
        row.Status.ShouldBe(PurposeStatus.Active);
        row.Warnings.ShouldBe(1);
        row.Violations.ShouldBe(0);
        (await DetailAsync("data-analysis")).Warnings.Single().Arguments!["reviewDate"].ShouldBe("2025-01-31");
    }

    [Fact]
    public async Task AuditorsReadButTheServerRefusesTheirChangesAndAdministratorsSeeNothing()
    {
        var kyc = (await _register.GetAsync(_auditor, "identity-verification")).Value;
        var form = PurposeForm.From(kyc.Definition);
        form.NameNl = "Door een auditor gewijzigd";
        var audit = await AuditCountAsync();

        (await _register.SaveAsync(_auditor, kyc.Id, kyc.ConcurrencyStamp, form)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _register.RetireAsync(_auditor, kyc.Id, kyc.ConcurrencyStamp, "reden")).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _register.ImportDefaultAsync(_auditor)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _register.ListAsync(_admin)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _register.GetAsync(_admin, "identity-verification")).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await AuditCountAsync()).ShouldBe(audit);
        (await DetailAsync("identity-verification")).Definition.Name.Nl.ShouldBe(kyc.Definition.Name.Nl);
    }

    [Fact]
    public async Task TheArt30CsvHasEveryPurposeWithDutchHeadersABomAndDiacriticsAndTheExportIsAudited()
    {
        using var client = await SignedInClient.CreateAsync(_factory, "auditor@privacydesk.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-NL");

        var response = await client.GetAsync(new Uri(RegisterEndpoints.Art30CsvPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.ToString().ShouldContain("verwerkingsregister-art30-");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the byte-order mark to read UTF-8");
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(14);
        var header = lines[0].Split(';');
        header.Length.ShouldBe(Art30Csv.Columns.Count);
        header.ShouldContain("Doel van de verwerking (art. 30 lid 1 sub b)");
        header.ShouldContain("Ontvangers (art. 30 lid 1 sub d)");
        header.ShouldContain("Doorgifte buiten de EER en waarborgen (art. 30 lid 1 sub e)");
        header.ShouldContain("Bewaartermijn (art. 30 lid 1 sub f)");
        var kyc = lines.Single(l => l.StartsWith("identity-verification;", StringComparison.Ordinal));
        kyc.ShouldContain("Actief");
        kyc.ShouldContain("c · Wettelijke verplichting | f · Gerechtvaardigd belang");
        kyc.ShouldContain("Wwft art. 33");
        lines.ShouldContain(l => l.Contains("Autoriteit Financiële Markten (AFM) (toezichthouder, NL)", StringComparison.Ordinal));
        var security = lines.Single(l => l.StartsWith("security;", StringComparison.Ordinal));
        security.ShouldContain(";Concept;Het doel heeft geen rechtsgrond (art. 6 lid 1 AVG).");
        security.ShouldContain("1 maand na het verzamelen");
        var exported = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == ProcessingRegisterService.ExportedAction));
        exported.ActorName.ShouldBe("Pieter Bakker");
        exported.Details!.ShouldContain("\"purposes\":\"13\"");
    }

    [Theory]
    [InlineData("nl-NL", "nl")]
    [InlineData("en-GB", "en")]
    public async Task TheArt30CsvWordsTheEvidenceOfABasisAsTheArt30PdfDoes(string acceptLanguage, string language)
    {
        using var client = await SignedInClient.CreateAsync(_factory, "officer@privacydesk.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var bytes = await client.GetByteArrayAsync(new Uri(RegisterEndpoints.Art30CsvPath, UriKind.Relative));

        var kyc = await WithDbAsync(db => db.Purposes.AsNoTracking().SingleAsync(p => p.Key == "identity-verification"));
        var evidence = string.Join(" | ", kyc.LawfulBases.OrderBy(b => b.Kind).Select(b => $"({b.Kind.Letter()}) {RegisterWording.EvidenceText(b, language)}"));
        evidence.ShouldContain(language == "nl" ? "Doeltoets: " : "Purpose test: ");
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        csv.ShouldContain(CsvFile.Cell(evidence));
    }

    [Fact]
    public async Task AnEnglishUserGetsTheArt30CsvWithEnglishHeadersAndLabels()
    {
        using var client = await SignedInClient.CreateAsync(_factory, "officer@privacydesk.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");

        var bytes = await client.GetByteArrayAsync(new Uri(RegisterEndpoints.Art30CsvPath, UriKind.Relative));

        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(';').ShouldContain("Purpose of the processing (Art. 30(1)(b))");
        var kyc = lines.Single(l => l.StartsWith("identity-verification;", StringComparison.Ordinal));
        kyc.ShouldContain(";Active;");
        kyc.ShouldContain("c · Legal obligation | f · Legitimate interest");
        kyc.ShouldContain("Customer due diligence (KYC)");
    }

    [Fact]
    public async Task TheCsvExportIsClosedToAdministratorsAndToAnonymousCallers()
    {
        using var admin = await SignedInClient.CreateAsync(_factory, "admin@privacydesk.test");
        using var anonymous = SignedInClient.Anonymous(_factory);

        var forAdmin = await admin.GetAsync(new Uri(RegisterEndpoints.Art30CsvPath, UriKind.Relative));
        var forAnonymous = await anonymous.GetAsync(new Uri(RegisterEndpoints.Art30CsvPath, UriKind.Relative));

        forAdmin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forAdmin.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        forAnonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forAnonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == ProcessingRegisterService.ExportedAction))).ShouldBe(0);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("Wwft art. 3; art. 33", "\"Wwft art. 3; art. 33\"")]
    [InlineData("Financiële gegevens", "Financiële gegevens")]
    [InlineData(" =1+2", "' =1+2")]
    [InlineData("\uFF1D1+2", "'\uFF1D1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void CsvCellsAreQuotedAndNeverRunAsFormulas(string value, string cell) => PrivacyDesk.Documents.Csv.CsvFile.Cell(value).ShouldBe(cell);
}
