using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Mail;

/// <summary>
/// Where a message or e-mail stands: waiting to be tried, failing (tried, with an error code, tried again later), given up (the dead
/// letter: <see cref="OutboxOptions.MaxAttempts"/> tries, no more until someone sends it again), done.
/// </summary>
public enum OutboxState
{
    Waiting,
    Failing,
    GivenUp,
    Done,
}

/// <summary>The Outbox page's quick filters.</summary>
public enum OutboxFilter
{
    All,
    Failing,
    Waiting,
}

/// <summary>One outbox message as the page lists it: kind, state, due, attempts, last error code. Its payload (ids) is not shown.</summary>
public sealed record OutboxWorkRow(Guid Id, string Kind, OutboxState State, DateTimeOffset DueAt, int Attempts, string? LastErrorCode, DateTimeOffset? CompletedAt);

/// <summary>One outgoing e-mail as the page lists it: the address masked (j***@example.nl), never the text.</summary>
/// <param name="OutboxMessageId">The outbox message that sends it ("send again now" moves that one).</param>
public sealed record OutboxEmailRow(
    Guid Id, Guid? OutboxMessageId, string Kind, string MaskedTo, string Language, OutboxState State, DateTimeOffset QueuedAt,
    DateTimeOffset? SentAt, int Attempts, string? LastErrorCode);

public sealed record OutboxCounts(int FailingWork, int WaitingWork, int FailingEmails, int WaitingEmails);

public sealed record OutboxListPage<T>(IReadOnlyList<T> Rows, int Total, int Page, OutboxFilter Filter, OutboxCounts Counts)
{
    public const int PageSize = 25;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A queued or sent e-mail's text as it leaves (framed), for the Development preview.</summary>
public sealed record EmailPreview(Guid Id, string To, string Subject, string Language, string Text);

/// <summary>
/// Administration → Outbox (issue 16): the outbox's messages and the outgoing e-mails, paged and filtered in SQL, and
/// "send again now" for a failing one (audited). Administrators and team leads (<see cref="Permission.ManageOutbox"/>);
/// addresses are masked and texts are not shown, except the Development preview (audited as a view).
/// </summary>
public sealed class OutboxAdministration(
    IServiceScopeFactory scopes, ControllerSettings controllerSettings, IHostEnvironment environment, OutboxOptions options, TimeProvider clock)
{
    public static readonly Error Forbidden = new("outbox.forbidden");
    public static readonly Error NotFailing = new("outbox.not_failing");
    public static readonly Error NotFound = new("outbox.not_found");

    public const string RetriedAction = "outbox.retried";
    public const string PreviewedAction = "mail.previewed";
    public const string MessageEntityType = nameof(OutboxMessage);
    public const string EmailEntityType = nameof(OutgoingEmail);

    public static bool MayManage(ClaimsPrincipal caller) => caller.Has(Permission.ManageOutbox);

    /// <summary>The preview of an e-mail's text exists only in Development, for a newcomer without a mail server.</summary>
    public bool MayPreview => environment.IsDevelopment();

    public async Task<Result<OutboxListPage<OutboxWorkRow>>> WorkAsync(ClaimsPrincipal caller, OutboxFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayManage(caller))
        {
            return Result<OutboxListPage<OutboxWorkRow>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var max = options.MaxAttempts;
        var messages = db.OutboxMessages.AsNoTracking();
        messages = filter switch
        {
            // Failing includes what was given up: both need someone to look.
            OutboxFilter.Failing => messages.Where(m => m.CompletedAt == null && (m.LastErrorCode != null || m.Attempts >= max)),
            OutboxFilter.Waiting => messages.Where(m => m.CompletedAt == null && m.LastErrorCode == null && m.Attempts < max),
            _ => messages,
        };
        var total = await messages.CountAsync(cancellationToken);
        var current = Clamp(page, total);
        // Open work first, soonest due first; then what is done, latest first.
        var rows = await messages
            .OrderBy(m => m.CompletedAt != null).ThenByDescending(m => m.CompletedAt).ThenBy(m => m.DueAt).ThenBy(m => m.Id)
            .Skip((current - 1) * OutboxListPage<OutboxWorkRow>.PageSize).Take(OutboxListPage<OutboxWorkRow>.PageSize)
            .Select(m => new OutboxWorkRow(m.Id, m.Kind,
                m.CompletedAt != null ? OutboxState.Done : m.Attempts >= max ? OutboxState.GivenUp : m.LastErrorCode != null ? OutboxState.Failing : OutboxState.Waiting,
                m.DueAt, m.Attempts, m.LastErrorCode, m.CompletedAt))
            .ToListAsync(cancellationToken);
        return Result.Success(new OutboxListPage<OutboxWorkRow>(rows, total, current, filter, await CountsAsync(db, max, cancellationToken)));
    }

    public async Task<Result<OutboxListPage<OutboxEmailRow>>> EmailsAsync(ClaimsPrincipal caller, OutboxFilter filter, int page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayManage(caller))
        {
            return Result<OutboxListPage<OutboxEmailRow>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var emails = db.OutgoingEmails.AsNoTracking();
        emails = filter switch
        {
            OutboxFilter.Failing => emails.Where(e => e.SentAt == null && e.LastErrorCode != null),
            OutboxFilter.Waiting => emails.Where(e => e.SentAt == null && e.LastErrorCode == null),
            _ => emails,
        };
        var total = await emails.CountAsync(cancellationToken);
        var current = Clamp(page, total);
        var rows = await emails
            .OrderByDescending(e => e.QueuedAt).ThenByDescending(e => e.Id)
            .Skip((current - 1) * OutboxListPage<OutboxEmailRow>.PageSize).Take(OutboxListPage<OutboxEmailRow>.PageSize)
            .Select(e => new { e.Id, e.Kind, e.To, e.Language, e.QueuedAt, e.SentAt, e.Attempts, e.LastErrorCode })
            .ToListAsync(cancellationToken);
        // The outbox message of each e-mail, found by its payload (ids only): the one "send again now" moves.
        var payloads = rows.ToDictionary(r => Payload(r.Id), r => r.Id, StringComparer.Ordinal);
        var keys = payloads.Keys.ToList();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == OutgoingEmail.OutboxKind && keys.Contains(m.Payload))
            .Select(m => new { m.Id, m.Payload, m.Attempts })
            .ToListAsync(cancellationToken);
        var messageOf = messages.ToDictionary(m => payloads[m.Payload], m => (m.Id, GivenUp: m.Attempts >= options.MaxAttempts));
        return Result.Success(new OutboxListPage<OutboxEmailRow>(
            [.. rows.Select(r => new OutboxEmailRow(r.Id, messageOf.TryGetValue(r.Id, out var m) ? m.Id : null, r.Kind, MailAddresses.Mask(r.To), r.Language,
                r.SentAt != null ? OutboxState.Done : m.GivenUp ? OutboxState.GivenUp : r.LastErrorCode != null ? OutboxState.Failing : OutboxState.Waiting,
                r.QueuedAt, r.SentAt, r.Attempts, r.LastErrorCode))],
            total, current, filter, await CountsAsync(db, options.MaxAttempts, cancellationToken)));
    }

    /// <summary>
    /// "Send again now": a failing or given-up message is due now with its count of attempts started anew, so the next outbox pass
    /// (within its poll interval) tries it; audited with the attempts it had.
    /// </summary>
    public async Task<Result> SendAgainNowAsync(ClaimsPrincipal caller, Guid outboxMessageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayManage(caller))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.InTransactionAsync(async () =>
        {
            var message = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == outboxMessageId, cancellationToken);
            if (message is null)
            {
                return Result.Failure(NotFound);
            }
            // Only while it is failing (or given up) and nobody is running it: one that was sent, or is being tried, is left alone.
            var max = options.MaxAttempts;
            var moved = await db.OutboxMessages
                .Where(m => m.Id == outboxMessageId && m.CompletedAt == null && (m.LastErrorCode != null || m.Attempts >= max)
                    && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DueAt, now).SetProperty(m => m.Attempts, 0), cancellationToken);
            if (moved != 1)
            {
                return Result.Failure(NotFailing);
            }
            db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, RetriedAction, MessageEntityType, message.Id.ToString(),
                AuditDetails.Of(("kind", message.Kind), ("lastErrorCode", message.LastErrorCode),
                    ("attempts", message.Attempts.ToString(CultureInfo.InvariantCulture)), ("dueAtBefore", message.DueAt.ToString("o", CultureInfo.InvariantCulture)))));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }, cancellationToken);
    }

    /// <summary>Development only: the e-mail's framed text as it leaves (a newcomer reads a portal code here); the view is audited.</summary>
    public async Task<Result<EmailPreview>> PreviewAsync(ClaimsPrincipal caller, Guid emailId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayManage(caller) || !MayPreview)
        {
            return Result<EmailPreview>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var contact = (await controllerSettings.CurrentAsync(cancellationToken)).Contact;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var email = await db.OutgoingEmails.AsNoTracking().SingleOrDefaultAsync(e => e.Id == emailId, cancellationToken);
        if (email is null)
        {
            return Result<EmailPreview>.Failure(NotFound);
        }
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, PreviewedAction, EmailEntityType, email.Id.ToString(),
            AuditDetails.Of(("kind", email.Kind))));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new EmailPreview(email.Id, email.To, email.Subject, email.Language, MailFrame.Text(email.TextBody, email.Language, contact)));
    }

    private static async Task<OutboxCounts> CountsAsync(PrivacyDeskDbContext db, int maxAttempts, CancellationToken cancellationToken)
    {
        var work = await db.OutboxMessages.AsNoTracking().Where(m => m.CompletedAt == null)
            .GroupBy(m => m.LastErrorCode != null || m.Attempts >= maxAttempts).Select(g => new { Failing = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var emails = await db.OutgoingEmails.AsNoTracking().Where(e => e.SentAt == null)
            .GroupBy(e => e.LastErrorCode != null).Select(g => new { Failing = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new OutboxCounts(
            work.Where(w => w.Failing).Sum(w => w.Count), work.Where(w => !w.Failing).Sum(w => w.Count),
            emails.Where(e => e.Failing).Sum(e => e.Count), emails.Where(e => !e.Failing).Sum(e => e.Count));
    }

    private static int Clamp(int page, int total) => Math.Clamp(page, 1, Math.Max(1, (total + OutboxListPage<OutboxWorkRow>.PageSize - 1) / OutboxListPage<OutboxWorkRow>.PageSize));

    /// <summary>The payload <see cref="MailQueue.Enqueue"/> stores for an e-mail (the same serializer, so the same text).</summary>
    public static string Payload(Guid emailId) => JsonSerializer.Serialize(new MailSendPayload(emailId));
}
