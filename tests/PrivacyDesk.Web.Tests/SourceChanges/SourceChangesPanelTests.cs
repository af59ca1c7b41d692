using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.SourceChanges;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.SourceChanges;

/// <summary>The "Carry out in source systems" panel's states against a real SQLite source, in Dutch (issue 15).</summary>
public sealed class SourceChangesPanelTests : MudBunitContext, IAsyncLifetime
{
    private readonly ErasureAppFactory _factory = new() { MaxRowsPerTable = 1 };
    private ClaimsPrincipal _officer = default!;
    private ClaimsPrincipal _lead = default!;
    private CaseSourceChanges _service = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSourceChanges>());
        _service = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSourceChanges>();
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        _lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        SignIn(_officer);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<IRenderedComponent<SourceChangesPanel>> PanelAsync(Guid requestId, string waitFor)
    {
        RenderProviders();
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<SourceChangesPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp));
        panel.WaitForElement(waitFor);
        return panel;
    }

    private async Task<SourceChangePlanView> PlannedAsync(Guid requestId)
    {
        (await _service.PlanAsync(_officer, new SeenCase(requestId, await CaseStamps.OfAsync(_factory, requestId)))).IsSuccess.ShouldBeTrue();
        return (await _service.ViewAsync(_officer, requestId)).Value.Plan!;
    }

    private async Task<SourceChangePlanView> ApprovedAsync(Guid requestId)
    {
        var plan = await PlannedAsync(requestId);
        (await _service.ApproveAsync(_lead, requestId, plan.Id, plan.Stamp, confirmLargeChange: true)).IsSuccess.ShouldBeTrue();
        return plan;
    }

    private static AngleSharp.Dom.IElement CoreSystem(IRenderedComponent<SourceChangesPanel> panel) =>
        panel.FindAll("[data-testid=change-system]").Single(e => e.GetAttribute("data-system") == ErasureAppFactory.SystemName);

    [Fact]
    public async Task WithoutDecisionsThePanelSaysToDecideFirstAndOffersNoPlan()
    {
        await _factory.ConnectAsync();
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);

        var panel = await PanelAsync(requestId, "[data-testid=source-changes-empty]");

        panel.Find("[data-testid=source-changes-empty]").GetAttribute("data-reason").ShouldBe(nameof(SourceChangeReadiness.NoDecisions));
        panel.Find("[data-testid=source-changes-empty]").TextContent.ShouldContain("Leg eerst de besluiten vast");
        panel.FindAll("[data-testid=plan-make]").ShouldBeEmpty();
    }

    [Fact]
    public async Task MakingThePlanShowsEachStatementsSqlMaskedParametersAndCountAndWhatIsKept()
    {
        var requestId = await _factory.DecidedErasureAsync(_officer);
        var panel = await PanelAsync(requestId, "[data-testid=plan-make]");

        panel.Find("[data-testid=plan-make]").Click();

        panel.WaitForElement("[data-testid=change-statement]", TimeSpan.FromSeconds(20));
        var core = CoreSystem(panel);
        var statement = core.QuerySelectorAll("[data-testid=change-statement]").Single(s => s.TextContent.Contains("marketing_preferences", StringComparison.Ordinal));
        statement.QuerySelector("[data-testid=change-statement-sql]")!.TagName.ShouldBe("PRE");
        statement.QuerySelector("[data-testid=change-statement-sql]")!.TextContent.ShouldContain("marketing_preferences");
        statement.QuerySelector("[data-testid=change-statement-count]")!.TextContent.ShouldBe("nu 2 record(s)");
        statement.TextContent.ShouldContain("Records verwijderen");
        core.QuerySelector("[data-testid=change-kept]")!.TextContent.ShouldContain("customers");
        core.QuerySelector("[data-testid=change-kept]")!.TextContent.ShouldContain("grond:");
        panel.Markup.ShouldNotContain(ObligationCases.Email);
        panel.Find("[data-testid=plan-status]").TextContent.ShouldBe("Wacht op goedkeuring");
    }

    [Fact]
    public async Task TheHandlerIsToldTheyWaitForATeamLeadAndHasNoApproveButton()
    {
        var requestId = await _factory.DecidedErasureAsync(_officer);
        await PlannedAsync(requestId);

        var panel = await PanelAsync(requestId, "[data-testid=plan-approval]");

        panel.Find("[data-testid=plan-waiting]").TextContent.ShouldContain("teamleider die deze zaak niet behandelde");
        panel.FindAll("[data-testid=plan-approve]").ShouldBeEmpty();
        panel.FindAll("[data-testid=plan-run]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ATeamLeadConfirmsCountsAboveTheMaximumBeforeApprovingThenSeesWhoApproved()
    {
        var requestId = await _factory.DecidedErasureAsync(_officer);
        await PlannedAsync(requestId);
        SignIn(_lead);
        var panel = await PanelAsync(requestId, "[data-testid=plan-approve]");

        panel.Find("[data-testid=plan-approve]").HasAttribute("disabled").ShouldBeTrue("2 rows exceed the maximum of 1: a second confirmation first");
        panel.Find("[data-testid=plan-confirm-large]").TextContent.ShouldContain("meer dan het maximum van 1 per tabel");
        panel.Find("[data-testid=plan-confirm-large] input").Change(true);
        panel.Find("[data-testid=plan-approve]").HasAttribute("disabled").ShouldBeFalse();
        panel.Find("[data-testid=plan-approve]").Click();

        panel.WaitForElement("[data-testid=plan-approved-by]", TimeSpan.FromSeconds(20));
        panel.Find("[data-testid=plan-approved-by]").TextContent.ShouldContain("Goedgekeurd door Fatima El Amrani");
        panel.Find("[data-testid=plan-status]").TextContent.ShouldBe("Goedgekeurd");
    }

    [Fact]
    public async Task AfterTheRunTheSystemShowsDoneWithTheProofTable()
    {
        var requestId = await _factory.DecidedErasureAsync(_officer);
        await ApprovedAsync(requestId);
        var panel = await PanelAsync(requestId, "[data-testid=plan-run]");

        panel.Find("[data-testid=plan-run]").Click();

        panel.WaitForAssertion(() => CoreSystem(panel).GetAttribute("data-state").ShouldBe("Done"), TimeSpan.FromSeconds(20));
        var core = CoreSystem(panel);
        core.QuerySelector("[data-testid=change-system-state]")!.TextContent.ShouldBe("Uitgevoerd · aangetoond");
        var row = core.QuerySelectorAll("[data-testid=change-proof-row]").Single(r => r.TextContent.Contains("marketing_preferences", StringComparison.Ordinal));
        row.GetAttribute("data-holds").ShouldBe("true");
        core.QuerySelector("[data-testid=change-proof-title]")!.TextContent.ShouldContain("elke tabel bevat wat moet blijven");
    }

    [Fact]
    public async Task ASystemThatFailsShowsTheReasonInDutchAndOffersRetry()
    {
        var requestId = await _factory.DecidedErasureAsync(_officer);
        await ApprovedAsync(requestId);
        // The table disappears between approval and run: the system fails and nothing in it changes.
        await _factory.ChangeSourceAsync("ALTER TABLE marketing_preferences RENAME TO marketing_preferences_old");
        (await _service.RunAsync(_officer, requestId, (await _service.ViewAsync(_officer, requestId)).Value.Plan!.Id)).IsSuccess.ShouldBeTrue();

        var panel = await PanelAsync(requestId, "[data-testid=change-system-failed]");

        CoreSystem(panel).GetAttribute("data-state").ShouldBe("Failed");
        var reason = panel.Find("[data-testid=change-system-failed]").TextContent;
        reason.ShouldStartWith("Mislukt:");
        reason.ShouldContain("In dit systeem is niets gewijzigd");
        reason.ShouldNotContain("source.change");
        reason.ShouldNotContain("{");
        panel.Find("[data-testid=plan-run]").TextContent.ShouldContain("Opnieuw wat over is");
    }
}
