using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Rights;

/// <summary>
/// The one way an officer's decision for a purpose gets onto a case: the rules engine first refuses
/// what the law forbids, then the request records it (with its status rules and audit change).
/// </summary>
public static class DecisionRecording
{
    public static Result<PurposeDecision> Record(
        DataSubjectRequest request, Purpose purpose, PurposeAssessment assessment, ProposedDecision proposed, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(proposed);
        var lawful = DecisionRules.Validate(request.Type, purpose, assessment, proposed);
        if (lawful.IsFailure)
        {
            return Result<PurposeDecision>.Failure(lawful.Errors);
        }
        var references = proposed.LegalReferences(request.Type);
        var draft = new PurposeDecisionDraft(
            proposed.PurposeId,
            proposed.Kind switch
            {
                DecisionKind.Comply => PurposeDecisionOutcome.Comply,
                DecisionKind.PartiallyComply => PurposeDecisionOutcome.PartiallyComply,
                DecisionKind.Refuse => PurposeDecisionOutcome.Refuse,
                _ => PurposeDecisionOutcome.NotApplicable,
            },
            proposed.Ground,
            references.Count == 0 ? null : Truncate(string.Join("; ", references), PurposeDecision.GroundReferenceMaxLength),
            proposed.RemainingBases.Count == 0 ? null : string.Join(", ", proposed.RemainingBases.Select(b => b.Article())),
            proposed.Reasons);
        return request.RecordDecision(actor, at, draft);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
