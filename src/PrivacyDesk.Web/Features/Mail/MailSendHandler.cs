using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Mail;

/// <summary>
/// The outbox's <c>mail.send</c> (ADR 0043): loads the queued e-mail, frames and builds it, hands it to the server and marks
/// it sent; a failure is marked on the e-mail with its code and returned to the outbox, which tries again later with backoff.
/// Idempotent: an e-mail already sent is done without sending it again.
/// </summary>
public sealed partial class MailSendHandler(
    PrivacyDeskDbContext db, MailTransport transport, ControllerSettings controllerSettings, IOptions<MailOptions> options,
    TimeProvider clock, ILogger<MailSendHandler> logger) : IOutboxHandler
{
    public string Kind => OutgoingEmail.OutboxKind;

    public async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var emailId = message.Read<MailSendPayload>()?.EmailId ?? Guid.Empty;
        var email = await db.OutgoingEmails.SingleOrDefaultAsync(e => e.Id == emailId, cancellationToken);
        if (email is null)
        {
            LogMissing(message.Id, emailId);
            return OutboxResult.Failed(MailErrors.EmailMissing);
        }
        if (email.SentAt is not null)
        {
            return OutboxResult.Done;
        }
        var code = await DeliverAsync(email, cancellationToken);
        if (code is null)
        {
            email.MarkSent(clock.GetUtcNow());
            if (email.Kind is MailKinds.ResponseDelivery or MailKinds.RecipientNotice)
            {
                // The link has reached the server: the stored copy keeps the record of sending without a working link.
                email.BlankOut(email.Subject, Delivery.DeliveryLinks.WithoutTokens(email.TextBody));
            }
            await db.SaveChangesAsync(cancellationToken);
            LogSent(email.Id, email.Kind, transport.Route);
            return OutboxResult.Done;
        }
        email.MarkFailed(code);
        await db.SaveChangesAsync(cancellationToken);
        return OutboxResult.Failed(code);
    }

    private async Task<string?> DeliverAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        if (transport.Route == MailRoute.NotConfigured)
        {
            return MailErrors.NotConfigured;
        }
        var contact = (await controllerSettings.CurrentAsync(cancellationToken)).Contact;
        if (Sender(options.Value, contact) is not { } from)
        {
            return MailErrors.NoSender;
        }
        var ids = email.AttachmentDocumentIds;
        var documents = ids.Count == 0 ? [] : await db.GeneratedDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        if (documents.Count != ids.Distinct().Count())
        {
            return MailErrors.AttachmentMissing;
        }
        // In the order the feature named them.
        var ordered = ids.Distinct().Select(id => documents.Single(d => d.Id == id)).ToList();
        var replyTo = string.IsNullOrWhiteSpace(options.Value.ReplyTo) ? null : MailboxAddress.Parse(options.Value.ReplyTo.Trim());
        var (built, error) = MailMessageBuilder.Build(email, contact, from, replyTo, ordered, clock.GetUtcNow());
        return built is null ? error : await transport.DeliverAsync(built, email.Id, cancellationToken);
    }

    /// <summary><c>Mail:From</c>, else the controller profile's e-mail address, with the firm's name as the display name.</summary>
    public static MailboxAddress? Sender(MailOptions options, ControllerContact contact)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contact);
        var address = string.IsNullOrWhiteSpace(options.From) ? contact.Email : options.From;
        if (string.IsNullOrWhiteSpace(address) || !MailboxAddress.TryParse(address.Trim(), out var parsed) || !parsed.Address.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }
        var name = string.IsNullOrWhiteSpace(parsed.Name) ? contact.Name?.Trim() : parsed.Name;
        return new MailboxAddress(name ?? "", parsed.Address);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {EmailId} ({Kind}) sent by {Route}.")]
    private partial void LogSent(Guid emailId, string kind, MailRoute route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} names e-mail {EmailId}, which does not exist.")]
    private partial void LogMissing(Guid messageId, Guid emailId);
}
