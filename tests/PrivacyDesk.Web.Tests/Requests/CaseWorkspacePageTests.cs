using AngleSharp.Dom;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;
using CaseWorkspacePage = PrivacyDesk.Web.Components.Pages.Requests.CaseWorkspace;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The case page against the real service and database, as each role sees it.</summary>
public sealed class CaseWorkspacePageTests : MudBunitContext, IAsyncLifetime
{
    private static readonly string[] ActionTestIds =
    [
        "take-case", "record-identity", "request-proof", "start-processing", "record-decision", "submit-for-approval",
        "approve", "send-back", "mark-responded", "add-note", "confirm-id-copy-deleted", "generate-document",
    ];

    private readonly PrivacyDeskAppFactory _factory = new();
    private readonly FixedUser _signedIn = new();
    private bool _providers;

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseWorkspace>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseObligations>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseFetching>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<PrivacyDesk.Web.Features.SourceChanges.CaseSourceChanges>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseAttachments>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<PrivacyDesk.Web.Features.Documents.CaseDocuments>(_factory.Services));
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<PrivacyDesk.Web.Features.Delivery.AnswerDeliveries>());
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<PrivacyDesk.Web.Features.Delivery.RecipientNotices>());
        // The real signed-in ids, so "is this my case" is answered as in the app.
        Services.AddSingleton<AuthenticationStateProvider>(_signedIn);
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private CaseWorkspace Workspace => Services.GetRequiredService<CaseWorkspace>();

    private async Task<IRenderedComponent<CaseWorkspacePage>> RenderAsAsync(string email, RequestReference reference)
    {
        _signedIn.Become(await Callers.ForAsync(_factory, email));
        if (!_providers)
        {
            RenderProviders();
            _providers = true;
        }
        var page = Render<CaseWorkspacePage>(p => p.Add(x => x.Reference, reference.ToString()));
        page.WaitForElement("[data-testid=case-header]", TimeSpan.FromSeconds(10));
        return page;
    }

    private static IEnumerable<string> VisibleActions(IRenderedComponent<CaseWorkspacePage> page) =>
        ActionTestIds.Where(id => page.FindAll($"[data-testid={id}]").Count > 0);

    /// <summary>A case the lead handles and has submitted for approval.</summary>
    private async Task<RequestReference> SubmittedByTheLeadAsync()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        async Task<CaseView> Read() => (await Workspace.ReloadAsync(lead, reference.ToString())).Value;
        var view = await Read();
        (await Workspace.TakeAsync(lead, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();
        view = await Read();
        (await Workspace.StartProcessingAsync(lead, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();
        foreach (var row in (await Read()).Purposes)
        {
            view = await Read();
            (await Workspace.RecordDecisionAsync(lead, view.Id, view.Stamp, new DecisionInput(row.PurposeId, DecisionKind.Comply))).IsSuccess.ShouldBeTrue();
        }
        view = await Read();
        (await Workspace.SubmitForApprovalAsync(lead, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();
        return reference;
    }

    /// <summary>Opens a folded step as a reader does: a step's panels are rendered once it is first opened (ADR 0049).</summary>
    private static void OpenStep(IRenderedComponent<CaseWorkspacePage> page, CaseStep step)
    {
        var card = page.Find($"[data-testid=step-{step}]");
        if (card.GetAttribute("data-open") != "true")
        {
            page.Find($"[data-testid=step-{step}] [data-testid=step-toggle]").Click();
        }
    }

    [Fact]
    public async Task AnAuditorSeesTheWholeCaseButNoActionAtAll()
    {
        var reference = await SubmittedByTheLeadAsync();

        var page = await RenderAsAsync("auditor@privacydesk.test", reference);

        page.Find("[data-testid=read-only]").ShouldNotBeNull();
        OpenStep(page, CaseStep.Decide);
        page.FindAll("[data-testid=purpose-row]").ShouldNotBeEmpty();
        page.FindAll("[data-testid=timeline-entry]").ShouldNotBeEmpty();
        VisibleActions(page).ShouldBeEmpty();
    }

    [Fact]
    public async Task StartingProcessingOnThePageOffersTheArt19RecipientPlanWithoutAReload()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Erasure);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = (await Workspace.ReloadAsync(officer, reference.ToString())).Value;
        (await Workspace.TakeAsync(officer, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();

        var page = await RenderAsAsync("officer@privacydesk.test", reference);
        OpenStep(page, CaseStep.DraftResponse);
        page.WaitForElement("[data-testid=recipients-empty]", TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=recipients-plan]").ShouldBeEmpty("nothing to plan before processing starts");
        page.Find("[data-testid=start-processing]").Click();

        // The panels follow the case on the page: processing has started, so the recipients can be planned now.
        page.WaitForElement("[data-testid=recipients-plan]", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TheHandlerNeverSeesApproveOnTheirOwnCaseAndAnotherTeamLeadDoes()
    {
        var reference = await SubmittedByTheLeadAsync();

        var handler = await RenderAsAsync("lead@privacydesk.test", reference);
        handler.FindAll("[data-testid=approve]").ShouldBeEmpty();
        handler.FindAll("[data-testid=send-back]").ShouldBeEmpty();
        handler.Find("[data-testid=approval-waiting]").ShouldNotBeNull();

        await CaseWorkspaceData.SecondTeamLeadAsync(_factory);
        var other = await RenderAsAsync("lead2@privacydesk.test", reference);
        other.Find("[data-testid=approve]").ShouldNotBeNull();
        other.Find("[data-testid=step-Approval]").GetAttribute("data-state").ShouldBe("current");
    }

    [Fact]
    public async Task AnOfficerWhoMayNotSeeTheCaseGetsTheNotFoundOrNotYoursState()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = (await Workspace.ReloadAsync(officer, reference.ToString())).Value;
        (await Workspace.TakeAsync(officer, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();

        _signedIn.Become(await Callers.ForAsync(_factory, "officer2@privacydesk.test"));
        RenderProviders();
        var page = Render<CaseWorkspacePage>(p => p.Add(x => x.Reference, reference.ToString()));

        page.WaitForElement("[data-testid=case-not-found]", TimeSpan.FromSeconds(10));
        page.Markup.ShouldNotContain("Ayşe");
        page.Markup.ShouldNotContain("Sanne de Vries");
    }

    [Fact]
    public async Task AStaleSaveSaysWhoChangedItAndKeepsTheTypedNote()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var page = await RenderAsAsync("officer@privacydesk.test", reference);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var leadView = (await Workspace.ReloadAsync(lead, reference.ToString())).Value;
        (await Workspace.AddNoteAsync(lead, leadView.Id, leadView.Stamp, "Teamleider was eerst.")).IsSuccess.ShouldBeTrue();

        page.Find("[data-testid=note-text]").Input("Mijn notitie");
        page.Find("[data-testid=add-note]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=stale-alert]").TextContent.ShouldContain("Fatima El Amrani"), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=note-text]").GetAttribute("value").ShouldBe("Mijn notitie");
        page.Find("[data-testid=reload]").Click();
        page.WaitForAssertion(() => page.FindAll("[data-testid=note-text-shown]").Select(e => e.TextContent).ShouldContain("Teamleider was eerst."), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=note-text]").GetAttribute("value").ShouldBe("Mijn notitie");
    }

    /// <summary>An erasure the officer handles and has started: every purpose waits for a decision.</summary>
    private async Task<(RequestReference Reference, PurposeRow Row, DecisionOption Option)> StartedErasureAsync()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Erasure);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = (await Workspace.ReloadAsync(officer, reference.ToString())).Value;
        (await Workspace.TakeAsync(officer, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();
        view = (await Workspace.ReloadAsync(officer, reference.ToString())).Value;
        (await Workspace.StartProcessingAsync(officer, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();
        view = (await Workspace.ReloadAsync(officer, reference.ToString())).Value;
        // A choice other than the proposal (which is preselected), so the radio is what changes what is recorded.
        var (row, option) = view.Purposes
            .SelectMany(r => r.Options.Select(o => (Row: r, Option: o)))
            .First(x => !x.Option.NeedsReference && !x.Option.NeedsDemonstration
                && x.Option.Key != (x.Row.Proposal?.Decision is { } p ? new DecisionOption(p.Kind, p.Ground).Key : null));
        return (reference, row, option);
    }

    private static void Choose(IRenderedComponent<CaseWorkspacePage> page, PurposeRow row, DecisionOption option)
    {
        var selector = $"[data-purpose='{row.PurposeId}']";
        var radio = page.Find($"{selector} input[type=radio][data-option='{option.Key}']");
        radio.Change(true);
        page.Find($"{selector} input[type=radio][data-option='{option.Key}']").IsChecked().ShouldBeTrue();
        if (option.NeedsReasons)
        {
            page.Find($"{selector} [data-testid=decision-reasons]").Input("Gekozen via het keuzerondje.");
        }
        page.Find($"{selector} [data-testid=record-decision]").Click();
    }

    [Fact]
    public async Task ChoosingAnOutcomeOnItsRadioButtonRecordsThatDecision()
    {
        var (reference, row, option) = await StartedErasureAsync();
        var page = await RenderAsAsync("officer@privacydesk.test", reference);
        page.FindAll($"[data-purpose='{row.PurposeId}'] [data-testid=decision-chip]").ShouldBeEmpty();

        Choose(page, row, option);

        page.WaitForAssertion(() => page.Find($"[data-purpose='{row.PurposeId}'] [data-testid=decision-chip]"), TimeSpan.FromSeconds(10));
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var saved = (await Workspace.ReloadAsync(officer, reference.ToString())).Value.Purposes.Single(p => p.PurposeId == row.PurposeId).Decision;
        saved.ShouldNotBeNull();
        saved.Ground.ShouldBe(option.Ground);
        saved.Outcome.ToString().ShouldBe(option.Kind.ToString());
    }

    [Fact]
    public async Task AChoiceSavedAfterSomeoneElseChangedTheCaseIsRefusedAsStaleAndStaysChosen()
    {
        var (reference, row, option) = await StartedErasureAsync();
        var page = await RenderAsAsync("officer@privacydesk.test", reference);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var leadView = (await Workspace.ReloadAsync(lead, reference.ToString())).Value;
        (await Workspace.AddNoteAsync(lead, leadView.Id, leadView.Stamp, "Teamleider was eerst.")).IsSuccess.ShouldBeTrue();

        Choose(page, row, option);

        page.WaitForAssertion(() => page.Find("[data-testid=stale-alert]").TextContent.ShouldContain("Fatima El Amrani"), TimeSpan.FromSeconds(10));
        page.Find($"[data-purpose='{row.PurposeId}'] input[type=radio][data-option='{option.Key}']").IsChecked().ShouldBeTrue();
        (await Workspace.ReloadAsync(lead, reference.ToString())).Value.Purposes.Single(p => p.PurposeId == row.PurposeId).Decision.ShouldBeNull();
    }

    private sealed class FixedUser : AuthenticationStateProvider
    {
        private ClaimsPrincipal _user = new();

        public void Become(ClaimsPrincipal user)
        {
            _user = user;
            NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
    }
}
