using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Tests.Shared;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Mail;

/// <summary>The outbox's <c>mail.send</c> on the real app and SQLite, delivering to a real SMTP server in the process (ADR 0043).</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class MailSendTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private WebApplicationFactory<Program> App(int? smtpPort, string environment = "Development", Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        var app = new PrivacyDeskAppFactory { SmtpPort = smtpPort, Environment = environment };
        _owned.Add(app);
        return app.WithWebHostBuilder(b =>
        {
            configure?.Invoke(b);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
        });
    }

    private async Task<SmtpSink> SinkAsync(bool start = true, string? user = null, string? password = null)
    {
        var sink = new SmtpSink(user, password);
        _owned.Add(sink);
        if (start)
        {
            await sink.StartAsync();
        }
        return sink;
    }

    private static async Task<OutgoingEmail> QueueAsync(WebApplicationFactory<Program> app, MailDraft draft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var email = MailQueue.Enqueue(db, draft, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await db.SaveChangesAsync(Cancel);
        return email;
    }

    private static async Task<(OutgoingEmail Email, OutboxMessage Message)> ReadAsync(WebApplicationFactory<Program> app, Guid emailId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var email = await db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == emailId, Cancel);
        var payload = OutboxAdministration.Payload(emailId);
        var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Payload == payload, Cancel);
        return (email, message);
    }

    private static Task<int> RunOutboxAsync(WebApplicationFactory<Program> app) => app.Services.GetRequiredService<OutboxRunner>().RunDueAsync(Cancel);

    private static MailDraft Draft(string to = "jan.devries@example.nl", string language = "nl", IReadOnlyList<Guid>? attachments = null) => new(
        MailKinds.Acknowledgement, to, language, language == "en" ? "Your request DSR-2027-000001" : "Uw verzoek DSR-2027-000001",
        language == "en"
            ? "Dear Mr De Vries,\n\nWe received your request. Follow it at https://privacy.example.nl/privacy/status/abc123.\n\nYour code:\n\n    123456"
            : "Geachte heer De Vries,\n\nWij hebben uw verzoek ontvangen. Volg het op https://privacy.example.nl/privacy/status/abc123.\n\nUw code:\n\n    123456",
        AttachmentDocumentIds: attachments);

    [Fact]
    public async Task AQueuedEmailIsDeliveredByTheOutboxWithItsAddresseeSubjectMessageIdLanguageAndFrame()
    {
        var sink = await SinkAsync();
        var app = App(sink.Port);
        var email = await QueueAsync(app, Draft());

        await RunOutboxAsync(app);

        var received = (await sink.WaitForAsync(1)).ShouldHaveSingleItem();
        received.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("jan.devries@example.nl");
        received.Subject.ShouldBe("Uw verzoek DSR-2027-000001");
        received.MessageId.ShouldBe(email.MessageId);
        Language(received).ShouldBe("nl");
        var from = received.From.Mailboxes.ShouldHaveSingleItem();
        from.Address.ShouldBe("privacy@voorbeeldbank.example");
        from.Name.ShouldBe("Voorbeeldbank N.V. (voorbeeld, wijzigen)");
        received.TextBody!.ShouldStartWith("Geachte heer De Vries,");
        received.TextBody!.ShouldContain("Met vriendelijke groet,");
        received.TextBody!.ShouldContain("Het privacyteam van Voorbeeldbank N.V. (voorbeeld, wijzigen)");
        received.TextBody!.ShouldContain("Functionaris gegevensbescherming: Functionaris gegevensbescherming (voorbeeld) (fg@voorbeeldbank.example)");
        received.HtmlBody!.ShouldContain("<html lang=\"nl\">");
        received.HtmlBody!.ShouldContain("<a href=\"https://privacy.example.nl/privacy/status/abc123\"");
        received.HtmlBody!.ShouldContain("123456");
        var (sent, message) = await ReadAsync(app, email.Id);
        sent.SentAt.ShouldBe(_clock.GetUtcNow());
        sent.LastErrorCode.ShouldBeNull();
        message.CompletedAt.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(MailKinds.ResponseDelivery)]
    [InlineData(MailKinds.RecipientNotice)]
    public async Task ASentLinkEmailKeepsItsRecordButNotTheLinksToken(string kind)
    {
        const string token = "Zk3v_Qx9-Lm2Np8Rt4Wy6Ab1Cd5Ef7Gh0Ij3Kl9Mn2o";
        var sink = await SinkAsync();
        var app = App(sink.Port);
        var email = await QueueAsync(app, Draft() with
        {
            Kind = kind,
            Subject = "Ons antwoord op uw verzoek DSR-2027-000001",
            TextBody = $"Geachte heer, mevrouw,\n\nU kunt het downloaden via deze beveiligde link:\n\n    https://privacy.example.nl/privacy/answer/{token}\n\nDe link is geldig tot en met 1 april 2027.",
        });

        await RunOutboxAsync(app);

        (await sink.WaitForAsync(1)).ShouldHaveSingleItem().TextBody!.ShouldContain($"https://privacy.example.nl/privacy/answer/{token}");
        var (sent, _) = await ReadAsync(app, email.Id);
        sent.SentAt.ShouldNotBeNull();
        sent.TextBody.ShouldNotContain(token);
        sent.TextBody.ShouldContain("https://privacy.example.nl/privacy/answer/••••••\n\nDe link is geldig tot en met 1 april 2027.");
        sent.Subject.ShouldBe("Ons antwoord op uw verzoek DSR-2027-000001");
        sent.To.ShouldBe("jan.devries@example.nl");
    }

    [Fact]
    public async Task AnUnsentLinkEmailKeepsItsToken()
    {
        var sink = await SinkAsync(start: false);
        var app = App(sink.Port);
        var email = await QueueAsync(app, Draft() with { Kind = MailKinds.ResponseDelivery, TextBody = "Via https://privacy.example.nl/privacy/answer/abcDEF123_-x" });

        await RunOutboxAsync(app);

        var (failed, _) = await ReadAsync(app, email.Id);
        failed.SentAt.ShouldBeNull();
        failed.TextBody.ShouldContain("/privacy/answer/abcDEF123_-x");
    }

    [Fact]
    public async Task AnEnglishEmailIsSignedInEnglish()
    {
        var sink = await SinkAsync();
        var app = App(sink.Port);
        await QueueAsync(app, Draft(language: "en"));

        await RunOutboxAsync(app);

        var received = (await sink.WaitForAsync(1)).ShouldHaveSingleItem();
        Language(received).ShouldBe("en");
        received.TextBody!.ShouldContain("Kind regards,");
        received.TextBody!.ShouldContain("Data protection officer: ");
        received.TextBody!.ShouldNotContain("Met vriendelijke groet");
        received.HtmlBody!.ShouldContain("<html lang=\"en\">");
    }

    [Fact]
    public async Task WhileTheServerIsDownTheEmailStaysUnsentWithItsCodeAndALaterPassDeliversIt()
    {
        var sink = await SinkAsync(start: false);
        var app = App(sink.Port);
        var email = await QueueAsync(app, Draft());

        await RunOutboxAsync(app);

        var (failed, message) = await ReadAsync(app, email.Id);
        failed.SentAt.ShouldBeNull();
        failed.LastErrorCode.ShouldBe(MailErrors.Unavailable);
        failed.Attempts.ShouldBe(1);
        message.CompletedAt.ShouldBeNull();
        message.LastErrorCode.ShouldBe(MailErrors.Unavailable);
        message.DueAt.ShouldBeGreaterThan(_clock.GetUtcNow(), "the outbox backs off");

        await sink.StartAsync();
        await RunOutboxAsync(app);
        sink.Messages.ShouldBeEmpty("not due yet: the outbox waits a minute after the first failure");
        _clock.Advance(TimeSpan.FromMinutes(2));
        await RunOutboxAsync(app);

        (await sink.WaitForAsync(1)).ShouldHaveSingleItem().MessageId.ShouldBe(email.MessageId);
        var (sent, done) = await ReadAsync(app, email.Id);
        sent.SentAt.ShouldNotBeNull();
        sent.LastErrorCode.ShouldBeNull();
        sent.Attempts.ShouldBe(2);
        done.CompletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task AnEmailAlreadySentIsNotSentAgainWhenItsMessageRunsAgain()
    {
        var sink = await SinkAsync();
        var app = App(sink.Port);
        var email = await QueueAsync(app, Draft());
        await RunOutboxAsync(app);
        await sink.WaitForAsync(1);

        // As after a lease that ran out while the first run was recording: the message is open and due again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var payload = OutboxAdministration.Payload(email.Id);
            await db.OutboxMessages.Where(m => m.Payload == payload)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.CompletedAt, (DateTimeOffset?)null), Cancel);
        }
        (await RunOutboxAsync(app)).ShouldBeGreaterThan(0);

        await Task.Delay(200, Cancel);
        sink.Messages.Count.ShouldBe(1);
        (await ReadAsync(app, email.Id)).Message.CompletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task AttachmentsArriveWithTheirStoredFileNamesTypesAndContent()
    {
        var sink = await SinkAsync();
        var app = App(sink.Port);
        var pdf = "%PDF-1.7 test letter"u8.ToArray();
        var zip = new byte[] { 0x50, 0x4b, 0x03, 0x04, 1, 2, 3 };
        Guid letterId, zipId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var letter = GeneratedDocument.Create(null, DocumentKind.Response, "nl", 1, null, "antwoord-DSR-2027-000001.pdf", "application/pdf", pdf, 1, "u", "Test", _clock.GetUtcNow());
            var export = GeneratedDocument.Create(null, DocumentKind.PortabilityPackage, "nl", 1, null, "gegevens-DSR-2027-000001.zip", "application/zip", zip, null, "u", "Test", _clock.GetUtcNow());
            db.GeneratedDocuments.AddRange(letter, export);
            await db.SaveChangesAsync(Cancel);
            (letterId, zipId) = (letter.Id, export.Id);
        }
        await QueueAsync(app, Draft(attachments: [letterId, zipId]));

        await RunOutboxAsync(app);

        var received = (await sink.WaitForAsync(1)).ShouldHaveSingleItem();
        var parts = received.Attachments.OfType<MimePart>().ToList();
        parts.Select(p => p.FileName).ShouldBe(["antwoord-DSR-2027-000001.pdf", "gegevens-DSR-2027-000001.zip"]);
        parts.Select(p => p.ContentType.MimeType).ShouldBe(["application/pdf", "application/zip"]);
        Content(parts[0]).ShouldBe(pdf);
        Content(parts[1]).ShouldBe(zip);
    }

    [Fact]
    public async Task AnAttachmentThatNoLongerExistsKeepsTheEmailUnsentWithItsCode()
    {
        var sink = await SinkAsync();
        var app = App(sink.Port);
        var email = await QueueAsync(app, Draft(attachments: [Guid.NewGuid()]));

        await RunOutboxAsync(app);

        (await ReadAsync(app, email.Id)).Email.LastErrorCode.ShouldBe(MailErrors.AttachmentMissing);
        sink.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithoutAServerDevelopmentWritesTheEmailAsAnEmlFileToThePickupFolder()
    {
        var factory = new PrivacyDeskAppFactory();
        _owned.Add(factory);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        var email = await QueueAsync(app, Draft());

        await RunOutboxAsync(app);

        var file = Directory.GetFiles(factory.MailPickupFolder, "*.eml").ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldNotContain("devries");
        var written = await MimeMessage.LoadAsync(file, Cancel);
        written.MessageId.ShouldBe(email.MessageId);
        written.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("jan.devries@example.nl");
        written.TextBody!.ShouldContain("123456");
        (await ReadAsync(app, email.Id)).Email.SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task OutsideDevelopmentWithoutAServerTheEmailFailsVisiblyAndNoFileIsWritten()
    {
        var factory = new PrivacyDeskAppFactory { Environment = "Production" };
        _owned.Add(factory);
        var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        var email = await QueueAsync(app, Draft());

        await RunOutboxAsync(app);

        var (failed, message) = await ReadAsync(app, email.Id);
        failed.SentAt.ShouldBeNull();
        failed.LastErrorCode.ShouldBe(MailErrors.NotConfigured);
        message.LastErrorCode.ShouldBe(MailErrors.NotConfigured);
        Directory.Exists(factory.MailPickupFolder).ShouldBeFalse();
    }

    [Fact]
    public async Task ARefusedSignInAndARefusedRecipientKeepTheirOwnCodes()
    {
        var sink = await SinkAsync(user: "privacydesk", password: "right");
        var app = App(sink.Port, configure: b =>
        {
            b.UseSetting("Mail:Smtp:User", "privacydesk");
            b.UseSetting("Mail:Smtp:Password", "wrong");
        });
        var email = await QueueAsync(app, Draft());

        await RunOutboxAsync(app);

        (await ReadAsync(app, email.Id)).Email.LastErrorCode.ShouldBe(MailErrors.AuthFailed);

        var open = await SinkAsync();
        open.RejectedRecipients["nobody@example.nl"] = true;
        var second = App(open.Port);
        var refused = await QueueAsync(second, Draft(to: "nobody@example.nl"));

        await RunOutboxAsync(second);

        (await ReadAsync(second, refused.Id)).Email.LastErrorCode.ShouldBe(MailErrors.RecipientRejected);
    }

    /// <summary>MimeKit keeps Content-* headers on the message's root entity; either place is the message's language.</summary>
    private static string? Language(MimeMessage message) => message.Headers[HeaderId.ContentLanguage] ?? message.Body?.Headers[HeaderId.ContentLanguage];

    private static byte[] Content(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
