using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Issue 13 on the case page (Dutch): the proposals, the one button that accepts them, and buttons that say what they lack before they are pressed.</summary>
public sealed class DecisionButtonsTests : MudBunitContext
{
    private static readonly CaseAbilities Officer = CaseAbilities.None with { Decide = true, AddNote = true };

    [Fact]
    public void TheAcceptButtonCountsTheProposalsAndEveryUndecidedRowSaysWhatIsProposed()
    {
        RenderProviders();
        var view = CasePanelTests.Case(can: Officer);
        var accepted = 0;

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true)
            .Add(x => x.OnAcceptProposals, () => { accepted++; return Task.FromResult(Result.Success()); }));

        view.ProposalsToAccept.ShouldBeGreaterThan(0);
        panel.Find("[data-testid=accept-proposals]").TextContent.Trim().ShouldBe($"Voorstellen overnemen ({view.ProposalsToAccept})");
        panel.FindAll("[data-testid=proposal-chip]").Count.ShouldBe(view.Purposes.Count);
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-testid=proposal-chip]").TextContent.ShouldContain("Voorstel: ");
        panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-testid=proposal-reasons]").TextContent.ShouldContain("Wwft");

        panel.Find("[data-testid=accept-proposals]").Click();

        accepted.ShouldBe(1);
    }

    [Fact]
    public void NoAcceptButtonWhenOnlyJudgementsAreLeftOrForReaders()
    {
        RenderProviders();
        var view = CasePanelTests.Case(can: Officer);
        var judgementsOnly = view with { Purposes = [.. view.Purposes.Select(p => p with { Proposal = new DecisionProposal(p.PurposeId, null) })] };

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, judgementsOnly).Add(x => x.IsCurrent, true));
        panel.FindAll("[data-testid=accept-proposals]").ShouldBeEmpty();
        panel.Find("[data-testid=judgements-left]").TextContent.ShouldContain($"{view.Purposes.Count} van de open doelen vragen uw afweging");
        panel.FindAll("[data-testid=proposal-chip]").ShouldAllBe(chip => chip.TextContent.Contains("Voorstel: uw afweging"));

        var reader = Render<AssessmentPanel>(p => p.Add(x => x.Case, CasePanelTests.Case(can: CaseAbilities.None)));
        reader.FindAll("[data-testid=accept-proposals]").ShouldBeEmpty();
    }

    [Fact]
    public void TheRecordButtonSaysWhichTextItWaitsForBeforeItIsPressed()
    {
        RenderProviders();
        var view = CasePanelTests.Case(can: Officer);
        var marketing = view.Purposes.Single(p => p.Key == "direct-marketing");
        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true)
            .Add(x => x.OnRecord, _ => Task.FromResult(Result.Success())));
        var row = $"[data-purpose='{marketing.PurposeId}']";

        // The proposal is preselected: one click records it.
        panel.Find($"{row} [data-testid=record-decision]").TextContent.Trim().ShouldBe("Besluit vastleggen");
        panel.Find($"{row} [data-option='{DecisionKind.Refuse}:{RefusalGround.ManifestlyUnfoundedOrExcessive}']").Change(true);

        var button = panel.Find($"{row} [data-testid=record-decision]");
        button.TextContent.Trim().ShouldBe("Schrijf eerst de motivering");
        button.HasAttribute("disabled").ShouldBeTrue();
        panel.Find($"{row} [data-testid=record-needs]").TextContent.ShouldContain("art. 12 lid 4");

        panel.Find($"{row} [data-testid=decision-reasons]").Input("Vijfde identieke verzoek.");
        panel.Find($"{row} [data-testid=record-decision]").TextContent.Trim().ShouldBe("Schrijf eerst hoe u het aantoont");

        panel.Find($"{row} [data-testid=decision-demonstration]").Input("Verzoeken van 1, 8, 15 en 22 oktober.");
        button = panel.Find($"{row} [data-testid=record-decision]");
        button.TextContent.Trim().ShouldBe("Besluit vastleggen");
        button.HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public void SubmitAndApprovalWarnAboutUnplannedRecipientsButLeaveTheButtonsUsable()
    {
        RenderProviders();
        var warnings = new[] { RequestErrors.RecipientsUnplannedWarning };
        var draft = CasePanelTests.Case(can: Officer with { Submit = true }) with { RecipientWarnings = warnings };

        var submit = Render<SubmitForApprovalPanel>(p => p.Add(x => x.Case, draft));

        submit.Find("[data-testid=submit-recipients-warning]").TextContent.ShouldContain("ontvangers");
        submit.Find("[data-testid=submit-for-approval]").HasAttribute("disabled").ShouldBeFalse();

        var awaiting = CasePanelTests.Case(status: RequestStatus.AwaitingApproval, can: CaseAbilities.None with { Review = true }) with { RecipientWarnings = warnings };
        var approval = Render<ApprovalPanel>(p => p.Add(x => x.Case, awaiting));

        approval.Find("[data-testid=approval-recipients-warning]").TextContent.ShouldContain("goedkeuring");
        approval.Find("[data-testid=approve]").HasAttribute("disabled").ShouldBeFalse();
        approval.Find("[data-testid=send-back]").HasAttribute("disabled").ShouldBeTrue("sending back waits for what must change");
        approval.Find("[data-testid=review-comment]").Input("De motivering voor KYC ontbreekt.");
        approval.Find("[data-testid=send-back]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public void NoWarningOnceTheRecipientsArePlanned()
    {
        RenderProviders();
        var submit = Render<SubmitForApprovalPanel>(p => p.Add(x => x.Case, CasePanelTests.Case(can: Officer with { Submit = true })));

        submit.FindAll("[data-testid=submit-recipients-warning]").ShouldBeEmpty();
        submit.FindAll("[data-testid=submit-for-approval]").ShouldHaveSingleItem();
    }
}
