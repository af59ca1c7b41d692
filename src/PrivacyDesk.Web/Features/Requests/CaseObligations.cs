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
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>
/// What every obligations panel needs to know about the case. <see cref="Version"/> is the audit sequence
/// the panel saw; a change by someone else after it makes a save stale ("changed by X at T, reload").
/// </summary>
public sealed record CaseFacts(
    Guid RequestId, RequestType Type, RequestStatus Status, DateOnly ReceivedOn, DateOnly DueOn, DateOnly EffectiveDueOn,
    DateOnly Today, bool MayChange, long Version)
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

public sealed record RecipientRow(
    Guid Id, string RecipientName, NotificationRecipientKind Kind, LocalizedText PurposeName, RecipientNotificationStatus Status,
    string? ExemptionReason, DateTimeOffset? ClosedAt);

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
/// recipient notifications, and the extension, fee, refusal and withdrawal actions. Every operation
/// checks the caller's permission and the case's visibility here, on the server; each change runs in
/// its own scope and transaction and is refused as stale when someone else changed the case since the
/// caller loaded it.
/// </summary>
public sealed class CaseObligations(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings)
{
    public static readonly Error Forbidden = new("obligations.forbidden");
    public static readonly Error NotFound = new("obligations.not_found");
    public static readonly Error ExtractFileRequired = new("obligations.extract.file_required", "File");
    public static readonly Error DueOnRequired = new("obligations.collection.due_required", "DueOn");
    public static readonly Error FeeReasonRequired = new("obligations.fee.reason_required", "Reason");
    public static readonly Error FeeAmountRequired = new("obligations.fee.amount_required", "AmountInCents");
    public static readonly Error RefusalGroundRequired = new("obligations.refusal.ground_required", "Ground");

    private const string ExtractEntityType = "CollectionExtract";
    private const string ExtractViewed = "request.collection.extract_viewed";
    private const int PreviewRows = 20;

    // The controller's settings as read at the start of the current operation (UseSettingsAsync).
    private ControllerSettingsSnapshot? _settings;

    private DeadlinePolicy Policy => _settings?.Policy ?? DeadlinePolicy.Default;

    private TimeZoneInfo Zone => Policy.TimeZone;

    /// <summary>Moments as the page shows them: in the controller's time zone.</summary>
    private DateTimeOffset? Local(DateTimeOffset? at) => at is { } moment ? TimeZoneInfo.ConvertTime(moment, Zone) : null;

    private async Task UseSettingsAsync(CancellationToken cancellationToken) =>
        _settings = await controllerSettings.CurrentAsync(cancellationToken);

    private DateOnly Today => Policy.Today(clock);

    // ----- reading -----

    public Task<Result<CollectionView>> CollectionAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, requestId, async (db, request, facts) =>
        {
            var planned = request.CollectionTasks.Select(task => task.SourceSystem.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            var unplanned = (await SourceSystemsAsync(db, request.SubjectId, cancellationToken))
                .Where(system => !planned.Contains(system.Trim().ToUpperInvariant()))
                .ToList();
            var rows = request.CollectionTasks
                .OrderBy(task => task.SourceSystem, StringComparer.CurrentCulture)
                .Select(task => new CollectionTaskRow(task.Id, task.SourceSystem, task.Contact, task.DueOn, task.Status, task.NotApplicableReason,
                    task.ExtractFileName, task.ExtractRowCount, task.ExtractSha256, Local(task.ClosedAt), task.ClosedByName))
                .ToList();
            return new CollectionView(facts, rows, unplanned);
        }, cancellationToken);

    public Task<Result<RecipientsView>> RecipientsAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, requestId, async (db, request, facts) =>
        {
            if (!request.RequiresRecipientNotifications)
            {
                return new RecipientsView(facts, Applies: false, Planned: false, [], [], 0);
            }
            var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            var names = purposes.ToDictionary(purpose => purpose.Id, purpose => purpose.Name);
            var rows = request.RecipientNotifications
                .OrderBy(n => names.GetValueOrDefault(n.PurposeId)?.Nl, StringComparer.CurrentCulture)
                .ThenBy(n => n.RecipientName, StringComparer.CurrentCulture)
                .Select(n => new RecipientRow(n.Id, n.RecipientName, n.Kind, names.GetValueOrDefault(n.PurposeId, new LocalizedText("?", "?")), n.Status, n.ExemptionReason, Local(n.ClosedAt)))
                .ToList();
            var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SubjectId, cancellationToken);
            var processing = subject?.ProcessingPurposes(purposes) ?? [];
            var decided = request.CurrentDecisions.Select(decision => decision.PurposeId).ToHashSet();
            return new RecipientsView(facts, Applies: true, request.RecipientNotificationsPlanned, rows, UnplannedRecipients(request, purposes),
                processing.Count(purpose => !decided.Contains(purpose.Id)));
        }, cancellationToken);

    public Task<Result<CaseActionsView>> ActionsAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default) =>
        ReadAsync(caller, requestId, async (db, request, facts) => new CaseActionsView(
            facts,
            request.Extension,
            ExtendedDueOn(request),
            request.Fee,
            request.ProposedRefusal,
            request.LatestIdentityVerification?.Outcome == IdentityVerificationOutcome.CannotIdentify,
            WholeRequestRefusalRules.AllowedGrounds(request.Type, await ProcessingPurposesAsync(db, request.SubjectId, cancellationToken))), cancellationToken);

    /// <summary>The first rows of a stored extract. Opening it shows personal data, so it is an audited view (which file, never its content).</summary>
    public async Task<Result<ExtractPreview>> PreviewExtractAsync(ClaimsPrincipal caller, Guid requestId, Guid taskId, CancellationToken cancellationToken = default)
    {
        await UseSettingsAsync(cancellationToken);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<ExtractPreview>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.HandlerId }).SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return Result<ExtractPreview>.Failure(NotFound);
        }
        if (!RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<ExtractPreview>.Failure(Forbidden);
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

    public Task<Result> PlanCollectionAsync(ClaimsPrincipal caller, Guid requestId, long version, PlanCollectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.DueOn is not { } dueOn)
        {
            return Task.FromResult(Result.Failure(DueOnRequired));
        }
        return ChangeAsync(caller, requestId, version, async (db, request, actor, at) =>
        {
            var systems = await SourceSystemsAsync(db, request.SubjectId, cancellationToken);
            return request.PlanDataCollection(actor, at, Today, systems, dueOn, input.Contact);
        }, cancellationToken);
    }

    public Task<Result> RescheduleTaskAsync(
        ClaimsPrincipal caller, Guid requestId, long version, Guid taskId, PlanCollectionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.DueOn is not { } dueOn
            ? Task.FromResult(Result.Failure(DueOnRequired))
            : ChangeAsync(caller, requestId, version, (_, request, actor, at) =>
                Task.FromResult(request.RescheduleCollectionTask(actor, at, Today, taskId, input.Contact, dueOn)), cancellationToken);
    }

    public Task<Result> MarkTaskNotApplicableAsync(ClaimsPrincipal caller, Guid requestId, long version, Guid taskId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, (_, request, actor, at) =>
            Task.FromResult(request.MarkCollectionTaskNotApplicable(actor, at, taskId, reason ?? "")), cancellationToken);

    /// <summary>
    /// Validates an extract before anything is stored: size (from the browser's count, then again while
    /// reading, never more than the limit in memory), format, and that every record is this subject's.
    /// A refused file leaves no trace but the refusal; nothing of its content is logged.
    /// </summary>
    /// <param name="open">Opens the upload; called only when the announced size is within the limit.</param>
    public async Task<Result> UploadExtractAsync(
        ClaimsPrincipal caller, Guid requestId, long version, Guid taskId, string fileName, long size, Func<Stream> open, CancellationToken cancellationToken = default)
    {
        await UseSettingsAsync(cancellationToken);
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

        ExtractTable? table = null;
        return await ChangeAsync(caller, requestId, version, async (db, request, actor, at) =>
        {
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
            table = checkedTable.Value;
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
    public Task<Result> PlanRecipientsAsync(ClaimsPrincipal caller, Guid requestId, long version, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, async (db, request, actor, at) =>
        {
            var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            var planned = request.PlanRecipientNotifications(actor, at, UnplannedRecipients(request, purposes));
            return planned.IsSuccess ? Result.Success() : Result.Failure(planned.Errors);
        }, cancellationToken);

    public Task<Result> MarkRecipientNotifiedAsync(ClaimsPrincipal caller, Guid requestId, long version, Guid notificationId, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, (_, request, actor, at) =>
            Task.FromResult(request.MarkRecipientNotified(actor, notificationId, at)), cancellationToken);

    public Task<Result> ExemptRecipientAsync(
        ClaimsPrincipal caller, Guid requestId, long version, Guid notificationId, RecipientNotificationExemption exemption, string? reason,
        CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, (_, request, actor, at) =>
            Task.FromResult(request.ExemptRecipientNotification(actor, notificationId, at, exemption, reason ?? "")), cancellationToken);

    // ----- case actions -----

    /// <summary>Extends by two further months; the subject is told today, which must be on or before the original deadline.</summary>
    public Task<Result> ExtendAsync(ClaimsPrincipal caller, Guid requestId, long version, ExtendInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(caller, requestId, version, (_, request, actor, at) =>
        {
            var today = Today;
            var deadline = new ResponseDeadline(request.ReceivedOn, request.DueOn, ExtendedDueOn(request), 0);
            var rule = ExtensionRule.MayExtend(deadline, today, request.Extension is not null, input.Reason, input.Explanation);
            return Task.FromResult(rule.IsFailure
                ? rule
                : request.Extend(actor, at, rule.Value.Reason, rule.Value.Explanation, today, rule.Value.ExtendedDueOn));
        }, cancellationToken);
    }

    public Task<Result> NotifyFeeAsync(ClaimsPrincipal caller, Guid requestId, long version, FeeInput input, CancellationToken cancellationToken = default)
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
        return ChangeAsync(caller, requestId, version, (_, request, actor, at) =>
            Task.FromResult(request.NotifyFee(actor, at, input.Reason!.Value, cents, input.CopyNumber, input.Demonstration)), cancellationToken);
    }

    public Task<Result> RecordFeePaidAsync(ClaimsPrincipal caller, Guid requestId, long version, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, (_, request, actor, at) => Task.FromResult(request.RecordFeePaid(actor, at)), cancellationToken);

    public Task<Result> WaiveFeeAsync(ClaimsPrincipal caller, Guid requestId, long version, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, (_, request, actor, at) => Task.FromResult(request.WaiveFee(actor, at, reason ?? "")), cancellationToken);

    /// <summary>Proposes refusing the whole request; it goes to a team lead through the normal approval (four eyes).</summary>
    public Task<Result> ProposeRefusalAsync(ClaimsPrincipal caller, Guid requestId, long version, RefusalInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Ground is not { } ground)
        {
            // Every missing field at once, so the dialog can mark them all.
            return Task.FromResult(Result.Failure(string.IsNullOrWhiteSpace(input.Explanation)
                ? [RefusalGroundRequired, RequestErrors.RejectionExplanationRequired]
                : [RefusalGroundRequired]));
        }
        return ChangeAsync(caller, requestId, version, async (db, request, actor, at) =>
            request.ProposeRejection(actor, at, new RefusalProposal(ground, input.Explanation ?? "", input.LegalReference, input.Demonstration),
                await ProcessingPurposesAsync(db, request.SubjectId, cancellationToken)), cancellationToken);
    }

    public Task<Result> WithdrawAsync(ClaimsPrincipal caller, Guid requestId, long version, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, requestId, version, (_, request, actor, at) => Task.FromResult(request.Withdraw(actor, at, reason, Policy.DateOf(at))), cancellationToken);

    // ----- shared -----

    /// <summary>Officers change their own cases; team leads (who assign) any case. Viewing is <see cref="RequestVisibility"/>.</summary>
    public static bool MayChange(Actor actor, string? handlerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Has(Permission.HandleRequests)
            && RequestVisibility.MayView(actor, handlerId)
            && (handlerId == actor.Id || actor.Has(Permission.AssignRequests));
    }

    private DateOnly ExtendedDueOn(DataSubjectRequest request) =>
        request.Extension?.ExtendedDueOn ?? new ResponseDeadlineCalculator(_settings?.Calendar ?? HolidayCalendar.LegalOnly, Policy).ForReceiptOn(request.ReceivedOn).ExtendedDueOn;

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
        ClaimsPrincipal caller, Guid requestId, Func<PrivacyDeskDbContext, DataSubjectRequest, CaseFacts, Task<T>> read, CancellationToken cancellationToken)
    {
        await UseSettingsAsync(cancellationToken);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<T>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return Result<T>.Failure(NotFound);
        }
        if (!RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<T>.Failure(Forbidden);
        }
        var id = requestId.ToString();
        var version = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == DataSubjectRequest.AuditEntityType && e.EntityId == id)
            .MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var facts = new CaseFacts(request.Id, request.Type, request.Status, request.ReceivedOn, request.DueOn, request.EffectiveDueOn, Today,
            MayChange(actor, request.HandlerId), version);
        return Result.Success(await read(db, request, facts));
    }

    /// <summary>
    /// One change: own scope and transaction, the case re-read inside it, refused when someone else
    /// changed it after <paramref name="version"/> (the caller's own changes in other panels do not count)
    /// or when a concurrent save wins the race on the concurrency stamp.
    /// </summary>
    private async Task<Result> ChangeAsync(
        ClaimsPrincipal caller, Guid requestId, long version,
        Func<PrivacyDeskDbContext, DataSubjectRequest, Actor, DateTimeOffset, Task<Result>> change, CancellationToken cancellationToken)
    {
        await UseSettingsAsync(cancellationToken);
        if (!caller.Has(Permission.HandleRequests))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
                if (request is null)
                {
                    return Result.Failure(NotFound);
                }
                if (!MayChange(actor, request.HandlerId))
                {
                    return Result.Failure(Forbidden);
                }
                if (await ChangedByOthersAsync(db, requestId, actor.Id, version, cancellationToken) is { } stale)
                {
                    return Result.Failure(stale);
                }
                var result = await change(db, request, actor, clock.GetUtcNow());
                if (result.IsSuccess)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                return result;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var freshScope = scopes.CreateAsyncScope();
            var fresh = freshScope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            return Result.Failure(await StaleEdit.DescribeAsync(fresh, Zone, DataSubjectRequest.AuditEntityType, requestId.ToString(), cancellationToken));
        }
    }

    private async Task<Error?> ChangedByOthersAsync(PrivacyDeskDbContext db, Guid requestId, string actorId, long version, CancellationToken cancellationToken)
    {
        var id = requestId.ToString();
        var latest = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == DataSubjectRequest.AuditEntityType && e.EntityId == id && e.Sequence > version
                && e.ActorId != actorId && !e.Action.EndsWith("viewed"))
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        return latest is null
            ? null
            : new Error(StaleEdit.Code, Arguments: new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["who"] = latest.ActorName,
                ["when"] = TimeZoneInfo.ConvertTime(latest.OccurredAt, Zone).ToString("O", CultureInfo.InvariantCulture),
            });
    }
}
