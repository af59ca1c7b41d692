using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data.Inbox;

/// <summary>What became of a message read from the office's mailbox.</summary>
public enum InboxMessageStatus
{
    /// <summary>A draft in the Inbox, waiting for an officer.</summary>
    New,

    /// <summary>Confirmed as a request by an officer (<see cref="InboxMessage.RequestId"/>).</summary>
    Registered,

    /// <summary>Filed by an officer as not a request, with a reason.</summary>
    NotARequest,

    /// <summary>A reply that threaded onto its case as correspondence, without an officer.</summary>
    Threaded,
}

/// <summary>
/// One message read from the office's privacy mailbox over IMAP (ADR 0046): its headers, its text (HTML turned into
/// sanitised text; the HTML is never shown), the original .eml (unless over the size limit), what the reader suggests
/// (language, request type, the subject on file with the sender's address) and what an officer made of it. Personal
/// data throughout: shown only to those who register requests, every download and decision audited.
/// </summary>
public sealed class InboxMessage
{
    public const string AuditEntityType = "InboxMessage";
    public const string RegisteredAction = "inbox.message.registered";
    public const string NotARequestAction = "inbox.message.not_a_request";
    public const string ThreadedAction = "inbox.message.threaded";
    public const string DownloadedAction = "inbox.message.downloaded";
    public const string ReadAction = "inbox.message.read";

    public const int FolderMaxLength = 200;
    public const int HeaderIdMaxLength = 300;
    public const int ReferencesMaxLength = 4_000;
    public const int AddressMaxLength = 254;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int TextMaxLength = SubjectMessage.TextMaxLength;
    public const int ReasonMaxLength = 500;

    private InboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The mailbox folder it was read from (e.g. INBOX).</summary>
    public string Folder { get; private set; } = "";

    /// <summary>The folder's UIDVALIDITY when it was read; with <see cref="Uid"/> it names the message on the server.</summary>
    public long UidValidity { get; private set; }

    public long Uid { get; private set; }

    /// <summary>What makes a message the same message after a UIDVALIDITY change: its Message-ID, or a hash of its headers when it has none.</summary>
    public string DedupeKey { get; private set; } = "";

    /// <summary>The RFC 5322 Message-ID without angle brackets; null when the sender gave none.</summary>
    public string? InternetMessageId { get; private set; }

    public string? InReplyTo { get; private set; }

    /// <summary>The References header's ids, space-separated, without angle brackets.</summary>
    public string? References { get; private set; }

    public string FromAddress { get; private set; } = "";

    public string? FromName { get; private set; }

    public string Subject { get; private set; } = "";

    /// <summary>When the message arrived in the mailbox (IMAP INTERNALDATE): the moment of receipt, not the sender's Date header.</summary>
    public DateTimeOffset ArrivedAt { get; private set; }

    /// <summary>When PrivacyDesk read it.</summary>
    public DateTimeOffset ReadAt { get; private set; }

    /// <summary>"nl" or "en", detected from the text.</summary>
    public string Language { get; private set; } = "nl";

    /// <summary>The request type the text suggests; the officer chooses.</summary>
    public RequestType? SuggestedType { get; private set; }

    /// <summary>The subject on file with the sender's address, if exactly one.</summary>
    public Guid? MatchedSubjectId { get; private set; }

    /// <summary>The plain text shown to staff: the text part, or the HTML part as sanitised text. Never HTML.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The message as received (.eml); for a message over the limit its headers only, with a note.</summary>
    public byte[] Original { get; private set; } = [];

    /// <summary>The size on the server, in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Over the configured limit: only the headers were kept, the body was not read.</summary>
    public bool BodyOmitted { get; private set; }

    /// <summary>How many attachments the message names (they are never opened).</summary>
    public int AttachmentCount { get; private set; }

    public InboxMessageStatus Status { get; private set; }

    /// <summary>
    /// The request it became (registered) or threaded onto; on a draft, the case a reply refers to that came from an address not the
    /// subject's (<see cref="IsReplyFromAnotherAddress"/>): it waits for an officer to attach it to that case or file it.
    /// </summary>
    public Guid? RequestId { get; private set; }

    /// <summary>A reply to one of our e-mails, from an address the case's subject does not have: flagged, never threaded by itself.</summary>
    public bool IsReplyFromAnotherAddress => Status == InboxMessageStatus.New && RequestId is not null;

    public string? HandledById { get; private set; }

    public string? HandledByName { get; private set; }

    public DateTimeOffset? HandledAt { get; private set; }

    /// <summary>Why an officer filed it as not a request.</summary>
    public string? NotARequestReason { get; private set; }

    /// <summary>Two officers deciding on one message: the second save fails on this stamp.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>A message as the reader found it: a draft in the Inbox.</summary>
    public static InboxMessage Read(ReadMailboxMessage read, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new InboxMessage
        {
            Id = Guid.CreateVersion7(),
            Folder = Cut(read.Folder, FolderMaxLength)!,
            UidValidity = read.UidValidity,
            Uid = read.Uid,
            DedupeKey = Cut(read.DedupeKey, HeaderIdMaxLength)!,
            InternetMessageId = Cut(read.InternetMessageId, HeaderIdMaxLength),
            InReplyTo = Cut(read.InReplyTo, HeaderIdMaxLength),
            References = Cut(read.References, ReferencesMaxLength),
            FromAddress = Cut(read.FromAddress.Trim().ToLowerInvariant(), AddressMaxLength)!,
            FromName = Cut(read.FromName?.Trim(), NameMaxLength),
            Subject = Cut(read.Subject.Trim(), SubjectMaxLength)!,
            ArrivedAt = read.ArrivedAt,
            ReadAt = readAt,
            Language = read.Language is "en" ? "en" : "nl",
            SuggestedType = read.SuggestedType,
            MatchedSubjectId = read.MatchedSubjectId,
            Text = Cut(read.Text, TextMaxLength)!,
            Original = read.Original,
            SizeBytes = read.SizeBytes,
            BodyOmitted = read.BodyOmitted,
            AttachmentCount = read.AttachmentCount,
            Status = InboxMessageStatus.New,
            ConcurrencyStamp = Guid.NewGuid(),
        };
    }

    /// <summary>A reply to the case <paramref name="requestId"/> from another address: a draft that names the case it refers to.</summary>
    public void RefersTo(Guid requestId)
    {
        if (Status != InboxMessageStatus.New)
        {
            throw new InvalidOperationException("Only a draft refers to a case; a handled message already belongs to one.");
        }
        RequestId = requestId;
    }

    /// <summary>A reply that went onto its case as correspondence.</summary>
    public void ThreadOnto(Guid requestId, string actorId, string actorName, DateTimeOffset at) =>
        Handle(InboxMessageStatus.Threaded, requestId, actorId, actorName, at, null);

    /// <summary>An officer confirmed it as a request.</summary>
    public void Register(Guid requestId, string actorId, string actorName, DateTimeOffset at) =>
        Handle(InboxMessageStatus.Registered, requestId, actorId, actorName, at, null);

    /// <summary>An officer filed it as not a request.</summary>
    public void FileAsNotARequest(string reason, string actorId, string actorName, DateTimeOffset at) =>
        Handle(InboxMessageStatus.NotARequest, null, actorId, actorName, at, Cut(reason.Trim(), ReasonMaxLength));

    private void Handle(InboxMessageStatus status, Guid? requestId, string actorId, string actorName, DateTimeOffset at, string? reason)
    {
        if (Status != InboxMessageStatus.New)
        {
            throw new InvalidOperationException("A message is handled once; the service checks its status first.");
        }
        Status = status;
        RequestId = requestId;
        HandledById = actorId;
        HandledByName = actorName;
        HandledAt = at;
        NotARequestReason = reason;
        ConcurrencyStamp = Guid.NewGuid();
    }

    private static string? Cut(string? value, int max) => value is null ? null : value.Length > max ? value[..max] : value;
}

/// <summary>What the mailbox reader found in one message, before it is stored.</summary>
public sealed record ReadMailboxMessage(
    string Folder,
    long UidValidity,
    long Uid,
    string DedupeKey,
    string? InternetMessageId,
    string? InReplyTo,
    string? References,
    string FromAddress,
    string? FromName,
    string Subject,
    DateTimeOffset ArrivedAt,
    string Language,
    RequestType? SuggestedType,
    Guid? MatchedSubjectId,
    string Text,
    byte[] Original,
    long SizeBytes,
    bool BodyOmitted,
    int AttachmentCount);

/// <summary>How far the reader got in one folder: a message with a UID above <see cref="LastUid"/> is new, while <see cref="UidValidity"/> holds.</summary>
public sealed class InboxFolderState
{
    private InboxFolderState()
    {
    }

    public string Folder { get; private set; } = "";

    public long UidValidity { get; private set; }

    public long LastUid { get; private set; }

    public DateTimeOffset CheckedAt { get; private set; }

    public static InboxFolderState Start(string folder, long uidValidity, DateTimeOffset at) =>
        new() { Folder = folder, UidValidity = uidValidity, LastUid = 0, CheckedAt = at };

    /// <summary>The server renumbered the folder: read it again from the start (the dedupe key keeps out what was read before).</summary>
    public void Renumbered(long uidValidity)
    {
        UidValidity = uidValidity;
        LastUid = 0;
    }

    public void ReadUpTo(long uid, DateTimeOffset at)
    {
        if (uid > LastUid)
        {
            LastUid = uid;
        }
        CheckedAt = at;
    }
}
