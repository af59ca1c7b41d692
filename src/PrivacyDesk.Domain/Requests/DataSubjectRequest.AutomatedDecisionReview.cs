using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

public sealed partial class DataSubjectRequest
{
    /// <summary>The human review of the automated decision (Art. 22(3)); the letter reports it, and only it.</summary>
    public AutomatedDecisionReviewRecord? AutomatedDecisionReview { get; private set; }

    /// <summary>
    /// Records the human review of an automated decision: who reviewed (a member of staff, never the
    /// system), which decision, the subject's view considered, upheld or changed (with the new outcome),
    /// and why. A second recording replaces the first; both stay in the audit trail.
    /// </summary>
    public Result<AutomatedDecisionReviewRecord> RecordAutomatedDecisionReview(Actor actor, DateTimeOffset at, AutomatedDecisionReviewDraft draft)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        // Checked before the permission: the intake API's system actor must hear why, not just "forbidden".
        if (actor.Id == Actor.System.Id)
        {
            return Result<AutomatedDecisionReviewRecord>.Failure(AutomatedDecisionReviewErrors.ReviewerNotAPerson);
        }
        var allowed = MayChange(actor, nameof(RecordAutomatedDecisionReview), RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return Result<AutomatedDecisionReviewRecord>.Failure(allowed.Errors);
        }
        if (Type != RequestType.AutomatedDecisionReview)
        {
            return Result<AutomatedDecisionReviewRecord>.Failure(AutomatedDecisionReviewErrors.NotAReviewRequest);
        }
        var errors = new List<Error>();
        if (IsBlank(draft.DecisionReference))
        {
            errors.Add(AutomatedDecisionReviewErrors.DecisionReferenceRequired);
        }
        if (IsBlank(draft.SubjectView))
        {
            errors.Add(AutomatedDecisionReviewErrors.SubjectViewRequired);
        }
        if (draft.Outcome is null)
        {
            errors.Add(AutomatedDecisionReviewErrors.OutcomeRequired);
        }
        var changed = draft.Outcome == AutomatedDecisionReviewOutcome.Changed;
        if (changed && IsBlank(draft.NewOutcome))
        {
            errors.Add(AutomatedDecisionReviewErrors.NewOutcomeRequired);
        }
        if (IsBlank(draft.Explanation))
        {
            errors.Add(AutomatedDecisionReviewErrors.ExplanationRequired);
        }
        AddIfTooLong(errors, draft.DecisionReference, AutomatedDecisionReviewRecord.DecisionReferenceMaxLength, nameof(draft.DecisionReference));
        AddIfTooLong(errors, draft.SubjectView, AutomatedDecisionReviewRecord.SubjectViewMaxLength, nameof(draft.SubjectView));
        AddIfTooLong(errors, changed ? draft.NewOutcome : null, AutomatedDecisionReviewRecord.NewOutcomeMaxLength, nameof(draft.NewOutcome));
        AddIfTooLong(errors, draft.Explanation, AutomatedDecisionReviewRecord.ExplanationMaxLength, nameof(draft.Explanation));
        if (errors.Count > 0)
        {
            return Result<AutomatedDecisionReviewRecord>.Failure(errors);
        }

        var before = AutomatedDecisionReview;
        // An upheld decision has no new outcome; a stray text from the form is not kept.
        var review = new AutomatedDecisionReviewRecord(
            draft.DecisionReference!.Trim(), draft.SubjectView!.Trim(), draft.Outcome!.Value, changed ? draft.NewOutcome!.Trim() : null,
            draft.Explanation!.Trim(), actor.Id, actor.Name, at);
        AutomatedDecisionReview = review;
        WithdrawApprovalForChange(actor, at, "automated decision review");
        // The subject's view and the explanation are personal; the trail keeps who, which decision and the outcome.
        Audit(RequestActions.AutomatedDecisionReviewRecorded, actor, at, before is null ? null : ReviewFields(before), ReviewFields(review));
        return Result<AutomatedDecisionReviewRecord>.Of(review);
    }

    /// <summary>Art. 22(3): once the right is carried out for a purpose, the review itself must be on record before the answer.</summary>
    private void AddAutomatedDecisionReviewBlocker(List<Error> errors)
    {
        if (Type == RequestType.AutomatedDecisionReview && AutomatedDecisionReview is null && CurrentDecisions.Any(decision => decision.IsCarriedOut))
        {
            errors.Add(AutomatedDecisionReviewErrors.Required);
        }
    }

    private static Dictionary<string, string?> ReviewFields(AutomatedDecisionReviewRecord review) => Fields(
        ("decisionReference", review.DecisionReference),
        ("outcome", review.Outcome.ToString()),
        ("reviewerId", review.ReviewerId),
        ("reviewerName", review.ReviewerName));
}
