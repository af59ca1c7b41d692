using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Documents.Extracts;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>
/// What every obligations panel needs to know about the case. A change is made with the stamp the case
/// page holds (its <c>CaseStamp</c>), never with anything read here (ADR 0028).
/// </summary>
public sealed record CaseFacts(
    Guid RequestId, RequestType Type, RequestStatus Status, DateOnly ReceivedOn, DateOnly DueOn, DateOnly EffectiveDueOn,
    DateOnly Today, bool MayChange)
{
    public bool IsOpen => Status.IsOpen();
}

public sealed record CollectionTaskRow(
    Guid Id, string SourceSystem, string? Contact, DateOnly DueOn, DataCollectionStatus Status, string? NotApplicableReason,
    string? ExtractFileName, int? ExtractRowCount, string? ExtractSha256, DateTimeOffset? ClosedAt, string? ClosedByName)
{
    public bool IsOverdue(DateOnly today) => Status == DataCollectionStatus.Open && DueOn < today;
}

public sealed record CollectionView(CaseFacts Case, IReadOnlyList<CollectionTaskRow> Tasks, IReadOnlyList<string> UnplannedSourceSystems);

public sealed record ExtractPreview(string FileName, string Sha256, int RowCount, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>How an e-mailed Art. 19 notice stands (ADR 0051): the e-mail's state and the recipient's downloads, times in the controller's zone.</summary>
/// <param name="Stamp">The delivery's concurrency stamp as read, which extending or unlocking its link is done with.</param>
public sealed record RecipientNoticeDelivery(
    Delivery.DeliveryEmailState EmailState, DateTimeOffset ExpiresAt, bool IsExpired, bool IsLocked, DateTimeOffset? FirstDownloadedAt,
    DateTimeOffset? LastDownloadedAt, int DownloadCount, Guid Stamp);

/// <param name="RegisterEmail">The address the register has for this recipient now (null: none), which "Send by e-mail" would use.</param>
/// <param name="EmailedTo">The address the notification was e-mailed to, as kept on it.</param>
/// <param name="EmailLanguage">The language "Send by e-mail" offers first: Dutch for a recipient in the Netherlands or Belgium, else English.</param>
public sealed record RecipientRow(
    Guid Id, string RecipientName, NotificationRecipientKind Kind, LocalizedText PurposeName, RecipientNotificationStatus Status,
    string? ExemptionReason, DateTimeOffset? ClosedAt, string? RegisterEmail = null, RecipientNotificationChannel? Channel = null, string? EmailedTo = null,
    RecipientNoticeDelivery? Delivery = null, string EmailLanguage = "nl");

/// <param name="Unplanned">Recipients of purposes whose part of the request is carried out that have no notification yet.</param>
/// <param name="UndecidedPurposes">Purposes processing the subject's data that still have no decision, so their recipients are not known yet.</param>
public sealed record RecipientsView(
    CaseFacts Case, bool Applies, bool Planned, IReadOnlyList<RecipientRow> Rows, IReadOnlyList<PlannedRecipient> Unplanned, int UndecidedPurposes);

/// <param name="ExtendedDueOn">The deadline an extension granted today would give (three months from receipt, rolled to a working day).</param>
/// <param name="RefusalGrounds">The grounds this request may be refused on as a whole (<see cref="WholeRequestRefusalRules"/>); empty when it never may.</param>
public sealed record CaseActionsView(
    CaseFacts Case, RequestExtension? Extension, DateOnly ExtendedDueOn, FeeNotice? Fee, Refusal? ProposedRefusal, bool SubjectCannotBeIdentified,
    IReadOnlyList<RequestRefusalGround> RefusalGrounds);

public sealed record PlanCollectionInput(DateOnly? DueOn, string? Contact);

public sealed record ExtendInput(ExtensionReason? Reason, string? Explanation);

public sealed record FeeInput(FeeReason? Reason, decimal? Amount, int? CopyNumber, string? Demonstration);

public sealed record RefusalInput(RequestRefusalGround? Ground, string? Explanation, string? LegalReference, string? Demonstration = null);

/// <summary>
/// The case's obligations beside the decisions: collecting the data per source system, Art. 19
/// recipient notifications, and the extension, fee, refusal and withdrawal actions. Reads check the
/// caller's permission and the case's visibility here; every change goes through <see cref="CaseUnitOfWork"/>
/// with the stamp the case page holds. Each call reads the controller's settings it needs.
/// </summary>
public sealed class CaseObligations(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings, CaseUnitOfWork cases)
{
    private static readonly Error Forbidden = CaseUnitOfWork.Forbidden;
    private static readonly Error NotFound = CaseUnitOfWork.NotFound;
    public static readonly Error ExtractFileRequired = new("obligations.extract.file_required", "File");
    public static readonly Error DueOnRequired = new("obligations.collection.due_required", "DueOn");
    public static readonly Error FeeReasonRequired = new("obligations.fee.reason_required", "Reason");
    public static readonly Error FeeAmountRequired = new("obligations.fee.amount_required", "AmountInCents");
    public static readonly Error RefusalGroundRequired = new("obligations.refusal.ground_required", "Ground");

    private const string ExtractEntityType = "CollectionExtract";
    private const string ExtractViewed = "request.collection.extract_viewed";
    private const int PreviewRows = 20;

    /// <summary>Moments as the page shows them: in the controller's time zone.</summary>
    private static DateTimeOffset? Local(DateTimeOffset? at, TimeZoneInfo zone) => at is { } moment ? TimeZoneInfo.ConvertTime(moment, zone) : null;

    // ----- reading -----

    public Task<Result<CollectionView>> CollectionAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, requestId, async (db, request, facts, settings) =>
        {
            var planned = request.CollectionTasks.Select(task => task.SourceSystem.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            var unplanned = (await SourceSystemsAsync(db, request.SubjectId, cancellationToken))
                .Where(system => !planned.Contains(system.Trim().ToUpperInvariant()))
                .ToList();
            var rows = request.CollectionTasks
                .OrderBy(task => task.SourceSystem, StringComparer.CurrentCulture)
                .Select(task => new CollectionTaskRow(task.Id, task.SourceSystem, task.Contact, task.DueOn, task.Status, task.NotApplicableReason,
                    task.ExtractFileName, task.ExtractRowCount, task.ExtractSha256, Local(task.ClosedAt, settings.TimeZone), task.ClosedByName))
                .ToList();
            return new CollectionView(facts, rows, unplanned);
        }, cancellationToken);

    public Task<Result<RecipientsView>> RecipientsAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, requestId, async (db, request, facts, settings) =>
        {
            if (!request.RequiresRecipientNotifications)
            {
                return new RecipientsView(facts, Applies: false, Planned: false, [], [], 0);
            }
            var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            var names = purposes.ToDictionary(purpose => purpose.Id, purpose => purpose.Name);
            var notices = await RecipientNoticesAsync(db, request.Id, settings.TimeZone, cancellationToken);
            var rows = request.RecipientNotifications
                .OrderBy(n => names.GetValueOrDefault(n.PurposeId)?.Nl, StringComparer.CurrentCulture)
                .ThenBy(n => n.RecipientName, StringComparer.CurrentCulture)
                .Select(n => (Notification: n, Entry: Delivery.RecipientNotices.RegisterEntry(purposes, n.PurposeId, n.RecipientName)))
                .Select(x => new RecipientRow(x.Notification.Id, x.Notification.RecipientName, x.Notification.Kind,
                    names.GetValueOrDefault(x.Notification.PurposeId, new LocalizedText("?", "?")), x.Notification.Status, x.Notification.ExemptionReason,
                    Local(x.Notification.ClosedAt, settings.TimeZone), x.Entry?.Email, x.Notification.Channel, x.Notification.EmailedTo,
                    notices.GetValueOrDefault(x.Notification.Id), x.Entry?.Country is "NL" or "BE" or null ? "nl" : "en"))
                .ToList();
            var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SubjectId, cancellationToken);
            var processing = subject?.ProcessingPurposes(purposes) ?? [];
            var decided = request.CurrentDecisions.Select(decision => decision.PurposeId).ToHashSet();
            return new RecipientsView(facts, Applies: true, request.RecipientNotificationsPlanned, rows, UnplannedRecipients(request, purposes),
                processing.Count(purpose => !decided.Contains(purpose.Id)));
        }, cancellationToken);

    public Task<Result<CaseActionsView>> ActionsAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, requestId, async (db, request, facts, settings) => new CaseActionsView(
            facts,
            request.Extension,
            ExtendedDueOn(request, settings),
            request.Fee,
            request.ProposedRefusal,
            request.LatestIdentityVerification?.Outcome == IdentityVerificationOutcome.CannotIdentify,
            WholeRequestRefusalRules.AllowedGrounds(request.Type, await ProcessingPurposesAsync(db, request.SubjectId, cancellationToken))), cancellationToken);

    /// <summary>The first rows of a stored extract. Opening it shows personal data, so it is an audited view (which file, never its content).</summary>
    public async Task<Result<ExtractPreview>> PreviewExtractAsync(ClaimsPrincipal caller, Guid requestId, Guid taskId, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<ExtractPreview>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.HandlerId }).SingleOrDefaultAsync(cancellationToken);
        if (request is null || !RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<ExtractPreview>.Failure(NotFound);
        }
        var file = await db.CollectionExtracts.AsNoTracking()
            .Where(f => f.RequestId == requestId && f.TaskId == taskId)
            .OrderByDescending(f => f.UploadedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Result<ExtractPreview>.Failure(NotFound);
        }
        var table = ExtractCheck.Parse(file.FileName, file.Content);
        if (table.IsFailure)
        {
            return Result<ExtractPreview>.Failure(table.Errors);
        }
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, ExtractViewed, ExtractEntityType, file.Id.ToString(),
            AuditDetails.Of(("requestId", requestId), ("taskId", taskId), ("sha256", file.Sha256))));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new ExtractPreview(file.FileName, file.Sha256, table.Value.RowCount, table.Value.Columns, [.. table.Value.Rows.Take(PreviewRows)]));
    }

    // ----- data collection -----

    public Task<Result> PlanCollectionAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, PlanCollectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DueOn is not { } dueOn)
        {
            return Task.FromResult(Result.Failure(DueOnRequired));
        }
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            Result planned = work.Request.PlanDataCollection(work.Actor, work.Now, work.Today,
                await SourceSystemsAsync(work.Db, work.Request.SubjectId, cancellationToken), dueOn, input.Contact);
            return planned;
        }, cancellationToken);
    }

    public Task<Result> RescheduleTaskAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid taskId, PlanCollectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.DueOn is not { } dueOn
            ? Task.FromResult(Result.Failure(DueOnRequired))
            : cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
                Task.FromResult(work.Request.RescheduleCollectionTask(work.Actor, work.Now, work.Today, taskId, input.Contact, dueOn)), cancellationToken);
    }

    public Task<Result> MarkTaskNotApplicableAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid taskId, string? reason, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
            Task.FromResult(work.Request.MarkCollectionTaskNotApplicable(work.Actor, work.Now, taskId, reason ?? "")), cancellationToken);

    /// <summary>
    /// Validates an extract before anything is stored: size (from the browser's count, then again while
    /// reading, never more than the limit in memory), format, and that every record is this subject's.
    /// A refused file leaves no trace but the refusal; nothing of its content is logged.
    /// </summary>
    /// <param name="open">Opens the upload; called only when the announced size is within the limit.</param>
    public async Task<Result> UploadExtractAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid taskId, string fileName, long size, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (!caller.Has(Permission.HandleRequests))
        {
            return Result.Failure(Forbidden);
        }
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Result.Failure(ExtractFileRequired);
        }
        var tooLarge = CollectionErrors.ExtractTooLarge with
        {
            Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = ExtractCheck.MaxMegabytes.ToString(CultureInfo.InvariantCulture) },
        };
        if (size > ExtractCheck.MaxBytes)
        {
            return Result.Failure(tooLarge);
        }
        byte[] content;
        await using (var stream = open())
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > ExtractCheck.MaxBytes)
                {
                    return Result.Failure(tooLarge);
                }
            }
            content = buffer.ToArray();
        }
        if (content.Length == 0)
        {
            return Result.Failure(CollectionErrors.ExtractEmptyFile);
        }

        return await cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var (db, request, actor, at) = (work.Db, work.Request, work.Actor, work.Now);
            var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SubjectId, cancellationToken);
            if (subject is null)
            {
                return Result.Failure(NotFound);
            }
            var checkedTable = ExtractCheck.Validate(fileName, content, new SubjectIdentifiers(subject.CustomerNumber, subject.EmailAddresses));
            if (checkedTable.IsFailure)
            {
                return checkedTable;
            }
            var table = checkedTable.Value;
            var file = CollectionExtractFile.Create(requestId, taskId, fileName, table.Format, content, table.RowCount, actor.Id, actor.Name, at);
            var recorded = request.RecordCollectionExtract(actor, at, taskId, file.Receipt);
            if (recorded.IsSuccess)
            {
                db.CollectionExtracts.Add(file);
            }
            return recorded;
        }, cancellationToken);
    }

    // ----- Art. 19 recipients -----

    /// <summary>Plans a notification for every recipient of the purposes whose part of the request is carried out (none is a valid answer too).</summary>
    public Task<Result> PlanRecipientsAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var purposes = await work.Db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            var planned = work.Request.PlanRecipientNotifications(work.Actor, work.Now, UnplannedRecipients(work.Request, purposes));
            return planned.IsSuccess ? Result.Success() : Result.Failure(planned.Errors);
        }, cancellationToken);

    public Task<Result> MarkRecipientNotifiedAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid notificationId, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
            Task.FromResult(work.Request.MarkRecipientNotified(work.Actor, notificationId, work.Now)), cancellationToken);

    public Task<Result> ExemptRecipientAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid notificationId, RecipientNotificationExemption exemption, string? reason,
        CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
            Task.FromResult(work.Request.ExemptRecipientNotification(work.Actor, notificationId, work.Now, exemption, reason ?? "")), cancellationToken);

    // ----- case actions -----

    /// <summary>Extends by two further months; the subject is told today, which must be on or before the original deadline.</summary>
    public Task<Result> ExtendAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, ExtendInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
        {
            var request = work.Request;
            var deadline = new ResponseDeadline(request.ReceivedOn, request.DueOn, ExtendedDueOn(request, work.Settings), 0);
            var rule = ExtensionRule.MayExtend(deadline, work.Today, request.Extension is not null, input.Reason, input.Explanation);
            return Task.FromResult(rule.IsFailure
                ? rule
                : request.Extend(work.Actor, work.Now, rule.Value.Reason, rule.Value.Explanation, work.Today, rule.Value.ExtendedDueOn));
        }, cancellationToken);
    }

    public Task<Result> NotifyFeeAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, FeeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        if (input.Reason is null)
        {
            errors.Add(FeeReasonRequired);
        }
        if (input.Amount is null)
        {
            errors.Add(FeeAmountRequired);
        }
        if (errors.Count > 0)
        {
            return Task.FromResult(Result.Failure(errors));
        }
        var cents = (long)decimal.Round(input.Amount!.Value * 100m, 0, MidpointRounding.AwayFromZero);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
            Task.FromResult(work.Request.NotifyFee(work.Actor, work.Now, input.Reason!.Value, cents, input.CopyNumber, input.Demonstration)), cancellationToken);
    }

    public Task<Result> RecordFeePaidAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work => Task.FromResult(work.Request.RecordFeePaid(work.Actor, work.Now)), cancellationToken);

    public Task<Result> WaiveFeeAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string? reason, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work => Task.FromResult(work.Request.WaiveFee(work.Actor, work.Now, reason ?? "")), cancellationToken);

    /// <summary>Proposes refusing the whole request; it goes to a team lead through the normal approval (four eyes).</summary>
    public Task<Result> ProposeRefusalAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, RefusalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Ground is not { } ground)
        {
            // Every missing field at once, so the dialog can mark them all.
            return Task.FromResult(Result.Failure(string.IsNullOrWhiteSpace(input.Explanation)
                ? [RefusalGroundRequired, RequestErrors.RejectionExplanationRequired]
                : [RefusalGroundRequired]));
        }
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
            work.Request.ProposeRejection(work.Actor, work.Now, new RefusalProposal(ground, input.Explanation ?? "", input.LegalReference, input.Demonstration),
                await ProcessingPurposesAsync(work.Db, work.Request.SubjectId, cancellationToken)), cancellationToken);
    }

    public Task<Result> WithdrawAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, string? reason, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
            Task.FromResult(work.Request.Withdraw(work.Actor, work.Now, reason, work.Today)), cancellationToken);

    // ----- shared -----

    /// <summary>Officers change their own cases; team leads (who assign) any case. Viewing is <see cref="RequestVisibility"/>.</summary>
    public static bool MayChange(Actor actor, string? handlerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return RequestVisibility.MayView(actor, handlerId) && CaseUnitOfWork.MayHandle(actor, handlerId);
    }

    private static DateOnly ExtendedDueOn(DataSubjectRequest request, ControllerSettingsSnapshot settings) =>
        request.Extension?.ExtendedDueOn ?? settings.DeadlineCalculator().ForReceiptOn(request.ReceivedOn).ExtendedDueOn;

    private static List<PlannedRecipient> UnplannedRecipients(DataSubjectRequest request, IReadOnlyList<Purpose> purposes)
    {
        var existing = request.RecipientNotifications.Select(n => (n.RecipientName.Trim().ToUpperInvariant(), n.PurposeId)).ToHashSet();
        var byId = purposes.ToDictionary(purpose => purpose.Id);
        return
        [
            .. request.CurrentDecisions
                .Where(decision => decision.IsCarriedOut && byId.ContainsKey(decision.PurposeId))
                .SelectMany(decision => byId[decision.PurposeId].Recipients.Select(recipient => new PlannedRecipient(
                    recipient.Name,
                    recipient.Kind == RecipientKind.Internal ? NotificationRecipientKind.Internal : NotificationRecipientKind.External,
                    decision.PurposeId)))
                .Where(recipient => !existing.Contains((recipient.Name.Trim().ToUpperInvariant(), recipient.PurposeId))),
        ];
    }

    /// <summary>The case's e-mailed Art. 19 notices by notification: the e-mail's state and the downloads (ADR 0051).</summary>
    private async Task<Dictionary<Guid, RecipientNoticeDelivery>> RecipientNoticesAsync(
        PrivacyDeskDbContext db, Guid requestId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var deliveries = await db.ResponseDeliveries.AsNoTracking().Where(d => d.RequestId == requestId && d.RecipientNotificationId != null)
            .GroupJoin(db.OutgoingEmails.AsNoTracking(), d => d.EmailId, e => e.Id, (d, e) => new { d, e })
            .SelectMany(x => x.e.DefaultIfEmpty(), (x, e) => new
            {
                x.d.RecipientNotificationId, x.d.ExpiresAt, x.d.LockedAt, x.d.FirstDownloadedAt, x.d.LastDownloadedAt, x.d.DownloadCount,
                Stamp = EF.Property<Guid>(x.d, PrivacyDeskDbContext.ConcurrencyStamp),
                SentAt = e == null ? null : e.SentAt, LastErrorCode = e == null ? null : e.LastErrorCode,
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return deliveries.ToDictionary(d => d.RecipientNotificationId!.Value, d => new RecipientNoticeDelivery(
            d.SentAt is not null ? Delivery.DeliveryEmailState.Sent : d.LastErrorCode is not null ? Delivery.DeliveryEmailState.Failed : Delivery.DeliveryEmailState.Waiting,
            TimeZoneInfo.ConvertTime(d.ExpiresAt, zone), now >= d.ExpiresAt, d.LockedAt is not null, Local(d.FirstDownloadedAt, zone), Local(d.LastDownloadedAt, zone),
            d.DownloadCount, d.Stamp));
    }

    /// <summary>The source systems of the Active purposes that process the subject's data, in register order, once each.</summary>
    private static async Task<List<string>> SourceSystemsAsync(PrivacyDeskDbContext db, Guid subjectId, CancellationToken cancellationToken) =>
        [.. (await ProcessingPurposesAsync(db, subjectId, cancellationToken)).SelectMany(purpose => purpose.SourceSystems).DistinctBy(system => system.Trim().ToUpperInvariant())];

    /// <summary>The Active purposes that process the subject's data.</summary>
    private static async Task<IReadOnlyList<Purpose>> ProcessingPurposesAsync(PrivacyDeskDbContext db, Guid subjectId, CancellationToken cancellationToken)
    {
        var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return [];
        }
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        return subject.ProcessingPurposes(purposes);
    }

    private async Task<Result<T>> ReadAsync<T>(
        ClaimsPrincipal caller, Guid requestId, Func<PrivacyDeskDbContext, DataSubjectRequest, CaseFacts, ControllerSettingsSnapshot, Task<T>> read,
        CancellationToken cancellationToken)
    {
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<T>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        // A case the caller may not see is answered like one that does not exist, as everywhere.
        if (request is null || !RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<T>.Failure(NotFound);
        }
        var facts = new CaseFacts(request.Id, request.Type, request.Status, request.ReceivedOn, request.DueOn, request.EffectiveDueOn,
            settings.Policy.Today(clock), MayChange(actor, request.HandlerId));
        return Result.Success(await read(db, request, facts, settings));
    }
}
