using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Issue 10 on the case page: what the assessment offers for an objection, and the Art. 22 review form (Dutch).</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class PurposeDecisionPanelTests : MudBunitContext
{
    private static List<string?> Options(IRenderedComponent<AssessmentPanel> panel, PurposeRow row) =>
        [.. panel.Find($"[data-purpose='{row.PurposeId}']").QuerySelectorAll("[data-testid=decision-option]").Select(e => e.GetAttribute("data-option"))];

    [Fact]
    public void AnObjectionToKycOffersNoFullComplyAndNoNotApplicableOnlyThePartOnLegitimateInterest()
    {
        RenderProviders();
        var view = CasePanelTests.Case(RequestType.Objection);
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true));

        var options = Options(panel, kyc);
        options.ShouldNotContain(nameof(DecisionKind.Comply), "the Wwft part cannot stop");
        options.ShouldNotContain(nameof(DecisionKind.NotApplicable), "an Art. 21(1) objection is upheld or refused with grounds");
        options.ShouldContain(nameof(DecisionKind.PartiallyComply));
        options.ShouldContain($"{DecisionKind.Refuse}:{RefusalGround.CompellingLegitimateGrounds}");
    }

    [Fact]
    public void AnObjectionToAPurposeOnLegitimateInterestAloneIsUpheldOrRefusedWithGroundsNeverNotApplicable()
    {
        RenderProviders();
        var view = CasePanelTests.Case(RequestType.Objection);
        var disputes = view.Purposes.Single(p => p.Key == "product-improvement");

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true));

        var options = Options(panel, disputes);
        options.ShouldContain(nameof(DecisionKind.Comply));
        options.ShouldNotContain(nameof(DecisionKind.NotApplicable));
        options.ShouldContain($"{DecisionKind.Refuse}:{RefusalGround.CompellingLegitimateGrounds}");
    }

    [Fact]
    public void APortabilityRefusalOnTheRightsOfOthersIsLabelledArticle20Paragraph4()
    {
        RenderProviders();
        var view = CasePanelTests.Case(RequestType.Portability);
        var products = view.Purposes.Single(p => p.Key == "products-and-services");

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true));

        panel.FindAll($"[data-purpose='{products.PurposeId}'] [data-option='{DecisionKind.Refuse}:{RefusalGround.RightsOfOthers}']").ShouldHaveSingleItem();
        var label = panel.Find($"[data-purpose='{products.PurposeId}'] [data-testid=decision-options]").TextContent.Replace('\u00A0', ' ');
        label.ShouldContain("art. 20 lid 4 AVG");
        label.ShouldNotContain("15 lid 4");
    }

    [Fact]
    public void TheReviewFormSendsWhatWasTypedAndShowsARefusalInPlainDutch()
    {
        RenderProviders();
        var view = CasePanelTests.Case(RequestType.AutomatedDecisionReview);
        AutomatedReviewInput? sent = null;
        var panel = Render<AutomatedReviewPanel>(p => p.Add(x => x.Case, view)
            .Add(x => x.OnRecord, input => { sent = input; return Task.FromResult(Result.Failure(AutomatedDecisionReviewErrors.NewOutcomeRequired)); }));

        panel.Find("[data-testid=adm-review-missing]").TextContent.ShouldContain("nog geen herziening vastgelegd");
        panel.Find("[data-testid=record-adm-review]").TextContent.ShouldContain("Vul eerst de herziening aan");
        panel.Find("[data-testid=adm-decision]").Input("Kredietaanvraag KA-2026-0412");
        panel.Find("[data-testid=adm-subject-view]").Input("Mijn inkomen is gestegen.");
        panel.Find("[data-testid=adm-outcome-changed]").Click();
        panel.Find("[data-testid=adm-explanation]").Input("Nieuwe loonstroken.");
        // A changed decision needs the new one: the button says so before it is pressed, and waits.
        panel.Find("[data-testid=record-adm-review]").HasAttribute("disabled").ShouldBeTrue();
        panel.Find("[data-testid=adm-review-needs]").TextContent.ShouldContain("nieuwe besluit");
        panel.Find("[data-testid=adm-new-outcome]").Input("Krediet toegekend");
        panel.Find("[data-testid=record-adm-review]").HasAttribute("disabled").ShouldBeFalse();
        panel.Find("[data-testid=record-adm-review]").Click();

        sent.ShouldNotBeNull();
        sent.DecisionReference.ShouldBe("Kredietaanvraag KA-2026-0412");
        sent.Outcome.ShouldBe(AutomatedDecisionReviewOutcome.Changed);
        panel.WaitForAssertion(() => panel.Find("[data-testid=adm-review-errors]").TextContent.ShouldContain("Het besluit is gewijzigd: leg het nieuwe besluit vast."));
        panel.Find("[data-testid=adm-decision]").GetAttribute("value").ShouldBe("Kredietaanvraag KA-2026-0412");
    }

    [Fact]
    public void ARecordedReviewShowsWhoWhenTheOutcomeAndWhyAndReadersGetNoForm()
    {
        RenderProviders();
        var view = CasePanelTests.Case(RequestType.AutomatedDecisionReview, can: CaseAbilities.None) with
        {
            AutomatedReview = new AutomatedReviewView("Kredietaanvraag KA-2026-0412", "Mijn inkomen is gestegen.", AutomatedDecisionReviewOutcome.Changed,
                "Krediet toegekend tot EUR 5.000", "Nieuwe loonstroken.", "Sanne de Vries", new DateTimeOffset(2026, 11, 20, 14, 5, 0, TimeSpan.FromHours(1))),
        };

        var panel = Render<AutomatedReviewPanel>(p => p.Add(x => x.Case, view));

        panel.Find("[data-testid=adm-review-outcome]").TextContent.Trim().ShouldBe("Besluit gewijzigd");
        panel.Find("[data-testid=adm-review-new-outcome]").TextContent.ShouldBe("Krediet toegekend tot EUR 5.000");
        panel.Find("[data-testid=adm-review-by]").TextContent.ShouldContain("Sanne de Vries");
        panel.FindAll("[data-testid=record-adm-review]").ShouldBeEmpty();
        panel.FindAll("[data-testid=adm-review-missing]").ShouldBeEmpty();
    }
}

/// <summary>Issue 10 through the real services and SQLite: the Art. 22 review before submission, and a withdrawal's purposes chosen at intake.</summary>
public sealed class PurposeDecisionWorkspaceTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private AsyncServiceScope _scope;

    public ValueTask InitializeAsync()
    {
        _scope = _factory.Services.CreateAsyncScope();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private CaseWorkspace Workspace => _scope.ServiceProvider.GetRequiredService<CaseWorkspace>();

    private async Task<CaseView> OpenAsync(ClaimsPrincipal caller, string reference)
    {
        var opened = await Workspace.ReloadAsync(caller, reference);
        opened.IsSuccess.ShouldBeTrue(string.Join(", ", opened.Errors));
        return opened.Value;
    }

    private static void ShouldSucceed(Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));

    private async Task<CaseView> InProgressAsync(ClaimsPrincipal officer, string reference)
    {
        var view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.TakeAsync(officer, view.Id, view.Stamp));
        view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.StartProcessingAsync(officer, view.Id, view.Stamp));
        return await OpenAsync(officer, reference);
    }

    private async Task<CaseView> DecideAllAsync(ClaimsPrincipal officer, string reference, CaseView view)
    {
        foreach (var row in view.Purposes)
        {
            var option = row.Options[0];
            ShouldSucceed(await Workspace.RecordDecisionAsync(officer, view.Id, view.Stamp,
                new DecisionInput(row.PurposeId, option.Kind, option.Ground, "Voor dit doel nemen wij geen geautomatiseerde besluiten.")));
            view = await OpenAsync(officer, reference);
        }
        return view;
    }

    [Fact]
    public async Task AnArt22CaseIsNotSubmittedWithoutTheRecordedReviewAndIsOnceItIsRecorded()
    {
        var reference = (await CaseWorkspaceData.RegisterAsync(_factory, RequestType.AutomatedDecisionReview)).ToString();
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = await DecideAllAsync(officer, reference, await InProgressAsync(officer, reference));
        view.Purposes.ShouldContain(p => p.Key == "profiling" && p.Decision!.Outcome == PurposeDecisionOutcome.Comply);

        var refused = await Workspace.SubmitForApprovalAsync(officer, view.Id, view.Stamp);

        refused.Errors.Select(e => e.Code).ShouldBe([AutomatedDecisionReviewErrors.Required.Code]);
        view = await OpenAsync(officer, reference);
        view.Status.ShouldBe(RequestStatus.InProgress);

        var incomplete = await Workspace.RecordAutomatedReviewAsync(officer, view.Id, view.Stamp,
            new AutomatedReviewInput("KA-2026-0412", " ", AutomatedDecisionReviewOutcome.Upheld, null, "De score klopt."));
        incomplete.Errors.Select(e => e.Code).ShouldBe([AutomatedDecisionReviewErrors.SubjectViewRequired.Code]);

        ShouldSucceed(await Workspace.RecordAutomatedReviewAsync(officer, view.Id, view.Stamp,
            new AutomatedReviewInput("KA-2026-0412", "Mijn inkomen is gestegen.", AutomatedDecisionReviewOutcome.Upheld, null, "De score klopt met de loonstroken.")));
        view = await OpenAsync(officer, reference);
        view.AutomatedReview.ShouldNotBeNull().ReviewerName.ShouldBe("Sanne de Vries");
        view.AutomatedReview.Outcome.ShouldBe(AutomatedDecisionReviewOutcome.Upheld);
        view.Timeline.ShouldContain(e => e.Action == RequestActions.AutomatedDecisionReviewRecorded);

        ShouldSucceed(await Workspace.SubmitForApprovalAsync(officer, view.Id, view.Stamp));
        (await OpenAsync(officer, reference)).Status.ShouldBe(RequestStatus.AwaitingApproval);
    }

    [Fact]
    public async Task AConsentWithdrawalRegisteredForOnePurposeAsksOnlyAboutThatPurpose()
    {
        _ = _factory.Server;
        var registration = ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var lotte = new NewSubject("Lotte Smit", "lotte.smit@example.nl", null, "C-555001", SubjectCategory.Customer);
        var offered = (await registration.ConsentPurposesAsync(officer, null, SubjectCategory.Customer)).Value;
        var keys = await WithPurposeKeysAsync(offered.Select(o => o.PurposeId));
        keys.ShouldBe(["direct-marketing", "surveys"], ignoreOrder: true);
        var marketing = offered.Select((option, i) => (option.PurposeId, Key: keys[i])).Single(x => x.Key == "direct-marketing").PurposeId;

        var reference = (await registration.RegisterAsync(officer, new NewRequest(RequestType.ConsentWithdrawal, RequestChannel.Phone,
            DateTimeOffset.UtcNow.AddHours(-1), "nl", null, lotte, "Wil geen marketing meer.", [], [marketing]))).Value;

        var view = await OpenAsync(officer, reference);
        view.Purposes.Select(p => p.Key).ShouldBe(["direct-marketing"]);
        view.ConsentScope.ShouldNotBeNull().Options.Single(o => o.Chosen).PurposeId.ShouldBe(marketing);
        view.ConsentScope.Options.Count.ShouldBe(2);
    }

    private async Task<List<string>> WithPurposeKeysAsync(IEnumerable<Guid> ids)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var purposes = await db.Purposes.AsNoTracking().ToListAsync();
        return [.. ids.Select(id => purposes.Single(p => p.Id == id).Key)];
    }
}
