using AngleSharp.Dom;
using MudBlazor;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// The assessment's purpose rows are plain markup with MudBlazor's classes (issue 17, ADR 0057: a component per text, chip,
/// icon and radio made the case circuit heavy): the choice is a real radio group per purpose, named and keyboard-usable, and
/// no row holds a component but the text boxes the chosen decision needs.
/// </summary>
public sealed class AssessmentRowsTests : MudBunitContext
{
    private static readonly CaseAbilities Officer = CaseAbilities.None with { Decide = true, AddNote = true };

    private IRenderedComponent<AssessmentPanel> RenderPanel(CaseView view, Func<DecisionInput, Task<Result>>? onRecord = null)
    {
        RenderProviders();
        return Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true).Add(x => x.OnRecord, onRecord));
    }

    [Fact]
    public void NoPurposeRowIsAComponentButTheTextBoxesTheChosenDecisionNeeds()
    {
        var view = CasePanelTests.Case(can: Officer);
        var panel = RenderPanel(view);
        panel.FindAll("[data-testid=purpose-row]").Count.ShouldBe(view.Purposes.Count);
        panel.FindAll("input[type=radio]").Count.ShouldBe(view.Purposes.Sum(p => p.Options.Count));

        panel.FindComponents<MudRadioGroup<string>>().ShouldBeEmpty();
        panel.FindComponents<MudRadio<string>>().ShouldBeEmpty();
        panel.FindComponents<MudText>().ShouldBeEmpty();
        panel.FindComponents<MudChip<string>>().ShouldBeEmpty();
        panel.FindComponents<MudIcon>().ShouldBeEmpty();
        panel.FindComponents<MudIconButton>().ShouldBeEmpty();
        panel.FindComponents<MudPaper>().ShouldBeEmpty();
        panel.FindComponents<MudAlert>().ShouldBeEmpty();
        panel.FindComponents<MudDivider>().ShouldBeEmpty();
        panel.FindComponents<MudGrid>().ShouldBeEmpty();
        panel.FindComponents<MudButton>().ShouldBeEmpty();
        panel.FindComponents<CaseErrorList>().ShouldBeEmpty("an error list is rendered only when there are errors");
        // Only a preselected proposal that needs the law's reasons opens a text box.
        var textBoxes = view.Purposes.Count(p => p.Proposal?.Decision is { } d && new DecisionOption(d.Kind, d.Ground) is { NeedsReasons: true } o
            && p.Options.Any(x => x.Key == o.Key));
        panel.FindComponents<MudTextField<string>>().Count.ShouldBe(textBoxes);
    }

    [Fact]
    public void EachPurposesChoiceIsAGroupNamedAfterThePurposeWithALabelPerOption()
    {
        var view = CasePanelTests.Case(can: Officer);
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        var panel = RenderPanel(view);

        var group = panel.Find($"[data-purpose='{kyc.PurposeId}'] fieldset[data-testid=decision-options]");
        group.QuerySelector("legend")!.TextContent.ShouldContain(kyc.Name.Text());
        var radios = group.QuerySelectorAll("input[type=radio]");
        radios.Length.ShouldBe(kyc.Options.Count);
        radios.Select(r => r.GetAttribute("name")).Distinct().ShouldHaveSingleItem("one name per purpose: the arrow keys move within it");
        panel.FindAll("input[type=radio]").Select(r => r.GetAttribute("name")).Distinct().Count().ShouldBe(view.Purposes.Count);
        // Each radio sits in its label, so clicking the words chooses it and a screen reader reads them.
        radios.ShouldAllBe(r => r.ParentElement!.Closest("label") != null && r.ParentElement!.Closest("label")!.TextContent.Trim().Length > 0);
        radios.ShouldAllBe(r => !r.HasAttribute("tabindex") || r.GetAttribute("tabindex") == "0");
    }

    [Fact]
    public void ChoosingAnotherOutcomeChecksItsRadioAndRecordsIt()
    {
        var view = CasePanelTests.Case(can: Officer);
        var marketing = view.Purposes.Single(p => p.Key == "direct-marketing");
        var other = marketing.Options.First(o => o.Kind != DecisionKind.Comply && !o.NeedsReference && !o.NeedsDemonstration);
        DecisionInput? sent = null;
        var panel = RenderPanel(view, input => { sent = input; return Task.FromResult(Result.Success()); });
        var row = $"[data-purpose='{marketing.PurposeId}']";
        panel.Find($"{row} input[data-option='{nameof(DecisionKind.Comply)}']").IsChecked().ShouldBeTrue("the proposal is preselected");

        panel.Find($"{row} input[data-option='{other.Key}']").Change(true);

        panel.Find($"{row} input[data-option='{other.Key}']").IsChecked().ShouldBeTrue();
        panel.Find($"{row} input[data-option='{nameof(DecisionKind.Comply)}']").IsChecked().ShouldBeFalse();
        panel.Find($"{row} [data-testid=record-decision]").HasAttribute("disabled").ShouldBeTrue("the reasons come first");
        panel.Find($"{row} [data-testid=decision-reasons]").Input("Gerechtvaardigd belang weegt zwaarder.");
        panel.Find($"{row} [data-testid=record-decision]").Click();

        sent.ShouldNotBeNull();
        sent.PurposeId.ShouldBe(marketing.PurposeId);
        sent.Kind.ShouldBe(other.Kind);
        sent.Ground.ShouldBe(other.Ground);
        sent.Reasons.ShouldBe("Gerechtvaardigd belang weegt zwaarder.");
    }

    [Fact]
    public void TheRowToggleSaysWhichWayItFoldsAndFoldsTheRow()
    {
        var view = CasePanelTests.Case(can: Officer);
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        var panel = RenderPanel(view);
        var row = $"[data-purpose='{kyc.PurposeId}']";
        var toggle = panel.Find($"{row} [data-testid=toggle-row]");
        toggle.TagName.ShouldBe("BUTTON");
        toggle.GetAttribute("aria-expanded").ShouldBe("true");

        toggle.Click();

        panel.Find($"{row} [data-testid=toggle-row]").GetAttribute("aria-expanded").ShouldBe("false");
        panel.FindAll($"{row} input[type=radio]").ShouldBeEmpty();
    }

    [Fact]
    public void ASecondClickOnRecordWhileTheFirstSaveRunsSavesNothingMoreAndTheChoiceIsHeldStill()
    {
        var view = CasePanelTests.Case(can: Officer);
        var marketing = view.Purposes.Single(p => p.Key == "direct-marketing");
        var saving = new TaskCompletionSource<Result>();
        var calls = 0;
        var panel = RenderPanel(view, _ => { calls++; return saving.Task; });
        var row = $"[data-purpose='{marketing.PurposeId}']";
        var record = panel.Find($"{row} [data-testid=record-decision]");

        // A double click: both clicks leave the browser before the first render that disables the button reaches it.
        record.Click();
        record.Click();

        calls.ShouldBe(1, "MudButton ignored a click while disabled; the plain button's handler must too");
        panel.Find($"{row} fieldset[data-testid=decision-options]").HasAttribute("disabled").ShouldBeTrue("no other choice while the save runs");
        saving.SetResult(Result.Success());
        panel.WaitForAssertion(() => panel.Find($"{row} fieldset[data-testid=decision-options]").HasAttribute("disabled").ShouldBeFalse());
    }
}
