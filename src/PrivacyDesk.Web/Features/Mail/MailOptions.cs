using MimeKit;

namespace PrivacyDesk.Web.Features.Mail;

/// <summary>How the SMTP connection is secured: none (a local relay), STARTTLS after connecting (port 587), or TLS from the start (port 465).</summary>
public enum MailSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The SMTP server e-mail goes to (section <c>Mail:Smtp</c>); no <see cref="Host"/> means none is configured.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Optional: sign in with this user (and <see cref="Password"/>, environment variable <c>Mail__Smtp__Password</c>).</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one connect, command or send may take before the attempt counts as "server unavailable".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Outgoing e-mail (section <c>Mail</c>, ADR 0043): the sender, the SMTP server, and the Development pickup folder.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>Where Development writes .eml files when no SMTP host is set (relative to the content root; ignored by git).</summary>
    public const string DefaultPickupDirectory = "App_Data/mail-pickup";

    /// <summary>The sender address, e.g. <c>privacy@example.nl</c>; the controller profile's e-mail when empty. The display name is the firm's name.</summary>
    public string? From { get; set; }

    /// <summary>Where replies go (the office's privacy mailbox that the inbox reads); none when empty, so replies go to <see cref="From"/>.</summary>
    public string? ReplyTo { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public string PickupDirectory { get; set; } = DefaultPickupDirectory;

    public bool HasSmtpServer => !string.IsNullOrWhiteSpace(Smtp.Host);
}

/// <summary>Refuses settings that could never send (a bad port, a sender that is not an address) at start, not at the first e-mail.</summary>
public sealed class MailOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<MailOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add("Mail:Smtp:Port must be between 1 and 65535.");
        }
        if (options.Smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Mail:Smtp:Timeout must be positive (e.g. 00:00:30).");
        }
        if (!string.IsNullOrWhiteSpace(options.Smtp.User) && string.IsNullOrEmpty(options.Smtp.Password))
        {
            failures.Add("Mail:Smtp:User is set without Mail:Smtp:Password (environment variable Mail__Smtp__Password).");
        }
        foreach (var (key, value) in new[] { ("Mail:From", options.From), ("Mail:ReplyTo", options.ReplyTo) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !MailboxAddress.TryParse(value.Trim(), out _))
            {
                failures.Add($"{key} is not an e-mail address.");
            }
        }
        return failures.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
