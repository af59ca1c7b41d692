using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Inbox;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Subjects;

namespace PrivacyDesk.Web.Features.Inbox;

/// <summary>
/// Reads the office's privacy mailbox as a recurring outbox message (ADR 0046): new messages (by UID, per UIDVALIDITY) are
/// stored once (deduplicated by Message-ID); a reply to our e-mail or to a registered message threads onto its case as
/// correspondence, anything else becomes a draft in the Inbox. No host configured: nothing happens.
/// </summary>
public sealed partial class MailboxPoll(
    IServiceScopeFactory scopes, CaseUnitOfWork cases, ImapOptions options, TimeProvider clock, ILogger<MailboxPoll> logger) : IOutboxHandler
{
    public const string KindName = "mail.inbox.poll";

    /// <summary>The one recurring poll's fixed id: every instance enqueues the same row.</summary>
    public static readonly Guid MessageId = new("a7c1e4f2-3b6d-4e1a-9f2c-5d8b0e6a1c47");

    /// <summary>Who relays a reply onto a case: the mailbox reader, a system actor with no role.</summary>
    public static Actor MailboxActor { get; } = new("mailbox", "Privacymailbox", []);

    public static RecurringOutboxMessage Recurring { get; } = new(MessageId, KindName, now => now);

    public string Kind => KindName;

    public async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!options.IsConfigured)
        {
            return OutboxResult.Recur(clock.GetUtcNow() + options.PollInterval);
        }
        try
        {
            var read = await PollAsync(cancellationToken);
            if (read > 0)
            {
                LogPolled(read);
            }
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or ImapProtocolException
            or ImapCommandException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException or TimeoutException)
        {
            // A code, never the exception's message (it may quote a server's reply with an address).
            var code = exception is MailKit.Security.AuthenticationException ? "mail.imap.authentication" : "mail.imap.unavailable";
            LogPollFailed(code, exception.GetType().Name);
            return OutboxResult.Failed(code);
        }
        return OutboxResult.Recur(clock.GetUtcNow() + options.PollInterval);
    }

    /// <summary>One pass over the folder; returns how many messages were stored (drafts and threaded replies).</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken = default)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }
        var folder = string.Equals(options.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(options.Folder, cancellationToken);
        await folder.OpenAsync(options.DeleteAfterRead ? FolderAccess.ReadWrite : FolderAccess.ReadOnly, cancellationToken);
        var lastUid = await StartFolderAsync(options.Folder, folder.UidValidity, cancellationToken);

        // "UID n:*" also answers the highest message when it is below n: only higher UIDs are new.
        var found = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(folder.UidValidity, (uint)Math.Min(lastUid + 1, uint.MaxValue)), UniqueId.MaxValue)), cancellationToken);
        var uids = found.Where(u => u.Id > lastUid).OrderBy(u => u.Id).Take(options.BatchSize).ToList();
        if (uids.Count == 0)
        {
            await client.DisconnectAsync(true, cancellationToken);
            return 0;
        }
        var summaries = await folder.FetchAsync(uids, new FetchRequest(
            MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate | MessageSummaryItems.Size | MessageSummaryItems.BodyStructure)
        { Headers = HeaderSet.All }, cancellationToken);
        var stored = 0;
        var done = new List<UniqueId>();
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            var size = summary.Size ?? 0;
            var tooLarge = size > options.MaxMessageBytes;
            byte[] original;
            if (tooLarge)
            {
                original = HeadersOnly(summary.Headers, size);
            }
            else
            {
                await using var stream = await folder.GetStreamAsync(summary.UniqueId, cancellationToken);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                original = copy.ToArray();
            }
            if (await StoreAsync(options.Folder, folder.UidValidity, summary, original, size, tooLarge, cancellationToken))
            {
                stored++;
            }
            done.Add(summary.UniqueId);
        }
        if (options.DeleteAfterRead && done.Count > 0)
        {
            await folder.AddFlagsAsync(done, MessageFlags.Deleted, silent: true, cancellationToken);
            await folder.ExpungeAsync(done, cancellationToken);
        }
        await client.DisconnectAsync(true, cancellationToken);
        return stored;
    }

    /// <summary>The last UID read in this folder; a new UIDVALIDITY starts again from 0 (the dedupe key keeps out what was read).</summary>
    private async Task<long> StartFolderAsync(string folderName, uint uidValidity, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var state = await db.InboxFolderStates.SingleOrDefaultAsync(s => s.Folder == folderName, cancellationToken);
        if (state is null)
        {
            db.InboxFolderStates.Add(InboxFolderState.Start(folderName, uidValidity, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }
        if (state.UidValidity != uidValidity)
        {
            LogRenumbered(state.UidValidity, uidValidity);
            state.Renumbered(uidValidity);
            await db.SaveChangesAsync(cancellationToken);
        }
        return state.LastUid;
    }

    /// <summary>One message, in one transaction with the folder's progress: threaded onto its case, or a draft. False when it was read before.</summary>
    private async Task<bool> StoreAsync(
        string folderName, uint uidValidity, IMessageSummary summary, byte[] original, long size, bool tooLarge, CancellationToken cancellationToken)
    {
        var mime = await MimeMessage.LoadAsync(new MemoryStream(original), cancellationToken);
        var key = InboxReading.DedupeKey(mime);
        var now = clock.GetUtcNow();
        var sender = mime.From.Mailboxes.FirstOrDefault() ?? mime.Sender;
        var address = sender?.Address ?? "";
        var text = tooLarge ? "" : InboxReading.TextOf(mime);
        var subject = mime.Subject ?? "";
        var references = string.Join(' ', mime.References);
        var candidates = new[] { mime.InReplyTo }.Concat(mime.References).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim()).Distinct().ToList();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        if (await db.InboxMessages.AnyAsync(m => m.DedupeKey == key, cancellationToken))
        {
            await AdvanceAsync(db, folderName, summary.UniqueId.Id, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        var read = new ReadMailboxMessage(
            folderName, uidValidity, summary.UniqueId.Id, key, string.IsNullOrWhiteSpace(mime.MessageId) ? null : mime.MessageId.Trim(),
            string.IsNullOrWhiteSpace(mime.InReplyTo) ? null : mime.InReplyTo.Trim(), references.Length == 0 ? null : references,
            address, string.IsNullOrWhiteSpace(sender?.Name) ? null : sender.Name, subject,
            summary.InternalDate ?? mime.Date, InboxReading.LanguageOf(subject, text), InboxReading.SuggestedType(subject, text),
            await MatchSubjectAsync(db, address, cancellationToken), text, original, size, tooLarge, summary.Attachments?.Count() ?? 0);

        var requestId = await ThreadOfAsync(db, candidates, cancellationToken);
        // Only the subject's own address threads: a reply from any other address (a forward, a spoofed In-Reply-To) waits in the
        // Inbox, flagged and naming its case, for an officer to attach it or file it.
        var fromSubject = requestId is { } replyTo && await FromSubjectAsync(db, replyTo, address, cancellationToken);
        if (requestId is { } caseId && fromSubject && !tooLarge && text.Length > 0)
        {
            var threaded = await cases.ChangeForSubjectAsync(caseId, MailboxActor, async work =>
            {
                var message = InboxMessage.Read(read, now);
                message.ThreadOnto(caseId, MailboxActor.Id, MailboxActor.Name, now);
                var received = work.Request.ReceiveSubjectMessage(MailboxActor, read.ArrivedAt, SubjectMessageChannel.Email, text, subject, message.Id);
                if (received.IsFailure)
                {
                    return Result<bool>.Failure(received.Errors);
                }
                work.Db.InboxMessages.Add(message);
                work.Db.AuditEvents.Add(Audit(now, InboxMessage.ThreadedAction, message, ("requestId", caseId.ToString())));
                await AdvanceAsync(work.Db, folderName, summary.UniqueId.Id, now, cancellationToken);
                return Result.Success(true);
            }, cancellationToken);
            if (threaded.IsSuccess)
            {
                return true;
            }
            // The case refused it (e.g. text too long): the officer sees it in the Inbox instead.
            LogThreadRefused(summary.UniqueId.Id, string.Join(",", threaded.Errors.Select(e => e.Code)));
        }

        var draft = InboxMessage.Read(read, now);
        if (requestId is { } refersTo && !fromSubject)
        {
            draft.RefersTo(refersTo);
        }
        db.InboxMessages.Add(draft);
        var uid = ("uid", (object?)summary.UniqueId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        db.AuditEvents.Add(draft.IsReplyFromAnotherAddress
            ? Audit(now, InboxMessage.ReadAction, draft, uid, ("refersTo", draft.RequestId.ToString()))
            : Audit(now, InboxMessage.ReadAction, draft, uid));
        await AdvanceAsync(db, folderName, summary.UniqueId.Id, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored the same message a moment ago (the unique dedupe key): read once all the same.
            return false;
        }
        return true;
    }

    /// <summary>The case a reply belongs to: one of our e-mails it answers, or an earlier message that became (or joined) a request.</summary>
    private static async Task<Guid?> ThreadOfAsync(PrivacyDeskDbContext db, List<string> candidates, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return null;
        }
        var ours = await db.OutgoingEmails.AsNoTracking()
            // A reply to an Art. 19 notice comes from the recipient organisation, not the subject: it waits in the Inbox (ADR 0051).
            .Where(e => candidates.Contains(e.MessageId) && e.RequestId != null && e.Kind != PrivacyDesk.Data.Mail.MailKinds.RecipientNotice)
            .Select(e => e.RequestId).FirstOrDefaultAsync(cancellationToken);
        if (ours is not null)
        {
            return ours;
        }
        // A flagged draft (a reply from another address) is no anchor: only what became or joined a request is.
        return await db.InboxMessages.AsNoTracking()
            .Where(m => m.InternetMessageId != null && candidates.Contains(m.InternetMessageId) && m.RequestId != null && m.Status != InboxMessageStatus.New)
            .Select(m => m.RequestId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="address"/> is one of the addresses on file for the subject of the case <paramref name="requestId"/>.</summary>
    private static async Task<bool> FromSubjectAsync(PrivacyDeskDbContext db, Guid requestId, string address, CancellationToken cancellationToken)
    {
        var normalised = address.Trim().ToLowerInvariant();
        var subjectId = await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.SubjectId).SingleOrDefaultAsync(cancellationToken);
        var addresses = await db.DataSubjects.AsNoTracking().Where(s => s.Id == subjectId).Select(s => s.EmailAddresses).SingleOrDefaultAsync(cancellationToken);
        return normalised.Length > 0 && addresses is not null && addresses.Any(a => string.Equals(a.Trim(), normalised, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The one subject on file with this address; none when nobody or several have it.</summary>
    private static async Task<Guid?> MatchSubjectAsync(PrivacyDeskDbContext db, string address, CancellationToken cancellationToken)
    {
        var normalised = address.Trim().ToLowerInvariant();
        var ids = SubjectDirectory.Matching(db, normalised);
        if (ids is null)
        {
            return null;
        }
        var candidates = await db.DataSubjects.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).Take(20).ToListAsync(cancellationToken);
        var same = candidates.Where(s => s.EmailAddresses.Contains(normalised)).Select(s => s.Id).ToList();
        return same.Count == 1 ? same[0] : null;
    }

    private static async Task AdvanceAsync(PrivacyDeskDbContext db, string folderName, long uid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = await db.InboxFolderStates.SingleAsync(s => s.Folder == folderName, cancellationToken);
        state.ReadUpTo(uid, now);
    }

    /// <summary>The headers as an .eml with a note instead of the body, for a message over the limit.</summary>
    private byte[] HeadersOnly(HeaderList? headers, long size)
    {
        using var stream = new MemoryStream();
        headers?.WriteTo(stream);
        var note = $"\r\n[PrivacyDesk: this message ({size} bytes) is over the limit of {options.MaxMessageBytes} bytes; only its headers were kept. " +
            $"Dit bericht ({size} bytes) is groter dan de grens van {options.MaxMessageBytes} bytes; alleen de kopregels zijn bewaard.]\r\n";
        var bytes = System.Text.Encoding.UTF8.GetBytes(note);
        stream.Write(bytes);
        return stream.ToArray();
    }

    private static AuditEvent Audit(DateTimeOffset now, string action, InboxMessage message, params (string Name, object? Value)[] details) =>
        AuditEvent.Record(now, MailboxActor.Id, MailboxActor.Name, action, InboxMessage.AuditEntityType, message.Id.ToString(),
            AuditDetails.Of([("folder", message.Folder), .. details]));

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox polled: {Stored} new message(s) stored")]
    private partial void LogPolled(int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox poll failed: {Code} ({ExceptionType})")]
    private partial void LogPollFailed(string code, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox folder renumbered: UIDVALIDITY {Before} became {After}; reading it again (duplicates are skipped)")]
    private partial void LogRenumbered(long before, uint after);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply with UID {Uid} could not be threaded ({Codes}); kept as a draft in the Inbox")]
    private partial void LogThreadRefused(long uid, string codes);
}
