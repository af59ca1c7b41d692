using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>What the answer page may know about a link before the code: never the subject's name or the outcome.</summary>
/// <param name="IsRecipientNotice">An Art. 19 notice to a recipient organisation (ADR 0051) rather than the subject's answer: the page words it so.</param>
public sealed record AnswerLink(
    Guid DeliveryId, string Reference, string MaskedEmail, string Language, DateTimeOffset ExpiresAtLocal, bool IsExpired, bool IsLocked = false,
    bool IsRecipientNotice = false);

/// <summary>One document the subject may download once the code was right.</summary>
public sealed record AnswerDocument(Guid Id, DocumentKind Kind, string FileName, string ContentType, long SizeInBytes);

/// <summary>
/// The subject's side of the delivery (issue 16, ADR 0045): the link is found by its token's keyed hash; a code is sent to the
/// address on file (through <see cref="PortalCodes"/>, purpose Delivery) and checked; then the documents are listed and each
/// download is recorded on the delivery and audited in the request's stream, as the portal. An unknown token and an expired
/// link answer alike apart from the expiry: nothing about the case is revealed.
/// </summary>
public sealed class AnswerPortal(
    IServiceScopeFactory scopes, IOptions<PortalOptions> options, PortalCodes codes, ControllerSettings controllerSettings, TimeProvider clock,
    IDataProtectionProvider protection)
{
    /// <summary>The portal acting on the subject's behalf in the audit trail.</summary>
    public static readonly Actor PortalActor = new("portal", "Privacyportaal", []);

    /// <summary>How long the download session after a right code lasts.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(20);

    public const string SessionCookie = "PrivacyDesk.Answer";

    /// <summary>The subject opened the answer's document list (after a code): a view of the case, in its stream of views; ids only.</summary>
    public const string DocumentsViewedAction = "request.delivery.documents_viewed";

    /// <summary>The same for an Art. 19 notice: the recipient opened its document list (after a code).</summary>
    public const string NoticeViewedAction = "request.recipient_notice.documents_viewed";

    private const int DownloadAttempts = 3;

    private byte[] Key => options.Value.CodeKeyBytes() ?? throw new InvalidOperationException("Portal:CodeKey is validated at start.");

    private ITimeLimitedDataProtector Sessions => protection.CreateProtector("PrivacyDesk.Delivery.Session.v1").ToTimeLimitedDataProtector();

    /// <summary>The link, or null for a token that matches no delivery (a typo, a guess, a link from another system).</summary>
    public async Task<AnswerLink?> FindAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await LinkAsync(db, token, cancellationToken) is { } found ? found.Link : null;
    }

    /// <summary>Whom the subject can contact: the controller profile's name, e-mail and phone, and the DPO.</summary>
    public async Task<ControllerContact> ContactAsync(CancellationToken cancellationToken = default) =>
        (await controllerSettings.CurrentAsync(cancellationToken)).Contact;

    /// <summary>Sends a code to the address on file for the link (rate limits of <see cref="PortalCodes"/>); answers the challenge to check against.</summary>
    public async Task<Result<Guid>> SendCodeAsync(string? token, string clientAddress, string language, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        if (await LinkAsync(db, token, cancellationToken) is not { Link.IsExpired: false } found)
        {
            return Result<Guid>.Failure(DeliveryErrors.LinkExpired);
        }
        if (found.Link.IsLocked)
        {
            return Result<Guid>.Failure(DeliveryErrors.LinkLocked);
        }
        return await db.InTransactionAsync(async () =>
        {
            var issued = await codes.IssueAsync(db, PortalChallengePurpose.Delivery, found.Email, language, clientAddress,
                requestId: found.RequestId, deliveryId: found.Link.DeliveryId, cancellationToken: cancellationToken);
            if (issued.IsFailure)
            {
                return Result<Guid>.Failure(issued.Errors);
            }
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(issued.Value.Id);
        }, cancellationToken);
    }

    /// <summary>Checks a code for this link's challenge; a challenge of another link or purpose is never right.</summary>
    public async Task<PortalCodeCheck> VerifyAsync(string? token, Guid challengeId, string? code, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        if (await LinkAsync(db, token, cancellationToken) is not { Link.IsExpired: false } found)
        {
            return PortalCodeCheck.Expired;
        }
        if (found.Link.IsLocked)
        {
            return PortalCodeCheck.LinkLocked;
        }
        var challenge = await db.PortalChallenges.SingleOrDefaultAsync(
            c => c.Id == challengeId && c.DeliveryId == found.Link.DeliveryId && c.Purpose == PortalChallengePurpose.Delivery, cancellationToken);
        if (challenge is null)
        {
            return PortalCodeCheck.Wrong;
        }
        var triesBefore = challenge.Attempts;
        var check = codes.Check(challenge, code);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two tabs entered a code at once: only the first counts; the other tries again.
            return PortalCodeCheck.Wrong;
        }
        if (challenge.Attempts > triesBefore && check != PortalCodeCheck.Verified && await CountWrongCodeAsync(db, found.Link.DeliveryId, cancellationToken))
        {
            return PortalCodeCheck.LinkLocked;
        }
        return check;
    }

    /// <summary>
    /// One wrong code on the link, counted on the delivery whatever the code (a slow guesser asks for new codes) and never past
    /// <see cref="ResponseDelivery.MaxWrongCodes"/>: one conditional <c>UPDATE</c> counts only on an open link under the cap (no stamp
    /// race with downloads, so no retries), and the transaction then holds the row, so the count read back is this guess's own; the
    /// guess that reaches the cap locks the link, moves its stamp and audits the lock on the case in the same transaction. True when locked.
    /// </summary>
    private async Task<bool> CountWrongCodeAsync(PrivacyDeskDbContext db, Guid deliveryId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var locked = await db.InTransactionAsync(async () =>
        {
            await db.ResponseDeliveries
                .Where(d => d.Id == deliveryId && d.LockedAt == null && d.WrongCodes < ResponseDelivery.MaxWrongCodes)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.WrongCodes, d => d.WrongCodes + 1), cancellationToken);
            var link = await db.ResponseDeliveries.AsNoTracking().Where(d => d.Id == deliveryId)
                .Select(d => new { d.RequestId, d.WrongCodes, d.RecipientNotificationId }).SingleAsync(cancellationToken);
            // Whichever guess finds the cap reached on an open link locks it (the conditional UPDATE lets one through), also a link left at the cap unlocked.
            if (link.WrongCodes >= ResponseDelivery.MaxWrongCodes
                && await db.ResponseDeliveries.Where(d => d.Id == deliveryId && d.LockedAt == null && d.WrongCodes >= ResponseDelivery.MaxWrongCodes)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(d => d.LockedAt, now)
                        .SetProperty(d => EF.Property<Guid>(d, PrivacyDeskDbContext.ConcurrencyStamp), Guid.NewGuid()), cancellationToken) > 0)
            {
                db.AuditEvents.Add(AuditEvent.From(ResponseDelivery.Locked(deliveryId, link.RequestId, link.RecipientNotificationId is not null, now, PortalActor)));
                await db.SaveChangesAsync(cancellationToken);
            }
            return Result.Success(link.WrongCodes >= ResponseDelivery.MaxWrongCodes);
        }, cancellationToken);
        return locked.Value;
    }

    /// <summary>The offered documents of a link (after the code), never their content; each opening of the list is audited on the case (ids only).</summary>
    public async Task<IReadOnlyList<AnswerDocument>> DocumentsAsync(Guid deliveryId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var delivery = await db.ResponseDeliveries.AsNoTracking().Where(d => d.Id == deliveryId)
            .Select(d => new { d.RequestId, d.DocumentIds, d.RecipientNotificationId }).SingleOrDefaultAsync(cancellationToken);
        if (delivery is null)
        {
            return [];
        }
        var action = delivery.RecipientNotificationId is null ? DocumentsViewedAction : NoticeViewedAction;
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), PortalActor.Id, PortalActor.Name, action, CaseWorkspace.ViewEntityType,
            delivery.RequestId.ToString(), new Dictionary<string, string?>(StringComparer.Ordinal) { ["deliveryId"] = deliveryId.ToString() }));
        await db.SaveChangesAsync(cancellationToken);
        var list = delivery.DocumentIds.ToList();
        var rows = await db.GeneratedDocuments.AsNoTracking().Where(d => list.Contains(d.Id))
            .Select(d => new AnswerDocument(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeInBytes)).ToListAsync(cancellationToken);
        return [.. list.Select(id => rows.FirstOrDefault(r => r.Id == id)).OfType<AnswerDocument>()];
    }

    /// <summary>
    /// One download: recorded on the delivery (count, first and last) and audited in the request's stream as the portal, then the
    /// stored bytes. Refused for a document this link does not offer and after expiry. A download racing another retries.
    /// </summary>
    public async Task<Result<DocumentFile>> DownloadAsync(string? token, Guid documentId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var hash = TokenHash(token);
        if (hash is null)
        {
            return Result<DocumentFile>.Failure(DeliveryErrors.NoDelivery);
        }
        // The file first: a download is recorded only for a document that is there to hand over.
        var file = await db.GeneratedDocuments.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new DocumentFile(d.FileName, d.ContentType, d.Content)).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Result<DocumentFile>.Failure(DeliveryErrors.DocumentNotOffered);
        }
        for (var attempt = 1; ; attempt++)
        {
            var delivery = await db.ResponseDeliveries.SingleOrDefaultAsync(d => d.TokenHash == hash, cancellationToken);
            if (delivery is null)
            {
                return Result<DocumentFile>.Failure(DeliveryErrors.NoDelivery);
            }
            var recorded = delivery.RecordDownload(documentId, clock.GetUtcNow(), PortalActor);
            if (recorded.IsFailure)
            {
                return Result<DocumentFile>.Failure(recorded.Errors);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                if (attempt >= DownloadAttempts)
                {
                    // Still racing after every retry (an extension, other downloads): the subject tries again; never a server error.
                    return Result<DocumentFile>.Failure(DeliveryErrors.NoDelivery);
                }
            }
        }
        return Result.Success(file);
    }

    /// <summary>The protected session value for a verified link: the delivery's id, readable only by this app, for <see cref="SessionLifetime"/>.</summary>
    public string ProtectSession(Guid deliveryId) => Sessions.Protect(deliveryId.ToString("N"), SessionLifetime);

    /// <summary>Whether <paramref name="cookie"/> is a live session of exactly this delivery.</summary>
    public bool HasSession(string? cookie, Guid deliveryId)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return false;
        }
        try
        {
            return Sessions.Unprotect(cookie) == deliveryId.ToString("N");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired, tampered with or from another key ring: no session.
            return false;
        }
    }

    /// <summary>The delivery's id for a live session of the link <paramref name="token"/> in <paramref name="cookie"/>, or null.</summary>
    public async Task<Guid?> SessionDeliveryAsync(string? token, string? cookie, CancellationToken cancellationToken = default)
    {
        var link = await FindAsync(token, cancellationToken);
        return link is { IsExpired: false, IsLocked: false } && HasSession(cookie, link.DeliveryId) ? link.DeliveryId : null;
    }

    private string? TokenHash(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : DeliveryLinks.Hash(Key, token.Trim());

    private async Task<(AnswerLink Link, Guid RequestId, string Email)?> LinkAsync(PrivacyDeskDbContext db, string? token, CancellationToken cancellationToken)
    {
        var hash = TokenHash(token);
        if (hash is null)
        {
            return null;
        }
        var found = await db.ResponseDeliveries.AsNoTracking().Where(d => d.TokenHash == hash)
            .Join(db.Requests, d => d.RequestId, r => r.Id, (d, r) => new { d.Id, d.RequestId, d.RecipientNotificationId, d.ExpiresAt, d.LockedAt, r.Reference, r.Language, r.SubjectId })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        string email;
        if (found.RecipientNotificationId is { } notificationId)
        {
            // An Art. 19 notice: the code goes to the address the notice was e-mailed to, as kept on the notification.
            email = await db.Requests.AsNoTracking().Where(r => r.Id == found.RequestId).SelectMany(r => r.RecipientNotifications)
                .Where(n => n.Id == notificationId).Select(n => n.EmailedTo).SingleOrDefaultAsync(cancellationToken) ?? "";
        }
        else
        {
            var emails = await db.DataSubjects.AsNoTracking().Where(s => s.Id == found.SubjectId).Select(s => s.EmailAddresses).SingleOrDefaultAsync(cancellationToken);
            email = emails is { Count: > 0 } ? emails[0] : "";
        }
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        var link = new AnswerLink(found.Id, found.Reference.ToString(), DeliveryLinks.MaskEmail(email), found.Language,
            TimeZoneInfo.ConvertTime(found.ExpiresAt, zone), clock.GetUtcNow() >= found.ExpiresAt, found.LockedAt is not null,
            found.RecipientNotificationId is not null);
        return (link, found.RequestId, email);
    }
}
