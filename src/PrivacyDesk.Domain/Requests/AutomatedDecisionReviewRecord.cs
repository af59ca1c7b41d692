using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>What the human review of an automated decision concluded (Art. 22(3)).</summary>
public enum AutomatedDecisionReviewOutcome
{
    /// <summary>The reviewer upholds the automated decision.</summary>
    Upheld,

    /// <summary>The reviewer changes the decision; the new outcome is recorded.</summary>
    Changed,
}

/// <summary>The review as the reviewer enters it; checked by <see cref="DataSubjectRequest.RecordAutomatedDecisionReview"/>.</summary>
/// <param name="DecisionReference">Which automated decision was reviewed (e.g. "credit application 2026-0412, declined 2 April 2026").</param>
/// <param name="SubjectView">The subject's point of view the reviewer considered.</param>
/// <param name="NewOutcome">When changed: the decision as it now stands.</param>
/// <param name="Explanation">Why the reviewer came to this outcome; the letter gives it to the subject.</param>
public sealed record AutomatedDecisionReviewDraft(
    string? DecisionReference,
    string? SubjectView,
    AutomatedDecisionReviewOutcome? Outcome,
    string? NewOutcome,
    string? Explanation);

/// <summary>
/// The human intervention of Art. 22(3), recorded before the case is answered (EDPB WP251 rev.01):
/// a member of staff with the authority to change the decision reviewed it, considered the subject's
/// view, and upheld or changed it, with the explanation the letter reports.
/// </summary>
public sealed record AutomatedDecisionReviewRecord(
    string DecisionReference,
    string SubjectView,
    AutomatedDecisionReviewOutcome Outcome,
    string? NewOutcome,
    string Explanation,
    string ReviewerId,
    string ReviewerName,
    DateTimeOffset ReviewedAt)
{
    public const int DecisionReferenceMaxLength = 500;
    public const int SubjectViewMaxLength = 4_000;
    public const int NewOutcomeMaxLength = 1_000;
    public const int ExplanationMaxLength = 4_000;
}

/// <summary>The coded errors of the Art. 22 review, with a Dutch and English sentence each.</summary>
public static class AutomatedDecisionReviewErrors
{
    public static readonly Error NotAReviewRequest = new("request.adm_review.not_a_review_request");
    public static readonly Error ReviewerNotAPerson = new("request.adm_review.reviewer_not_a_person");
    public static readonly Error DecisionReferenceRequired = new("request.adm_review.decision_reference_required", nameof(AutomatedDecisionReviewDraft.DecisionReference));
    public static readonly Error SubjectViewRequired = new("request.adm_review.subject_view_required", nameof(AutomatedDecisionReviewDraft.SubjectView));
    public static readonly Error OutcomeRequired = new("request.adm_review.outcome_required", nameof(AutomatedDecisionReviewDraft.Outcome));
    public static readonly Error NewOutcomeRequired = new("request.adm_review.new_outcome_required", nameof(AutomatedDecisionReviewDraft.NewOutcome));
    public static readonly Error ExplanationRequired = new("request.adm_review.explanation_required", nameof(AutomatedDecisionReviewDraft.Explanation));
    public static readonly Error Required = new("request.adm_review.required");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NotAReviewRequest.Code] = new(
            "Alleen bij een verzoek om herziening van een geautomatiseerd besluit wordt een herziening vastgelegd.",
            "A review is only recorded on a request for review of an automated decision."),
        [ReviewerNotAPerson.Code] = new(
            "Een herziening is menselijke tussenkomst: alleen een medewerker die het besluit mag wijzigen legt haar vast, niet het systeem (art. 22 lid 3 AVG).",
            "A review is human intervention: only a member of staff with the authority to change the decision records it, not the system (Art. 22(3) GDPR)."),
        [DecisionReferenceRequired.Code] = new(
            "Noem het geautomatiseerde besluit dat is herzien.",
            "Name the automated decision that was reviewed."),
        [SubjectViewRequired.Code] = new(
            "Leg het standpunt van de betrokkene vast dat bij de herziening is meegewogen (art. 22 lid 3 AVG).",
            "Record the data subject's point of view that the review considered (Art. 22(3) GDPR)."),
        [OutcomeRequired.Code] = new(
            "Kies de uitkomst van de herziening: gehandhaafd of gewijzigd.",
            "Choose the outcome of the review: upheld or changed."),
        [NewOutcomeRequired.Code] = new(
            "Het besluit is gewijzigd: leg het nieuwe besluit vast.",
            "The decision was changed: record the new decision."),
        [ExplanationRequired.Code] = new(
            "Leg uit waarom de herziening tot deze uitkomst kwam; de brief geeft die uitleg aan de betrokkene.",
            "Explain why the review came to this outcome; the letter gives that explanation to the data subject."),
        [Required.Code] = new(
            "Leg eerst de menselijke herziening van het geautomatiseerde besluit vast: wie, welk besluit, het standpunt van de betrokkene, de uitkomst en de uitleg (art. 22 lid 3 AVG).",
            "First record the human review of the automated decision: who, which decision, the data subject's point of view, the outcome and the explanation (Art. 22(3) GDPR)."),
    };
}
