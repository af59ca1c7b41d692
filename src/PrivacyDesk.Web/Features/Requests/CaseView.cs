using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>
/// One case as the workspace shows it, read in one go. <see cref="Stamp"/> is the version the page
/// saw: every action sends it back, so a change made meanwhile by someone else is refused, not overwritten.
/// </summary>
public sealed record CaseView(
    Guid Id,
    string Reference,
    RequestType Type,
    RequestChannel Channel,
    RequestStatus Status,
    string Language,
    string Description,
    Guid SubjectId,
    string SubjectName,
    DateTimeOffset ReceivedAt,
    CaseDeadline Deadline,
    string? HandlerId,
    string? HandlerName,
    string? ApprovedByName,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? IdentityRequestedAt,
    IReadOnlyList<IdentityCheckView> IdentityChecks,
    IReadOnlyList<PurposeRow> Purposes,
    IReadOnlyList<ReviewView> Reviews,
    IReadOnlyList<NoteView> Notes,
    IReadOnlyList<TimelineEntry> Timeline,
    CaseAbilities Can,
    CaseStep CurrentStep,
    Guid Stamp,
    bool HasCollectionTasks,
    RefusalView? Refusal = null,
    CaseTrailIntegrity? TrailIntegrity = null)
{
    public bool IsOpen => Status.IsOpen();

    public bool IsApproved => ApprovedAt is not null;

    public int DecidedCount => Purposes.Count(p => p.Decision is not null);

    public bool AllDecided => Purposes.All(p => p.Decision is not null);

    /// <summary>For an Art. 22 request: the human review as recorded, or null while none is.</summary>
    public AutomatedReviewView? AutomatedReview { get; init; }

    /// <summary>For a consent withdrawal: the consent purposes the subject could withdraw, and which ones the withdrawal covers.</summary>
    public ConsentScopeView? ConsentScope { get; init; }

    /// <summary>For a request verified by the portal's e-mail code: whether that address was on file for the subject before (ADR 0044); else null.</summary>
    public bool? EmailVerifiedAddressOnFile { get; init; }
    /// <summary>Messages from the subject (portal and e-mail replies), oldest first, times in the controller's zone.</summary>
    public IReadOnlyList<CorrespondenceView> Correspondence { get; init; } = [];

    /// <summary>Art. 19 warnings the domain gives at submission and approval (ADR 0031): shown, never blocking.</summary>
    public IReadOnlyList<Error> RecipientWarnings { get; init; } = [];

    /// <summary>Undecided purposes with a proposal the law makes: what "Accept the proposals" records.</summary>
    public int ProposalsToAccept => Purposes.Count(p => p.Decision is null && p.Proposal is { NeedsJudgement: false });
}

/// <summary>A refusal of the whole request, proposed (awaiting four eyes) or sent; what the team lead approves.</summary>
public sealed record RefusalView(
    RequestRefusalGround Ground, string Explanation, string? LegalReference, string? Demonstration, string ProposedByName, DateTimeOffset ProposedAt, bool IsSent);

/// <summary>The recorded Art. 22 review: who reviewed, when, which decision, the subject's view, the outcome and why.</summary>
public sealed record AutomatedReviewView(
    string DecisionReference,
    string SubjectView,
    AutomatedDecisionReviewOutcome Outcome,
    string? NewOutcome,
    string Explanation,
    string ReviewerName,
    DateTimeOffset ReviewedAt);

/// <summary>A consent purpose the subject could withdraw from, and whether the withdrawal covers it.</summary>
public sealed record ConsentPurposeOption(Guid PurposeId, LocalizedText Name, bool Chosen);

/// <summary>The scope of a consent withdrawal: the options, whether any is chosen yet, and whether the viewer may change it now.</summary>
public sealed record ConsentScopeView(IReadOnlyList<ConsentPurposeOption> Options, bool IsChosen, bool CanChange);

/// <summary>The Art. 22 review as the reviewer types it.</summary>
public sealed record AutomatedReviewInput(
    string? DecisionReference, string? SubjectView, AutomatedDecisionReviewOutcome? Outcome, string? NewOutcome, string? Explanation);

/// <summary>The deadline as the header shows it: the binding date, days left both ways and the SLA state.</summary>
public sealed record CaseDeadline(DateOnly ReceivedOn, DateOnly DueOn, DateOnly? ExtendedDueOn, SlaStatus Sla)
{
    public DateOnly EffectiveDueOn => ExtendedDueOn ?? DueOn;
}

/// <summary>The lifecycle steps of a case, in order (issue 4).</summary>
public enum CaseStep
{
    VerifyIdentity,
    Assess,
    CollectData,
    Decide,
    DraftResponse,
    Approval,
    Send,

    /// <summary>Responded, rejected or withdrawn: nothing left to do.</summary>
    Closed,
}

/// <summary>
/// What the signed-in member of staff may do to this case right now. Worked out on the server from
/// their permissions and the case's state; the server checks again when they do it.
/// </summary>
public sealed record CaseAbilities(
    bool Take,
    bool VerifyIdentity,
    bool ConfirmIdCopyDeleted,
    bool StartProcessing,
    bool Decide,
    bool Submit,
    bool Review,
    bool MarkResponded,
    bool AddNote,
    bool SendRefusal = false)
{
    public static CaseAbilities None { get; } = new(false, false, false, false, false, false, false, false, false);

    /// <summary>True for read-only viewers (auditors; officers looking at a case not yet theirs).</summary>
    public bool Nothing => this == None;
}

public sealed record IdentityCheckView(
    Guid Id,
    IdentityVerificationMethod Method,
    IdentityVerificationOutcome Outcome,
    string VerifiedByName,
    DateTimeOffset VerifiedAt,
    string? Notes,
    bool HasIdCopy,
    DateTimeOffset? IdCopyDeletedAt,
    string? IdCopyDeletedByName)
{
    public bool IdCopyAwaitingDeletion => HasIdCopy && IdCopyDeletedAt is null;
}

/// <summary>One purpose that processes the subject's data: what the law requires, what may be decided, what was.</summary>
public sealed record PurposeRow(
    Guid PurposeId,
    string Key,
    LocalizedText Name,
    IReadOnlyList<LawfulBasisKind> Bases,
    Requirement Requirement,
    LocalizedText Reason,
    IReadOnlyList<string> LegalReferences,
    DateOnly? RetainUntil,
    string? RetentionProvision,
    LocalizedText? Test,
    IReadOnlyList<DecisionOption> Options,
    DecisionView? Decision)
{
    /// <summary>What the assessment proposes (<see cref="DecisionProposals"/>); null where none was worked out.</summary>
    public DecisionProposal? Proposal { get; init; }
}

/// <summary>A decision the law allows for a purpose; refusals come one per allowed ground.</summary>
public sealed record DecisionOption(DecisionKind Kind, RefusalGround? Ground = null)
{
    /// <summary>Everything but full compliance must tell the subject why (Art. 12(4)).</summary>
    public bool NeedsReasons => Kind != DecisionKind.Comply;

    public bool NeedsReference => Ground == RefusalGround.NationalRestriction;

    public bool NeedsDemonstration => Ground == RefusalGround.ManifestlyUnfoundedOrExcessive;

    public string Key => Ground is { } ground ? $"{Kind}:{ground}" : Kind.ToString();
}

public sealed record DecisionView(
    PurposeDecisionOutcome Outcome,
    RefusalGround? Ground,
    string? GroundReference,
    string? RemainingBasis,
    string? Note,
    string DecidedByName,
    DateTimeOffset DecidedAt);

public sealed record ReviewView(ReviewOutcome Outcome, string ReviewerName, DateTimeOffset ReviewedAt, string? Comment);

public sealed record NoteView(Guid Id, string Text, string AuthorName, DateTimeOffset WrittenAt);

/// <summary>One message from the subject on the case: how it came (portal, e-mail), when, its topic and plain text.</summary>
public sealed record CorrespondenceView(Guid Id, SubjectMessageChannel Channel, string? Topic, string Text, DateTimeOffset ReceivedAt, Guid? InboxMessageId);

/// <summary>
/// One audit entry about the case, at the controller's local time. <see cref="Details"/> holds the
/// recorded after-values the timeline needs to make a sentence (e.g. the purpose of a decision).
/// </summary>
public sealed record TimelineEntry(
    long Sequence, DateTimeOffset At, string ActorName, string Action, string? Reason, IReadOnlyDictionary<string, string> Details, bool Altered = false);

/// <summary>The case's part of the audit trail: intact, or the first entry that cannot be trusted and every entry to mark.</summary>
public sealed record CaseTrailIntegrity(long? FirstBrokenSequence, IReadOnlySet<long> Broken)
{
    public bool IsIntact => FirstBrokenSequence is null;

    public bool Marks(long sequence) => Broken.Contains(sequence);
}

/// <summary>An identity check as the officer records it.</summary>
public sealed record IdentityCheckInput(
    IdentityVerificationMethod Method, IdentityVerificationOutcome Outcome, string? Notes, bool BsnMasked, bool PhotoMasked);

/// <summary>The officer's decision for one purpose, as chosen from the offered options.</summary>
public sealed record DecisionInput(
    Guid PurposeId, DecisionKind Kind, RefusalGround? Ground = null, string? Reasons = null, string? Reference = null, string? Demonstration = null);

/// <summary>What the officer does next on a case, and the step where that happens (the sticky header's button).</summary>
public enum NextActionKind
{
    /// <summary>Closed: nothing left to do.</summary>
    None,
    Take,
    VerifyIdentity,
    StartProcessing,
    CollectData,
    Decide,

    /// <summary>Every purpose decided, but an Art. 22 request still lacks its human review (recorded under Decide).</summary>
    RecordReview,
    DraftResponse,
    Review,
    AwaitApproval,
    SendRefusal,
    MarkResponded,

    /// <summary>The viewer may do nothing here now (an auditor, an onlooker): the button still takes them to where the case is.</summary>
    Follow,
}

/// <summary>The next action: what it is, in which step it is done, and for decisions how many purposes are still open.</summary>
public sealed record NextAction(NextActionKind Kind, CaseStep Step, int Remaining = 0);

/// <summary>How often a value occurs (e.g. "8 × comply"), in the order first met.</summary>
public sealed record Tally<T>(T Value, int Count);

/// <summary>The one line a folded step shows; the page puts it in words (CaseText "Summary.*") in the reader's language.</summary>
public abstract record StepSummary;

/// <summary>The identity check that let the case go on: how and when.</summary>
public sealed record IdentitySummary(IdentityVerificationMethod Method, DateTimeOffset At) : StepSummary;

/// <summary>What the law requires, counted per requirement.</summary>
public sealed record AssessSummary(int Purposes, IReadOnlyList<Tally<Requirement>> Requirements) : StepSummary;

/// <summary>Data collected with tasks (how many), or the step not needed.</summary>
public sealed record CollectSummary(bool Used) : StepSummary;

/// <summary>How many purposes are decided, and the outcomes counted.</summary>
public sealed record DecideSummary(int Decided, int Purposes, IReadOnlyList<Tally<PurposeDecisionOutcome>> Outcomes) : StepSummary;

/// <summary>How many documents were generated, and when the response went for approval.</summary>
public sealed record DraftSummary(int Documents, DateTimeOffset? SubmittedAt) : StepSummary;

/// <summary>Who approved and when.</summary>
public sealed record ApprovalSummary(string ApprovedBy, DateTimeOffset At) : StepSummary;

/// <summary>Responded, refused or withdrawn, and when.</summary>
public sealed record SendSummary(RequestStatus Status, DateTimeOffset? At) : StepSummary;

/// <summary>
/// The case page's short form of each step (issue 13): the one-line summary of a finished step, which steps are
/// open without a click, and the next action. Worked out from the view only, so the page and its tests agree.
/// </summary>
public static class CaseSteps
{
    /// <summary>
    /// Open without a click: the current step; but while Assess is current, Decide instead of Assess, because each purpose's
    /// requirement is shown where it is decided and a second list of the same purposes above it only lengthens the page.
    /// </summary>
    public static bool StartsOpen(CaseView view, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(view);
        var decidingFromAssess = view.CurrentStep == CaseStep.Assess && view.Purposes.Count > 0;
        return step switch
        {
            CaseStep.Assess when decidingFromAssess => false,
            CaseStep.Decide when decidingFromAssess || ReviewMissing(view) => true,
            _ => step == view.CurrentStep,
        };
    }

    /// <summary>The one line of a step the case has passed, or of a current step that starts folded; null for a step not reached.</summary>
    public static StepSummary? SummaryOf(CaseView view, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view.CurrentStep != CaseStep.Closed && (step > view.CurrentStep || (step == view.CurrentStep && StartsOpen(view, step))))
        {
            return null;
        }
        return step switch
        {
            CaseStep.VerifyIdentity => view.IdentityChecks
                .Where(c => c.Outcome == IdentityVerificationOutcome.Verified)
                .OrderByDescending(c => c.VerifiedAt)
                .Select(c => new IdentitySummary(c.Method, c.VerifiedAt))
                .FirstOrDefault(),
            CaseStep.Assess => new AssessSummary(view.Purposes.Count, Count(view.Purposes.Select(p => p.Requirement))),
            CaseStep.CollectData => new CollectSummary(view.HasCollectionTasks),
            CaseStep.Decide => new DecideSummary(view.DecidedCount, view.Purposes.Count, Count(view.Purposes.Where(p => p.Decision is not null).Select(p => p.Decision!.Outcome))),
            CaseStep.DraftResponse => new DraftSummary(
                view.Timeline.Count(e => e.Action == PrivacyDesk.Web.Features.Documents.CaseDocuments.GeneratedAction),
                view.Timeline.Where(e => e.Action == RequestActions.SubmittedForApproval).Select(e => (DateTimeOffset?)e.At).Max()),
            CaseStep.Approval => view.ApprovedAt is { } at ? new ApprovalSummary(view.ApprovedByName ?? "", at) : null,
            CaseStep.Send => new SendSummary(view.Status, view.Timeline.Where(e => e.Action is RequestActions.Responded or RequestActions.Rejected or RequestActions.Withdrawn)
                .Select(e => (DateTimeOffset?)e.At).Max()),
            _ => null,
        };
    }

    /// <summary>What the viewer does next and where; a read-only viewer is taken to the current step.</summary>
    public static NextAction NextOf(CaseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var current = view.CurrentStep;
        if (current == CaseStep.Closed)
        {
            return new NextAction(NextActionKind.None, current);
        }
        if (view.Can.Take)
        {
            return new NextAction(NextActionKind.Take, current);
        }
        var can = view.Can;
        return current switch
        {
            CaseStep.VerifyIdentity when can.StartProcessing => new(NextActionKind.StartProcessing, current),
            CaseStep.VerifyIdentity when can.VerifyIdentity => new(NextActionKind.VerifyIdentity, current),
            CaseStep.Assess or CaseStep.Decide when can.Decide => new(NextActionKind.Decide, CaseStep.Decide, view.Purposes.Count - view.DecidedCount),
            CaseStep.CollectData when !can.Nothing => new(NextActionKind.CollectData, current),
            CaseStep.DraftResponse when can.Decide && ReviewMissing(view) => new(NextActionKind.RecordReview, CaseStep.Decide),
            CaseStep.DraftResponse when can.Submit => new(NextActionKind.DraftResponse, current),
            CaseStep.Approval when can.Review => new(NextActionKind.Review, current),
            CaseStep.Approval when !can.Nothing => new(NextActionKind.AwaitApproval, current),
            CaseStep.Send when can.SendRefusal => new(NextActionKind.SendRefusal, current),
            CaseStep.Send when can.MarkResponded => new(NextActionKind.MarkResponded, current),
            _ => new(NextActionKind.Follow, current == CaseStep.Assess ? CaseStep.Decide : current),
        };
    }

    /// <summary>An Art. 22 request past its decisions without the human review it cannot be answered without: Decide stays open.</summary>
    private static bool ReviewMissing(CaseView view) =>
        view.Type == RequestType.AutomatedDecisionReview && view.AutomatedReview is null && view.CurrentStep == CaseStep.DraftResponse;

    private static List<Tally<T>> Count<T>(IEnumerable<T> values) where T : notnull =>
        [.. values.GroupBy(v => v).Select(g => new Tally<T>(g.Key, g.Count()))];
}
