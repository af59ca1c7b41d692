using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Documents;
using PrivacyDesk.Documents.Extracts;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Documents;

/// <summary>One stored document as the case lists it: never its content.</summary>
public sealed record DocumentRow(
    Guid Id, DocumentKind Kind, string Language, int Version, Guid? RecipientNotificationId, string? RecipientName, string FileName,
    string ContentType, long SizeInBytes, string Sha256, int? PageCount, string CreatedByName, DateTimeOffset CreatedAt);

/// <summary>
/// The documents part of a case for the signed-in member of staff: what was generated, what may be
/// generated now (empty for readers), the request's language (the default for a new letter) and whether
/// the controller profile still holds example values (letters must not go out like that).
/// </summary>
public sealed record CaseDocumentsView(
    Guid RequestId,
    string Reference,
    string RequestLanguage,
    IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<AvailableDocument> Available,
    bool MayGenerateLetters,
    bool MayGenerateCaseFile,
    bool ProfileIsExample,
    AcknowledgementWork? Acknowledgement = null);

/// <summary>Where the acknowledgement letter the outbox makes stands, until it exists (ADR 0048).</summary>
public enum AcknowledgementState
{
    Pending,
    Failing,
    GivenUp,
}

/// <summary>The acknowledgement still owed by the outbox: its state, tries, last error code and next try (in the controller's time zone).</summary>
public sealed record AcknowledgementWork(AcknowledgementState State, int Attempts, string? LastErrorCode, DateTimeOffset NextTryAt);

/// <summary>A stored document to download.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Generating, storing, listing and downloading the documents of a case (and the register's Art. 30
/// record). Generation loads everything a document is rendered from, renders it through
/// <see cref="DocumentRenderer"/>, and stores a new version with its audit event in one transaction;
/// a version is never overwritten. Every download is audited, an auditor's too. A case the caller may
/// not see answers "not found", like one that does not exist.
/// </summary>
public sealed class CaseDocuments(
    IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings, AuditTrailVerifier verifier, CaseUnitOfWork cases,
    OutboxOptions outbox)
{
    public const string GeneratedAction = "document.generated";
    public const string DownloadedAction = "document.downloaded";

    /// <summary>A case file rendered for an auditor without being stored (recorded in the case's view stream).</summary>
    public const string ExportedAction = "document.exported";

    /// <summary>The audit stream of an extract (its views), as <see cref="CaseObligations"/> writes it.</summary>
    private const string ExtractEntityType = "CollectionExtract";

    public static readonly Error NotFound = CaseWorkspace.NotFound;
    public static readonly Error Forbidden = CaseWorkspace.Forbidden;

    /// <summary>Generating letters and packages: handling permission (officers, team leads).</summary>
    public static bool MayGenerateLetters(ClaimsPrincipal caller) => caller.Has(Permission.HandleRequests);

    /// <summary>The case file (the whole audit trail of a case) is for auditors and team leads.</summary>
    public static bool MayUseCaseFile(ClaimsPrincipal caller) => caller.Has(Permission.AuditCases) || caller.Has(Permission.ApproveResponses);

    /// <summary>Storing a case file version is for team leads; auditors are read-only and do not add documents to a case by looking.</summary>
    public static bool MayStoreCaseFile(ClaimsPrincipal caller) => caller.Has(Permission.ApproveResponses);

    public async Task<Result<CaseDocumentsView>> ListAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<CaseDocumentsView>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !RequestVisibility.MayView(caller.ToActor(), request.HandlerId))
        {
            return Result<CaseDocumentsView>.Failure(NotFound);
        }
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var caseFile = MayUseCaseFile(caller);
        var letters = MayGenerateLetters(caller);
        // The content stays in the database: the list selects the columns it shows.
        var rows = await db.GeneratedDocuments.AsNoTracking()
            .Where(d => d.RequestId == requestId)
            .Select(d => new
            {
                d.Id, d.Kind, d.Language, d.Version, d.RecipientNotificationId, d.FileName, d.ContentType, d.SizeInBytes, d.Sha256, d.PageCount,
                d.CreatedByName, d.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var recipients = request.RecipientNotifications.ToDictionary(n => n.Id, n => n.RecipientName);
        var documents = rows
            .Where(d => caseFile || d.Kind != DocumentKind.CaseFile)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Version)
            .Select(d => new DocumentRow(d.Id, d.Kind, d.Language, d.Version, d.RecipientNotificationId,
                d.RecipientNotificationId is { } id ? recipients.GetValueOrDefault(id) : null, d.FileName, d.ContentType, d.SizeInBytes, d.Sha256,
                d.PageCount, d.CreatedByName, TimeZoneInfo.ConvertTime(d.CreatedAt, settings.TimeZone)))
            .ToList();
        var available = CaseDocumentRules.Available(request)
            .Where(a => a.Kind == DocumentKind.CaseFile ? caseFile : letters)
            .ToList();
        return Result.Success(new CaseDocumentsView(
            request.Id, request.Reference.ToString(), request.Language, documents, available, letters, caseFile, settings.ProfileIsExample,
            rows.Any(d => d.Kind == DocumentKind.Acknowledgement) ? null : await AcknowledgementOwedAsync(db, requestId, settings.TimeZone, cancellationToken)));
    }

    /// <summary>The open outbox message that makes this case's acknowledgement, if any (open messages only: the claim index serves it).</summary>
    private async Task<AcknowledgementWork?> AcknowledgementOwedAsync(PrivacyDeskDbContext db, Guid requestId, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var payload = AcknowledgementLetters.Payload(requestId);
        var message = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CompletedAt == null && m.Kind == AcknowledgementLetters.OutboxKind && m.Payload == payload)
            .Select(m => new { m.Attempts, m.LastErrorCode, m.DueAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return null;
        }
        var state = message.Attempts >= outbox.MaxAttempts ? AcknowledgementState.GivenUp
            : message.LastErrorCode is not null ? AcknowledgementState.Failing : AcknowledgementState.Pending;
        return new AcknowledgementWork(state, message.Attempts, message.LastErrorCode, TimeZoneInfo.ConvertTime(message.DueAt, zone));
    }

    /// <summary>
    /// Renders <paramref name="kind"/> for the case in <paramref name="language"/> and stores it as the next version,
    /// through the case unit of work with the <paramref name="stamp"/> the case page holds: a letter is never made
    /// from a case that changed since the page showed it. Letters need handling permission, the case file an
    /// auditor or team lead; both only on a case the caller may see.
    /// </summary>
    public Task<Result<DocumentRow>> GenerateAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, DocumentKind kind, string language, Guid? recipientNotificationId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var allowed = kind == DocumentKind.CaseFile ? MayStoreCaseFile(caller) : MayGenerateLetters(caller);
        if (!allowed || kind == DocumentKind.ProcessingRecord)
        {
            return Task.FromResult(Result<DocumentRow>.Failure(Forbidden));
        }
        language = NormalLanguage(language);
        return cases.ChangeAsync(caller, requestId, stamp, CaseAccess.View,
            work => GenerateForAsync(work, kind, language, recipientNotificationId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The acknowledgement of a request the intake API or the portal registered, made by the outbox (ADR 0048) as the system actor
    /// in the request's language and stored as the next version with its audit event. Rendered OUTSIDE the write gate from the case as
    /// read with its stamp, then stored through the unit of work with that stamp: a case changed in between is read and rendered again.
    /// Idempotent: a case that already has an acknowledgement (a retried message, or one an officer made) gets none, and null answers.
    /// </summary>
    public async Task<Result<DocumentRow?>> AcknowledgeAsSystemAsync(Guid requestId, Actor system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        for (var attempt = 1; ; attempt++)
        {
            var rendered = await RenderAcknowledgementAsync(requestId, system, cancellationToken);
            if (rendered.IsFailure || rendered.Value is null)
            {
                return rendered.IsFailure ? Result<DocumentRow?>.Failure(rendered.Errors) : Result.Success<DocumentRow?>(null);
            }
            var (stamp, language, document) = rendered.Value.Value;
            var stored = await cases.ChangeFreshCaseAsSystemAsync(requestId, system, stamp, async work =>
            {
                // Checked again under the gate: two runs of the same message store one letter.
                if (await HasAcknowledgementAsync(work.Db, requestId, cancellationToken))
                {
                    return Result.Success<DocumentRow?>(null);
                }
                var stored = await AddVersionAsync(work.Db, requestId, DocumentKind.Acknowledgement, language, null, document, work.Actor, work.Now, cancellationToken);
                return Result.Success<DocumentRow?>(new DocumentRow(stored.Id, stored.Kind, stored.Language, stored.Version, null, null, stored.FileName,
                    stored.ContentType, stored.SizeInBytes, stored.Sha256, stored.PageCount, stored.CreatedByName, TimeZoneInfo.ConvertTime(stored.CreatedAt, work.Zone)));
            }, cancellationToken);
            // A case that changed since it was read (an officer took it) is rendered again from what it is now; a third change in a row waits for the outbox's next try.
            if (stored.IsSuccess || attempt == 3 || !stored.Errors.Any(e => e.Code == StaleEdit.Code))
            {
                return stored;
            }
        }
    }

    /// <summary>The case's stamp, language and rendered acknowledgement, read and rendered without a transaction; null when it already has one.</summary>
    private async Task<Result<(Guid Stamp, string Language, RenderedDocument Document)?>> RenderAcknowledgementAsync(
        Guid requestId, Actor system, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        // The stamp first: a change after it makes the store stale, never a letter from an older case than the stamp says.
        var stamp = await db.Requests.Where(r => r.Id == requestId)
            .Select(r => (Guid?)EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp)).SingleOrDefaultAsync(cancellationToken);
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (stamp is null || request is null)
        {
            return Result<(Guid, string, RenderedDocument)?>.Failure(NotFound);
        }
        if (await HasAcknowledgementAsync(db, requestId, cancellationToken))
        {
            return Result.Success<(Guid, string, RenderedDocument)?>(null);
        }
        var applies = CaseDocumentRules.Check(request, DocumentKind.Acknowledgement, null);
        if (applies.IsFailure)
        {
            return Result<(Guid, string, RenderedDocument)?>.Failure(applies.Errors);
        }
        var language = NormalLanguage(request.Language);
        var input = await InputAsync(db, request, system, language, null, clock.GetUtcNow(), cancellationToken);
        if (input.IsFailure)
        {
            return Result<(Guid, string, RenderedDocument)?>.Failure(input.Errors);
        }
        var rendered = DocumentRenderer.Render(DocumentKind.Acknowledgement, input.Value);
        return rendered.IsFailure
            ? Result<(Guid, string, RenderedDocument)?>.Failure(rendered.Errors)
            : Result.Success<(Guid, string, RenderedDocument)?>((stamp.Value, language, rendered.Value));
    }

    private static Task<bool> HasAcknowledgementAsync(PrivacyDeskDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        db.GeneratedDocuments.AnyAsync(d => d.RequestId == requestId && d.Kind == DocumentKind.Acknowledgement, cancellationToken);

    /// <summary>
    /// Renders and stores a document inside a change the caller already runs in the case unit of work (sending the answer
    /// generates the letter it delivers, in the same transaction): no permission or stamp of its own.
    /// </summary>
    internal Task<Result<DocumentRow>> GenerateWithinAsync(CaseWork work, DocumentKind kind, string language, CancellationToken cancellationToken) =>
        GenerateForAsync(work, kind, NormalLanguage(language), null, cancellationToken);

    /// <summary>The Art. 19 letter to one recipient, rendered and stored inside a change the caller runs (e-mailing the notice, ADR 0051).</summary>
    internal Task<Result<DocumentRow>> GenerateRecipientLetterWithinAsync(CaseWork work, Guid recipientNotificationId, string language, CancellationToken cancellationToken) =>
        GenerateForAsync(work, DocumentKind.RecipientNotification, NormalLanguage(language), recipientNotificationId, cancellationToken);

    /// <summary>Renders and adds the next version with its audit event; the unit of work saves them with the case check.</summary>
    private async Task<Result<DocumentRow>> GenerateForAsync(
        CaseWork work, DocumentKind kind, string language, Guid? recipientNotificationId, CancellationToken cancellationToken)
    {
        var (db, request, actor, now) = (work.Db, work.Request, work.Actor, work.Now);
        var applies = CaseDocumentRules.Check(request, kind, recipientNotificationId);
        if (applies.IsFailure)
        {
            return Result<DocumentRow>.Failure(applies.Errors);
        }
        var recipient = kind == DocumentKind.RecipientNotification ? recipientNotificationId : null;
        var input = await InputAsync(db, request, actor, language, recipient, now, cancellationToken);
        if (input.IsFailure)
        {
            return Result<DocumentRow>.Failure(input.Errors);
        }

        RenderedDocument rendered;
        long? caseChange = null;
        if (kind == DocumentKind.CaseFile)
        {
            // Read before the render, in the same transaction: the version records the last change it shows.
            caseChange = await LastChangeAsync(db, request.Id, cancellationToken);
            rendered = DocumentRenderer.RenderCaseFile(await CaseFileAsync(db, input.Value, cancellationToken));
        }
        else
        {
            var result = DocumentRenderer.Render(kind, input.Value);
            if (result.IsFailure)
            {
                return Result<DocumentRow>.Failure(result.Errors);
            }
            rendered = result.Value;
        }

        var stored = await AddVersionAsync(db, request.Id, kind, language, recipient, rendered, actor, now, cancellationToken, caseChange);
        var zone = input.Value.TimeZone;
        return Result.Success(new DocumentRow(stored.Id, stored.Kind, stored.Language, stored.Version, stored.RecipientNotificationId,
            request.RecipientNotifications.FirstOrDefault(n => n.Id == recipient)?.RecipientName, stored.FileName, stored.ContentType,
            stored.SizeInBytes, stored.Sha256, stored.PageCount, stored.CreatedByName, TimeZoneInfo.ConvertTime(stored.CreatedAt, zone)));
    }

    /// <summary>
    /// A stored document for whoever may see its case (the case file only for auditors and team leads; the
    /// Art. 30 record for readers of the register). Every download is recorded, with the version and hash.
    /// </summary>
    public async Task<Result<DocumentFile>> DownloadAsync(ClaimsPrincipal caller, Guid documentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var document = await db.GeneratedDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new { d.Id, d.RequestId, d.Kind, d.Language, d.Version, d.Sha256 })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return Result<DocumentFile>.Failure(NotFound);
        }
        if (document.RequestId is { } requestId)
        {
            if (!caller.Has(Permission.ViewRequests))
            {
                return Result<DocumentFile>.Failure(Forbidden);
            }
            var handler = await db.Requests.Where(r => r.Id == requestId).Select(r => new { r.HandlerId }).SingleOrDefaultAsync(cancellationToken);
            if (handler is null || !RequestVisibility.MayView(caller.ToActor(), handler.HandlerId))
            {
                return Result<DocumentFile>.Failure(NotFound);
            }
            if (document.Kind == DocumentKind.CaseFile && !MayUseCaseFile(caller))
            {
                return Result<DocumentFile>.Failure(NotFound);
            }
        }
        else if (!caller.Has(Permission.ViewRegister))
        {
            return Result<DocumentFile>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, DownloadedAction, GeneratedDocument.AuditEntityType,
            document.Id.ToString(), Details(document.RequestId, document.Kind, document.Language, document.Version, document.Sha256)));
        await db.SaveChangesAsync(cancellationToken);
        var file = await db.GeneratedDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new DocumentFile(d.FileName, d.ContentType, d.Content))
            .SingleAsync(cancellationToken);
        return Result.Success(file);
    }

    /// <summary>
    /// "Download case file": one click, one file. The last stored case file in <paramref name="language"/> is served while the case has
    /// not changed since it was made (<see cref="GeneratedDocument.CaseAuditSequence"/> is still the case's last change); otherwise a team
    /// lead's download stores the next version, and an auditor's is rendered without being stored. Every download is audited as an export.
    /// </summary>
    public async Task<Result<DocumentFile>> DownloadCaseFileAsync(ClaimsPrincipal caller, Guid requestId, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests) || !MayUseCaseFile(caller))
        {
            return Result<DocumentFile>.Failure(Forbidden);
        }
        language = NormalLanguage(language);
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<DocumentFile>.Failure(NotFound);
        }
        var lastChange = await LastChangeAsync(db, requestId, cancellationToken);
        var latest = await db.GeneratedDocuments.AsNoTracking()
            .Where(d => d.RequestId == requestId && d.Kind == DocumentKind.CaseFile && d.Language == language)
            .OrderByDescending(d => d.Version)
            .Select(d => new { d.Id, d.CaseAuditSequence })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.CaseAuditSequence == lastChange)
        {
            return await DownloadAsync(caller, latest.Id, cancellationToken);
        }
        if (MayStoreCaseFile(caller))
        {
            // The file shows the case as it is now, not as a page showed it: the stamp is the case's own, read here.
            var stamp = await db.Requests.Where(r => r.Id == requestId)
                .Select(r => EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp)).SingleAsync(cancellationToken);
            var stored = await cases.ChangeAsync(caller, requestId, stamp, CaseAccess.View,
                work => GenerateForAsync(work, DocumentKind.CaseFile, language, null, cancellationToken), cancellationToken);
            return stored.IsFailure ? Result<DocumentFile>.Failure(stored.Errors) : await DownloadAsync(caller, stored.Value.Id, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var input = await InputAsync(db, request, actor, language, null, now, cancellationToken);
        if (input.IsFailure)
        {
            return Result<DocumentFile>.Failure(input.Errors);
        }
        var rendered = DocumentRenderer.RenderCaseFile(await CaseFileAsync(db, input.Value, cancellationToken));
        db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, ExportedAction, CaseWorkspace.ViewEntityType, requestId.ToString(),
            AuditDetails.Of(("requestId", requestId), ("kind", DocumentKind.CaseFile), ("language", language),
                ("sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(rendered.Content))))));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new DocumentFile(rendered.FileName, rendered.ContentType, rendered.Content));
    }

    /// <summary>
    /// The sequence of the case's last audit event that changes what its case file shows: the case's own changes, its extracts and the
    /// letters issued. Views, downloads and exports (and the case file's own versions) do not count, or no version could ever be reused.
    /// </summary>
    private static async Task<long?> LastChangeAsync(PrivacyDeskDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var id = requestId.ToString();
        var extractIds = (await db.CollectionExtracts.AsNoTracking().Where(f => f.RequestId == requestId).Select(f => f.Id).ToListAsync(cancellationToken))
            .Select(g => g.ToString()).ToList();
        var letterIds = (await db.GeneratedDocuments.AsNoTracking().Where(d => d.RequestId == requestId && d.Kind != DocumentKind.CaseFile)
            .Select(d => d.Id).ToListAsync(cancellationToken)).Select(g => g.ToString()).ToList();
        var planIds = (await db.SourceChangePlans.AsNoTracking().Where(p => p.RequestId == requestId).Select(p => p.Id).ToListAsync(cancellationToken))
            .Select(g => g.ToString()).ToList();
        var entryIds = (await db.RetentionLedger.AsNoTracking().Where(e => e.RequestId == requestId).Select(e => e.Id).ToListAsync(cancellationToken))
            .Select(g => g.ToString()).ToList();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityType == DataSubjectRequest.AuditEntityType && e.EntityId == id)
                || (e.EntityType == ExtractEntityType && extractIds.Contains(e.EntityId))
                || (e.EntityType == GeneratedDocument.AuditEntityType && letterIds.Contains(e.EntityId))
                || (e.EntityType == SourceChangePlan.AuditEntityType && planIds.Contains(e.EntityId))
                || (e.EntityType == RetentionLedgerEntry.AuditEntityType && entryIds.Contains(e.EntityId)))
            .Where(e => !e.Action.EndsWith("viewed") && !e.Action.EndsWith("downloaded"))
            .MaxAsync(e => (long?)e.Sequence, cancellationToken);
    }

    /// <summary>The Art. 30 record of the whole register as a PDF, stored (no request) and audited, for readers of the register.</summary>
    public async Task<Result<DocumentFile>> ProcessingRecordAsync(ClaimsPrincipal caller, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRegister))
        {
            return Result<DocumentFile>.Failure(Forbidden);
        }
        language = NormalLanguage(language);
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var profile = await db.ControllerProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return Result<DocumentFile>.Failure(DocumentStoreErrors.NoControllerProfile);
        }
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var ordered = purposes.OrderBy(p => p.Status).ThenBy(p => p.Name.In(language), StringComparer.Create(DocumentFormat.Culture(language), false)).ToList();
        var now = clock.GetUtcNow();
        var rendered = DocumentRenderer.RenderProcessingRecord(new ProcessingRecordInput(
            profile, settings.ProfileIsExample || profile.IsExample, ordered, settings.TimeZone, now, actor.Name, language));
        var stored = await StoreAsync(db, null, DocumentKind.ProcessingRecord, language, null, rendered, actor, now, cancellationToken);
        return Result.Success(new DocumentFile(stored.FileName, stored.ContentType, stored.Content));
    }

    /// <summary>The ids (as the audit trail keeps them) of the case's source-change plans and the ledger entries they made.</summary>
    private static (List<string> Plans, List<string> Entries) SourceChangeIds(CaseDocumentInput input) =>
        ([.. (input.SourceChanges ?? []).Select(p => p.Id.ToString())], [.. (input.RetentionEntries ?? []).Select(e => e.Id.ToString())]);

    private static string NormalLanguage(string? language) =>
        string.Equals(language?.Trim(), "en", StringComparison.OrdinalIgnoreCase) ? "en" : "nl";

    private async Task<Result<CaseDocumentInput>> InputAsync(
        PrivacyDeskDbContext db, DataSubjectRequest request, Actor actor, string language, Guid? recipient, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var profile = await db.ControllerProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            return Result<CaseDocumentInput>.Failure(DocumentStoreErrors.NoControllerProfile);
        }
        var subject = await db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == request.SubjectId, cancellationToken);
        // Exactly the purposes and the assessment the case workspace shows (CaseWorkspace.Rows).
        var register = await db.Purposes.AsNoTracking().Where(p => p.Status == PurposeStatus.Active).ToListAsync(cancellationToken);
        var today = settings.Policy.DateOf(now);
        var assessment = RightsEngine.Assess(request.Type, subject, register, today);
        var purposes = subject.ProcessingPurposes(register);
        var extracts = await ExtractsAsync(db, request, cancellationToken);
        // What was carried out in the source systems and what the ledger keeps: the case file's proof, the letter's "kept until".
        var plans = await db.SourceChangePlans.AsNoTracking().Where(p => p.RequestId == request.Id).OrderBy(p => p.Version).ToListAsync(cancellationToken);
        var kept = await db.RetentionLedger.AsNoTracking().Where(e => e.RequestId == request.Id).ToListAsync(cancellationToken);
        return Result.Success(new CaseDocumentInput(
            profile, settings.ProfileIsExample || profile.IsExample, request, subject, purposes, assessment, extracts, settings.TimeZone, now,
            actor.Name, language, recipient, plans, kept));
    }

    /// <summary>The extract each collection task holds now, parsed; an extract that no longer parses is left out.</summary>
    private static async Task<IReadOnlyList<CollectedExtract>> ExtractsAsync(PrivacyDeskDbContext db, DataSubjectRequest request, CancellationToken cancellationToken)
    {
        var tasks = request.CollectionTasks.Where(t => t.ExtractId is not null).ToDictionary(t => t.ExtractId!.Value);
        if (tasks.Count == 0)
        {
            return [];
        }
        var ids = tasks.Keys.ToList();
        var files = await db.CollectionExtracts.AsNoTracking()
            .Where(f => f.RequestId == request.Id && ids.Contains(f.Id))
            .OrderBy(f => f.UploadedAt)
            .ToListAsync(cancellationToken);
        var extracts = new List<CollectedExtract>();
        foreach (var file in files)
        {
            var table = ExtractCheck.Parse(file.FileName, file.Content);
            if (table.IsSuccess)
            {
                extracts.Add(new CollectedExtract(file.TaskId, tasks[file.Id].SourceSystem, file.FileName, file.Sha256, table.Value, file.UploadedAt));
            }
        }
        return extracts;
    }

    /// <summary>
    /// The case file's extras: every audit stream that belongs to the case (its changes, its views, its
    /// extracts, its documents) oldest first, the verification of the whole chain, and what was issued.
    /// </summary>
    private async Task<CaseFileInput> CaseFileAsync(PrivacyDeskDbContext db, CaseDocumentInput input, CancellationToken cancellationToken)
    {
        var requestId = input.Request.Id;
        var id = requestId.ToString();
        var extractIds = (await db.CollectionExtracts.AsNoTracking().Where(f => f.RequestId == requestId).Select(f => f.Id).ToListAsync(cancellationToken))
            .Select(g => g.ToString()).ToList();
        var documents = await db.GeneratedDocuments.AsNoTracking()
            .Where(d => d.RequestId == requestId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Version)
            .Select(d => new { d.Id, d.Kind, d.Language, d.Version, d.FileName, d.Sha256, d.CreatedAt, d.CreatedByName })
            .ToListAsync(cancellationToken);
        var documentIds = documents.Select(d => d.Id.ToString()).ToList();
        var (planIds, entryIds) = SourceChangeIds(input);
        var trail = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.EntityId == id && (e.EntityType == DataSubjectRequest.AuditEntityType || e.EntityType == CaseWorkspace.ViewEntityType))
                || (e.EntityType == ExtractEntityType && extractIds.Contains(e.EntityId))
                || (e.EntityType == GeneratedDocument.AuditEntityType && documentIds.Contains(e.EntityId))
                || (e.EntityType == SourceChangePlan.AuditEntityType && planIds.Contains(e.EntityId))
                || (e.EntityType == RetentionLedgerEntry.AuditEntityType && entryIds.Contains(e.EntityId)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var verification = await verifier.VerifyAllAsync(cancellationToken);
        var altered = verifier.AlteredAmong(trail);
        var check = new AuditChainCheck(
            verification.IsIntact && altered.Count == 0, verification.EntriesChecked, verification.FirstBrokenSequence, input.GeneratedAt, altered);
        var issued = documents
            .Where(d => d.Kind != DocumentKind.CaseFile)
            .Select(d => new IssuedDocument(d.Kind, d.Language, d.Version, d.FileName, d.Sha256, d.CreatedAt, d.CreatedByName))
            .ToList();
        return new CaseFileInput(input, trail, check, issued);
    }

    /// <summary>The next version and its audit event, in one transaction; the version is counted inside it.</summary>
    private static async Task<GeneratedDocument> StoreAsync(
        PrivacyDeskDbContext db, Guid? requestId, DocumentKind kind, string language, Guid? recipient, RenderedDocument rendered, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await db.InTransactionAsync(async () =>
        {
            var document = await AddVersionAsync(db, requestId, kind, language, recipient, rendered, actor, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(document);
        }, cancellationToken);
        return stored.Value;
    }

    /// <summary>Adds the next version and its audit event to <paramref name="db"/>; call inside the transaction that saves them.</summary>
    private static async Task<GeneratedDocument> AddVersionAsync(
        PrivacyDeskDbContext db, Guid? requestId, DocumentKind kind, string language, Guid? recipient, RenderedDocument rendered, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken, long? caseChange = null)
    {
        var last = await db.GeneratedDocuments
            .Where(d => d.RequestId == requestId && d.Kind == kind && d.RecipientNotificationId == recipient)
            .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var document = GeneratedDocument.Create(requestId, kind, language, last + 1, recipient, rendered.FileName, rendered.ContentType,
            rendered.Content, rendered.PageCount, actor.Id, actor.Name, now, caseChange);
        db.GeneratedDocuments.Add(document);
        db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, GeneratedAction, GeneratedDocument.AuditEntityType, document.Id.ToString(),
            Details(requestId, kind, language, document.Version, document.Sha256)));
        return document;
    }

    private static IReadOnlyDictionary<string, string?> Details(Guid? requestId, DocumentKind kind, string language, int version, string sha256) =>
        AuditDetails.Of(("requestId", requestId), ("kind", kind), ("language", language), ("version", version), ("sha256", sha256));
}
