using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class AutomatedDecisionReviewTests
{
    private static AutomatedDecisionReviewDraft Draft(
        AutomatedDecisionReviewOutcome? outcome = AutomatedDecisionReviewOutcome.Changed, string? newOutcome = "Credit granted up to EUR 5,000",
        string? reference = "Credit application CA-2026-0412, declined 2 April 2026", string? view = "My income rose in March; the score used old data.",
        string? explanation = "The March payslips show sufficient income; the score was based on last year's figures.") =>
        new(reference, view, outcome, newOutcome, explanation);

    private static DataSubjectRequest ReviewCaseWithDecision()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.AutomatedDecisionReview);
        request.RecordDecision(Officer, At(3), Decision(PurposeA)).ShouldSucceed();
        return request;
    }

    [Fact]
    public void RefusesToSubmitAReviewCaseWithoutTheRecordedReview()
    {
        var request = ReviewCaseWithDecision();

        request.SubmitForApproval(Officer, At(4), [PurposeA]).ShouldFailWith(AutomatedDecisionReviewErrors.Required);

        request.Status.ShouldBe(RequestStatus.InProgress);
        AutomatedDecisionReviewErrors.Messages.ShouldContainKey(AutomatedDecisionReviewErrors.Required.Code);
    }

    [Fact]
    public void SubmitsOnceTheReviewIsRecorded()
    {
        var request = ReviewCaseWithDecision();
        request.RecordAutomatedDecisionReview(Officer, At(3), Draft()).ShouldSucceed();

        request.SubmitForApproval(Officer, At(4), [PurposeA]).ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
    }

    [Fact]
    public void RecordsWhoReviewedWhenWhichDecisionTheViewTheOutcomeAndWhy()
    {
        var request = ReviewCaseWithDecision();

        var review = request.RecordAutomatedDecisionReview(Officer, At(3), Draft()).ShouldSucceed();

        review.ReviewerName.ShouldBe(Officer.Name);
        review.ReviewerId.ShouldBe(Officer.Id);
        review.ReviewedAt.ShouldBe(At(3));
        review.DecisionReference.ShouldBe("Credit application CA-2026-0412, declined 2 April 2026");
        review.SubjectView.ShouldContain("income rose");
        review.Outcome.ShouldBe(AutomatedDecisionReviewOutcome.Changed);
        review.NewOutcome.ShouldBe("Credit granted up to EUR 5,000");
        request.AutomatedDecisionReview.ShouldBe(review);
        var change = request.PendingChanges[^1];
        change.Action.ShouldBe(RequestActions.AutomatedDecisionReviewRecorded);
        change.After!["outcome"].ShouldBe("Changed");
    }

    [Fact]
    public void TheSystemCannotReviewAnAutomatedDecision()
    {
        var request = ReviewCaseWithDecision();

        request.RecordAutomatedDecisionReview(Actor.System, At(3), Draft()).ShouldFailWith(AutomatedDecisionReviewErrors.ReviewerNotAPerson);

        request.AutomatedDecisionReview.ShouldBeNull();
    }

    [Fact]
    public void AnAuditorCannotRecordAReview()
    {
        var request = ReviewCaseWithDecision();

        request.RecordAutomatedDecisionReview(Auditor, At(3), Draft()).ShouldFailWith(RequestErrors.Forbidden);
    }

    public static TheoryData<string, AutomatedDecisionReviewDraft, string> Incomplete => new()
    {
        { "no decision named", Draft(reference: " "), "request.adm_review.decision_reference_required" },
        { "no view of the subject", Draft(view: null), "request.adm_review.subject_view_required" },
        { "no outcome", Draft(outcome: null), "request.adm_review.outcome_required" },
        { "changed without the new outcome", Draft(newOutcome: ""), "request.adm_review.new_outcome_required" },
        { "no explanation", Draft(explanation: "  "), "request.adm_review.explanation_required" },
        { "an explanation beyond the limit", Draft(explanation: new string('x', AutomatedDecisionReviewRecord.ExplanationMaxLength + 1)), "request.text.too_long" },
    };

    [Theory]
    [MemberData(nameof(Incomplete))]
    public void RefusesAnIncompleteReviewAndChangesNothing(string name, AutomatedDecisionReviewDraft draft, string code)
    {
        var request = ReviewCaseWithDecision();
        var changes = request.PendingChanges.Count;

        var result = request.RecordAutomatedDecisionReview(Officer, At(3), draft);

        result.Errors.Select(e => e.Code).ShouldContain(code, name);
        request.AutomatedDecisionReview.ShouldBeNull();
        request.PendingChanges.Count.ShouldBe(changes);
    }

    [Fact]
    public void AnUpheldDecisionKeepsNoNewOutcome()
    {
        var request = ReviewCaseWithDecision();

        var review = request.RecordAutomatedDecisionReview(Officer, At(3), Draft(AutomatedDecisionReviewOutcome.Upheld, newOutcome: "left over")).ShouldSucceed();

        review.NewOutcome.ShouldBeNull();
    }

    [Fact]
    public void OnlyAReviewRequestRecordsAReview()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Access);

        request.RecordAutomatedDecisionReview(Officer, At(3), Draft()).ShouldFailWith(AutomatedDecisionReviewErrors.NotAReviewRequest);
    }

    [Fact]
    public void NoReviewIsNeededWhenNoPurposeTakesAutomatedDecisions()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.AutomatedDecisionReview);
        request.RecordDecision(Officer, At(3), Decision(PurposeA, PurposeDecisionOutcome.NotApplicable) with { Note = "No automated decisions" }).ShouldSucceed();

        request.SubmitForApproval(Officer, At(4), [PurposeA]).ShouldSucceed();
    }
}
