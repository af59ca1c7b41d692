using PrivacyDesk.Data.Outbox;

namespace PrivacyDesk.Data.Mail;

/// <summary>
/// The one way to send an e-mail (ADR 0043): adds the message and its outbox message to the context without
/// saving, so both commit with the change that caused them, or neither does. Nothing is sent inside a user's request.
/// </summary>
public static class MailQueue
{
    /// <summary>The domain in generated Message-IDs when configuration names none (<c>Mail:MessageIdDomain</c>).</summary>
    public const string DefaultMessageIdDomain = "privacydesk.local";

    public static OutgoingEmail Enqueue(PrivacyDeskDbContext db, MailDraft draft, DateTimeOffset now, string? messageIdDomain = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var email = OutgoingEmail.Create(draft, now, string.IsNullOrWhiteSpace(messageIdDomain) ? DefaultMessageIdDomain : messageIdDomain);
        db.OutgoingEmails.Add(email);
        db.OutboxMessages.Add(OutboxMessage.Create(OutgoingEmail.OutboxKind, new MailSendPayload(email.Id), now));
        return email;
    }
}

/// <summary>The outbox payload of <c>mail.send</c>: the e-mail's id, nothing else.</summary>
public sealed record MailSendPayload(Guid EmailId);
