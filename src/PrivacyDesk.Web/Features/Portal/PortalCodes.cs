using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Data.RateLimiting;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// The portal's one-time codes (issue 16): the one place a code is issued, e-mailed and checked, for a new request, the
/// status page and the answer's downloads alike. Rate limits count recent challenges in the database, so every app
/// instance shares them; the count and the new challenge are one step, as the caller's transaction holds the address's and the
/// client's <see cref="RateWindows"/> rows. Nothing here says whether an address belongs to a customer.
/// </summary>
public sealed class PortalCodes(IOptions<PortalOptions> options, ControllerSettings controller, RateWindows windows, TimeProvider clock)
{
    public static readonly Error RateLimited = new("portal.code.rate_limited");

    private byte[] Key => options.Value.CodeKeyBytes() ?? throw new InvalidOperationException("Portal:CodeKey is validated at start.");

    /// <summary>
    /// Adds a challenge and its code e-mail to <paramref name="db"/> without saving (the caller saves both in its transaction, which
    /// must be open: it holds the limits' rows until then), or refuses with <see cref="RateLimited"/> when the address or the client
    /// asked for too many codes in the last hour.
    /// </summary>
    /// <param name="clientAddress">The client's IP address as the proxy-aware request sees it; stored only as a keyed hash.</param>
    public async Task<Result<PortalChallenge>> IssueAsync(
        PrivacyDeskDbContext db, PortalChallengePurpose purpose, string email, string language, string clientAddress,
        string? pendingSubmission = null, Guid? requestId = null, Guid? deliveryId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        var since = now.AddHours(-1);
        var emailHash = PortalChallenge.HashEmail(Key, email);
        var (challenge, code) = PortalChallenge.Create(purpose, Key, email, clientAddress, now, pendingSubmission, requestId, deliveryId);
        // Parallel posts for one address or client, on any instance, wait here for each other: the count below sees every earlier challenge.
        await windows.HoldAsync(db, ["portal:code:address:" + emailHash, "portal:code:client:" + challenge.ClientHash], cancellationToken);
        var byAddress = await db.PortalChallenges.CountAsync(c => c.EmailHash == emailHash && c.CreatedAt > since, cancellationToken);
        var byClient = await db.PortalChallenges.CountAsync(c => c.ClientHash == challenge.ClientHash && c.CreatedAt > since, cancellationToken);
        if (byAddress >= options.Value.CodesPerAddressPerHour || byClient >= options.Value.CodesPerClientPerHour)
        {
            return Result<PortalChallenge>.Failure(RateLimited);
        }
        db.PortalChallenges.Add(challenge);
        var settings = await controller.CurrentAsync(cancellationToken);
        MailQueue.Enqueue(db, CodeMail(email, language, code, settings.Contact.Name), now);
        return Result<PortalChallenge>.Of(challenge);
    }

    /// <summary>Checks a code against a challenge and records the attempt (tracked; the caller saves).</summary>
    public PortalCodeCheck Check(PortalChallenge challenge, string? code)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return challenge.Check(Key, code, clock.GetUtcNow());
    }

    /// <summary>The code e-mail: the code, how long it holds, and nothing about the request or the person.</summary>
    public static MailDraft CodeMail(string email, string language, string code, string? firmName)
    {
        var en = language == "en";
        var firm = string.IsNullOrWhiteSpace(firmName) ? (en ? "our privacy office" : "ons privacyteam") : firmName;
        var minutes = (int)PortalChallenge.Lifetime.TotalMinutes;
        var subject = en ? $"Your code: {code}" : $"Uw code: {code}";
        var body = en
            ? $"Your code for the privacy portal of {firm} is:\n\n    {code}\n\nIt is valid for {minutes} minutes. " +
              "If you did not ask for it, you can ignore this e-mail; nothing happens without the code."
            : $"Uw code voor het privacyportaal van {firm} is:\n\n    {code}\n\nDe code is {minutes} minuten geldig. " +
              "Heeft u hier niet om gevraagd? Dan kunt u deze e-mail negeren; zonder de code gebeurt er niets.";
        return new MailDraft(MailKinds.PortalCode, email, en ? "en" : "nl", subject, body);
    }
}
