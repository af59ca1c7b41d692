using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The case workspace's panels as an officer sees them (Dutch), with the real rules engine behind the rows.</summary>
public sealed class CasePanelTests : MudBunitContext
{
    private static readonly Actor Lead = new("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static readonly CaseAbilities Officer = CaseAbilities.None with { Decide = true, AddNote = true };

    private static IReadOnlyList<Purpose> Register() =>
    [
        .. DefaultRegister.Purposes.Select(curated =>
        {
            var purpose = Purpose.Draft(curated.Definition, Lead, Now).Value;
            purpose.Activate(Lead, Now);
            return purpose;
        }).Where(p => p.IsActive),
    ];

    /// <summary>A former customer: the Wwft retention period runs from the end of the relationship.</summary>
    private static DataSubject FormerCustomer()
    {
        var subject = DataSubject.Register("Ayşe Çelik", ["ayse@example.nl"], [SubjectCategory.Customer], Lead, Now,
            customerNumber: "C-000042", relationshipStart: new DateOnly(2015, 3, 1)).Value;
        subject.EndRelationship(new DateOnly(2024, 1, 31), Lead, Now).IsSuccess.ShouldBeTrue();
        return subject;
    }

    internal static CaseView Case(
        RequestType type = RequestType.Erasure, RequestStatus status = RequestStatus.InProgress, CaseAbilities? can = null,
        List<PurposeRow>? rows = null, CaseDeadline? deadline = null, IReadOnlyList<NoteView>? notes = null) => new(
        Guid.NewGuid(), "DSR-2026-000123", type, RequestChannel.Phone, status, "nl", "Verwijder mijn gegevens.", Guid.NewGuid(), "Ayşe Çelik",
        Now, deadline ?? new CaseDeadline(Today.AddDays(-10), Today.AddDays(20), null, new SlaStatus(SlaState.OnTrack, 20, 14)),
        "officer-1", "Sanne de Vries", null, null, null, [],
        rows ?? CaseWorkspace.Rows(type, FormerCustomer(), Register(), Today, []),
        [], notes ?? [], [], can ?? Officer, CaseStep.Assess, Guid.NewGuid(), HasCollectionTasks: false);

    private static string Texts(IRenderedComponent<AssessmentPanel> panel, PurposeRow row, string selector) =>
        string.Join(" | ", panel.Find($"[data-purpose='{row.PurposeId}']").QuerySelectorAll(selector).Select(e => e.TextContent.Trim()));

    [Theory]
    [InlineData(false, "done", "Klaar")]
    [InlineData(true, "unused", "Niet gebruikt")]
    public void ADataCollectionStepPassedWithoutTasksSaysNotUsedInsteadOfDone(bool unused, string state, string label)
    {
        var card = Render<CaseStepCard>(p => p.Add(x => x.Step, CaseStep.CollectData).Add(x => x.Current, CaseStep.Decide).Add(x => x.Unused, unused));

        var step = card.Find("[data-testid=step-CollectData]");
        step.GetAttribute("data-state").ShouldBe(state);
        step.TextContent.ShouldContain(label);
    }

    [Fact]
    public void ErasureOffersOnlyWhatTheLawAllowsAndShowsTheLegalReferences()
    {
        RenderProviders();
        var view = Case();
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        var marketing = view.Purposes.Single(p => p.Key == "direct-marketing");

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true));

        // KYC under the Wwft: erasing is not on offer, keeping it restricted to the legal obligation is.
        var kycOptions = panel.Find($"[data-purpose='{kyc.PurposeId}']").QuerySelectorAll("[data-testid=decision-option]").Select(e => e.GetAttribute("data-option")).ToList();
        kycOptions.ShouldNotContain(nameof(DecisionKind.Comply));
        kycOptions.ShouldContain(nameof(DecisionKind.PartiallyComply));
        Texts(panel, kyc, "[data-testid=retain-until]").ShouldBe($"Bewaren tot en met {CaseFormat.Date(new DateOnly(2029, 1, 31))}, {kyc.RetentionProvision}");
        kyc.RetentionProvision.ShouldNotBeNull().ShouldContain("Wwft art. 33");
        // Cited the way Dutch writes it (no-break spaces keep a citation on one line).
        Texts(panel, kyc, "[data-testid=legal-references]").Replace('\u00A0', ' ').ShouldContain("art. 17 lid 3 onder b AVG");

        // Marketing: erase, as the law requires.
        Texts(panel, marketing, "[data-testid=requirement]").ShouldBe("Honoreren");
        panel.Find($"[data-purpose='{marketing.PurposeId}']").QuerySelectorAll("[data-testid=decision-option]")
            .Select(e => e.GetAttribute("data-option")).ShouldContain(nameof(DecisionKind.Comply));
        Texts(panel, marketing, "[data-testid=legal-references]").Replace('\u00A0', ' ').ShouldContain("art. 21 lid 2 AVG");
    }

    [Fact]
    public void TheLegalReferencesAreCitedInEnglishOnEnglishScreens()
    {
        UseCulture("en-GB");
        RenderProviders();
        var view = Case();
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true));

        var references = Texts(panel, kyc, "[data-testid=legal-references]").Replace('\u00A0', ' ');
        references.ShouldContain("Art. 17(3)(b) GDPR");
        references.ShouldNotContain("AVG");
    }

    [Fact]
    public void ADecisionTheServerRefusesIsExplainedInPlainDutchAndTheReasonsStay()
    {
        RenderProviders();
        var view = Case();
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        DecisionInput? sent = null;
        var refusal = RightsErrors.ErasureUnderRetentionObligation with
        {
            Arguments = new Dictionary<string, string> { ["provision"] = "Wwft art. 33", ["until"] = "2029-01-31" },
        };
        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view).Add(x => x.IsCurrent, true)
            .Add(x => x.OnRecord, input => { sent = input; return Task.FromResult(Result.Failure(refusal)); }));

        panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-option='{nameof(DecisionKind.PartiallyComply)}']").Change(true);
        panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-testid=decision-reasons]").Input("Bewaard op grond van de Wwft.");
        panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-testid=record-decision]").Click();

        sent.ShouldNotBeNull().Kind.ShouldBe(DecisionKind.PartiallyComply);
        sent.Reasons.ShouldBe("Bewaard op grond van de Wwft.");
        panel.WaitForAssertion(() => panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-testid=decision-errors]").TextContent
            .ShouldContain("moeten op grond van Wwft art. 33 worden bewaard tot 31 jan. 2029; wissen is niet toegestaan"));
        panel.Find($"[data-purpose='{kyc.PurposeId}'] [data-testid=decision-reasons]").GetAttribute("value").ShouldBe("Bewaard op grond van de Wwft.");
    }

    [Fact]
    public void ReadersSeeTheLawAndTheDecisionsButNoWayToDecide()
    {
        RenderProviders();
        var view = Case(can: CaseAbilities.None);

        var panel = Render<AssessmentPanel>(p => p.Add(x => x.Case, view));

        panel.FindAll("[data-testid=purpose-row]").Count.ShouldBe(view.Purposes.Count);
        panel.FindAll("[data-testid=decision-option]").ShouldBeEmpty();
        panel.FindAll("[data-testid=record-decision]").ShouldBeEmpty();
    }

    [Fact]
    public void TheHeaderShowsTheDeadlineWithWorkingAndCalendarDaysLeftAndTheSlaInWords()
    {
        RenderProviders();
        var deadline = new CaseDeadline(new DateOnly(2026, 11, 10), new DateOnly(2026, 12, 10), null, new SlaStatus(SlaState.DueSoon, 5, 3));

        var header = Render<CaseHeader>(p => p.Add(x => x.Case, Case(deadline: deadline)));

        header.Find("[data-testid=case-deadline]").TextContent.ShouldContain("10 dec. 2026");
        header.Find("[data-testid=sla-chip]").TextContent.Trim().ShouldBe("Termijn nadert");
        header.Find("[data-testid=case-days-left]").TextContent.Trim().ShouldBe("nog 3 werkdagen · 5 kalenderdagen");
        header.Find("[data-testid=case-handler]").TextContent.ShouldBe("Sanne de Vries");
        header.FindAll("[data-testid=case-original-deadline]").ShouldBeEmpty();
    }

    [Fact]
    public void AnApprovedResponseShowsApprovedAsItsStatusNotStillAwaitingApproval()
    {
        RenderProviders();
        var waiting = Case(status: RequestStatus.AwaitingApproval);
        var approved = waiting with { ApprovedByName = "Fatima El Amrani", ApprovedAt = Now };

        var before = Render<CaseHeader>(p => p.Add(x => x.Case, waiting));
        var after = Render<CaseHeader>(p => p.Add(x => x.Case, approved));

        before.Find("[data-testid=status-chip]").TextContent.Trim().ShouldBe("Wacht op goedkeuring");
        after.Find("[data-testid=status-chip]").TextContent.Trim().ShouldBe("Goedgekeurd, klaar om te versturen");
        after.Find("[data-testid=case-approver]").TextContent.ShouldBe("Fatima El Amrani");
    }

    [Fact]
    public void AnExtendedOverdueCaseShowsBothDeadlinesAndHowLateItIs()
    {
        RenderProviders();
        UseCulture("en-GB");
        var deadline = new CaseDeadline(new DateOnly(2026, 2, 10), new DateOnly(2026, 3, 10), new DateOnly(2026, 5, 11), new SlaStatus(SlaState.Overdue, -2, -1));

        var header = Render<CaseHeader>(p => p.Add(x => x.Case, Case(deadline: deadline)));

        header.Find("[data-testid=case-deadline]").TextContent.ShouldContain("11 May 2026");
        header.Find("[data-testid=case-original-deadline]").TextContent.ShouldContain("10 Mar 2026");
        header.Find("[data-testid=sla-chip]").TextContent.Trim().ShouldBe("Overdue");
        header.Find("[data-testid=case-days-left]").TextContent.Trim().ShouldBe("1 working day · 2 calendar days overdue");
    }

    [Fact]
    public void NotesAreListedNewestFirstAndANewNoteClearsTheFieldOnlyWhenSaved()
    {
        RenderProviders();
        var notes = new List<NoteView>
        {
            new(Guid.NewGuid(), "Klant belde terug.", "Sanne de Vries", Now),
            new(Guid.NewGuid(), "Eerste contact.", "Daan Jansen", Now.AddDays(-1)),
        };
        var answers = new Queue<Result>([Result.Failure(CaseNoteErrors.TextRequired), Result.Success()]);
        var panel = Render<NotesPanel>(p => p.Add(x => x.Notes, notes).Add(x => x.CanAdd, true)
            .Add(x => x.OnAdd, _ => Task.FromResult(answers.Dequeue())));

        panel.FindAll("[data-testid=note-text-shown]").Select(e => e.TextContent).ShouldBe(["Klant belde terug.", "Eerste contact."]);

        panel.Find("[data-testid=note-text]").Input("Bel maandag terug");
        panel.Find("[data-testid=add-note]").Click();
        panel.WaitForAssertion(() => panel.Find("[data-testid=note-errors]").TextContent.ShouldContain("Schrijf eerst de notitie."));
        panel.Find("[data-testid=note-text]").GetAttribute("value").ShouldBe("Bel maandag terug");

        panel.Find("[data-testid=add-note]").Click();
        panel.WaitForAssertion(() => panel.Find("[data-testid=note-text]").GetAttribute("value").ShouldBeNullOrEmpty());
        panel.FindAll("[data-testid=note-errors]").ShouldBeEmpty();
    }

    [Fact]
    public void TheApprovalPanelShowsAProposedRefusalWithApproveAndSendBackToATeamLeadWhoDidNotHandleIt()
    {
        var view = Case(RequestType.Access, RequestStatus.AwaitingApproval, CaseAbilities.None with { Review = true }) with
        {
            Refusal = new RefusalView(RequestRefusalGround.Excessive, "U vroeg dit jaar elf keer hetzelfde.", null, "Elf identieke verzoeken in 2026.",
                "Sanne de Vries", Now, IsSent: false),
        };

        var panel = Render<ApprovalPanel>(p => p.Add(x => x.Case, view));

        panel.Find("[data-testid=proposed-refusal]").TextContent.ShouldContain("Weigering van het hele verzoek voorgesteld door Sanne de Vries");
        panel.Find("[data-testid=proposed-refusal-ground]").TextContent.Replace('\u00A0', ' ').ShouldBe("Buitensporig, met name herhaald (art. 12 lid 5 AVG)");
        panel.Markup.ShouldContain("Elf identieke verzoeken in 2026.");
        panel.FindAll("[data-testid=approve]").ShouldHaveSingleItem();
        panel.FindAll("[data-testid=send-back]").ShouldHaveSingleItem();
    }

    [Fact]
    public void StepsBeforeApprovalSaySkippedForARefusalNotDone()
    {
        var card = Render<CaseStepCard>(p => p.Add(x => x.Step, CaseStep.Assess).Add(x => x.Current, CaseStep.Approval).Add(x => x.SkippedForRefusal, true));

        var step = card.Find("[data-testid=step-Assess]");
        step.GetAttribute("data-state").ShouldBe("skipped");
        step.TextContent.ShouldContain("Overgeslagen: weigering");
        step.TextContent.ShouldNotContain("Klaar");
    }
}
