using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Issue 13's short case page: finished steps fold to one line that says what was done, and the sticky bar names the next action.</summary>
public sealed class CaseStepsTests : MudBunitContext
{
    private static readonly DateTimeOffset Checked = new(2026, 12, 3, 10, 15, 0, TimeSpan.FromHours(1));

    private IRenderedComponent<CaseStepCard> Card(CaseStep step, CaseStep current, StepSummary? summary = null, bool? startsOpen = null) =>
        Render<CaseStepCard>(p => p
            .Add(x => x.Step, step).Add(x => x.Current, current).Add(x => x.Summary, summary).Add(x => x.StartsOpen, startsOpen)
            .AddChildContent("<p data-testid=\"step-content\">Inhoud</p>"));

    private static bool Shown(IRenderedComponent<CaseStepCard> card) => !card.Find(".pd-step-body").HasAttribute("hidden");

    [Fact]
    public void AFinishedStepIsOneLineSayingWhatWasDoneAndOpensOnAClick()
    {
        var card = Card(CaseStep.VerifyIdentity, CaseStep.DraftResponse, new IdentitySummary(IdentityVerificationMethod.KnownChannel, Checked));

        card.Find("[data-testid=step-VerifyIdentity]").GetAttribute("data-open").ShouldBe("false");
        Shown(card).ShouldBeFalse();
        card.Find("[data-testid=step-summary]").TextContent.Trim().ShouldBe("Identiteit vastgesteld op 3 dec. 2026 (Bekend kanaal)");

        card.Find("[data-testid=step-toggle]").Click();

        card.Find("[data-testid=step-VerifyIdentity]").GetAttribute("data-open").ShouldBe("true");
        Shown(card).ShouldBeTrue();
        card.FindAll("[data-testid=step-summary]").ShouldBeEmpty("the open step shows its content, not the summary");
        card.Find("[data-testid=step-toggle]").GetAttribute("aria-expanded").ShouldBe("true");

        card.Find("[data-testid=step-toggle]").Click();
        Shown(card).ShouldBeFalse();
    }

    [Fact]
    public void AStepNeverOpenedHoldsNoPanelsAndOnceOpenedKeepsThemWhileFolded()
    {
        var card = Card(CaseStep.VerifyIdentity, CaseStep.DraftResponse, new IdentitySummary(IdentityVerificationMethod.KnownChannel, Checked));

        // Each open page is a circuit on the server: a folded step's forms and tables cost memory nobody looks at (ADR 0049).
        card.FindAll("[data-testid=step-content]").ShouldBeEmpty();
        card.Find("#step-VerifyIdentity-body").ShouldNotBeNull("the toggle's aria-controls target is there");

        card.Find("[data-testid=step-toggle]").Click();
        card.FindAll("[data-testid=step-content]").Count.ShouldBe(1);

        card.Find("[data-testid=step-toggle]").Click();
        Shown(card).ShouldBeFalse();
        card.FindAll("[data-testid=step-content]").Count.ShouldBe(1, "what was typed or loaded survives folding");
    }

    [Fact]
    public void AStepWhosePanelWorksByItselfIsRenderedWhileFoldedAndNeverOpened()
    {
        // Collect data: its panel fetches the connected systems automatically once the case has started (ADR 0039).
        var card = Render<CaseStepCard>(p => p
            .Add(x => x.Step, CaseStep.CollectData).Add(x => x.Current, CaseStep.Assess).Add(x => x.KeepRendered, true)
            .AddChildContent("<p data-testid=\"step-content\">Inhoud</p>"));

        Shown(card).ShouldBeFalse();
        card.FindAll("[data-testid=step-content]").Count.ShouldBe(1);
    }

    [Fact]
    public void TheCurrentStepIsOpenWithoutAToggleAndALaterStepIsFoldedWithoutASummary()
    {
        var current = Card(CaseStep.Decide, CaseStep.Decide);
        Shown(current).ShouldBeTrue();
        current.FindAll("[data-testid=step-toggle]").ShouldBeEmpty();

        var later = Card(CaseStep.Approval, CaseStep.Decide);
        Shown(later).ShouldBeFalse();
        later.FindAll("[data-testid=step-summary]").ShouldBeEmpty();
        later.Find("[data-testid=step-Approval]").TextContent.ShouldContain("Later");
    }

    [Fact]
    public void AStepOpenedByHandFoldsAgainWhenTheCaseMovesOnAndTheNewCurrentStepOpens()
    {
        var card = Card(CaseStep.Decide, CaseStep.Decide);
        card.Render(p => p.Add(x => x.Current, CaseStep.DraftResponse));
        Shown(card).ShouldBeFalse("a finished step folds");

        card.Find("[data-testid=step-toggle]").Click();
        Shown(card).ShouldBeTrue();
        card.Render(p => p.Add(x => x.Current, CaseStep.Approval));
        Shown(card).ShouldBeFalse("the reader's choice is for the step the case was at");
    }

    [Fact]
    public void WhileAssessIsCurrentDecideIsOpenAndAssessIsOneLineCountingWhatTheLawRequires()
    {
        var view = CasePanelTests.Case() with { CurrentStep = CaseStep.Assess };

        CaseSteps.StartsOpen(view, CaseStep.Decide).ShouldBeTrue();
        CaseSteps.StartsOpen(view, CaseStep.Assess).ShouldBeFalse();
        CaseSteps.StartsOpen(view, CaseStep.DraftResponse).ShouldBeFalse();
        Shown(Card(CaseStep.Decide, CaseStep.Assess, startsOpen: true)).ShouldBeTrue();

        var assess = Card(CaseStep.Assess, CaseStep.Assess, CaseSteps.SummaryOf(view, CaseStep.Assess), startsOpen: false);
        Shown(assess).ShouldBeFalse();
        assess.Find("[data-testid=step-Assess]").GetAttribute("data-state").ShouldBe("current");
        assess.Find("[data-testid=step-summary]").TextContent.ShouldStartWith($"{view.Purposes.Count} doelen: ");
        assess.Find("[data-testid=step-toggle]").Click();
        Shown(assess).ShouldBeTrue();
    }

    [Fact]
    public void TheFinishedDecisionsSayHowManyOfHowManyWereDecidedAndHow()
    {
        var open = CasePanelTests.Case();
        var rows = open.Purposes.Select((row, i) => row with
        {
            Decision = new DecisionView(i < 3 ? PurposeDecisionOutcome.PartiallyComply : PurposeDecisionOutcome.Comply, null, null, null, null, "Sanne de Vries", Checked),
        }).ToList();
        var view = open with { Purposes = rows, CurrentStep = CaseStep.DraftResponse };

        var summary = CaseSteps.SummaryOf(view, CaseStep.Decide).ShouldBeOfType<DecideSummary>();
        var text = Render<CaseStepSummary>(p => p.Add(x => x.Summary, summary)).Markup.Trim();

        text.ShouldBe($"{rows.Count} van {rows.Count} doelen besloten: 3 × Gedeeltelijk honoreren, {rows.Count - 3} × Honoreren");
        CaseSteps.SummaryOf(view, CaseStep.DraftResponse).ShouldBeNull("the current step has no summary");
        CaseSteps.SummaryOf(view, CaseStep.Approval).ShouldBeNull("a later step has nothing to sum up");
    }

    [Fact]
    public void TheStickyBarNamesTheNextActionAndLinksToTheStepWhereItIsDone()
    {
        RenderProviders();
        var officer = CaseAbilities.None with { Decide = true, AddNote = true };
        var view = CasePanelTests.Case(can: officer) with { CurrentStep = CaseStep.Assess };

        var header = Render<CaseHeader>(p => p.Add(x => x.Case, view));

        var next = header.Find("[data-testid=case-bar] [data-testid=next-action]");
        next.TextContent.Trim().ShouldBe($"Besluit over {view.Purposes.Count} doelen");
        next.GetAttribute("href").ShouldBe($"/requests/{view.Reference}#step-Decide");
        header.Find("[data-testid=case-bar] [data-testid=case-days-left]").TextContent.Trim().ShouldBe("nog 14 werkdagen · 20 kalenderdagen");
    }

    [Fact]
    public void ATeamLeadIsSentToTheApprovalAndACaseNobodyHasTakenOffersTakeInsteadOfALink()
    {
        RenderProviders();
        UseCulture("en-GB");
        var review = CasePanelTests.Case(RequestType.Access, RequestStatus.AwaitingApproval, CaseAbilities.None with { Review = true }) with { CurrentStep = CaseStep.Approval };
        var unassigned = CasePanelTests.Case(status: RequestStatus.Received, can: CaseAbilities.None with { Take = true }) with { CurrentStep = CaseStep.VerifyIdentity };

        var lead = Render<CaseHeader>(p => p.Add(x => x.Case, review)).Find("[data-testid=next-action]");
        lead.TextContent.Trim().ShouldBe("Approve or send back");
        lead.GetAttribute("href").ShouldEndWith("#step-Approval");

        CaseSteps.NextOf(unassigned).Kind.ShouldBe(NextActionKind.Take);
        Render<CaseHeader>(p => p.Add(x => x.Case, unassigned)).FindAll("[data-testid=next-action]").ShouldBeEmpty("the take button is the next action");
    }

    [Fact]
    public void AnArt22CaseWithEveryPurposeDecidedButNoHumanReviewKeepsDecideOpenAndSendsTheOfficerThere()
    {
        var view = CasePanelTests.Case(RequestType.AutomatedDecisionReview, can: CaseAbilities.None with { Decide = true, Submit = true }) with
        {
            CurrentStep = CaseStep.DraftResponse,
        };

        CaseSteps.StartsOpen(view, CaseStep.Decide).ShouldBeTrue("the review is recorded under Decide and the case cannot be answered without it");
        CaseSteps.NextOf(view).ShouldBe(new NextAction(NextActionKind.RecordReview, CaseStep.Decide));

        var reviewed = view with
        {
            AutomatedReview = new AutomatedReviewView("B-1", "Ik ben het er niet mee eens.", AutomatedDecisionReviewOutcome.Upheld, null, "Opnieuw beoordeeld.", "Sanne de Vries", Checked),
        };
        CaseSteps.StartsOpen(reviewed, CaseStep.Decide).ShouldBeFalse();
        CaseSteps.NextOf(reviewed).Kind.ShouldBe(NextActionKind.DraftResponse);
    }
}
