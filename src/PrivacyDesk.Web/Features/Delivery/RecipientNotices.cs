using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>
/// E-mailing an Art. 19 notification to a recipient (ADR 0051), the way the answer is delivered (ADR 0045): in one case unit of
/// work the recipient's letter is generated, the notification is recorded as e-mailed to the register's address (kept on the row),
/// a delivery for that notice is added and its link e-mail queued through the one outbox. The recipient opens the link on the
/// portal's answer pages, gets a code at that address and downloads the letter; the download is recorded on the delivery.
/// </summary>
public sealed class RecipientNotices(IServiceScopeFactory scopes, IOptions<PortalOptions> options, CaseUnitOfWork cases)
{
    private byte[] Key => options.Value.CodeKeyBytes() ?? throw new InvalidOperationException("Portal:CodeKey is validated at start.");

    /// <summary>The register's entry for a notification's recipient: the same name under the same purpose (as planning matched it), or null.</summary>
    public static Recipient? RegisterEntry(IEnumerable<Purpose> purposes, Guid purposeId, string recipientName)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        ArgumentNullException.ThrowIfNull(recipientName);
        var key = recipientName.Trim();
        return purposes.FirstOrDefault(p => p.Id == purposeId)?.Recipients.FirstOrDefault(r => string.Equals(r.Name.Trim(), key, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Sends one open notification by e-mail in <paramref name="language"/> ("nl" or "en"), with the case's stamp. Refused, changing
    /// nothing, when the register has no valid address for the recipient or the notification is already dealt with.
    /// </summary>
    public Task<Result> EmailAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid notificationId, string? language, string? siteBaseUri, CancellationToken cancellationToken = default) =>
        cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var (db, request) = (work.Db, work.Request);
            var notification = request.RecipientNotifications.SingleOrDefault(n => n.Id == notificationId);
            if (notification is null)
            {
                return Result.Failure(RequestErrors.RecipientNotificationUnknown);
            }
            var purposes = await db.Purposes.AsNoTracking().Where(p => p.Id == notification.PurposeId).ToListAsync(cancellationToken);
            if (RegisterEntry(purposes, notification.PurposeId, notification.RecipientName) is not { Email: { } address })
            {
                return Result.Failure(RequestErrors.RecipientNoEmail);
            }
            var emailed = request.EmailRecipientNotification(work.Actor, notificationId, work.Now, address);
            if (emailed.IsFailure)
            {
                return emailed;
            }
            var lang = language == "en" ? "en" : "nl";
            await using var scope = scopes.CreateAsyncScope();
            var letter = await scope.ServiceProvider.GetRequiredService<CaseDocuments>().GenerateRecipientLetterWithinAsync(work, notificationId, lang, cancellationToken);
            if (letter.IsFailure)
            {
                return Result.Failure(letter.Errors);
            }
            var token = DeliveryLinks.NewToken();
            var created = ResponseDelivery.CreateForRecipientNotice(request.Id, notificationId, DeliveryLinks.Hash(Key, token),
                new OfferedDocument(letter.Value.Id, DocumentKind.RecipientNotification), work.Now, options.Value.DeliveryLinkDays, work.Actor);
            if (created.IsFailure)
            {
                return Result.Failure(created.Errors);
            }
            var delivery = created.Value;
            db.ResponseDeliveries.Add(delivery);
            var mail = RecipientNoticeMail.Compose(notification.EmailedTo!, lang, request.Reference.ToString(), DeliveryLinks.AnswerUrl(options.Value, siteBaseUri, token),
                TimeZoneInfo.ConvertTime(delivery.ExpiresAt, work.Zone), work.Settings.Contact.Name, work.Settings.Contact.Email, request.Id);
            delivery.SentWith(MailQueue.Enqueue(db, mail, work.Now).Id);
            return Result.Success();
        }, cancellationToken);
}
