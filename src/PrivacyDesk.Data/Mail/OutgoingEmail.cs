using PrivacyDesk.Data.Outbox;

namespace PrivacyDesk.Data.Mail;

/// <summary>What one outgoing e-mail is for: picks nothing at send time (the text is composed when it is queued), names it on the Outbox page.</summary>
public static class MailKinds
{
    public const string PortalCode = "portal.code";
    public const string Acknowledgement = "request.acknowledgement";
    public const string ResponseDelivery = "response.delivery";
    public const string RecipientNotice = "recipient.notice";
}

/// <summary>
/// One e-mail the product sends (ADR 0043): composed in full when queued, in the same transaction as the change that
/// causes it, and delivered later by the outbox's <c>mail.send</c> handler over SMTP. The row is the record of what was
/// sent (addressee, language, text), so it holds personal data and is shown only to those who may see the case; the
/// outbox message that carries it names its id only.
/// </summary>
public sealed class OutgoingEmail
{
    public const int KindMaxLength = 50;
    /// <summary>As long as an address on file may be (<see cref="Domain.Subjects.DataSubject.EmailMaxLength"/>), so every address the product accepts can be written to.</summary>
    public const int AddressMaxLength = Domain.Subjects.DataSubject.EmailMaxLength;
    public const int SubjectMaxLength = 300;
    public const int BodyMaxLength = 40_000;
    public const int MessageIdMaxLength = 200;
    public const int ErrorCodeMaxLength = OutboxMessage.ErrorCodeMaxLength;

    /// <summary>The outbox kind whose handler sends it.</summary>
    public const string OutboxKind = "mail.send";

    private OutgoingEmail()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>One of <see cref="MailKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    public string To { get; private set; } = "";

    /// <summary>"nl" or "en".</summary>
    public string Language { get; private set; } = "nl";

    public string Subject { get; private set; } = "";

    public string TextBody { get; private set; } = "";

    /// <summary>An HTML alternative built from the same text (never from user-supplied HTML); null sends text only.</summary>
    public string? HtmlBody { get; private set; }

    /// <summary>The case it belongs to, if any: shown on the case, and a reply threads back to it.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>Generated documents sent as attachments (only when the office chose attachment delivery for the case).</summary>
    public IReadOnlyList<Guid> AttachmentDocumentIds { get; private set; } = [];

    /// <summary>The RFC 5322 Message-ID (without angle brackets), fixed when queued, so a reply's In-Reply-To finds the case.</summary>
    public string MessageId { get; private set; } = "";

    public DateTimeOffset QueuedAt { get; private set; }

    /// <summary>When the SMTP server accepted it; null while waiting or failing.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>The last failure's code (e.g. <c>mail.smtp.unavailable</c>); the Outbox page shows it in words.</summary>
    public string? LastErrorCode { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>Composes a message; <see cref="MailQueue.Enqueue"/> is the one way it enters the database.</summary>
    public static OutgoingEmail Create(MailDraft draft, DateTimeOffset queuedAt, string messageIdDomain)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Kind);
        var id = Guid.CreateVersion7();
        return new OutgoingEmail
        {
            Id = id,
            Kind = draft.Kind,
            To = draft.To.Trim(),
            Language = draft.Language is "en" ? "en" : "nl",
            Subject = draft.Subject.Length > SubjectMaxLength ? draft.Subject[..SubjectMaxLength] : draft.Subject,
            TextBody = draft.TextBody,
            HtmlBody = draft.HtmlBody,
            RequestId = draft.RequestId,
            AttachmentDocumentIds = draft.AttachmentDocumentIds ?? [],
            MessageId = $"{id:N}@{messageIdDomain}",
            QueuedAt = queuedAt,
        };
    }

    /// <summary>The SMTP server accepted it.</summary>
    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        LastErrorCode = null;
        Attempts++;
    }

    /// <summary>
    /// A sent e-mail's secret blanked out, the rest kept as the record of sending: a code once it expired (the portal's purge),
    /// an answer link's token once the server accepted it (the send handler).
    /// </summary>
    public void BlankOut(string subject, string textBody)
    {
        Subject = subject;
        TextBody = textBody;
        HtmlBody = null;
    }

    /// <summary>A delivery attempt failed; the outbox retries with backoff.</summary>
    public void MarkFailed(string errorCode)
    {
        LastErrorCode = errorCode.Length > ErrorCodeMaxLength ? errorCode[..ErrorCodeMaxLength] : errorCode;
        Attempts++;
    }
}

/// <summary>What a feature asks to send: the finished text in the addressee's language.</summary>
public sealed record MailDraft(
    string Kind,
    string To,
    string Language,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    Guid? RequestId = null,
    IReadOnlyList<Guid>? AttachmentDocumentIds = null);
