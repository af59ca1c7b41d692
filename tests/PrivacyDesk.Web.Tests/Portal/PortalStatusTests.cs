using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Portal;

/// <summary>The status link from the acknowledgement plus a fresh code: status, withdraw, a message (issue 16).</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class PortalStatusTests : IAsyncLifetime
{
    private const string Email = "anna.jansen@example.nl";

    private readonly PortalHarness _portal = new();
    private string _link = "";

    private static CancellationToken Cancel => PortalHarness.Cancel;

    public async ValueTask InitializeAsync()
    {
        using var browser = _portal.Browser();
        await _portal.RegisterAsync(browser, PortalHarness.ValidForm(Email));
        _link = await _portal.StatusLinkAsync(Email);
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task<HttpClient> VerifiedBrowserAsync(string client = "198.51.100.7")
    {
        var browser = _portal.Browser(client);
        var sent = await PortalHarness.PostFromPageAsync(browser, _link, _link + "/send-code");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        sent.Headers.Location!.OriginalString.ShouldBe(_link + "/code");
        var code = await _portal.LatestCodeAsync(Email);
        var verified = await PortalHarness.PostFromPageAsync(browser, _link + "/code", _link + "/code", new Dictionary<string, string> { ["Code"] = code });
        verified.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }

    private async Task<DataSubjectRequest> RequestAsync()
    {
        await using var db = _portal.Db();
        return await db.Requests.AsNoTracking().SingleAsync(Cancel);
    }

    [Fact]
    public async Task TheLinkAloneShowsNothingOfTheRequest()
    {
        using var stranger = _portal.Browser("203.0.113.9");
        var request = await RequestAsync();

        var page = await stranger.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel);

        page.ShouldNotContain(request.Reference.ToString());
        page.ShouldContain("sturen wij eerst een code");
        var unknown = await stranger.GetStringAsync(new Uri("/privacy/status/not-a-real-token", UriKind.Relative), Cancel);
        unknown.Replace("not-a-real-token", "", StringComparison.Ordinal).ShouldBe(page.Replace(_link["/privacy/status/".Length..], "", StringComparison.Ordinal)
            .Replace(PortalHarness.HiddenFields(page).Values.First(), PortalHarness.HiddenFields(unknown).Values.First(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFreshCodeToTheRequestsAddressOpensTheStatusAndTheViewIsAudited()
    {
        using var browser = await VerifiedBrowserAsync();

        var page = await browser.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel);

        var request = await RequestAsync();
        page.ShouldContain(request.Reference.ToString());
        page.ShouldContain("Ontvangen: wij gaan er binnenkort mee aan de slag.");
        page.ShouldContain(PortalDates.InWords(request.EffectiveDueOn, "nl"));
        await using var db = _portal.Db();
        var codes = await db.OutgoingEmails.AsNoTracking().Where(m => m.Kind == MailKinds.PortalCode).ToListAsync(Cancel);
        codes.Count.ShouldBe(2);
        codes.ShouldAllBe(m => m.To == Email);
        (await db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == PortalRequests.StatusViewedAction && e.EntityType == CaseWorkspace.ViewEntityType
            && e.EntityId == request.Id.ToString() && e.ActorId == PortalActor.Id, Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task TheStatusSessionEndsAfterFifteenMinutes()
    {
        using var browser = await VerifiedBrowserAsync();
        var reference = (await RequestAsync()).Reference.ToString();
        (await browser.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel)).ShouldContain(reference);

        _portal.Clock.Advance(TimeSpan.FromMinutes(16));

        (await browser.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel)).ShouldNotContain(reference);
    }

    [Fact]
    public async Task TheSubjectWithdrawsTheRequest()
    {
        using var browser = await VerifiedBrowserAsync();

        var unconfirmed = await PortalHarness.PostFromPageAsync(browser, _link, _link + "/withdraw");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RequestAsync()).Status.ShouldBe(RequestStatus.Received);

        var withdrawn = await PortalHarness.PostFromPageAsync(browser, _link, _link + "/withdraw", new Dictionary<string, string> { ["Confirm"] = "yes" });

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withdrawn.Content.ReadAsStringAsync(Cancel)).ShouldContain("Uw verzoek is ingetrokken.");
        var request = await RequestAsync();
        request.Status.ShouldBe(RequestStatus.Withdrawn);
        await using var db = _portal.Db();
        (await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == request.Id.ToString() && e.Action == RequestActions.Withdrawn, Cancel))
            .ActorId.ShouldBe(PortalActor.Id);
    }

    [Fact]
    public async Task AMessageLandsOnTheCaseAsCorrespondence()
    {
        using var browser = await VerifiedBrowserAsync();

        var sent = await PortalHarness.PostFromPageAsync(browser, _link, _link + "/message",
            new Dictionary<string, string> { ["Message"] = "Mijn klantnummer is C-4411, dat vergat ik." });

        sent.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sent.Content.ReadAsStringAsync(Cancel)).ShouldContain("Uw bericht is bij uw verzoek gevoegd.");
        var message = (await RequestAsync()).Messages.ShouldHaveSingleItem();
        message.Channel.ShouldBe(SubjectMessageChannel.Portal);
        message.Text.ShouldBe("Mijn klantnummer is C-4411, dat vergat ik.");

        var empty = await PortalHarness.PostFromPageAsync(browser, _link, _link + "/message", new Dictionary<string, string> { ["Message"] = "  " });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RequestAsync()).Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WithoutAVerifiedSessionNothingChanges()
    {
        using var verified = await VerifiedBrowserAsync();
        var page = await verified.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel);
        var fields = PortalHarness.HiddenFields(page);
        using var stranger = _portal.Browser("203.0.113.9");
        await stranger.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel);

        var withdraw = await PortalHarness.PostFromPageAsync(stranger, _link, _link + "/withdraw", new Dictionary<string, string> { ["Confirm"] = "yes" });
        var message = await PortalHarness.PostFromPageAsync(stranger, _link, _link + "/message", new Dictionary<string, string> { ["Message"] = "spam" });

        withdraw.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        message.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        fields.ShouldNotBeEmpty();
        var request = await RequestAsync();
        request.Status.ShouldBe(RequestStatus.Received);
        request.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task AWrongStatusCodeDoesNotOpenTheStatus()
    {
        using var browser = _portal.Browser();
        await PortalHarness.PostFromPageAsync(browser, _link, _link + "/send-code");
        var code = await _portal.LatestCodeAsync(Email);
        var wrong = code == "000000" ? "111111" : "000000";

        var answer = await PortalHarness.PostFromPageAsync(browser, _link + "/code", _link + "/code", new Dictionary<string, string> { ["Code"] = wrong });

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await browser.GetStringAsync(new Uri(_link, UriKind.Relative), Cancel)).ShouldNotContain((await RequestAsync()).Reference.ToString());
    }

    [Fact]
    public async Task TenWrongCodesInTotalLockTheStatusLinkAndNoFurtherCodeIsSent()
    {
        using var browser = _portal.Browser();
        HttpResponseMessage last = default!;
        for (var round = 0; round < 2; round++)
        {
            (await PortalHarness.PostFromPageAsync(browser, _link, _link + "/send-code")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var right = await _portal.LatestCodeAsync(Email);
            var wrong = right == "111111" ? "222222" : "111111";
            for (var i = 0; i < 5; i++)
            {
                last = await PortalHarness.PostFromPageAsync(browser, _link + "/code", _link + "/code", new Dictionary<string, string> { ["Code"] = wrong });
            }
        }

        last.StatusCode.ShouldBe(HttpStatusCode.Locked);
        (await last.Content.ReadAsStringAsync(Cancel)).ShouldContain("data-testid=\"link-locked\"");
        await using var db = _portal.Db();
        var codes = await db.OutgoingEmails.AsNoTracking().CountAsync(m => m.Kind == MailKinds.PortalCode, Cancel);
        // The locked page has no form: a form token from the portal's first page.
        using var other = _portal.Browser("203.0.113.50");
        var again = await PortalHarness.PostFromPageAsync(other, "/privacy", _link + "/send-code");
        again.StatusCode.ShouldBe(HttpStatusCode.Locked);
        (await db.OutgoingEmails.AsNoTracking().CountAsync(m => m.Kind == MailKinds.PortalCode, Cancel)).ShouldBe(codes);
        var request = await RequestAsync();
        (await db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == PortalRequests.StatusLockedAction && e.EntityId == request.Id.ToString(), Cancel))
            .ShouldBe(1);
    }

    [Fact]
    public async Task ParallelWrongCodesOnSeveralLiveCodesCountTenAtMostLockOnceAndNeverFail()
    {
        var request = await RequestAsync();
        var token = _link["/privacy/status/".Length..];
        for (var round = 0; round < 3 && !await StatusLinkLockedAsync(request.Id); round++)
        {
            // A new hour: the address may ask for its codes again; every live code takes five guesses, all at once.
            _portal.Clock.Advance(TimeSpan.FromMinutes(61));
            var challenges = new List<Guid>();
            for (var i = 0; i < 4; i++)
            {
                await using var scope = _portal.Services.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<PortalRequests>().SendStatusCodeAsync(token, "nl", $"198.51.100.{20 + i}", Cancel);
                sent.IsSuccess.ShouldBeTrue(string.Join(",", sent.Errors.Select(e => e.Code)));
                challenges.Add(sent.Value);
            }
            var wrong = await CodeNoMailHoldsAsync();
            await Task.WhenAll(challenges.SelectMany(c => Enumerable.Range(0, PortalChallenge.MaxAttempts).Select(_ => Task.Run(async () =>
            {
                await using var scope = _portal.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<PortalRequests>().VerifyStatusAsync(c, request.Id, wrong, Cancel);
            }, Cancel))));
        }

        await using var db = _portal.Db();
        var link = await db.PortalStatusLinks.AsNoTracking().SingleAsync(l => l.RequestId == request.Id, Cancel);
        link.WrongCodes.ShouldBe(PortalStatusLink.MaxWrongCodes);
        link.LockedAt.ShouldNotBeNull();
        (await db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == PortalRequests.StatusLockedAction && e.EntityId == request.Id.ToString(), Cancel))
            .ShouldBe(1);
    }

    [Fact]
    public async Task ALinkLeftAtTheCapButNotLockedLocksOnTheNextWrongCodeAndTheRightCodeNoLongerOpensIt()
    {
        var request = await RequestAsync();
        var token = _link["/privacy/status/".Length..];
        await using (var db = _portal.Db())
        {
            // As a count and a lock in two statements could leave it (a request cancelled in between, before they were one transaction).
            await db.PortalStatusLinks.Where(l => l.RequestId == request.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.WrongCodes, PortalStatusLink.MaxWrongCodes), Cancel);
        }
        await using var scope = _portal.Services.CreateAsyncScope();
        var portal = scope.ServiceProvider.GetRequiredService<PortalRequests>();
        var sent = await portal.SendStatusCodeAsync(token, "nl", "198.51.100.40", Cancel);
        sent.IsSuccess.ShouldBeTrue(string.Join(",", sent.Errors.Select(e => e.Code)));

        await portal.VerifyStatusAsync(sent.Value, request.Id, await CodeNoMailHoldsAsync(), Cancel);

        (await StatusLinkLockedAsync(request.Id)).ShouldBeTrue("ten wrong codes lock the link, however they were counted");
        await using var check = _portal.Db();
        (await check.AuditEvents.AsNoTracking().CountAsync(e => e.Action == PortalRequests.StatusLockedAction && e.EntityId == request.Id.ToString(), Cancel))
            .ShouldBe(1);
    }

    private async Task<bool> StatusLinkLockedAsync(Guid requestId)
    {
        await using var db = _portal.Db();
        return await db.PortalStatusLinks.AnyAsync(l => l.RequestId == requestId && l.LockedAt != null, Cancel);
    }

    /// <summary>A six-digit code that none of the code e-mails holds: wrong for every challenge.</summary>
    private async Task<string> CodeNoMailHoldsAsync()
    {
        await using var db = _portal.Db();
        var subjects = await db.OutgoingEmails.AsNoTracking().Where(m => m.Kind == MailKinds.PortalCode).Select(m => m.Subject).ToListAsync(Cancel);
        return Enumerable.Range(0, 1_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .First(c => !subjects.Any(s => s.Contains(c, StringComparison.Ordinal)));
    }
}
