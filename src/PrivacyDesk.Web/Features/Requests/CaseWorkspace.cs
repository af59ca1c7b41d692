using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>
/// The case workspace (<c>/requests/{reference}</c>): reads one case for the signed-in member of staff
/// and carries out each action on it. Every method checks the caller's permission and the case's
/// visibility on the server, runs the domain method in one transaction in its own scope, and answers
/// with a <see cref="Result"/>. A case the caller may not see is reported exactly like one that does
/// not exist, so the page never tells whose case it is.
/// </summary>
public sealed class CaseWorkspace(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings, CaseUnitOfWork cases)
{
    /// <summary>Opening a case is an audited view (who looked at which case, when).</summary>
    public const string ViewedAction = "request.viewed";

    /// <summary>
    /// Views are written to a stream of their own, next to the case's changes, so the "changed by X at T"
    /// of a stale save names the last person who changed the case, not the last who looked at it.
    /// </summary>
    public const string ViewEntityType = "DataSubjectRequestView";

    public static readonly Error NotFound = CaseUnitOfWork.NotFound;
    public static readonly Error Forbidden = CaseUnitOfWork.Forbidden;
    public static readonly Error NotHandler = CaseUnitOfWork.NotHandler;

    /// <summary>Every purpose is decided or needs the officer's judgement: "Accept the proposals" has nothing to record.</summary>
    public static readonly Error NothingToAccept = new("case.proposals.none");

    /// <summary>The case was taken by (or given to) someone else since the caller read it (<see cref="CaseUnitOfWork.TakenByOtherCode"/>).</summary>
    public const string TakenByOtherCode = CaseUnitOfWork.TakenByOtherCode;
    private const int TimelineLimit = 500;

    /// <summary>Opens a case by its reference and records the view in the audit trail.</summary>
    public Task<Result<CaseView>> OpenAsync(ClaimsPrincipal caller, string reference, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, reference, recordView: true, cancellationToken);

    /// <summary>Reads the case again after an action (the view was recorded when it was opened).</summary>
    public Task<Result<CaseView>> ReloadAsync(ClaimsPrincipal caller, string reference, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, reference, recordView: false, cancellationToken);

    public Task<Result> TakeAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Work,
            work => Task.FromResult(work.Request.Assign(work.Actor, work.Actor, work.Now)), cancellationToken);

    public Task<Result> RequestIdentityProofAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, string? whatIsAsked, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle,
            work => Task.FromResult(work.Request.RequestIdentityVerification(work.Actor, work.Now, whatIsAsked)), cancellationToken);

    public Task<Result> RecordIdentityCheckAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, IdentityCheckInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
        {
            var masking = input.Method == IdentityVerificationMethod.IdDocumentCopy ? new IdCopyMasking(input.BsnMasked, input.PhotoMasked) : null;
            Result result = work.Request.RecordIdentityVerification(work.Actor, work.Now, input.Method, input.Outcome, input.Notes, masking);
            return Task.FromResult(result);
        }, cancellationToken);
    }

    public Task<Result> ConfirmIdCopyDeletedAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid verificationId, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle,
            work => Task.FromResult(work.Request.ConfirmIdCopyDeleted(work.Actor, verificationId, work.Now)), cancellationToken);

    public Task<Result> StartProcessingAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle,
            work => Task.FromResult(work.Request.StartProcessing(work.Actor, work.Now)), cancellationToken);

    /// <summary>Records a decision for one purpose through the rules engine, which refuses what the law forbids.</summary>
    public Task<Result> RecordDecisionAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, DecisionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == work.Request.SubjectId, cancellationToken);
            var register = await ActivePurposesAsync(work.Db, cancellationToken);
            // A consent withdrawal decides only the purposes it covers; anything else is not part of this case.
            var purpose = work.Request.PurposesAskedAbout(subject.ProcessingPurposes(register)).SingleOrDefault(p => p.Id == input.PurposeId);
            if (purpose is null)
            {
                return Result.Failure(RightsErrors.PurposeMismatch);
            }
            var assessment = RightsEngine.AssessPurpose(work.Request.Type, subject, purpose, work.Today);
            var proposed = Propose(input, purpose, assessment);
            return DecisionRecording.Record(work.Request, purpose, assessment, proposed, work.Actor, work.Now);
        }, cancellationToken);
    }

    /// <summary>
    /// "Accept the proposals": every undecided purpose the law decides is recorded in one transaction, each through
    /// <see cref="DecisionRecording"/> (rules, audit entry per decision). Proposals are worked out here, never taken from the page.
    /// </summary>
    public Task<Result<int>> AcceptProposalsAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == work.Request.SubjectId, cancellationToken);
            var register = await ActivePurposesAsync(work.Db, cancellationToken);
            var decided = work.Request.CurrentDecisions.Select(d => d.PurposeId).ToHashSet();
            var recorded = 0;
            foreach (var purpose in work.Request.PurposesAskedAbout(subject.ProcessingPurposes(register)).Where(p => !decided.Contains(p.Id)))
            {
                var assessment = RightsEngine.AssessPurpose(work.Request.Type, subject, purpose, work.Today);
                if (DecisionProposals.For(work.Request.Type, purpose, assessment, work.Request.Language).Decision is not { } proposed)
                {
                    continue;
                }
                var result = DecisionRecording.Record(work.Request, purpose, assessment, proposed, work.Actor, work.Now);
                if (result.IsFailure)
                {
                    // All or nothing: the unit of work saves nothing when one decision is refused.
                    return Result<int>.Failure(result.Errors);
                }
                recorded++;
            }
            return recorded == 0 ? Result<int>.Failure(NothingToAccept) : Result.Success(recorded);
        }, cancellationToken);

    public Task<Result> SubmitForApprovalAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == work.Request.SubjectId, cancellationToken);
            var register = await ActivePurposesAsync(work.Db, cancellationToken);
            return work.Request.SubmitForApproval(work.Actor, work.Now, subject.ProcessingPurposes(register).Select(p => p.Id));
        }, cancellationToken);

    /// <summary>Records the human review of an automated decision (Art. 22(3)); the domain refuses the system and an incomplete review.</summary>
    public Task<Result> RecordAutomatedReviewAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, AutomatedReviewInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
        {
            Result result = work.Request.RecordAutomatedDecisionReview(work.Actor, work.Now,
                new AutomatedDecisionReviewDraft(input.DecisionReference, input.SubjectView, input.Outcome, input.NewOutcome, input.Explanation));
            return Task.FromResult(result);
        }, cancellationToken);
    }

    /// <summary>Sets which consent purposes a withdrawal covers; only consent purposes that process the subject's data may be chosen.</summary>
    public Task<Result> ChooseConsentPurposesAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, IReadOnlyList<Guid> purposeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeIds);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == work.Request.SubjectId, cancellationToken);
            var register = await ActivePurposesAsync(work.Db, cancellationToken);
            var candidates = DataSubjectRequest.ConsentWithdrawalCandidates(subject.ProcessingPurposes(register)).Select(p => p.Id);
            return work.Request.ChooseConsentWithdrawalPurposes(work.Actor, work.Now, purposeIds, candidates);
        }, cancellationToken);
    }

    /// <summary>Four eyes: the domain refuses the handler and the submitter; this refuses anyone who is not a team lead first.</summary>
    public Task<Result> ApproveAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string? comment, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Approve,
            work => Task.FromResult(work.Request.Approve(work.Actor, work.Now, comment)), cancellationToken);

    public Task<Result> SendBackAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string comment, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Approve,
            work => Task.FromResult(work.Request.SendBack(work.Actor, work.Now, comment)), cancellationToken);

    /// <summary>The approved response went out. The handler sends it, or a team lead on their behalf.</summary>
    public Task<Result> MarkRespondedAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        MarkRespondedAsync(caller, requestId, stamp, siteBaseUri: null, cancellationToken);

    /// <summary>
    /// The approved response goes out: the case closes as responded and, in the same transaction, the answer's delivery and its
    /// e-mail to the subject are added (ADR 0045). <paramref name="siteBaseUri"/> is the address the officer reached the app at,
    /// for the link when the portal's public address is not configured.
    /// </summary>
    public Task<Result> MarkRespondedAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string? siteBaseUri, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            // The answer date counts in the controller's time zone (the dashboard's "on time" and "days to answer").
            var responded = work.Request.MarkResponded(work.Actor, work.Now, work.Today);
            return responded.IsFailure ? responded : await DeliverAsync(work, siteBaseUri, cancellationToken);
        }, cancellationToken);

    /// <summary>The approved refusal went out (Art. 12(4)); the case closes as refused. Like a response: the handler, or a team lead on their behalf.</summary>
    public Task<Result> SendRefusalAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        SendRefusalAsync(caller, requestId, stamp, siteBaseUri: null, cancellationToken);

    /// <summary>The approved refusal goes out, delivered like a response (the refusal letter behind the link).</summary>
    public Task<Result> SendRefusalAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string? siteBaseUri, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var rejected = work.Request.Reject(work.Actor, work.Now, work.Today);
            return rejected.IsFailure ? rejected : await DeliverAsync(work, siteBaseUri, cancellationToken);
        }, cancellationToken);

    /// <summary>The answer's delivery and its e-mail, added to the sending change's context (resolved per call: the workspace outlives scopes in tests and circuits alike).</summary>
    private async Task<Result> DeliverAsync(CaseWork work, string? siteBaseUri, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Delivery.AnswerDeliveries>().DeliverAsync(work, siteBaseUri, cancellationToken);
    }

    public Task<Result> AddNoteAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string? text, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Work, work =>
        {
            Result result = work.Request.AddNote(work.Actor, work.Now, text);
            return Task.FromResult(result);
        }, cancellationToken);

    private async Task<Result<CaseView>> ReadAsync(ClaimsPrincipal caller, string reference, bool recordView, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<CaseView>.Failure(Forbidden);
        }
        // A malformed reference is simply a case that does not exist (and never reaches the database).
        if (!RequestReference.TryParse(reference, out var parsed))
        {
            return Result<CaseView>.Failure(NotFound);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        // The stamp is read before the case: if someone changes it in between, the page holds an older stamp
        // and its next save is refused as stale, never the other way round (new stamp on old data).
        var stamp = await db.Requests.Where(r => r.Reference == parsed)
            .Select(r => EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp)).SingleOrDefaultAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Reference == parsed, cancellationToken);
        if (request is null || !RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<CaseView>.Failure(NotFound);
        }
        if (recordView)
        {
            db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, ViewedAction, ViewEntityType, request.Id.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }

        var subject = await db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == request.SubjectId, cancellationToken);
        var register = await ActivePurposesAsync(db, cancellationToken);
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var policy = settings.Policy;
        var zone = settings.TimeZone;
        var today = policy.Today(clock);

        var answeredOn = request.ClosedAt is { } closed ? policy.DateOf(closed) : (DateOnly?)null;
        var sla = settings.SlaEvaluator().Evaluate(request.EffectiveDueOn, today, answeredOn);
        var deadline = new CaseDeadline(request.ReceivedOn, request.DueOn, request.ExtendedDueOn, sla);

        var processing = subject.ProcessingPurposes(register).ToList();
        // A consent withdrawal asks only about the purposes it covers (none until they are chosen).
        // Every moment the page shows is in the controller's zone, the decisions' "decided by" lines too.
        var rows = Rows(request.Type, subject, [.. request.PurposesAskedAbout(processing)], today, request.CurrentDecisions, request.Language)
            .Select(r => r.Decision is { } decided ? r with { Decision = decided with { DecidedAt = Local(decided.DecidedAt, zone) } } : r)
            .ToList();

        var timeline = await TimelineAsync(db, request.Id, zone, cancellationToken);
        var integrity = await TrailIntegrityAsync(scope.ServiceProvider, request.Id, timeline, cancellationToken);
        timeline = [.. timeline.Select(e => integrity.Marks(e.Sequence) ? e with { Altered = true } : e)];
        var can = Abilities(actor, request, rows);
        var view = new CaseView(
            request.Id,
            request.Reference.ToString(),
            request.Type,
            request.Channel,
            request.Status,
            request.Language,
            request.Description,
            subject.Id,
            subject.FullName,
            TimeZoneInfo.ConvertTime(request.ReceivedAt, policy.TimeZone),
            deadline,
            request.HandlerId,
            request.HandlerName,
            request.ApprovedByName,
            request.ApprovedAt is { } approved ? Local(approved, zone) : null,
            request.IdentityRequestedAt is { } identityRequested ? Local(identityRequested, zone) : null,
            [.. request.IdentityVerifications.Select(v => new IdentityCheckView(
                v.Id, v.Method, v.Outcome, v.VerifiedByName, Local(v.VerifiedAt, zone), v.Notes, v.IdCopy is not null,
                v.IdCopy?.DeletedAt is { } deleted ? Local(deleted, zone) : null, v.IdCopy?.DeletionConfirmedByName))],
            rows,
            [.. request.Reviews.OrderByDescending(r => r.ReviewedAt).Select(r => new ReviewView(r.Outcome, r.ReviewerName, Local(r.ReviewedAt, zone), r.Comment))],
            [.. request.Notes.OrderByDescending(n => n.WrittenAt).Select(n => new NoteView(n.Id, n.Text, n.AuthorName, Local(n.WrittenAt, zone)))],
            timeline,
            can,
            StepOf(request, rows),
            stamp,
            request.CollectionTasks.Count > 0,
            (request.ProposedRefusal ?? request.Refusal) is { } refusal
                ? new RefusalView(refusal.Ground, refusal.Explanation, refusal.LegalReference, refusal.Demonstration, refusal.RefusedByName,
                    Local(refusal.RefusedAt, zone), IsSent: request.Refusal is not null)
                : null,
            integrity)
        {
            AutomatedReview = request.AutomatedDecisionReview is { } review
                ? new AutomatedReviewView(review.DecisionReference, review.SubjectView, review.Outcome, review.NewOutcome, review.Explanation,
                    review.ReviewerName, Local(review.ReviewedAt, zone))
                : null,
            ConsentScope = request.Type == RequestType.ConsentWithdrawal ? ScopeView(actor, request, processing) : null,
            RecipientWarnings = request.RecipientPlanningWarnings(),
            EmailVerifiedAddressOnFile = await scope.ServiceProvider.GetRequiredService<Portal.PortalIdentityEvidence>()
                .AddressOnFileAsync(db, request, subject, cancellationToken),
            Correspondence = [.. request.Messages.OrderBy(m => m.ReceivedAt).ThenBy(m => m.Id)
                .Select(m => new CorrespondenceView(m.Id, m.Channel, m.Topic, m.Text, Local(m.ReceivedAt, zone), m.InboxMessageId))],
        };
        return Result.Success(view);
    }

    private static ConsentScopeView ScopeView(Actor actor, DataSubjectRequest request, List<Purpose> processing)
    {
        var chosen = request.ConsentWithdrawalScope?.PurposeIds ?? [];
        return new ConsentScopeView(
            [.. DataSubjectRequest.ConsentWithdrawalCandidates(processing).Select(p => new ConsentPurposeOption(p.Id, p.Name, chosen.Contains(p.Id)))],
            request.ConsentWithdrawalScope is not null,
            CaseUnitOfWork.MayHandle(actor, request.HandlerId) && request.Status is RequestStatus.Received or RequestStatus.AwaitingIdentity or RequestStatus.InProgress);
    }

    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone);

    private static async Task<List<Purpose>> ActivePurposesAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken) =>
        await db.Purposes.AsNoTracking().Where(p => p.Status == PurposeStatus.Active).ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(PrivacyDeskDbContext db, Guid requestId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var id = requestId.ToString();
        // The case's letters are audited on their own stream (one per document): generated and downloaded belong on the timeline too.
        // Ids read first: the audit trail holds .NET's lower-case form, SQLite's GUID-to-text conversion would not match it.
        var documentIds = (await db.GeneratedDocuments.AsNoTracking().Where(d => d.RequestId == requestId).Select(d => d.Id).ToListAsync(cancellationToken))
            .Select(documentId => documentId.ToString()).ToList();
        // Carrying out in the source systems (issue 15): each plan and each retention ledger entry of the case has its own stream.
        var planIds = await SourceChanges.CaseSourceChanges.PlanIdsOfAsync(db, requestId, cancellationToken);
        var ledgerIds = (await db.RetentionLedger.AsNoTracking().Where(e => e.RequestId == requestId).Select(e => e.Id).ToListAsync(cancellationToken))
            .Select(entryId => entryId.ToString()).ToList();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityId == id && (e.EntityType == DataSubjectRequest.AuditEntityType || e.EntityType == ViewEntityType))
                || (e.EntityType == GeneratedDocument.AuditEntityType && documentIds.Contains(e.EntityId))
                || (e.EntityType == SourceChangePlan.AuditEntityType && planIds.Contains(e.EntityId))
                || (e.EntityType == RetentionLedgerEntry.AuditEntityType && ledgerIds.Contains(e.EntityId)))
            .OrderByDescending(e => e.Sequence)
            .Take(TimelineLimit)
            .Select(e => new { e.Sequence, e.OccurredAt, e.ActorName, e.Action, e.Reason, Fields = e.After ?? e.Details })
            .ToListAsync(cancellationToken);
        return [.. events.Select(e => new TimelineEntry(e.Sequence, Local(e.OccurredAt, zone), e.ActorName, e.Action, e.Reason, Details(e.Fields)))];
    }

    /// <summary>
    /// Whether this case's part of the trail can be trusted: its own stream verified, each shown entry against its own hash
    /// and seal, and the first broken sequence the monitor found if it is one of this case's entries.
    /// </summary>
    private static async Task<CaseTrailIntegrity> TrailIntegrityAsync(
        IServiceProvider services, Guid requestId, IReadOnlyList<TimelineEntry> timeline, CancellationToken cancellationToken)
    {
        var verifier = services.GetRequiredService<AuditTrailVerifier>();
        var altered = await verifier.AlteredAmongAsync([.. timeline.Select(e => e.Sequence)], cancellationToken);
        var stream = await verifier.VerifyStreamAsync(DataSubjectRequest.AuditEntityType, requestId.ToString(), cancellationToken);
        var monitored = services.GetRequiredService<AuditTrailStatus>().Latest?.Verification.FirstBrokenSequence;
        var marked = altered.ToHashSet();
        if (stream.FirstBrokenSequence is { } streamBreak)
        {
            marked.Add(streamBreak);
        }
        if (monitored is { } trailBreak && timeline.Any(e => e.Sequence == trailBreak))
        {
            marked.Add(trailBreak);
        }
        return new CaseTrailIntegrity(marked.Count == 0 ? null : marked.Min(), marked);
    }

    private static Dictionary<string, string> Details(string? json) =>
        AuditFields.Parse(json).Where(field => field.Value is not null).ToDictionary(field => field.Key, field => field.Value!, StringComparer.Ordinal);

    /// <summary>One row per Active purpose that processes the subject's data: the law's answer, the allowed decisions, the current decision.</summary>
    public static List<PurposeRow> Rows(
        RequestType right, DataSubject subject, IReadOnlyList<Purpose> register, DateOnly on, IReadOnlyList<PurposeDecision> currentDecisions,
        string language = "nl")
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(currentDecisions);
        var assessment = RightsEngine.Assess(right, subject, register, on);
        var purposes = subject.ProcessingPurposes(register).ToDictionary(p => p.Id);
        var decisions = currentDecisions.ToDictionary(d => d.PurposeId);
        return [.. assessment.Purposes.Select(a => Row(right, purposes[a.PurposeId], a, decisions.GetValueOrDefault(a.PurposeId))
            with { Proposal = DecisionProposals.For(right, purposes[a.PurposeId], a, language) })];
    }

    private static PurposeRow Row(RequestType right, Purpose purpose, PurposeAssessment assessment, PurposeDecision? decision) => new(
        purpose.Id,
        purpose.Key,
        purpose.Name,
        [.. purpose.LawfulBases.Select(b => b.Kind)],
        assessment.Requirement,
        assessment.Reason,
        assessment.LegalReferences,
        assessment.RetainUntil,
        assessment.RetentionProvision,
        assessment.Test,
        AllowedOptions(right, purpose, assessment),
        decision is null
            ? null
            : new DecisionView(decision.Outcome, decision.RefusalGround, decision.GroundReference, decision.RemainingBasis, decision.Note,
                decision.DecidedByName, decision.DecidedAt));

    /// <summary>
    /// The decisions the law allows for this purpose: every candidate (comply, partial, not applicable,
    /// a refusal on each ground the right knows) put to the same rules that refuse a decision on save,
    /// with the officer's texts stood in for. What the rules refuse is never offered.
    /// </summary>
    public static IReadOnlyList<DecisionOption> AllowedOptions(RequestType right, Purpose purpose, PurposeAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(assessment);
        var candidates = new List<DecisionOption> { new(DecisionKind.Comply) };
        if (assessment.RemainingBases.Count > 0)
        {
            candidates.Add(new(DecisionKind.PartiallyComply));
        }
        candidates.AddRange(DecisionRules.AllowedGrounds(right).Select(ground => new DecisionOption(DecisionKind.Refuse, ground)));
        candidates.Add(new(DecisionKind.NotApplicable));
        const string standIn = "-";
        return [.. candidates.Where(option => DecisionRules.Validate(right, purpose, assessment,
            Propose(new DecisionInput(purpose.Id, option.Kind, option.Ground, standIn, standIn, standIn), purpose, assessment)).IsSuccess)];
    }

    private static ProposedDecision Propose(DecisionInput input, Purpose purpose, PurposeAssessment assessment) => input.Kind switch
    {
        DecisionKind.Comply => ProposedDecision.Comply(input.PurposeId, PortableCategories(assessment, purpose)),
        DecisionKind.PartiallyComply => ProposedDecision.PartiallyComply(input.PurposeId, assessment.RemainingBases, input.Reasons ?? "",
            PortableCategories(assessment, purpose)),
        DecisionKind.Refuse => ProposedDecision.Refuse(input.PurposeId, input.Ground, input.Reasons ?? "", Blank(input.Reference), Blank(input.Demonstration)),
        _ => ProposedDecision.NotApplicable(input.PurposeId, input.Reasons ?? ""),
    };

    /// <summary>For portability, what the subject provided (or what their use of the service shows); never inferred or third-party data.</summary>
    private static IEnumerable<string>? PortableCategories(PurposeAssessment assessment, Purpose purpose) =>
        assessment.Right == RequestType.Portability ? DecisionProposals.PortableDataCategories(purpose) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static CaseAbilities Abilities(Actor actor, DataSubjectRequest request, List<PurposeRow> rows)
    {
        if (!actor.Has(Permission.HandleRequests))
        {
            return CaseAbilities.None;
        }
        var handles = CaseUnitOfWork.MayHandle(actor, request.HandlerId);
        var status = request.Status;
        var early = status is RequestStatus.Received or RequestStatus.AwaitingIdentity;
        return new CaseAbilities(
            Take: request.HandlerId is null && request.IsOpen,
            VerifyIdentity: handles && early,
            ConfirmIdCopyDeleted: handles && request.IdCopiesAwaitingDeletion.Count > 0,
            StartProcessing: handles && early && request.HandlerId is not null,
            Decide: handles && status == RequestStatus.InProgress,
            Submit: handles && status == RequestStatus.InProgress && rows.All(r => r.Decision is not null),
            // Four eyes: the handler and the submitter never see the approval actions on their own case.
            // A proposed refusal is a response too: the same team leads approve it or send it back.
            Review: actor.Has(Permission.ApproveResponses) && status == RequestStatus.AwaitingApproval && !request.IsApproved
                && actor.Id != request.HandlerId && actor.Id != request.SubmittedById,
            MarkResponded: (handles || actor.Has(Permission.ApproveResponses)) && status == RequestStatus.AwaitingApproval
                && request.IsApproved && request.ProposedRefusal is null,
            AddNote: true,
            SendRefusal: (handles || actor.Has(Permission.ApproveResponses)) && status == RequestStatus.AwaitingApproval
                && request.IsApproved && request.ProposedRefusal is not null);
    }

    private static CaseStep StepOf(DataSubjectRequest request, List<PurposeRow> rows) => request.Status switch
    {
        RequestStatus.Received or RequestStatus.AwaitingIdentity => CaseStep.VerifyIdentity,
        RequestStatus.InProgress when rows.Count > 0 && rows.All(r => r.Decision is not null) => CaseStep.DraftResponse,
        RequestStatus.InProgress when rows.Any(r => r.Decision is not null) => CaseStep.Decide,
        // Planned collection that is still waiting for extracts is the work of the moment.
        RequestStatus.InProgress when request.CollectionTasks.Any(t => t.Status == DataCollectionStatus.Open) => CaseStep.CollectData,
        RequestStatus.InProgress => CaseStep.Assess,
        RequestStatus.AwaitingApproval when request.IsApproved => CaseStep.Send,
        RequestStatus.AwaitingApproval => CaseStep.Approval,
        _ => CaseStep.Closed,
    };
}
