using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Inbox;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Inbox;

/// <summary>Which messages the Inbox lists: the drafts waiting for an officer, or those already handled.</summary>
public enum InboxFilter
{
    New,
    Handled,
}

/// <summary>One row of the Inbox: no text, only what tells messages apart.</summary>
public sealed record InboxRow(
    Guid Id, string FromAddress, string? FromName, string Subject, DateTimeOffset ArrivedAt, string Language, RequestType? SuggestedType,
    Guid? MatchedSubjectId, string? MatchedSubjectName, InboxMessageStatus Status, string? RequestReference, string? HandledByName,
    DateTimeOffset? HandledAt, bool BodyOmitted)
{
    /// <summary>A draft that replies to one of our e-mails on <see cref="RequestReference"/>'s case from an address the subject does not have.</summary>
    public bool ReplyFromAnotherAddress => Status == InboxMessageStatus.New && RequestReference is not null;
}

public sealed record InboxListPage(IReadOnlyList<InboxRow> Rows, int Total, int Page, int PageSize);

/// <summary>One message opened: its sanitised text (never HTML) and the stamp a decision on it must carry.</summary>
public sealed record InboxMessageView(InboxRow Row, string Text, long SizeBytes, int AttachmentCount, string? NotARequestReason, Guid Stamp);

/// <summary>What the officer chose when confirming a message as a request (prefilled from the suggestions).</summary>
public sealed record InboxConfirmation(RequestType? Type, string Language, Guid? SubjectId, NewSubject? NewSubject, string Description);

/// <summary>The original .eml, for whoever may register requests; every download audited.</summary>
public sealed record InboxOriginal(string FileName, byte[] Content);

/// <summary>
/// The Inbox (ADR 0046): messages from the mailbox that became drafts; an officer confirms one as a request (registered
/// through <see cref="RequestRegistration"/> with receipt = its arrival) or files it as not a request. Both audited; a
/// second officer deciding on the same message gets the stale-edit answer.
/// </summary>
public sealed class InboxService(
    IServiceScopeFactory scopes, RequestRegistration registration, CaseUnitOfWork cases, ControllerSettings controllerSettings, TimeProvider clock)
{
    public const int PageSize = 25;
    public const string ViewEntityType = InboxMessage.AuditEntityType;

    public static readonly Error Forbidden = new("auth.forbidden");
    public static readonly Error NotFound = new("inbox.not_found");
    public static readonly Error AlreadyHandled = new("inbox.already_handled");
    public static readonly Error ReasonRequired = new("inbox.reason_required", "Reason");
    public static readonly Error ReasonTooLong = new("inbox.reason_too_long", "Reason");

    /// <summary>Those who register requests see the mailbox (it holds personal data of people not yet on file).</summary>
    public static bool MayUse(ClaimsPrincipal caller) => RequestRegistration.MayRegister(caller);

    public async Task<Result<InboxListPage>> ListAsync(ClaimsPrincipal caller, InboxFilter filter, int page, CancellationToken cancellationToken = default)
    {
        if (!MayUse(caller))
        {
            return Result<InboxListPage>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var visible = Visible(db, caller.ToActor());
        var query = filter == InboxFilter.New
            ? visible.Where(m => m.Status == InboxMessageStatus.New)
            : visible.Where(m => m.Status != InboxMessageStatus.New);
        var total = await query.CountAsync(cancellationToken);
        var current = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await RowsAsync(db, query.OrderByDescending(m => m.ArrivedAt).ThenByDescending(m => m.Id).Skip((current - 1) * PageSize).Take(PageSize), cancellationToken);
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        return Result.Success(new InboxListPage([.. rows.Select(r => InZone(r, zone))], total, current, PageSize));
    }

    /// <summary>
    /// The messages the caller may see: every draft, and a message that became or joined a case only when the caller may see
    /// that case (the queue's rule, <see cref="RequestVisibility"/>, in SQL), so the Inbox never shows another officer's case.
    /// </summary>
    private static IQueryable<InboxMessage> Visible(PrivacyDeskDbContext db, Actor actor)
    {
        var messages = db.InboxMessages.AsNoTracking();
        if (actor.Has(Permission.ViewAllRequests))
        {
            return messages;
        }
        var id = actor.Id;
        return messages.Where(m => m.RequestId == null
            || db.Requests.Any(r => r.Id == m.RequestId && (r.HandlerId == null || r.HandlerId == id)));
    }

    /// <summary>Opens one message (audited: the text is personal data).</summary>
    public async Task<Result<InboxMessageView>> OpenAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        if (!MayUse(caller))
        {
            return Result<InboxMessageView>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var row = (await RowsAsync(db, Visible(db, caller.ToActor()).Where(m => m.Id == id), cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return Result<InboxMessageView>.Failure(NotFound);
        }
        var detail = await db.InboxMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Text, m.SizeBytes, m.AttachmentCount, m.NotARequestReason, m.ConcurrencyStamp })
            .SingleAsync(cancellationToken);
        var actor = caller.ToActor();
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, InboxMessage.ReadAction + ".viewed", ViewEntityType, id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        return Result.Success(new InboxMessageView(InZone(row, zone), detail.Text, detail.SizeBytes, detail.AttachmentCount, detail.NotARequestReason, detail.ConcurrencyStamp));
    }

    /// <summary>The original .eml (audited by who and which message; never the file's content or the sender).</summary>
    public async Task<Result<InboxOriginal>> DownloadAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        if (!MayUse(caller))
        {
            return Result<InboxOriginal>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var original = await Visible(db, caller.ToActor()).Where(m => m.Id == id).Select(m => m.Original).SingleOrDefaultAsync(cancellationToken);
        if (original is null)
        {
            return Result<InboxOriginal>.Failure(NotFound);
        }
        var actor = caller.ToActor();
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, InboxMessage.DownloadedAction, ViewEntityType, id.ToString(),
            AuditDetails.Of(("bytes", original.Length))));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new InboxOriginal(FileName(id), original));
    }

    /// <summary>
    /// Registers the message as a request: receipt = its arrival in the mailbox, channel e-mail, the .eml as the original;
    /// the message is marked registered in the same transaction, under the stamp the officer saw.
    /// </summary>
    /// <returns>The new request's reference.</returns>
    public async Task<Result<string>> ConfirmAsync(ClaimsPrincipal caller, Guid id, Guid stamp, InboxConfirmation input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayUse(caller))
        {
            return Result<string>.Failure(Forbidden);
        }
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        InboxMessage? seen;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var read = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            seen = await read.InboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        }
        if (seen is null)
        {
            return Result<string>.Failure(NotFound);
        }
        if (seen.ConcurrencyStamp != stamp || seen.Status != InboxMessageStatus.New)
        {
            return Result<string>.Failure(await StaleAsync(id, settings.TimeZone, cancellationToken));
        }
        var actor = caller.ToActor();
        var request = new NewRequest(
            input.Type, RequestChannel.Email, TimeZoneInfo.ConvertTime(seen.ArrivedAt, settings.TimeZone), input.Language, input.SubjectId, input.NewSubject,
            input.Description, [new NewAttachment(FileName(id), seen.Original.Length, _ => Task.FromResult(seen.Original))]);
        try
        {
            var registered = await registration.RegisterAsync(caller, request, async (db, requestId) =>
            {
                var message = await db.InboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
                if (message is null)
                {
                    return Result.Failure(NotFound);
                }
                if (message.ConcurrencyStamp != stamp || message.Status != InboxMessageStatus.New)
                {
                    return Result.Failure(new Error(StaleEdit.Code));
                }
                var now = clock.GetUtcNow();
                message.Register(requestId, actor.Id, actor.Name, now);
                db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, InboxMessage.RegisteredAction, ViewEntityType, id.ToString(),
                    AuditDetails.Of(("requestId", requestId))));
                return Result.Success();
            }, cancellationToken);
            if (registered.IsFailure && registered.Errors.Any(e => e.Code == StaleEdit.Code))
            {
                return Result<string>.Failure(await StaleAsync(id, settings.TimeZone, cancellationToken));
            }
            return registered;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other officer's save landed between our check and our UPDATE: the same answer as a stale stamp.
            return Result<string>.Failure(await StaleAsync(id, settings.TimeZone, cancellationToken));
        }
    }

    /// <summary>Files the message as not a request, with the officer's reason (audited; the reason stays on the message).</summary>
    public async Task<Result> FileAsNotARequestAsync(ClaimsPrincipal caller, Guid id, Guid stamp, string? reason, CancellationToken cancellationToken = default)
    {
        if (!MayUse(caller))
        {
            return Result.Failure(Forbidden);
        }
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Result.Failure(ReasonRequired);
        }
        if (trimmed.Length > InboxMessage.ReasonMaxLength)
        {
            return Result.Failure(ReasonTooLong with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = InboxMessage.ReasonMaxLength.ToString(CultureInfo.InvariantCulture) },
            });
        }
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var target = new StampedTarget<InboxMessage>(ViewEntityType, id, (context, token) => context.InboxMessages.SingleOrDefaultAsync(m => m.Id == id, token), NotFound);
        var filed = await StampedChange.RunAsync(db, settings.TimeZone, target, stamp,
            (message, changedSinceSeen) => Task.FromResult(changedSinceSeen || message.Status == InboxMessageStatus.New ? Result.Success() : Result.Failure(AlreadyHandled)),
            message =>
            {
                var now = clock.GetUtcNow();
                message.FileAsNotARequest(trimmed, actor.Id, actor.Name, now);
                db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, InboxMessage.NotARequestAction, ViewEntityType, id.ToString()));
                return Task.FromResult(Result.Success(true));
            }, cancellationToken);
        return filed.IsSuccess ? Result.Success() : Result.Failure(filed.Errors);
    }

    /// <summary>
    /// Attaches a reply from another address to the case it refers to, as the subject's correspondence relayed by the officer (who read
    /// it and judged it belongs there): through the case unit of work, with the message marked threaded in the same transaction under
    /// the stamp the officer saw. Only a flagged draft on a case the caller may see.
    /// </summary>
    public async Task<Result> AttachToCaseAsync(ClaimsPrincipal caller, Guid id, Guid stamp, CancellationToken cancellationToken = default)
    {
        if (!MayUse(caller))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        Guid? requestId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var found = await Visible(db, actor).Where(m => m.Id == id).Select(m => new { m.Status, m.RequestId }).SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return Result.Failure(NotFound);
            }
            requestId = found.Status == InboxMessageStatus.New ? found.RequestId : null;
        }
        if (requestId is not { } caseId)
        {
            return Result.Failure(AlreadyHandled);
        }
        // The case is admitted inside the unit as for any officer's change (permission, visibility: unassigned or the caller's), so a case
        // taken by someone else since the Inbox was read refuses the attach; the stamp compared is the message's.
        var target = new StampedTarget<InboxMessage>(ViewEntityType, id, (context, token) => context.InboxMessages.SingleOrDefaultAsync(m => m.Id == id, token), NotFound);
        var attached = await cases.ChangeOwnedAsync(caller, caseId, CaseAccess.Work, target, stamp, async (work, message) =>
        {
            if (!message.IsReplyFromAnotherAddress || message.Status != InboxMessageStatus.New)
            {
                return Result<bool>.Failure(AlreadyHandled);
            }
            var received = work.Request.ReceiveSubjectMessage(actor, message.ArrivedAt, SubjectMessageChannel.Email, message.Text, message.Subject, message.Id);
            if (received.IsFailure)
            {
                return Result<bool>.Failure(received.Errors);
            }
            message.ThreadOnto(caseId, actor.Id, actor.Name, work.Now);
            work.Db.AuditEvents.Add(AuditEvent.Record(work.Now, actor.Id, actor.Name, InboxMessage.ThreadedAction, ViewEntityType, id.ToString(),
                AuditDetails.Of(("requestId", caseId.ToString()))));
            return Result.Success(true);
        }, cancellationToken);
        return attached.IsSuccess ? Result.Success() : Result.Failure(attached.Errors);
    }

    public static string FileName(Guid id) => $"inbox-{id:N}.eml";

    private async Task<Error> StaleAsync(Guid id, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await StaleEdit.DescribeAsync(db, zone, ViewEntityType, id.ToString(), cancellationToken);
    }

    /// <summary>The rows of <paramref name="query"/> with the matched subject's name and the request's reference (looked up by id, two small queries).</summary>
    private static async Task<List<InboxRow>> RowsAsync(PrivacyDeskDbContext db, IQueryable<InboxMessage> query, CancellationToken cancellationToken)
    {
        var messages = await query.Select(m => new
        {
            m.Id, m.FromAddress, m.FromName, m.Subject, m.ArrivedAt, m.Language, m.SuggestedType, m.MatchedSubjectId, m.Status, m.RequestId,
            m.HandledByName, m.HandledAt, m.BodyOmitted,
        }).ToListAsync(cancellationToken);
        var subjectIds = messages.Where(m => m.MatchedSubjectId != null).Select(m => m.MatchedSubjectId!.Value).Distinct().ToList();
        var requestIds = messages.Where(m => m.RequestId != null).Select(m => m.RequestId!.Value).Distinct().ToList();
        var names = await db.DataSubjects.AsNoTracking().Where(s => subjectIds.Contains(s.Id)).Select(s => new { s.Id, s.FullName }).ToDictionaryAsync(s => s.Id, s => s.FullName, cancellationToken);
        var references = (await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Select(r => new { r.Id, r.Reference }).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.Reference.ToString());
        return [.. messages.Select(m => new InboxRow(
            m.Id, m.FromAddress, m.FromName, m.Subject, m.ArrivedAt, m.Language, m.SuggestedType, m.MatchedSubjectId,
            m.MatchedSubjectId is { } s ? names.GetValueOrDefault(s) : null, m.Status,
            m.RequestId is { } r ? references.GetValueOrDefault(r) : null, m.HandledByName, m.HandledAt, m.BodyOmitted))];
    }

    private static InboxRow InZone(InboxRow row, TimeZoneInfo zone) => row with
    {
        ArrivedAt = TimeZoneInfo.ConvertTime(row.ArrivedAt, zone),
        HandledAt = row.HandledAt is { } at ? TimeZoneInfo.ConvertTime(at, zone) : null,
    };
}
