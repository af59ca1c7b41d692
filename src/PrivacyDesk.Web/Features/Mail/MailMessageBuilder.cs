using MimeKit;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Domain.Controller;

namespace PrivacyDesk.Web.Features.Mail;

/// <summary>Turns a queued e-mail into the MIME message that leaves: frame, headers, text with its HTML alternative, attachments.</summary>
public static class MailMessageBuilder
{
    /// <summary>The message, or the error code that says why none can be built (an addressee that is no address).</summary>
    public static (MimeMessage? Message, string? ErrorCode) Build(
        OutgoingEmail email, ControllerContact contact, MailboxAddress from, MailboxAddress? replyTo,
        IReadOnlyList<GeneratedDocument> attachments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(attachments);
        if (!MailboxAddress.TryParse(email.To, out var to) || string.IsNullOrEmpty(to.Address) || !to.Address.Contains('@', StringComparison.Ordinal))
        {
            return (null, MailErrors.AddressInvalid);
        }
        var framed = MailFrame.Apply(email.TextBody, email.Language, email.Subject, contact);
        var message = new MimeMessage();
        message.From.Add(from);
        if (replyTo is not null)
        {
            message.ReplyTo.Add(replyTo);
        }
        message.To.Add(to);
        message.Subject = email.Subject;
        // Fixed when queued, so a retry is the same message and a reply's In-Reply-To finds the case.
        message.MessageId = email.MessageId;
        message.Date = now;
        // Tells mail servers and out-of-office replies that no person typed this (RFC 3834), so no auto-reply loops.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = framed.Text, HtmlBody = framed.Html };
        foreach (var document in attachments)
        {
            body.Attachments.Add(document.FileName, document.Content,
                ContentType.TryParse(document.ContentType, out var type) ? type : new ContentType("application", "octet-stream"));
        }
        message.Body = body.ToMessageBody();
        // On the root entity: MimeKit keeps Content-* headers with the body, where a reader finds the message's language.
        message.Body.Headers.Add(HeaderId.ContentLanguage, email.Language);
        return (message, null);
    }
}
