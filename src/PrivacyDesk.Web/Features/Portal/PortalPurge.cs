using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Data.Portal;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>What one purge pass did: forms dropped, challenges deleted, code e-mails blanked.</summary>
public sealed record PortalPurgeCounts(int Forms, int Challenges, int CodeMails);

/// <summary>
/// The portal's clean-up as a recurring outbox message (ADR 0042, ADR 0044), every <see cref="Period"/>: a pending form whose
/// code expired unentered is dropped (it can never be registered), challenges are deleted a day after they expired (past
/// every rate-limit window), and a sent code e-mail whose code expired has the code blanked out of its subject and body.
/// </summary>
public sealed partial class PortalPurge(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PortalPurge> logger) : IOutboxHandler
{
    public const string KindName = "portal.purge";

    /// <summary>The one recurring purge's fixed id: every instance enqueues the same row.</summary>
    public static readonly Guid MessageId = new("3f0b6c1e-8d2a-4c7e-b5a9-1e6d4f2c8a73");

    /// <summary>Hourly: a form or a readable code outlives its 10 minutes by at most an hour.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>How long an expired challenge is kept: beyond the hour the rate limits count, and a late retry of a registration owed.</summary>
    public static readonly TimeSpan ChallengeKeep = TimeSpan.FromDays(1);

    /// <summary>What stands where the code stood.</summary>
    public const string BlankCode = "••••••";

    private const int MailBatch = 500;

    public static RecurringOutboxMessage Recurring { get; } = new(MessageId, KindName, now => now);

    public string Kind => KindName;

    public async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var counts = await PurgeAsync(cancellationToken);
        if (counts.Forms + counts.Challenges + counts.CodeMails > 0)
        {
            LogPurged(counts.Forms, counts.Challenges, counts.CodeMails);
        }
        return OutboxResult.Recur(clock.GetUtcNow() + Period);
    }

    /// <summary>One pass; idempotent, so a second instance running it after a lost lease changes nothing more.</summary>
    public async Task<PortalPurgeCounts> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var forms = await db.PortalChallenges.Where(c => c.PendingSubmission != null && c.VerifiedAt == null && c.ExpiresAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PendingSubmission, (string?)null), cancellationToken);
        var keepFrom = now - ChallengeKeep;
        // A registered request's challenge stays: its address hash is the identity evidence the case shows (PortalIdentityEvidence); its form is gone.
        var challenges = await db.PortalChallenges
            .Where(c => c.ExpiresAt < keepFrom && !(c.RequestId != null && c.Purpose == PortalChallengePurpose.SubmitRequest))
            .ExecuteDeleteAsync(cancellationToken);
        var expiredCodesQueuedBefore = now - PortalChallenge.Lifetime;
        var mails = 0;
        while (true)
        {
            var batch = await db.OutgoingEmails
                .Where(e => e.Kind == MailKinds.PortalCode && e.SentAt != null && e.QueuedAt < expiredCodesQueuedBefore && !e.Subject.EndsWith(BlankCode))
                .OrderBy(e => e.QueuedAt).Take(MailBatch).ToListAsync(cancellationToken);
            foreach (var mail in batch)
            {
                mail.BlankOut(SixDigits().Replace(mail.Subject, BlankCode), SixDigits().Replace(mail.TextBody, BlankCode));
            }
            await db.SaveChangesAsync(cancellationToken);
            mails += batch.Count;
            if (batch.Count < MailBatch)
            {
                break;
            }
        }
        return new PortalPurgeCounts(forms, challenges, mails);
    }

    [GeneratedRegex(@"\b[0-9]{6}\b")]
    private static partial Regex SixDigits();

    [LoggerMessage(EventId = 1610, Level = LogLevel.Information, Message = "Portal purge: {Forms} pending forms dropped, {Challenges} challenges deleted, {Mails} code e-mails blanked")]
    private partial void LogPurged(int forms, int challenges, int mails);
}
