using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Web.Features.Portal;

namespace PrivacyDesk.Web.Tests.Portal;

/// <summary>The portal's recurring purge on the outbox: expired forms, old challenges and readable codes go; what is still live stays.</summary>
public sealed class PortalPurgeTests : IAsyncDisposable
{
    private readonly PortalHarness _portal = new();

    private static CancellationToken Cancel => PortalHarness.Cancel;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task<string> SubmitAndSendCodeAsync(string email)
    {
        using var browser = _portal.Browser();
        (await _portal.SubmitAsync(browser, PortalHarness.ValidForm(email))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = await _portal.LatestCodeAsync(email);
        await using var db = _portal.Db();
        var mail = await db.OutgoingEmails.SingleAsync(m => m.To == email && m.Kind == MailKinds.PortalCode, Cancel);
        mail.MarkSent(_portal.Clock.GetUtcNow());
        await db.SaveChangesAsync(Cancel);
        return code;
    }

    private async Task<PortalPurgeCounts> PurgeAsync()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetServices<IOutboxHandler>().OfType<PortalPurge>().Single().PurgeAsync(Cancel);
    }

    [Fact]
    public void ThePurgeIsOneRecurringMessageOnTheOutbox() =>
        _portal.Services.GetServices<RecurringOutboxMessage>().ShouldContain(m => m.Kind == PortalPurge.KindName && m.Id == PortalPurge.MessageId);

    [Fact]
    public async Task ExpiredFormsAndCodesAreBlankedAndOldChallengesDeletedWhileLiveOnesStay()
    {
        var oldCode = await SubmitAndSendCodeAsync("old@example.nl");
        _portal.Clock.Advance(TimeSpan.FromMinutes(11));
        var freshCode = await SubmitAndSendCodeAsync("fresh@example.nl");

        (await PurgeAsync()).ShouldBe(new PortalPurgeCounts(Forms: 1, Challenges: 0, CodeMails: 1));

        await using (var db = _portal.Db())
        {
            var challenges = await db.PortalChallenges.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync(Cancel);
            challenges.Count.ShouldBe(2);
            challenges[0].PendingSubmission.ShouldBeNull();
            challenges[1].PendingSubmission!.ShouldContain("fresh@example.nl");
            var old = await db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.To == "old@example.nl", Cancel);
            (old.Subject + old.TextBody).ShouldNotContain(oldCode);
            old.Subject.ShouldEndWith(PortalPurge.BlankCode);
            var fresh = await db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.To == "fresh@example.nl", Cancel);
            fresh.Subject.ShouldContain(freshCode);
            fresh.TextBody.ShouldContain(freshCode);
        }
        _portal.Clock.Advance(PortalPurge.ChallengeKeep + TimeSpan.FromMinutes(30));
        (await PurgeAsync()).ShouldBe(new PortalPurgeCounts(Forms: 1, Challenges: 2, CodeMails: 1));
        (await PurgeAsync()).ShouldBe(new PortalPurgeCounts(0, 0, 0));
        await using var after = _portal.Db();
        (await after.PortalChallenges.CountAsync(Cancel)).ShouldBe(0);
        (await after.OutgoingEmails.AsNoTracking().Where(m => m.Kind == MailKinds.PortalCode).ToListAsync(Cancel))
            .ShouldAllBe(m => m.Subject.EndsWith(PortalPurge.BlankCode));
    }

    [Fact]
    public async Task ARegisteredRequestsChallengeStaysAsTheEvidenceTheOfficerReadsOnTheIdentityPanel()
    {
        using var browser = _portal.Browser();
        await _portal.RegisterAsync(browser, PortalHarness.ValidForm("kept@example.nl"));

        _portal.Clock.Advance(PortalPurge.ChallengeKeep + TimeSpan.FromDays(30));
        await PurgeAsync();

        await using var db = _portal.Db();
        var kept = await db.PortalChallenges.AsNoTracking().SingleAsync(Cancel);
        kept.RequestId.ShouldNotBeNull("the identity panel compares its address hash with the subject's address on file");
        kept.PendingSubmission.ShouldBeNull();
    }
}
