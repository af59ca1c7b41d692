using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Documents;

/// <summary>The case's documents panel (Dutch) on the real service and database: who sees which buttons, and only what applies.</summary>
public sealed class DocumentsPanelTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ClaimsPrincipal _officer = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseDocuments>(_factory.Services));
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<IRenderedComponent<DocumentsPanel>> RenderPanel(Guid requestId, bool readOnly = false)
    {
        RenderProviders();
        // The stamp the case page holds and hands to the panel (ADR 0028).
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<DocumentsPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp).Add(c => c.ReadOnly, readOnly));
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=documents-loading]").ShouldBeEmpty());
        return panel;
    }

    private async Task<IReadOnlyList<string>> OfferedKindsAsync(IRenderedComponent<DocumentsPanel> panel)
    {
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<DocumentKind?>>().Instance.OpenMenu());
        panel.WaitForAssertion(() => FindAllInProviders(".mud-list-item").ShouldNotBeEmpty());
        return FindAllInProviders(".mud-list-item");
    }

    [Fact]
    public async Task AnOfficerIsOfferedOnlyTheDocumentsThatApplyAndWarnedAboutTheExampleProfile()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);
        SignIn(_officer);

        var panel = await RenderPanel(requestId);

        panel.Find("[data-testid=documents-example-profile]").TextContent.ShouldContain("voorbeeldwaarden");
        panel.Find("[data-testid=generate-document]").HasAttribute("disabled").ShouldBeTrue();
        panel.FindAll("[data-testid=case-file-download]").ShouldBeEmpty();
        panel.Find("[data-testid=documents-panel]").TextContent.ShouldContain("Nog geen documenten");
        // An erasure in progress without decisions: only the acknowledgement (no response, no copy of data).
        (await OfferedKindsAsync(panel)).ShouldBe(["Ontvangstbevestiging"]);
    }

    [Fact]
    public async Task ARecipientNotificationOffersTheCasesRecipients()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true);
        var obligations = ActivatorUtilities.CreateInstance<CaseObligations>(_factory.Services);
        var recipients = (await obligations.RecipientsAsync(_officer, requestId, Xunit.TestContext.Current.CancellationToken)).Value;
        (await obligations.PlanRecipientsAsync(_officer, requestId, (await recipients.Case.StampAsync(_factory)), Xunit.TestContext.Current.CancellationToken)).IsSuccess.ShouldBeTrue();
        SignIn(_officer);

        var panel = await RenderPanel(requestId);
        var offered = await OfferedKindsAsync(panel);

        offered.ShouldContain("Antwoord op uw verzoek");
        offered.ShouldContain("Kennisgeving aan ontvanger (art. 19 AVG)");
        offered.Count(k => k.StartsWith("Kennisgeving", StringComparison.Ordinal)).ShouldBe(1);
        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<DocumentKind?>>().Instance.SelectOption(DocumentKind.RecipientNotification));
        panel.WaitForAssertion(() => panel.Find("[data-testid=documents-recipient]"));
    }

    [Fact]
    public async Task AnAuditorGetsTheCaseFileButNoGenerateForm()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        SignIn(await Callers.ForAsync(_factory, "auditor@privacydesk.test"));

        var panel = await RenderPanel(requestId, readOnly: true);

        panel.FindAll("[data-testid=documents-generate]").ShouldBeEmpty();
        panel.FindAll("[data-testid=generate-document]").ShouldBeEmpty();
        var download = panel.Find("[data-testid=case-file-download]");
        download.TextContent.ShouldContain("Dossier downloaden");
        download.GetAttribute("href").ShouldBe(DocumentEndpoints.CaseFilePath(requestId, "nl"), "one click on a link, one file: no generate step first");
        download.HasAttribute("download").ShouldBeTrue();
        panel.Find("[data-testid=documents-panel]").TextContent.ShouldContain("Op deze zaak is nog niets gemaakt.");
    }

    [Fact]
    public async Task ATeamLeadGetsBothTheGenerateFormAndTheCaseFile()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, handlerEmail: "lead@privacydesk.test");
        SignIn(await Callers.ForAsync(_factory, "lead@privacydesk.test"));

        var panel = await RenderPanel(requestId);

        panel.Find("[data-testid=documents-generate]");
        panel.Find("[data-testid=case-file-download]");
        (await OfferedKindsAsync(panel)).ShouldBe(["Ontvangstbevestiging", "Kopie van uw persoonsgegevens"]);
    }

    [Fact]
    public async Task TheCopyOfDataSaysWhyItCannotBeGeneratedWhileACollectionTaskIsOpen()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var handler = await ObligationCases.ActorAsync(_factory, "officer@privacydesk.test");
        await using (var db = _factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PrivacyDesk.Data.PrivacyDeskDbContext>>().CreateDbContext())
        {
            // Arranged in the data layer, opened as the case unit of work opens its context (ADR 0028).
            db.AllowCaseChanges();
            var request = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Requests, r => r.Id == requestId, Xunit.TestContext.Current.CancellationToken);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            request.PlanDataCollection(handler, DateTimeOffset.UtcNow, today, ["Kernbank"], request.DueOn).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        SignIn(_officer);
        var panel = await RenderPanel(requestId);

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<DocumentKind?>>().Instance.SelectOption(DocumentKind.CopyOfData));

        panel.WaitForAssertion(() => panel.Find("[data-testid=documents-not-yet]").TextContent.ShouldContain("niet elke verzameltaak is afgerond (nog open: Kernbank)"));
        panel.Find("[data-testid=generate-document]").HasAttribute("disabled").ShouldBeTrue();
        // The service refuses as well, with the same reason, and stores nothing.
        var generated = await ActivatorUtilities.CreateInstance<CaseDocuments>(_factory.Services)
            .GenerateAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), DocumentKind.CopyOfData, "nl", null, Xunit.TestContext.Current.CancellationToken);
        generated.Errors.ShouldHaveSingleItem().Code.ShouldBe(DocumentErrors.CopyCollectionOpen.Code);
    }

    [Fact]
    public async Task NoExampleWarningOnceTheRealProfileIsSaved()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var profiles = scope.ServiceProvider.GetRequiredService<ControllerProfileAdministration>();
            var form = (await profiles.GetAsync(admin, Xunit.TestContext.Current.CancellationToken)).Value;
            var saved = await profiles.SaveAsync(admin, form with
            {
                Contact = form.Contact with { Name = "Noordzee Bank N.V.", Address = "Postbus 4000\n1000 AA Amsterdam", DpoName = "Mr. E. Bos", DpoEmail = "fg@noordzeebank.nl" },
            }, Xunit.TestContext.Current.CancellationToken);
            saved.IsSuccess.ShouldBeTrue(string.Join(", ", saved.Errors));
            saved.Value.IsExample.ShouldBeFalse();
        }
        SignIn(_officer);

        var panel = await RenderPanel(requestId);

        panel.FindAll("[data-testid=documents-example-profile]").ShouldBeEmpty();
        panel.Find("[data-testid=documents-generate]");
    }

    [Fact]
    public async Task GeneratingFromThePanelListsTheNewVersionWithItsDownloadLink()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        SignIn(_officer);
        var panel = await RenderPanel(requestId);

        await panel.InvokeAsync(() => panel.FindComponent<MudSelect<DocumentKind?>>().Instance.SelectOption(DocumentKind.Acknowledgement));
        panel.WaitForAssertion(() => panel.Find("[data-testid=generate-document]").HasAttribute("disabled").ShouldBeFalse());
        await panel.InvokeAsync(() => panel.Find("[data-testid=generate-document]").Click());

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=document-row]").Count.ShouldBe(1), TimeSpan.FromSeconds(10));
        panel.Find("[data-testid=document-title]").TextContent.ShouldBe("Ontvangstbevestiging");
        panel.Find("[data-testid=document-version]").TextContent.ShouldBe("Versie 1");
        panel.Find("[data-testid=document-row]").TextContent.ShouldContain("Nederlands");
        var download = panel.Find("[data-testid=document-download]");
        download.GetAttribute("href").ShouldStartWith("/documents/");
        download.GetAttribute("download").ShouldEndWith("-acknowledgement-nl.pdf");
        panel.FindAll("[data-testid=documents-error]").ShouldBeEmpty();
    }
}
