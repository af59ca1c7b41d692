namespace PrivacyDesk.Web.Features.Mail;

/// <summary>Why an e-mail was not sent (yet): codes only, kept on the e-mail and the outbox message and shown in words on the Outbox page.</summary>
public static class MailErrors
{
    /// <summary>No SMTP host outside Development: mail waits visibly instead of being dropped.</summary>
    public const string NotConfigured = "mail.not_configured";

    /// <summary>Neither <c>Mail:From</c> nor the controller profile's e-mail address gives a sender.</summary>
    public const string NoSender = "mail.no_sender";

    /// <summary>The server could not be reached, timed out or broke off.</summary>
    public const string Unavailable = "mail.smtp.unavailable";

    /// <summary>The TLS handshake failed (certificate, protocol).</summary>
    public const string TlsFailed = "mail.smtp.tls_failed";

    public const string AuthFailed = "mail.smtp.auth_failed";

    /// <summary>The server refused the message or its sender.</summary>
    public const string Rejected = "mail.smtp.rejected";

    public const string RecipientRejected = "mail.smtp.recipient_rejected";

    /// <summary>The server does not offer what the settings ask for (STARTTLS, or signing in).</summary>
    public const string Unsupported = "mail.smtp.unsupported";

    /// <summary>The addressee is not a valid e-mail address.</summary>
    public const string AddressInvalid = "mail.address_invalid";

    /// <summary>The server answered something the client could not follow.</summary>
    public const string Protocol = "mail.smtp.protocol";

    /// <summary>A document named as attachment no longer exists.</summary>
    public const string AttachmentMissing = "mail.attachment_missing";

    /// <summary>The Development pickup folder could not be written.</summary>
    public const string PickupFailed = "mail.pickup_failed";

    /// <summary>The outbox message names an e-mail that does not exist.</summary>
    public const string EmailMissing = "mail.missing";
}
