using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>Where the delivery e-mail stands: queued and not yet accepted by the mail server, accepted, or failing (retried).</summary>
public enum DeliveryEmailState
{
    Waiting,
    Sent,
    Failed,
}

/// <summary>One offered document as the case's delivery panel lists it.</summary>
public sealed record DeliveredDocument(Guid Id, DocumentKind Kind, string FileName);

/// <summary>The case's delivery panel: what was delivered how, until when, the e-mail's state, the downloads (times in the controller's zone).</summary>
public sealed record DeliveryView(
    Guid Id,
    Guid Stamp,
    AnswerDeliveryMethod Method,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool IsExpired,
    DeliveryEmailState EmailState,
    DateTimeOffset? EmailSentAt,
    DateTimeOffset? FirstDownloadedAt,
    DateTimeOffset? LastDownloadedAt,
    int DownloadCount,
    DateTimeOffset? ExtendedAt,
    IReadOnlyList<DeliveredDocument> Documents,
    DateTimeOffset? LockedAt = null);

/// <summary>
/// The delivery part of a case: the chosen method (before sending), whether an address is on file, the delivery once sent, and
/// when the subject's portal status link locked after too many wrong codes (null while open or when the case has none).
/// </summary>
public sealed record DeliveryPanelView(AnswerDeliveryMethod Chosen, bool HasEmailAddress, bool IsOpen, DeliveryView? Delivery, DateTimeOffset? StatusLinkLockedAt = null);

/// <summary>
/// Delivering the answer (issue 16, ADR 0045), the officer's side: when a response or refusal is sent, the delivery and its
/// e-mail are added in the same case unit of work; the case page reads the delivery, extends its link and sets the per-case
/// choice of attachment delivery. The subject's side is <see cref="AnswerPortal"/>.
/// </summary>
public sealed class AnswerDeliveries(
    IServiceScopeFactory scopes, IOptions<PortalOptions> options, CaseUnitOfWork cases, TimeProvider clock, Settings.ControllerSettings controllerSettings)
{
    private byte[] Key => options.Value.CodeKeyBytes() ?? throw new InvalidOperationException("Portal:CodeKey is validated at start.");

    /// <summary>The kinds an answer delivers: the refusal letter for a refused request; else the response letter, the copy of data and the portability package where they apply.</summary>
    public static IReadOnlyList<DocumentKind> KindsFor(DataSubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status == RequestStatus.Rejected)
        {
            return [DocumentKind.Refusal];
        }
        var available = CaseDocumentRules.Available(request);
        return [.. available.Where(a => a.NotYet is null && DeliveryRules.MayOffer(a.Kind) && a.Kind != DocumentKind.Refusal).Select(a => a.Kind)];
    }

    /// <summary>
    /// Called inside the change that sent the answer (the case is Responded or Rejected, not yet saved): offers the documents made
    /// since the approval in the request's language, generating those that are missing, and queues the delivery e-mail to the
    /// subject's address. No address on file: nothing is added (the answer goes by post, and the panel says so).
    /// </summary>
    internal async Task<Result> DeliverAsync(CaseWork work, string? siteBaseUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (db, request) = (work.Db, work.Request);
        var email = await db.DataSubjects.AsNoTracking().Where(s => s.Id == request.SubjectId)
            .Select(s => s.EmailAddresses).SingleOrDefaultAsync(cancellationToken);
        if (email is not { Count: > 0 })
        {
            return Result.Success();
        }
        await using var scope = scopes.CreateAsyncScope();
        var documents = scope.ServiceProvider.GetRequiredService<CaseDocuments>();
        var language = request.Language;
        var since = request.ApprovedAt ?? DateTimeOffset.MinValue;
        var offered = new List<OfferedDocument>();
        foreach (var kind in KindsFor(request))
        {
            var stored = await db.GeneratedDocuments.AsNoTracking()
                .Where(d => d.RequestId == request.Id && d.Kind == kind && d.Language == language && d.RecipientNotificationId == null)
                .OrderByDescending(d => d.Version)
                .Select(d => new { d.Id, d.CreatedAt })
                .FirstOrDefaultAsync(cancellationToken);
            // A letter made before the approval is a draft (four eyes): the delivered one is made after it.
            if (stored is not null && stored.CreatedAt >= since)
            {
                offered.Add(new OfferedDocument(stored.Id, kind));
                continue;
            }
            var generated = await documents.GenerateWithinAsync(work, kind, language, cancellationToken);
            if (generated.IsFailure)
            {
                return Result.Failure(generated.Errors);
            }
            offered.Add(new OfferedDocument(generated.Value.Id, kind));
        }
        var token = DeliveryLinks.NewToken();
        var created = ResponseDelivery.Create(
            request.Id, DeliveryLinks.Hash(Key, token), request.AnswerDelivery, offered, work.Now, options.Value.DeliveryLinkDays, work.Actor);
        if (created.IsFailure)
        {
            return Result.Failure(created.Errors);
        }
        var delivery = created.Value;
        db.ResponseDeliveries.Add(delivery);
        var mail = DeliveryMail.Compose(email[0], language, request.Reference.ToString(), DeliveryLinks.AnswerUrl(options.Value, siteBaseUri, token),
            TimeZoneInfo.ConvertTime(delivery.ExpiresAt, work.Zone), work.Settings.Contact.Name, work.Settings.Contact.Email, request.Id,
            delivery.Method == AnswerDeliveryMethod.Attachment ? delivery.DocumentIds : null);
        delivery.SentWith(MailQueue.Enqueue(db, mail, work.Now).Id);
        return Result.Success();
    }

    /// <summary>The case's delivery panel; "not found" for a case the caller may not see.</summary>
    public async Task<Result<DeliveryPanelView>> ReadAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<DeliveryPanelView>.Failure(CaseUnitOfWork.Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.HandlerId, r.AnswerDelivery, r.Status, r.SubjectId }).SingleOrDefaultAsync(cancellationToken);
        if (request is null || !RequestVisibility.MayView(caller.ToActor(), request.HandlerId))
        {
            return Result<DeliveryPanelView>.Failure(CaseUnitOfWork.NotFound);
        }
        var emails = await db.DataSubjects.AsNoTracking().Where(s => s.Id == request.SubjectId).Select(s => s.EmailAddresses).SingleOrDefaultAsync(cancellationToken);
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);
        DateTimeOffset? LocalOrNull(DateTimeOffset? at) => at is { } value ? Local(value) : null;
        var statusLinkLockedAt = await db.PortalStatusLinks.AsNoTracking().Where(l => l.RequestId == requestId && l.LockedAt != null)
            .Select(l => l.LockedAt).FirstOrDefaultAsync(cancellationToken);
        var panel = new DeliveryPanelView(request.AnswerDelivery, emails is { Count: > 0 }, request.Status.IsOpen(), null, LocalOrNull(statusLinkLockedAt));
        var delivery = await db.ResponseDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.RequestId == requestId && d.RecipientNotificationId == null, cancellationToken);
        if (delivery is null)
        {
            return Result.Success(panel);
        }
        var stamp = await db.ResponseDeliveries.Where(d => d.Id == delivery.Id)
            .Select(d => EF.Property<Guid>(d, PrivacyDeskDbContext.ConcurrencyStamp)).SingleAsync(cancellationToken);
        var mail = delivery.EmailId is { } emailId
            ? await db.OutgoingEmails.AsNoTracking().Where(e => e.Id == emailId).Select(e => new { e.SentAt, e.LastErrorCode }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var ids = delivery.DocumentIds.ToList();
        var files = await db.GeneratedDocuments.AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new DeliveredDocument(d.Id, d.Kind, d.FileName)).ToListAsync(cancellationToken);
        var state = mail?.SentAt is not null ? DeliveryEmailState.Sent : mail?.LastErrorCode is not null ? DeliveryEmailState.Failed : DeliveryEmailState.Waiting;
        return Result.Success(panel with { Delivery = new DeliveryView(
            delivery.Id, stamp, delivery.Method, Local(delivery.CreatedAt), Local(delivery.ExpiresAt), delivery.IsExpired(clock.GetUtcNow()), state,
            LocalOrNull(mail?.SentAt), LocalOrNull(delivery.FirstDownloadedAt), LocalOrNull(delivery.LastDownloadedAt), delivery.DownloadCount,
            LocalOrNull(delivery.ExtendedAt), [.. ids.Select(id => files.FirstOrDefault(f => f.Id == id)).OfType<DeliveredDocument>()],
            LocalOrNull(delivery.LockedAt)) });
    }

    /// <summary>
    /// An officer gives the subject more time to download: the handler or a team lead, with the stamp of the delivery they read
    /// (a download or another extension since makes it stale: "changed by … at …"). Audited in the request's stream.
    /// </summary>
    public Task<Result<bool>> ExtendAsync(ClaimsPrincipal caller, Guid requestId, Guid deliveryStamp, int days, CancellationToken cancellationToken = default) =>
        ExtendAsync(caller, requestId, null, deliveryStamp, days, cancellationToken);

    /// <summary>As <see cref="ExtendAsync(ClaimsPrincipal, Guid, Guid, int, CancellationToken)"/> for the link of one Art. 19 notice (ADR 0051), e.g. when the recipient asks for more time.</summary>
    public Task<Result<bool>> ExtendNoticeLinkAsync(
        ClaimsPrincipal caller, Guid requestId, Guid recipientNotificationId, Guid deliveryStamp, int days, CancellationToken cancellationToken = default) =>
        ExtendAsync(caller, requestId, recipientNotificationId, deliveryStamp, days, cancellationToken);

    private Task<Result<bool>> ExtendAsync(
        ClaimsPrincipal caller, Guid requestId, Guid? recipientNotificationId, Guid deliveryStamp, int days, CancellationToken cancellationToken)
    {
        var target = DeliveryTarget(requestId, recipientNotificationId);
        return cases.ChangeOwnedAsync(caller, requestId, CaseAccess.Handle, target, deliveryStamp, (work, delivery) =>
        {
            var extended = delivery.Extend(days, work.Now, work.Actor);
            return Task.FromResult(extended.IsSuccess ? Result.Success(true) : Result<bool>.Failure(extended.Errors));
        }, cancellationToken);
    }

    /// <summary>
    /// An officer opens a link locked after too many wrong codes (after speaking to the subject): the handler or a team lead, with the
    /// stamp of the delivery they read. Audited in the request's stream; the count of wrong codes starts over.
    /// </summary>
    public Task<Result<bool>> UnlockAsync(ClaimsPrincipal caller, Guid requestId, Guid deliveryStamp, CancellationToken cancellationToken = default) =>
        UnlockAsync(caller, requestId, null, deliveryStamp, cancellationToken);

    /// <summary>As <see cref="UnlockAsync(ClaimsPrincipal, Guid, Guid, CancellationToken)"/> for the link of one Art. 19 notice (after speaking to the recipient).</summary>
    public Task<Result<bool>> UnlockNoticeLinkAsync(
        ClaimsPrincipal caller, Guid requestId, Guid recipientNotificationId, Guid deliveryStamp, CancellationToken cancellationToken = default) =>
        UnlockAsync(caller, requestId, recipientNotificationId, deliveryStamp, cancellationToken);

    private Task<Result<bool>> UnlockAsync(
        ClaimsPrincipal caller, Guid requestId, Guid? recipientNotificationId, Guid deliveryStamp, CancellationToken cancellationToken)
    {
        var target = DeliveryTarget(requestId, recipientNotificationId);
        return cases.ChangeOwnedAsync(caller, requestId, CaseAccess.Handle, target, deliveryStamp, (work, delivery) =>
        {
            var unlocked = delivery.Unlock(work.Now, work.Actor);
            return Task.FromResult(unlocked.IsSuccess ? Result.Success(true) : Result<bool>.Failure(unlocked.Errors));
        }, cancellationToken);
    }

    /// <summary>
    /// An officer opens the subject's portal status link again after it locked on too many wrong codes (the locked page tells the
    /// subject to ask the office): the handler or a team lead, with the case's stamp, through the case unit of work. The count of
    /// wrong codes starts over; audited in the request's stream (<see cref="PortalRequests.StatusUnlockedAction"/>, ids only).
    /// </summary>
    public Task<Result> UnlockStatusLinkAsync(ClaimsPrincipal caller, Guid requestId, Guid caseStamp, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, caseStamp, CaseAccess.Handle, async work =>
        {
            var link = await work.Db.PortalStatusLinks.FirstOrDefaultAsync(l => l.RequestId == requestId && l.LockedAt != null, cancellationToken);
            if (link is null)
            {
                return Result.Failure(DeliveryErrors.NotLocked);
            }
            var before = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["lockedAt"] = link.LockedAt!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["wrongCodes"] = link.WrongCodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            link.Unlock();
            work.Db.AuditEvents.Add(AuditEvent.From(new DomainChange(PortalRequests.StatusUnlockedAction, DataSubjectRequest.AuditEntityType,
                requestId.ToString(), work.Actor.Id, work.Actor.Name, work.Now, before,
                new Dictionary<string, string?>(StringComparer.Ordinal) { ["lockedAt"] = null, ["wrongCodes"] = "0" })));
            return Result.Success();
        }, cancellationToken);

    /// <summary>The subject's answer delivery (no notification id) or the delivery of one Art. 19 notice of the same request.</summary>
    private static StampedTarget<ResponseDelivery> DeliveryTarget(Guid requestId, Guid? recipientNotificationId) =>
        new(DataSubjectRequest.AuditEntityType, requestId, (db, token) => recipientNotificationId is { } notificationId
            ? db.ResponseDeliveries.SingleOrDefaultAsync(d => d.RequestId == requestId && d.RecipientNotificationId == notificationId, token)
            : db.ResponseDeliveries.SingleOrDefaultAsync(d => d.RequestId == requestId && d.RecipientNotificationId == null, token), DeliveryErrors.NoDelivery);

    /// <summary>The office's per-case choice (before sending): link only, or the documents attached as well.</summary>
    public Task<Result> ChooseMethodAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, AnswerDeliveryMethod method, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle,
            work => Task.FromResult(work.Request.ChooseAnswerDelivery(work.Actor, work.Now, method)), cancellationToken);
}
