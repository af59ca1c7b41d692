using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Tests.Shared;
using PrivacyDesk.Web.Components.Pages.Administration.Outbox;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Mail;

/// <summary>Administration → Outbox on the real services and SQLite, in Dutch: empty, failing, "send again now", the Development preview.</summary>
public sealed class OutboxPageTests : MudBunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly SmtpSink _sink = new();
    private PrivacyDeskAppFactory _factory = default!;
    private bool _providers;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // The sink's port, but the sink not started: the mail server is "down".
        _factory = new PrivacyDeskAppFactory { SmtpPort = _sink.Port };
        _ = _factory.Server;
        Services.AddSingleton(_factory.Services.GetRequiredService<OutboxAdministration>());
        Services.AddSingleton(_factory.Services.GetRequiredService<ControllerSettings>());
        Services.AddSingleton(_factory.Services.GetRequiredService<MailTransport>());
        Services.AddSingleton(_factory.Services.GetRequiredService<IOptions<MailOptions>>());
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private async Task<OutgoingEmail> QueueAsync(string to = "jan.devries@example.nl")
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var email = MailQueue.Enqueue(db, new MailDraft(MailKinds.PortalCode, to, "nl", "Uw code: 482913", "Uw code voor het privacyportaal is:\n\n    482913"), TimeProvider.System.GetUtcNow());
        await db.SaveChangesAsync(Cancel);
        return email;
    }

    private Task<int> RunOutboxAsync() => _factory.Services.GetRequiredService<OutboxRunner>().RunDueAsync(Cancel);

    private async Task<IRenderedComponent<OutboxPage>> RenderAsync(string email, string address)
    {
        SignIn(await Callers.ForAsync(_factory, email));
        if (!_providers)
        {
            RenderProviders();
            _providers = true;
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<OutboxPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=outbox-loading]").ShouldBeEmpty(), Wait);
        return page;
    }

    [Fact]
    public async Task WithNothingSentThePageSaysWhatWillAppearHere()
    {
        var page = await RenderAsync("admin@privacydesk.test", OutboxUrl.Path);

        page.Markup.ShouldContain("Nog geen e-mails");
        page.Find("[data-testid=mail-route]").TextContent.ShouldContain($"127.0.0.1:{_sink.Port}");
    }

    [Fact]
    public async Task AFailingEmailShowsItsMaskedAddressAndErrorInWordsAndSendAgainNowDeliversItAtTheNextPass()
    {
        var email = await QueueAsync();
        await RunOutboxAsync();

        var page = await RenderAsync("admin@privacydesk.test", new OutboxUrl(Filter: OutboxFilter.Failing).Link());

        var row = page.FindAll("[data-testid=email-row]").ShouldHaveSingleItem();
        row.QuerySelector("[data-testid=email-to]")!.TextContent.ShouldBe("j***@example.nl");
        page.Markup.ShouldNotContain("jan.devries");
        row.QuerySelector("[data-testid=email-error]")!.TextContent.ShouldBe("De mailserver was niet bereikbaar of reageerde niet op tijd.");
        page.Find("[data-testid=filter-failing]").TextContent.ShouldContain("Mislukt (1)");

        await _sink.StartAsync();
        await page.Find("[data-testid=send-again]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=outcome]").TextContent.ShouldContain("opnieuw geprobeerd"), Wait);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var payload = OutboxAdministration.Payload(email.Id);
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload == payload, Cancel);
            message.DueAt.ShouldBeLessThanOrEqualTo(TimeProvider.System.GetUtcNow());
            var audit = await db.AuditEvents.AsNoTracking().Where(a => a.Action == OutboxAdministration.RetriedAction).ToListAsync(Cancel);
            audit.ShouldHaveSingleItem().EntityId.ShouldBe(message.Id.ToString());
            audit[0].ActorName.ShouldBe("Noor Visser");
            audit[0].Details!.ShouldNotContain("jan.devries");
        }

        await RunOutboxAsync();
        (await _sink.WaitForAsync(1)).ShouldHaveSingleItem().MessageId.ShouldBe(email.MessageId);
    }

    [Fact]
    public async Task SendAgainNowRefusesAMessageThatIsNotFailingAndChangesNothing()
    {
        var email = await QueueAsync();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var payload = OutboxAdministration.Payload(email.Id);
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload == payload, Cancel);
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");

        var result = await _factory.Services.GetRequiredService<OutboxAdministration>().SendAgainNowAsync(admin, message.Id, Cancel);

        result.Errors.ShouldHaveSingleItem().ShouldBe(OutboxAdministration.NotFailing);
        (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == message.Id, Cancel)).DueAt.ShouldBe(message.DueAt);
        (await db.AuditEvents.AsNoTracking().CountAsync(a => a.Action == OutboxAdministration.RetriedAction, Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task AnOfficerMayNotSeeTheOutboxAndATeamLeadMay()
    {
        var outbox = _factory.Services.GetRequiredService<OutboxAdministration>();

        var officer = await outbox.EmailsAsync(await Callers.ForAsync(_factory, "officer@privacydesk.test"), OutboxFilter.All, 1, Cancel);
        var lead = await outbox.EmailsAsync(await Callers.ForAsync(_factory, "lead@privacydesk.test"), OutboxFilter.All, 1, Cancel);

        officer.Errors.ShouldHaveSingleItem().ShouldBe(OutboxAdministration.Forbidden);
        lead.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task InDevelopmentTheTextOfAQueuedEmailCanBeReadWithItsFrameAndTheViewIsAudited()
    {
        var email = await QueueAsync();

        var page = await RenderAsync("admin@privacydesk.test", OutboxUrl.Path);
        await page.Find("[data-testid=preview-open]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=preview-text]").TextContent.ShouldContain("482913"), Wait);
        page.Find("[data-testid=preview-text]").TextContent.ShouldContain("Het privacyteam van Voorbeeldbank");
        page.Find("[data-testid=preview-subject]").TextContent.ShouldBe("Uw code: 482913");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        (await db.AuditEvents.AsNoTracking().SingleAsync(a => a.Action == OutboxAdministration.PreviewedAction, Cancel)).EntityId.ShouldBe(email.Id.ToString());
    }

    [Fact]
    public async Task TheBackgroundWorkListNamesTheKindsInWords()
    {
        await QueueAsync();
        await RunOutboxAsync();

        var page = await RenderAsync("lead@privacydesk.test", new OutboxUrl(OutboxTab.Work).Link());

        var rows = page.FindAll("[data-testid=work-row]").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("E-mail versturen") && r.Contains("Mislukt") && r.Contains("De mailserver was niet bereikbaar"));
        rows.ShouldContain(r => r.Contains("Dagelijkse controle van bewaartermijnen"));
    }
}
