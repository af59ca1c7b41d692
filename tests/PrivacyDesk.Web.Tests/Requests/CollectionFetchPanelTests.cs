using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The collection panel's fetching states (idle, fetching, failed with retry, done, automatic) against a real SQLite source, in Dutch.</summary>
public sealed class CollectionFetchPanelTests : MudBunitContext, IAsyncLifetime
{
    private const string Button = "[data-testid=collection-fetch]";
    private readonly FetchingAppFactory _factory = new();
    private ClaimsPrincipal _officer = default!;
    private int _changed;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseObligations>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseFetching>(_factory.Services));
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        SignIn(_officer);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<Guid> PlannedCaseAsync()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var obligations = ActivatorUtilities.CreateInstance<CaseObligations>(_factory.Services);
        var view = (await obligations.CollectionAsync(_officer, requestId)).Value;
        (await obligations.PlanCollectionAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), new PlanCollectionInput(view.Case.EffectiveDueOn, null)))
            .IsSuccess.ShouldBeTrue();
        return requestId;
    }

    private async Task<IRenderedComponent<CollectionPanel>> PanelAsync(Guid requestId)
    {
        RenderProviders();
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<CollectionPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp).Add(c => c.Changed, () => _changed++));
        panel.WaitForElement("[data-testid=collection-table]");
        return panel;
    }

    /// <summary>What the case page does after a change: read the case again and hand the panel its new stamp.</summary>
    private async Task ReloadAsPageAsync(IRenderedComponent<CollectionPanel> panel, Guid requestId)
    {
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        panel.Render(p => p.Add(c => c.CaseStamp, stamp));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CollectionPanel> panel, string system) =>
        panel.FindAll("tr").First(r => r.TextContent.Contains(system, StringComparison.Ordinal) && r.QuerySelector("[data-testid=collection-status]") is not null);

    [Fact]
    public async Task AConnectedSystemOffersFetchAndAManualOneOnlyTheUpload()
    {
        await _factory.ConnectAsync();
        var panel = await PanelAsync(await PlannedCaseAsync());

        var core = Row(panel, FetchingAppFactory.SystemName);
        core.QuerySelector(Button)!.TextContent.Trim().ShouldBe("Ophalen uit systeem");
        core.QuerySelector("[data-testid=fetch-connected]")!.TextContent.ShouldBe("Gekoppeld systeem");
        Row(panel, "CRM").QuerySelector(Button).ShouldBeNull();
        Row(panel, "CRM").QuerySelector("[data-testid=collection-upload-button]").ShouldNotBeNull();
        _factory.Fetches.ShouldBe(0, "nothing is fetched before the officer asks (the system is not automatic)");
    }

    [Fact]
    public async Task WhileTheSystemIsReadTheRowShowsProgressThenTheStoredRecords()
    {
        await _factory.ConnectAsync();
        var requestId = await PlannedCaseAsync();
        var panel = await PanelAsync(requestId);
        var gate = new TaskCompletionSource();
        _factory.DuringFetch = () => gate.Task;

        Row(panel, FetchingAppFactory.SystemName).QuerySelector(Button)!.Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=fetch-progress]").TextContent
            .ShouldContain("Bezig met ophalen van de gegevens van de betrokkene uit Handelsplatform en kernadministratie"));
        panel.FindAll(Button).ShouldAllBe(b => b.HasAttribute("disabled"), "one fetch at a time");
        gate.SetResult();
        panel.WaitForAssertion(() => panel.Find("[data-testid=fetch-done]").TextContent.ShouldBe("Zojuist opgehaald: 6 records uit 3 tabellen"));
        panel.FindAll("[data-testid=fetch-progress]").ShouldBeEmpty();
        Row(panel, FetchingAppFactory.SystemName).QuerySelector("[data-testid=collection-status]")!.TextContent.ShouldContain("Extract ontvangen");
        Row(panel, FetchingAppFactory.SystemName).QuerySelector(Button)!.TextContent.Trim().ShouldBe("Opnieuw ophalen");
        _changed.ShouldBe(1, "the page reloads after the change");
    }

    [Fact]
    public async Task AFailureNamesTheSystemAndWhyAndRetryFetchesAgain()
    {
        await _factory.ConnectAsync(rowCap: 1);
        var requestId = await PlannedCaseAsync();
        var panel = await PanelAsync(requestId);

        Row(panel, FetchingAppFactory.SystemName).QuerySelector(Button)!.Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=fetch-error]").TextContent
            .ShouldContain("Ophalen uit Handelsplatform en kernadministratie is mislukt. Er is niets opgeslagen"));
        panel.Find("[data-testid=fetch-error]").TextContent.ShouldContain("heeft meer dan 1 rijen voor deze betrokkene");
        Row(panel, FetchingAppFactory.SystemName).QuerySelector("[data-testid=collection-status]")!.TextContent.ShouldContain("Open");
        _changed.ShouldBe(0);

        await _factory.SetRowCapAsync(100);
        var retry = Row(panel, FetchingAppFactory.SystemName).QuerySelector(Button)!;
        retry.TextContent.Trim().ShouldBe("Opnieuw proberen");
        retry.Click();

        panel.WaitForAssertion(() => panel.Find("[data-testid=fetch-done]").TextContent.ShouldContain("6 records"));
        panel.FindAll("[data-testid=fetch-error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnAutomaticSystemIsPlannedAndFetchedWhenTheOfficerOpensTheCaseOnce()
    {
        await _factory.ConnectAsync(automatic: true);
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, verifyIdentity: true);

        var panel = await PanelForAutomaticAsync(requestId);

        await using (var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext())
        {
            (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId)).CollectionTasks.Select(t => t.SourceSystem).ShouldBe([FetchingAppFactory.SystemName]);
        }
        panel.WaitForAssertion(() => panel.Find("[data-testid=fetch-done]").TextContent.ShouldContain("6 records uit 3 tabellen"), TimeSpan.FromSeconds(10));
        _changed.ShouldBe(2, "planned, then fetched: each a change the page reloads after");
        Row(panel, FetchingAppFactory.SystemName).QuerySelector("[data-testid=fetch-connected]")!.TextContent.ShouldBe("Gekoppeld · wordt automatisch opgehaald");

        await ReloadAsPageAsync(panel, requestId);
        await ReloadAsPageAsync(panel, requestId);
        _factory.Fetches.ShouldBe(1, "once per case: a received extract is not fetched again by itself");
    }

    [Fact]
    public async Task AFailingAutomaticSystemWaitsForRetryInsteadOfLooping()
    {
        await _factory.ConnectAsync(automatic: true, rowCap: 1);
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, verifyIdentity: true);
        var panel = await PanelForAutomaticAsync(requestId);

        panel.WaitForAssertion(() => panel.Find("[data-testid=fetch-error]").TextContent.ShouldContain("Handelsplatform en kernadministratie"), TimeSpan.FromSeconds(10));
        await ReloadAsPageAsync(panel, requestId);
        await ReloadAsPageAsync(panel, requestId);

        _factory.Fetches.ShouldBe(1);
        Row(panel, FetchingAppFactory.SystemName).QuerySelector(Button)!.TextContent.Trim().ShouldBe("Opnieuw proberen");
    }

    [Fact]
    public async Task AnAuditorSeesTheConnectedSystemButNoFetchAndNothingStartsForThem()
    {
        await _factory.ConnectAsync(automatic: true);
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, verifyIdentity: true);
        SignIn(await Callers.ForAsync(_factory, "auditor@privacydesk.test"));

        RenderProviders();
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<CollectionPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp).Add(c => c.ReadOnly, true));
        panel.WaitForElement("[data-testid=collection-empty]");

        panel.FindAll(Button).ShouldBeEmpty();
        _factory.Fetches.ShouldBe(0);
        _changed.ShouldBe(0);
    }

    /// <summary>Opens the panel as the page does and lets the automatic planning step land.</summary>
    private async Task<IRenderedComponent<CollectionPanel>> PanelForAutomaticAsync(Guid requestId)
    {
        RenderProviders();
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<CollectionPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp).Add(c => c.Changed, () => _changed++));
        panel.WaitForAssertion(() => _changed.ShouldBe(1), TimeSpan.FromSeconds(10));
        await ReloadAsPageAsync(panel, requestId);
        return panel;
    }
}
