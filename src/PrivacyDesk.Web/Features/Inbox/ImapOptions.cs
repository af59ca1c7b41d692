using MailKit.Security;

namespace PrivacyDesk.Web.Features.Inbox;

/// <summary>The office's privacy mailbox (section <c>Mail:Imap</c>). No <see cref="Host"/>: the mailbox is not read (Development needs no server).</summary>
public sealed class ImapOptions
{
    public const string SectionName = "Mail:Imap";

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    /// <summary>None, SslOnConnect, StartTls, StartTlsWhenAvailable or Auto (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.SslOnConnect;

    public string? User { get; set; }

    /// <summary>From a secret store or environment variable (<c>Mail__Imap__Password</c>), never from a file in the repository.</summary>
    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delete a message on the server once it is stored here; off by default (the mailbox stays the office's record).</summary>
    public bool DeleteAfterRead { get; set; }

    /// <summary>A message larger than this keeps only its headers and a note; its body and attachments are not read.</summary>
    public long MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Messages read per poll at most (the rest in the next poll), so one poll stays short.</summary>
    public int BatchSize { get; set; } = 50;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
