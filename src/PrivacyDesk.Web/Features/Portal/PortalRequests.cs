using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>A request registered on the portal, as the confirmation page shows it: no personal data.</summary>
public sealed record PortalReceipt(string Reference, DateOnly DueOn);

/// <summary>The status page's view of one request: no personal data beyond what the subject sent.</summary>
public sealed record PortalStatusView(Guid RequestId, string Reference, RequestType Type, RequestStatus Status, DateOnly ReceivedOn, DateOnly DueOn, bool Extended);

/// <summary>The outcome of a code entry: the check in words, and what it unlocked.</summary>
public sealed record PortalVerification(PortalCodeCheck Check, int AttemptsLeft, PortalReceipt? Receipt = null, Guid? RequestId = null, Error? Failure = null)
{
    /// <summary>When the code was verified: the request's moment of receipt.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>A code was compared and was wrong: it counts against the link's total.</summary>
    public bool WrongCode { get; init; }

    /// <summary>The form held by a submission's challenge, read once the code is right.</summary>
    internal PortalSubmission? Pending { get; init; }
}

/// <summary>
/// The privacy portal's work (issue 16): a form becomes a code, a right code becomes a registered request (in one unit with its
/// identity check, status link and acknowledgement e-mail); a status link plus a fresh code shows the request, and lets the
/// subject withdraw it or send a message. Every answer is the same whether or not an address belongs to a customer.
/// </summary>
public sealed partial class PortalRequests(
    IServiceScopeFactory scopes, PortalCodes codes, RequestRegistration registration, CaseUnitOfWork cases,
    ControllerSettings controllerSettings, TimeProvider clock, IOptions<PortalOptions> options, ILogger<PortalRequests> logger)
{
    /// <summary>A status page opened after a code: a view of the case, in the request's audit stream of views.</summary>
    public const string StatusViewedAction = "portal.status.viewed";

    /// <summary>A status link locked after too many wrong codes (in the request's audit stream).</summary>
    public const string StatusLockedAction = "portal.status.locked";

    /// <summary>An officer opened a locked status link again (in the request's audit stream).</summary>
    public const string StatusUnlockedAction = "portal.status.unlocked";

    public static readonly Error Unavailable = new("portal.unavailable");

    public static readonly Error LinkLocked = new("portal.link.locked");

    private byte[] Key => options.Value.CodeKeyBytes() ?? throw new InvalidOperationException("Portal:CodeKey is validated at start.");

    /// <summary>
    /// Checks the form (its own rules and the registration's), and when all is well stores a challenge with the form and queues
    /// the code e-mail. Nothing is stored on bad input or when the address or client asked for too many codes.
    /// </summary>
    /// <returns>The challenge's id, which the browser keeps in a protected cookie.</returns>
    public async Task<Result<Guid>> SubmitAsync(PortalSubmission form, string clientAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = form.Validate().ToList();
        if (errors.Count == 0)
        {
            errors.AddRange((await registration.CheckAsync(form.ToIntake(receivedAt: null), PortalActor.Instance, cancellationToken))
                .Select(PortalSubmission.OnFormField));
        }
        if (errors.Count > 0)
        {
            return Result<Guid>.Failure(errors);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.InTransactionAsync(async () =>
        {
            var issued = await codes.IssueAsync(db, PortalChallengePurpose.SubmitRequest, form.Email.Trim(), form.Language, clientAddress,
                pendingSubmission: form.ToJson(), cancellationToken: cancellationToken);
            if (issued.IsFailure)
            {
                return Result<Guid>.Failure(issued.Errors);
            }
            await db.SaveChangesAsync(cancellationToken);
            LogCodeIssued(logger, issued.Value.Id);
            return Result.Success(issued.Value.Id);
        }, cancellationToken);
    }

    /// <summary>
    /// Checks the code of a submission. The attempt is saved first (a wrong code counts whatever follows); on the right code the
    /// request is registered, verified by e-mail, linked and acknowledged in one unit. A used challenge shows its receipt again.
    /// </summary>
    public async Task<PortalVerification> VerifySubmissionAsync(Guid challengeId, string? code, string statusBaseUrl, CancellationToken cancellationToken = default)
    {
        var checkedCode = await CheckAsync(challengeId, PortalChallengePurpose.SubmitRequest, code, cancellationToken);
        if (checkedCode.Check == PortalCodeCheck.AlreadyUsed && checkedCode.RequestId is { } done)
        {
            return checkedCode with { Receipt = await ReceiptAsync(done, cancellationToken) };
        }
        // Right before, but the registration then failed (the challenge is verified, still pending, names no request): register now,
        // with receipt at the moment the code was right. Two tries at once: the challenge's stamp lets one of them register.
        var registrationOwed = checkedCode.Check == PortalCodeCheck.AlreadyUsed && checkedCode.RequestId is null && checkedCode.Pending is not null;
        if (checkedCode.Check != PortalCodeCheck.Verified && !registrationOwed)
        {
            return checkedCode;
        }
        var verifiedAt = checkedCode.VerifiedAt!.Value;
        var form = checkedCode.Pending;
        if (form is null)
        {
            return new PortalVerification(PortalCodeCheck.Expired, 0);
        }
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var received = await registration.ReceiveAsync(form.ToIntake(verifiedAt), PortalActor.Instance, async (db, receipt) =>
        {
            var request = db.Requests.Local.Single(r => r.Id == receipt.RequestId);
            var identity = request.RecordIdentityVerification(PortalActor.Instance, verifiedAt, IdentityVerificationMethod.EmailVerified,
                IdentityVerificationOutcome.Verified);
            if (identity.IsFailure)
            {
                throw new InvalidOperationException("A request just received must accept its e-mail verification: " + identity.Errors[0].Code);
            }
            var challenge = await db.PortalChallenges.SingleAsync(c => c.Id == challengeId, cancellationToken);
            challenge.Registered(receipt.RequestId);
            var (link, token) = PortalStatusLink.Create(Key, receipt.RequestId, verifiedAt);
            db.PortalStatusLinks.Add(link);
            MailQueue.Enqueue(db, PortalMails.Acknowledgement(form.Email.Trim(), form.Language, receipt.Reference, receipt.DueOn, statusBaseUrl + token,
                settings.Contact.Name, receipt.RequestId), verifiedAt);
            // The same acknowledgement letter on the case as for a request the intake API sent (ADR 0048).
            AcknowledgementLetters.Enqueue(db, receipt.RequestId, verifiedAt);
        }, cancellationToken: cancellationToken);
        if (received.IsFailure)
        {
            LogNotRegistered(logger, challengeId, received.Errors[0].Code);
            return new PortalVerification(PortalCodeCheck.Verified, 0, Failure: Unavailable);
        }
        LogRegistered(logger, challengeId, received.Value.RequestId);
        return new PortalVerification(PortalCodeCheck.Verified, 0, new PortalReceipt(received.Value.Reference, received.Value.DueOn), received.Value.RequestId);
    }

    /// <summary>The request a status link names, or null: an unknown link and a known one look the same to the visitor until a code is right.</summary>
    public async Task<Guid?> FindLinkAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = PortalStatusLink.HashToken(Key, token);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.PortalStatusLinks.AsNoTracking().Where(l => l.TokenHash == hash).Select(l => (Guid?)l.RequestId).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Sends a code for the status page to the request's own address (the subject's first address on file). For an unknown link a
    /// challenge is still made, addressed to nobody, so the answer and its timing are the same; the rate limit then counts the client.
    /// </summary>
    public async Task<Result<Guid>> SendStatusCodeAsync(string? token, string language, string clientAddress, CancellationToken cancellationToken = default)
    {
        var requestId = await FindLinkAsync(token, cancellationToken);
        if (requestId is { } lockedId && await IsLinkLockedAsync(lockedId, cancellationToken))
        {
            // A locked link sends no more codes (a known link only: an unknown one still looks like any other).
            return Result<Guid>.Failure(LinkLocked);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        string? address = null;
        if (requestId is { } id)
        {
            var subjectId = await db.Requests.AsNoTracking().Where(r => r.Id == id).Select(r => r.SubjectId).SingleAsync(cancellationToken);
            var subject = await db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == subjectId, cancellationToken);
            address = subject.EmailAddresses.Count > 0 ? subject.EmailAddresses[0] : null;
        }
        if (address is null)
        {
            // No request behind the link: nothing is sent or stored, and the visitor sees the same code page.
            return Result.Success(Guid.CreateVersion7());
        }
        return await db.InTransactionAsync(async () =>
        {
            var issued = await codes.IssueAsync(db, PortalChallengePurpose.ViewStatus, address, language, clientAddress, requestId: requestId,
                cancellationToken: cancellationToken);
            if (issued.IsFailure)
            {
                return Result<Guid>.Failure(issued.Errors);
            }
            await db.SaveChangesAsync(cancellationToken);
            LogStatusCodeIssued(logger, issued.Value.Id, requestId);
            return Result.Success(issued.Value.Id);
        }, cancellationToken);
    }

    /// <summary>Checks a status code; the right one answers with the request it opens (the caller starts the short session).</summary>
    public async Task<PortalVerification> VerifyStatusAsync(Guid challengeId, Guid linkRequestId, string? code, CancellationToken cancellationToken = default)
    {
        if (await IsLinkLockedAsync(linkRequestId, cancellationToken))
        {
            return new PortalVerification(PortalCodeCheck.LinkLocked, 0);
        }
        var checkedCode = await CheckAsync(challengeId, PortalChallengePurpose.ViewStatus, code, cancellationToken, linkRequestId);
        if (checkedCode.WrongCode && await CountWrongCodeAsync(linkRequestId, cancellationToken))
        {
            return new PortalVerification(PortalCodeCheck.LinkLocked, 0);
        }
        return checkedCode.Check == PortalCodeCheck.Verified ? checkedCode : checkedCode with { RequestId = null };
    }

    /// <summary>The request as the status page shows it; each view is audited on the case (who: the portal; never the address).</summary>
    public async Task<PortalStatusView?> StatusAsync(Guid requestId, bool recordView, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        if (recordView)
        {
            var actor = PortalActor.Instance;
            db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, StatusViewedAction, CaseWorkspace.ViewEntityType, request.Id.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }
        return new PortalStatusView(request.Id, request.Reference.ToString(), request.Type, request.Status, request.ReceivedOn, request.EffectiveDueOn,
            request.EffectiveDueOn != request.DueOn);
    }

    /// <summary>The subject withdraws their request: the domain's withdrawal, by the portal, through the one case unit of work.</summary>
    public Task<Result<bool>> WithdrawAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        cases.ChangeForSubjectAsync(requestId, PortalActor.Instance, work =>
        {
            var withdrawn = work.Request.Withdraw(work.Actor, work.Now, closedOn: work.Today);
            return Task.FromResult(withdrawn.IsSuccess ? Result.Success(true) : Result<bool>.Failure(withdrawn.Errors));
        }, cancellationToken);

    /// <summary>A message from the subject, added to the case as correspondence (channel Portal).</summary>
    public Task<Result<bool>> SendMessageAsync(Guid requestId, string? text, CancellationToken cancellationToken = default) =>
        cases.ChangeForSubjectAsync(requestId, PortalActor.Instance, work =>
        {
            var received = work.Request.ReceiveSubjectMessage(work.Actor, work.Now, SubjectMessageChannel.Portal, text);
            return Task.FromResult(received.IsSuccess ? Result.Success(true) : Result<bool>.Failure(received.Errors));
        }, cancellationToken);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Portal code {ChallengeId} issued for a new request")]
    private static partial void LogCodeIssued(ILogger logger, Guid challengeId);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Portal challenge {ChallengeId} verified but not registered: {Code}")]
    private static partial void LogNotRegistered(ILogger logger, Guid challengeId, string code);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Information, Message = "Portal challenge {ChallengeId} registered request {RequestId}")]
    private static partial void LogRegistered(ILogger logger, Guid challengeId, Guid requestId);

    [LoggerMessage(EventId = 1609, Level = LogLevel.Warning, Message = "Portal status link of request {RequestId} locked after too many wrong codes")]
    private static partial void LogStatusLinkLocked(ILogger logger, Guid requestId);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Information, Message = "Portal status code {ChallengeId} issued for request {RequestId}")]
    private static partial void LogStatusCodeIssued(ILogger logger, Guid challengeId, Guid? requestId);

    private sealed record Checked(PortalCodeCheck Check, int AttemptsLeft, DateTimeOffset? VerifiedAt, PortalSubmission? Pending, Guid? RequestId, bool WrongCode = false);

    /// <summary>Whether the status link of <paramref name="requestId"/> is locked after too many wrong codes.</summary>
    public async Task<bool> IsLinkLockedAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.PortalStatusLinks.AsNoTracking().AnyAsync(l => l.RequestId == requestId && l.LockedAt != null, cancellationToken);
    }

    /// <summary>
    /// One wrong code on the status link, counted in the database and never past <see cref="PortalStatusLink.MaxWrongCodes"/>: one
    /// conditional <c>UPDATE</c> counts only on an open link under the cap, and the transaction then holds the row, so the count read
    /// back is this guess's own; the one that reaches the cap locks the link and audits the lock on the case (ids only) in the same
    /// transaction. Parallel guesses on any instance count ten at most and lock once. True when the link is now locked.
    /// </summary>
    private async Task<bool> CountWrongCodeAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var now = clock.GetUtcNow();
        var locked = await db.InTransactionAsync(async () =>
        {
            await db.PortalStatusLinks
                .Where(l => l.RequestId == requestId && l.LockedAt == null && l.WrongCodes < PortalStatusLink.MaxWrongCodes)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.WrongCodes, l => l.WrongCodes + 1), cancellationToken);
            var wrongCodes = await db.PortalStatusLinks.Where(l => l.RequestId == requestId).Select(l => l.WrongCodes).FirstOrDefaultAsync(cancellationToken);
            // Whichever guess finds the cap reached on an open link locks it (the conditional UPDATE lets one through): also a link left
            // at the cap unlocked, e.g. by a request cancelled between the two statements of the count before it was one transaction.
            if (wrongCodes >= PortalStatusLink.MaxWrongCodes
                && await db.PortalStatusLinks.Where(l => l.RequestId == requestId && l.LockedAt == null && l.WrongCodes >= PortalStatusLink.MaxWrongCodes)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedAt, now), cancellationToken) > 0)
            {
                var actor = PortalActor.Instance;
                db.AuditEvents.Add(AuditEvent.Record(now, actor.Id, actor.Name, StatusLockedAction, DataSubjectRequest.AuditEntityType, requestId.ToString(),
                    new Dictionary<string, string?>(StringComparer.Ordinal) { ["wrongCodes"] = PortalStatusLink.MaxWrongCodes.ToString(CultureInfo.InvariantCulture) }));
                await db.SaveChangesAsync(cancellationToken);
                LogStatusLinkLocked(logger, requestId);
            }
            return Result.Success(wrongCodes >= PortalStatusLink.MaxWrongCodes);
        }, cancellationToken);
        return locked.Value;
    }

    private async Task<PortalVerification> CheckAsync(
        Guid challengeId, PortalChallengePurpose purpose, string? code, CancellationToken cancellationToken, Guid? requestId = null)
    {
        var outcome = await CheckCodeAsync(challengeId, purpose, code, requestId, cancellationToken);
        return new PortalVerification(outcome.Check, outcome.AttemptsLeft, RequestId: outcome.RequestId)
        {
            VerifiedAt = outcome.VerifiedAt,
            Pending = outcome.Pending,
            WrongCode = outcome.WrongCode,
        };
    }

    private async Task<Checked> CheckCodeAsync(Guid challengeId, PortalChallengePurpose purpose, string? code, Guid? requestId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        try
        {
            var outcome = await db.InTransactionAsync(async () =>
            {
                var challenge = await db.PortalChallenges.SingleOrDefaultAsync(c => c.Id == challengeId, cancellationToken);
                if (challenge is null || challenge.Purpose != purpose || (requestId is not null && challenge.RequestId != requestId))
                {
                    // A challenge that does not exist (an unknown status link's code page) answers like a wrong code that has expired.
                    return Result.Success(new Checked(PortalCodeCheck.Expired, 0, null, null, null));
                }
                var triesBefore = challenge.Attempts;
                var check = codes.Check(challenge, code);
                await db.SaveChangesAsync(cancellationToken);
                var left = Math.Max(0, PortalChallenge.MaxAttempts - challenge.Attempts);
                var owed = check == PortalCodeCheck.Verified || (check == PortalCodeCheck.AlreadyUsed && challenge.RequestId is null);
                return Result.Success(new Checked(check, left, challenge.VerifiedAt,
                    owed ? PortalSubmission.FromJson(challenge.PendingSubmission) : null, challenge.RequestId,
                    WrongCode: challenge.Attempts > triesBefore && check != PortalCodeCheck.Verified));
            }, cancellationToken);
            return outcome.Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two tabs entered a code at once: the other one's attempt counted; this one sees the challenge as it is now.
            return new Checked(PortalCodeCheck.AlreadyUsed, 0, null, null, await db.PortalChallenges.AsNoTracking()
                .Where(c => c.Id == challengeId).Select(c => c.RequestId).SingleOrDefaultAsync(cancellationToken));
        }
    }

    private async Task<PortalReceipt?> ReceiptAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is null ? null : new PortalReceipt(request.Reference.ToString(), request.EffectiveDueOn);
    }
}

/// <summary>The e-mails the portal queues besides the code: composed in the request's language, with no personal data but the reference.</summary>
public static class PortalMails
{
    public static MailDraft Acknowledgement(string email, string language, string reference, DateOnly dueOn, string statusLink, string? firmName, Guid requestId)
    {
        var en = language == "en";
        var firm = string.IsNullOrWhiteSpace(firmName) ? (en ? "our privacy office" : "ons privacyteam") : firmName;
        var due = dueOn.ToString(en ? "d MMMM yyyy" : "d MMMM yyyy", CultureInfo.GetCultureInfo(en ? "en-GB" : "nl-NL"));
        var subject = en ? $"We have received your request {reference}" : $"Wij hebben uw verzoek {reference} ontvangen";
        var body = en
            ? $"Thank you for your request to {firm}. Its reference is {reference}.\n\n" +
              $"We answer at the latest on {due}. If we need more time, we will tell you before then, with the reason.\n\n" +
              $"Follow your request, send us a message or withdraw it here (we first send a code to this address):\n{statusLink}\n\n" +
              "Please do not forward this e-mail: the link is for you."
            : $"Dank u wel voor uw verzoek aan {firm}. Het kenmerk is {reference}.\n\n" +
              $"Wij antwoorden uiterlijk op {due}. Hebben wij meer tijd nodig, dan laten wij u dat voor die datum weten, met de reden.\n\n" +
              $"Volg uw verzoek, stuur ons een bericht of trek het in via deze link (wij sturen eerst een code naar dit adres):\n{statusLink}\n\n" +
              "Stuur deze e-mail niet door: de link is voor u.";
        return new MailDraft(MailKinds.Acknowledgement, email, en ? "en" : "nl", subject, body, RequestId: requestId);
    }
}
