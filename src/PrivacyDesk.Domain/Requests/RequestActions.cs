namespace PrivacyDesk.Domain.Requests;

/// <summary>The audit action codes a data-subject request records, one per kind of change.</summary>
public static class RequestActions
{
    public const string Received = "request.received";
    public const string Assigned = "request.assigned";
    public const string IdentityRequested = "request.identity.requested";
    public const string IdentityVerified = "request.identity.verified";
    public const string IdentityNotVerified = "request.identity.not_verified";
    public const string IdentityNotIdentified = "request.identity.cannot_identify";
    public const string IdCopyDeleted = "request.identity.copy_deleted";
    public const string ProcessingStarted = "request.processing.started";
    public const string DecisionRecorded = "request.decision.recorded";
    public const string DecisionReplaced = "request.decision.replaced";
    public const string SubmittedForApproval = "request.submitted_for_approval";
    public const string Approved = "request.approved";
    public const string ApprovalWithdrawn = "request.approval.withdrawn";
    public const string SentBack = "request.sent_back";
    public const string Responded = "request.responded";
    public const string Rejected = "request.rejected";
    public const string RejectionProposed = "request.rejection.proposed";
    public const string Withdrawn = "request.withdrawn";
    public const string Extended = "request.extended";
    public const string FeeNotified = "request.fee.notified";
    public const string FeePaid = "request.fee.paid";
    public const string FeeWaived = "request.fee.waived";
    public const string RecipientsPlanned = "request.recipients.planned";
    public const string RecipientNotified = "request.recipient.notified";
    public const string RecipientEmailed = "request.recipient.emailed";
    public const string RecipientExempted = "request.recipient.exempted";
    public const string RestrictionApplied = "request.restriction.applied";
    public const string RestrictionLiftNotified = "request.restriction.lift_notified";
    public const string RestrictionLifted = "request.restriction.lifted";
    public const string AutomatedDecisionReviewRecorded = "request.adm_review.recorded";
    public const string ConsentScopeChanged = "request.consent_scope.changed";
}
