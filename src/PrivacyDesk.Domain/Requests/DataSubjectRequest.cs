using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// A data subject's request under the GDPR, from receipt to response (gdpr-rules.md §3). Every
/// change goes through a named method that refuses what the law or the lifecycle forbids and
/// records who did what, when and why for the audit trail.
/// </summary>
public sealed partial class DataSubjectRequest : AggregateRoot
{
    public const string AuditEntityType = "DataSubjectRequest";
    public const int DescriptionMaxLength = 10_000;
    public const int ReasonMaxLength = 2_000;
    public const int LanguageMaxLength = 2;
    public const int ActorIdMaxLength = 100;
    public const int ActorNameMaxLength = 256;

    /// <summary>The languages letters are written in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["nl", "en"];

    private static readonly RequestStatus[] AnyOpen = [.. RequestStatuses.Open];

    private readonly List<IdentityVerification> _identityVerifications = [];
    private readonly List<PurposeDecision> _decisions = [];
    private readonly List<ResponseReview> _reviews = [];
    private readonly List<RecipientNotification> _recipientNotifications = [];
    private RequestExtension? _extension;

    private DataSubjectRequest()
    {
    }

    public Guid Id { get; private set; }

    public RequestReference Reference { get; private set; } = null!;

    public RequestType Type { get; private set; }

    public RequestChannel Channel { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The date of receipt in the controller's time zone; the deadline counts from here.</summary>
    public DateOnly ReceivedOn { get; private set; }

    /// <summary>"nl" or "en".</summary>
    public string Language { get; private set; } = "nl";

    public Guid SubjectId { get; private set; }

    public string Description { get; private set; } = "";

    public ThirdPartyRecipient? ThirdParty { get; private set; }

    /// <summary>The subject asked who received the data (Art. 19, last sentence); the response names the recipients.</summary>
    public bool SubjectAskedForRecipients { get; private set; }

    /// <summary>An open request of the same type by the same subject that existed at registration.</summary>
    public RequestReference? DuplicateOf { get; private set; }

    public RequestStatus Status { get; private set; }

    public string? HandlerId { get; private set; }

    public string? HandlerName { get; private set; }

    /// <summary>The one-month deadline, as the calculator computed it at registration.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>Setting it moves <see cref="EffectiveDueOn"/> along, whichever method extends.</summary>
    public RequestExtension? Extension
    {
        get => _extension;
        private set
        {
            _extension = value;
            EffectiveDueOn = value?.ExtendedDueOn ?? DueOn;
        }
    }

    public DateOnly? ExtendedDueOn => Extension?.ExtendedDueOn;

    /// <summary>
    /// The deadline that binds now: the extended one if there is one. Stored (not computed) so the
    /// queue can filter and sort on it in SQL with an index.
    /// </summary>
    public DateOnly EffectiveDueOn { get; private set; }

    /// <summary>When the subject was asked for proof of identity; with the proof date, the start and end of an optional clock pause.</summary>
    public DateTimeOffset? IdentityRequestedAt { get; private set; }

    public DateTimeOffset? IdentityProofReceivedAt { get; private set; }

    public FeeNotice? Fee { get; private set; }

    /// <summary>Who submitted the response under review; they may not approve it either.</summary>
    public string? SubmittedById { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public bool IsApproved => ApprovedAt is not null;

    /// <summary>Set when the request is refused as a whole.</summary>
    public Refusal? Refusal { get; private set; }

    /// <summary>A refusal awaiting the team lead's four-eyes approval; it becomes <see cref="Refusal"/> when sent.</summary>
    public Refusal? ProposedRefusal { get; private set; }

    public bool RecipientNotificationsPlanned { get; private set; }

    public DateTimeOffset? RestrictionAppliedAt { get; private set; }

    public DateTimeOffset? RestrictionLiftNotifiedAt { get; private set; }

    public DateTimeOffset? RestrictionLiftedAt { get; private set; }

    /// <summary>Restricted data stay stored but may not otherwise be processed (Art. 18(2)).</summary>
    public bool IsRestricted => RestrictionAppliedAt is not null && RestrictionLiftedAt is null;

    public string? WithdrawalReason { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>
    /// The controller's calendar date the case was closed (answered, refused or withdrawn): what
    /// "answered on time" and "days to answer" are counted with, stored so the dashboard counts in SQL.
    /// </summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The moment of the latest recorded change to the case (every audited action); the breach forecast looks for cases where nothing moved.</summary>
    public DateTimeOffset? LastActivityAt { get; private set; }

    public bool IsOpen => Status.IsOpen();

    public IReadOnlyList<IdentityVerification> IdentityVerifications => _identityVerifications;

    /// <summary>The latest identity check, which is the one that counts.</summary>
    public IdentityVerification? LatestIdentityVerification => _identityVerifications.Count == 0 ? null : _identityVerifications[^1];

    /// <summary>Every decision ever recorded, replaced ones included.</summary>
    public IReadOnlyList<PurposeDecision> Decisions => _decisions;

    /// <summary>The decision that stands, one per purpose.</summary>
    public IReadOnlyList<PurposeDecision> CurrentDecisions => [.. _decisions.Where(decision => decision.IsCurrent)];

    public IReadOnlyList<ResponseReview> Reviews => _reviews;

    public IReadOnlyList<RecipientNotification> RecipientNotifications => _recipientNotifications;

    /// <summary>Art. 19 notifications apply to rectification, erasure and restriction only.</summary>
    public bool RequiresRecipientNotifications => Type is RequestType.Rectification or RequestType.Erasure or RequestType.Restriction;

    /// <summary>
    /// Art. 19 at submission and approval: a warning, never a block (ADR 0031). The duty attaches to carrying out the
    /// erasure, which follows approval; sending already blocks until the recipients are planned and dealt with.
    /// </summary>
    public IReadOnlyList<Error> RecipientPlanningWarnings() =>
        RequiresRecipientNotifications && !RecipientNotificationsPlanned && IsOpen ? [RequestErrors.RecipientsUnplannedWarning] : [];

    /// <summary>The response tells the subject who the recipients are: asked for outright, or alongside an Art. 19 notification.</summary>
    public bool DisclosesRecipients => Type == RequestType.RecipientsDisclosure || SubjectAskedForRecipients;

    /// <summary>
    /// Registers a request. <paramref name="existingRequests"/> are the subject's other requests, so a
    /// repeat of an open one is flagged (not refused: whether it is excessive is the officer's call).
    /// </summary>
    /// <param name="actor">The officer who registers it, or <see cref="Actor.System"/> for the intake API.</param>
    public static Result<DataSubjectRequest> Receive(
        RequestReference reference, RequestIntake intake, IEnumerable<ExistingRequest> existingRequests, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(existingRequests);
        ArgumentNullException.ThrowIfNull(actor);
        // The intake API registers web-form requests as the system, which holds no role.
        if (actor.Id != Actor.System.Id && !actor.Has(Permission.HandleRequests))
        {
            return Result<DataSubjectRequest>.Failure(RequestErrors.Forbidden);
        }

        var errors = ValidateIntake(intake);
        if (errors.Count > 0)
        {
            return Result<DataSubjectRequest>.Failure(errors);
        }

        var request = new DataSubjectRequest
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            Type = intake.Type,
            Channel = intake.Channel,
            ReceivedAt = intake.ReceivedAt,
            ReceivedOn = intake.ReceivedOn,
            Language = intake.Language.ToLowerInvariant(),
            SubjectId = intake.SubjectId,
            Description = intake.Description.Trim(),
            ThirdParty = intake.ThirdParty is null
                ? null
                : new ThirdPartyRecipient(intake.ThirdParty.Name.Trim(), intake.ThirdParty.Email.Trim()),
            SubjectAskedForRecipients = intake.SubjectAskedForRecipients,
            DueOn = intake.DueOn,
            EffectiveDueOn = intake.DueOn,
            Status = RequestStatus.Received,
            DuplicateOf = DuplicateRequestPolicy.FindDuplicate(intake.Type, intake.SubjectId, existingRequests),
        };
        // No description or third-party details in the audit: the trail holds no more personal data than it must.
        request.Audit(RequestActions.Received, actor, at, after: Fields(
            ("reference", reference.ToString()),
            ("type", intake.Type.ToString()),
            ("channel", intake.Channel.ToString()),
            ("receivedAt", intake.ReceivedAt.ToString("O", CultureInfo.InvariantCulture)),
            ("receivedOn", Iso(intake.ReceivedOn)),
            ("dueOn", Iso(intake.DueOn)),
            ("language", request.Language),
            ("subjectId", intake.SubjectId.ToString()),
            ("duplicateOf", request.DuplicateOf?.ToString()),
            ("status", nameof(RequestStatus.Received))));
        return Result<DataSubjectRequest>.Of(request);
    }

    /// <summary>
    /// Gives the case to a handler (or to another one). The handler must be allowed to handle requests.
    /// An officer may take an unassigned case for themselves; assigning to someone else or reassigning
    /// is a team lead's call.
    /// </summary>
    public Result Assign(Actor actor, Actor handler, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var allowed = MayChange(actor, nameof(Assign), AnyOpen);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (!handler.Has(Permission.HandleRequests))
        {
            return Result.Failure(RequestErrors.HandlerNotPermitted);
        }
        if (handler.Id == HandlerId)
        {
            return Result.Failure(RequestErrors.HandlerUnchanged);
        }
        if (!actor.Has(Permission.AssignRequests) && (handler.Id != actor.Id || HandlerId is not null))
        {
            return Result.Failure(RequestErrors.AssignNotPermitted);
        }
        var before = Fields(("handlerId", HandlerId), ("handlerName", HandlerName));
        WithdrawApprovalForChange(actor, at, "handler");
        HandlerId = handler.Id;
        HandlerName = handler.Name;
        Audit(RequestActions.Assigned, actor, at, before, Fields(("handlerId", HandlerId), ("handlerName", HandlerName)));
        return Result.Success();
    }

    /// <summary>
    /// Starts the work on the substance. Identity is optional, but once checked, the latest check must
    /// have verified the subject; after asking for proof, it must have been verified.
    /// </summary>
    public Result StartProcessing(Actor actor, DateTimeOffset at)
    {
        var allowed = MayChange(actor, nameof(StartProcessing), RequestStatus.Received, RequestStatus.AwaitingIdentity);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        if (HandlerId is null)
        {
            errors.Add(RequestErrors.HandlerRequired);
        }
        var latest = LatestIdentityVerification;
        if ((Status == RequestStatus.AwaitingIdentity && latest is null)
            || (latest is not null && latest.Outcome != IdentityVerificationOutcome.Verified))
        {
            errors.Add(RequestErrors.IdentityNotVerified);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        ChangeStatus(RequestStatus.InProgress, RequestActions.ProcessingStarted, actor, at);
        return Result.Success();
    }

    /// <summary>
    /// Records the officer's decision for one purpose. Replaces the purpose's current decision, which
    /// stays in the history. Whether the law allows the decision is checked by the rules engine first.
    /// </summary>
    public Result<PurposeDecision> RecordDecision(Actor actor, DateTimeOffset at, PurposeDecisionDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var allowed = MayChange(actor, nameof(RecordDecision), RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return Result<PurposeDecision>.Failure(allowed.Errors);
        }
        var errors = new List<Error>();
        if (draft.PurposeId == Guid.Empty)
        {
            errors.Add(RequestErrors.DecisionPurposeRequired);
        }
        // A refusal must give its ground (Art. 12(4)); a partial answer must say what is refused or what stays and why.
        if ((draft.Outcome == PurposeDecisionOutcome.Refuse && draft.RefusalGround is null)
            || (draft.Outcome == PurposeDecisionOutcome.PartiallyComply && draft.RefusalGround is null && IsBlank(draft.RemainingBasis)))
        {
            errors.Add(RequestErrors.DecisionGroundRequired);
        }
        AddIfTooLong(errors, draft.GroundReference, PurposeDecision.GroundReferenceMaxLength, nameof(draft.GroundReference));
        AddIfTooLong(errors, draft.RemainingBasis, PurposeDecision.TextMaxLength, nameof(draft.RemainingBasis));
        AddIfTooLong(errors, draft.Note, PurposeDecision.TextMaxLength, nameof(draft.Note));
        if (errors.Count > 0)
        {
            return Result<PurposeDecision>.Failure(errors);
        }

        var current = _decisions.SingleOrDefault(decision => decision.IsCurrent && decision.PurposeId == draft.PurposeId);
        current?.Replace(actor.Id, at);
        var decision = new PurposeDecision(draft with
        {
            GroundReference = Trimmed(draft.GroundReference),
            RemainingBasis = Trimmed(draft.RemainingBasis),
            Note = Trimmed(draft.Note),
        }, actor.Id, actor.Name, at);
        _decisions.Add(decision);
        Audit(
            current is null ? RequestActions.DecisionRecorded : RequestActions.DecisionReplaced,
            actor,
            at,
            current is null ? null : DecisionFields(current),
            DecisionFields(decision));
        return Result<PurposeDecision>.Of(decision);
    }

    /// <summary>
    /// Puts the response before a team lead. Every purpose that processes the subject's data must
    /// have a decision.
    /// </summary>
    /// <param name="purposesProcessingSubjectData">The Active purposes that process this subject's data.</param>
    public Result SubmitForApproval(Actor actor, DateTimeOffset at, IEnumerable<Guid> purposesProcessingSubjectData)
    {
        ArgumentNullException.ThrowIfNull(purposesProcessingSubjectData);
        var allowed = MayChange(actor, nameof(SubmitForApproval), RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var decided = CurrentDecisions.Select(decision => decision.PurposeId).ToHashSet();
        var scopeErrors = new List<Error>();
        var asked = PurposesToDecide(purposesProcessingSubjectData, scopeErrors);
        if (scopeErrors.Count > 0)
        {
            return Result.Failure(scopeErrors);
        }
        var undecided = asked.Distinct().Where(purpose => !decided.Contains(purpose)).ToList();
        if (undecided.Count > 0)
        {
            return Result.Failure(RequestErrors.DecisionsMissing with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["count"] = undecided.Count.ToString(CultureInfo.InvariantCulture),
                    ["purposes"] = string.Join(", ", undecided),
                },
            });
        }
        var substance = new List<Error>();
        AddAutomatedDecisionReviewBlocker(substance);
        if (substance.Count > 0)
        {
            return Result.Failure(substance);
        }
        SubmittedById = actor.Id;
        ClearApproval();
        ChangeStatus(RequestStatus.AwaitingApproval, RequestActions.SubmittedForApproval, actor, at);
        return Result.Success();
    }

    /// <summary>Four eyes: a team lead who is neither the handler nor the submitter approves the response.</summary>
    public Result Approve(Actor approver, DateTimeOffset at, string? comment = null)
    {
        var allowed = MayReview(approver, nameof(Approve));
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (IsApproved)
        {
            return Result.Failure(RequestErrors.AlreadyApproved);
        }
        var errors = new List<Error>();
        AddIfTooLong(errors, comment, ResponseReview.CommentMaxLength, nameof(comment));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        _reviews.Add(new ResponseReview(ReviewOutcome.Approved, approver.Id, approver.Name, at, Trimmed(comment)));
        ApprovedById = approver.Id;
        ApprovedByName = approver.Name;
        ApprovedAt = at;
        Audit(RequestActions.Approved, approver, at, after: Fields(("approvedById", approver.Id), ("approvedByName", approver.Name)), reason: Trimmed(comment));
        return Result.Success();
    }

    /// <summary>The team lead sends the response back to the handler with what must change. An approval given earlier lapses.</summary>
    public Result SendBack(Actor approver, DateTimeOffset at, string comment)
    {
        var allowed = MayReview(approver, nameof(SendBack));
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        if (IsBlank(comment))
        {
            errors.Add(RequestErrors.SendBackCommentRequired);
        }
        AddIfTooLong(errors, comment, ResponseReview.CommentMaxLength, nameof(comment));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        _reviews.Add(new ResponseReview(ReviewOutcome.SentBack, approver.Id, approver.Name, at, comment.Trim()));
        ClearApproval();
        ProposedRefusal = null;
        SubmittedById = null;
        ChangeStatus(RequestStatus.InProgress, RequestActions.SentBack, approver, at, comment.Trim());
        return Result.Success();
    }

    /// <summary>
    /// Records that the approved response was sent. Refused while an ID copy is kept, a fee is open,
    /// Art. 19 notifications are unplanned or open, or a granted restriction is not applied.
    /// </summary>
    public Result MarkResponded(Actor actor, DateTimeOffset at, DateOnly? closedOn = null)
    {
        var allowed = MayChange(actor, nameof(MarkResponded), RequestStatus.AwaitingApproval);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        if (!IsApproved)
        {
            errors.Add(RequestErrors.ApprovalRequired);
        }
        AddHandlerIsApproverBlocker(errors);
        if (ProposedRefusal is not null)
        {
            errors.Add(RequestErrors.RejectionPending);
        }
        AddIdCopyBlocker(errors);
        if (Fee is { IsOutstanding: true })
        {
            errors.Add(RequestErrors.FeeOutstanding);
        }
        if (RequiresRecipientNotifications && !RecipientNotificationsPlanned)
        {
            errors.Add(RequestErrors.RecipientsNotPlanned);
        }
        if (_recipientNotifications.Any(notification => notification.IsOpen))
        {
            errors.Add(RequestErrors.RecipientNotificationsOpen);
        }
        if (Type == RequestType.Restriction && RestrictionAppliedAt is null && CurrentDecisions.Any(decision => decision.IsCarriedOut))
        {
            errors.Add(RequestErrors.RestrictionNotApplied);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        ClosedAt = at;
        ClosedOn = closedOn ?? DateOnly.FromDateTime(at.DateTime);
        ChangeStatus(RequestStatus.Responded, RequestActions.Responded, actor, at);
        return Result.Success();
    }

    /// <summary>
    /// Proposes refusing the request as a whole (Art. 12(4)) with its ground. A refusal letter is a
    /// response too (gdpr-rules §3, four eyes): it goes to a team lead for approval like any other,
    /// and <see cref="Reject"/> sends it once approved. Which grounds may refuse which request, and
    /// what each needs, is <see cref="WholeRequestRefusalRules"/>.
    /// </summary>
    /// <param name="purposesProcessingSubjectData">The Active purposes that process this subject's data (an objection reaching direct marketing is never refused).</param>
    public Result ProposeRejection(Actor actor, DateTimeOffset at, RefusalProposal proposal, IEnumerable<Purpose> purposesProcessingSubjectData)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(purposesProcessingSubjectData);
        var allowed = MayChange(actor, nameof(ProposeRejection), RequestStatus.Received, RequestStatus.AwaitingIdentity, RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        if (IsBlank(proposal.Explanation))
        {
            errors.Add(RequestErrors.RejectionExplanationRequired);
        }
        AddIfTooLong(errors, proposal.Explanation, Refusal.ExplanationMaxLength, nameof(proposal.Explanation));
        AddIfTooLong(errors, proposal.LegalReference, Refusal.LegalReferenceMaxLength, nameof(proposal.LegalReference));
        AddIfTooLong(errors, proposal.Demonstration, Refusal.DemonstrationMaxLength, nameof(proposal.Demonstration));
        errors.AddRange(WholeRequestRefusalRules.Violations(Type, purposesProcessingSubjectData, proposal, LatestIdentityVerification?.Outcome));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        var explanation = proposal.Explanation.Trim();
        ProposedRefusal = new Refusal(proposal.Ground, explanation, Trimmed(proposal.LegalReference), actor.Id, actor.Name, at, Trimmed(proposal.Demonstration));
        SubmittedById = actor.Id;
        ClearApproval();
        ChangeStatus(
            RequestStatus.AwaitingApproval, RequestActions.RejectionProposed, actor, at, explanation,
            ("ground", proposal.Ground.ToString()), ("legalReference", ProposedRefusal.LegalReference));
        return Result.Success();
    }

    /// <summary>Sends the approved refusal and closes the request. Refused while an ID copy is kept.</summary>
    public Result Reject(Actor actor, DateTimeOffset at, DateOnly? closedOn = null)
    {
        var allowed = MayChange(actor, nameof(Reject), RequestStatus.AwaitingApproval);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        if (ProposedRefusal is null)
        {
            errors.Add(RequestErrors.RejectionNotProposed);
        }
        else if (!IsApproved)
        {
            errors.Add(RequestErrors.ApprovalRequired);
        }
        AddHandlerIsApproverBlocker(errors);
        AddIdCopyBlocker(errors);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        Refusal = ProposedRefusal!;
        ProposedRefusal = null;
        CancelOutstandingFee(at);
        ClosedAt = at;
        ClosedOn = closedOn ?? DateOnly.FromDateTime(at.DateTime);
        ChangeStatus(
            RequestStatus.Rejected, RequestActions.Rejected, actor, at, Refusal.Explanation,
            ("ground", Refusal.Ground.ToString()), ("legalReference", Refusal.LegalReference), ("fee", Fee?.Status.ToString()));
        return Result.Success();
    }

    /// <summary>The subject withdraws the request, from any open state and with or without a reason, also after a fee notice.</summary>
    public Result Withdraw(Actor actor, DateTimeOffset at, string? reason = null, DateOnly? closedOn = null)
    {
        var allowed = MayChange(actor, nameof(Withdraw), AnyOpen);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        AddIfTooLong(errors, reason, ReasonMaxLength, nameof(reason));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        // The subject's withdrawal is never refused; an ID copy still awaiting deletion stays an open obligation on the closed case.
        WithdrawalReason = Trimmed(reason);
        CancelOutstandingFee(at);
        ClosedAt = at;
        ClosedOn = closedOn ?? DateOnly.FromDateTime(at.DateTime);
        ChangeStatus(RequestStatus.Withdrawn, RequestActions.Withdrawn, actor, at, WithdrawalReason, ("fee", Fee?.Status.ToString()));
        return Result.Success();
    }

    private static List<Error> ValidateIntake(RequestIntake intake)
    {
        var errors = new List<Error>();
        if (intake.Language is null || !Languages.Contains(intake.Language.ToLowerInvariant()))
        {
            errors.Add(RequestErrors.LanguageUnsupported);
        }
        if (IsBlank(intake.Description))
        {
            errors.Add(RequestErrors.DescriptionRequired);
        }
        else if (intake.Description.Trim().Length > DescriptionMaxLength)
        {
            errors.Add(RequestErrors.TextTooLong with { Field = nameof(intake.Description), Arguments = MaxArgument(DescriptionMaxLength) });
        }
        if (intake.SubjectId == Guid.Empty)
        {
            errors.Add(RequestErrors.SubjectRequired);
        }
        // The receipt date is the controller-zone date of the receipt instant; no time zone is more than a day away from UTC.
        if (Math.Abs(intake.ReceivedOn.DayNumber - DateOnly.FromDateTime(intake.ReceivedAt.UtcDateTime).DayNumber) > 1)
        {
            errors.Add(RequestErrors.ReceiptDateMismatch);
        }
        if (intake.DueOn <= intake.ReceivedOn)
        {
            errors.Add(RequestErrors.DueNotAfterReceipt);
        }
        if (intake.ThirdParty is { } thirdParty)
        {
            if (intake.Type != RequestType.Portability)
            {
                errors.Add(RequestErrors.ThirdPartyOnlyForPortability);
            }
            if (IsBlank(thirdParty.Name))
            {
                errors.Add(RequestErrors.ThirdPartyNameRequired);
            }
            else if (ContactDetails.HasHiddenCharacters(thirdParty.Name))
            {
                errors.Add(RequestErrors.ThirdPartyNameHiddenCharacters);
            }
            AddIfTooLong(errors, thirdParty.Name, ThirdPartyRecipient.NameMaxLength, "ThirdParty.Name");
            if (!LooksLikeEmail(thirdParty.Email))
            {
                errors.Add(RequestErrors.ThirdPartyEmailInvalid);
            }
        }
        return errors;
    }

    private static bool LooksLikeEmail(string? email) => ContactDetails.IsEmailAddress(email?.Trim(), ThirdPartyRecipient.EmailMaxLength);

    /// <summary>Auditors and administrators never change a case; and each change is only possible in some statuses.</summary>
    private Result MayChange(Actor actor, string action, params RequestStatus[] allowedIn)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Permission.HandleRequests))
        {
            return Result.Failure(RequestErrors.Forbidden);
        }
        return allowedIn.Contains(Status) ? Result.Success() : Result.Failure(NotAllowed(action));
    }

    private Result MayReview(Actor approver, string action)
    {
        var allowed = MayChange(approver, action, RequestStatus.AwaitingApproval);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (!approver.Has(Permission.ApproveResponses))
        {
            return Result.Failure(RequestErrors.ApprovalNotPermitted);
        }
        // Four eyes: whoever handled or submitted the response cannot be the second pair of eyes.
        if (approver.Id == HandlerId || approver.Id == SubmittedById)
        {
            return Result.Failure(RequestErrors.ApprovalOwnCase);
        }
        return Result.Success();
    }

    private Error NotAllowed(string action) => RequestErrors.TransitionNotAllowed with
    {
        Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = Status.ToString(), ["action"] = action },
    };

    /// <summary>
    /// Four eyes hold after approval (gdpr-rules §3): a change to the substance (handler, decisions,
    /// recipients, the letter) withdraws the approval, recorded as <c>request.approval.withdrawn</c> with
    /// what changed, so the changed response needs a new one. Does nothing when there is no approval.
    /// </summary>
    /// <param name="what">What changed, in the audit's words (e.g. "handler", "recipients", "decision").</param>
    private void WithdrawApprovalForChange(Actor actor, DateTimeOffset at, string what)
    {
        if (!IsApproved)
        {
            return;
        }
        var before = Fields(("approvedById", ApprovedById), ("approvedByName", ApprovedByName), ("approvedAt", ApprovedAt!.Value.ToString("O", CultureInfo.InvariantCulture)));
        ClearApproval();
        Audit(RequestActions.ApprovalWithdrawn, actor, at, before, Fields(("approvedById", null), ("approvedByName", null), ("approvedAt", null)), what);
    }

    /// <summary>Cases approved before approval was withdrawn on reassignment may have their approver as handler: never sent so.</summary>
    private void AddHandlerIsApproverBlocker(List<Error> errors)
    {
        if (IsApproved && ApprovedById == HandlerId)
        {
            errors.Add(RequestErrors.ApprovalHandlerIsApprover);
        }
    }

    private void ClearApproval()
    {
        ApprovedById = null;
        ApprovedByName = null;
        ApprovedAt = null;
    }

    private void CancelOutstandingFee(DateTimeOffset at)
    {
        if (Fee is { IsOutstanding: true })
        {
            Fee = Fee with { Status = FeeStatus.Cancelled, SettledAt = at };
        }
    }

    private void AddIdCopyBlocker(List<Error> errors)
    {
        if (_identityVerifications.Any(verification => verification.HasIdCopyAwaitingDeletion))
        {
            errors.Add(RequestErrors.IdCopyNotDeleted);
        }
    }

    private void ChangeStatus(
        RequestStatus to, string action, Actor actor, DateTimeOffset at, string? reason = null, params (string Key, string? Value)[] extra)
    {
        var before = Fields(("status", Status.ToString()));
        Status = to;
        var after = Fields([("status", to.ToString()), .. extra]);
        Audit(action, actor, at, before, after, reason);
    }

    private void Audit(
        string action, Actor actor, DateTimeOffset at,
        IReadOnlyDictionary<string, string?>? before = null, IReadOnlyDictionary<string, string?>? after = null, string? reason = null)
    {
        LastActivityAt = LastActivityAt is { } last && last > at ? last : at;
        Record(new DomainChange(action, AuditEntityType, Id.ToString(), actor.Id, actor.Name, at, before, after, reason));
    }

    private static Dictionary<string, string?> DecisionFields(PurposeDecision decision) => Fields(
        ("purposeId", decision.PurposeId.ToString()),
        ("outcome", decision.Outcome.ToString()),
        ("refusalGround", decision.RefusalGround?.ToString()),
        ("groundReference", decision.GroundReference),
        ("remainingBasis", decision.RemainingBasis));

    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] fields)
    {
        var dictionary = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            dictionary[key] = value;
        }
        return dictionary;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string? Trimmed(string? text) => IsBlank(text) ? null : text!.Trim();

    private static Dictionary<string, string> MaxArgument(int max) =>
        new(StringComparer.Ordinal) { ["max"] = max.ToString(CultureInfo.InvariantCulture) };

    private static void AddIfTooLong(List<Error> errors, string? text, int max, string field)
    {
        if (text is not null && text.Trim().Length > max)
        {
            errors.Add(RequestErrors.TextTooLong with { Field = field, Arguments = MaxArgument(max) });
        }
    }
}
