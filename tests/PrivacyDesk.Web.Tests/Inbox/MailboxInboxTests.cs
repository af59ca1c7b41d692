using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Inbox;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Inbox;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Inbox;

/// <summary>
/// The office's mailbox read from a REAL IMAP server (dovecot started by the test, <see cref="DovecotServer"/>) into the
/// app on real SQLite: drafts with suggestions and arrival times, read once, replies threaded onto their case, HTML shown
/// as text, oversized messages kept safe, and an officer's confirm / not-a-request with the stale-edit answer.
/// </summary>
public sealed class MailboxInboxTests : IAsyncLifetime
{
    // 23:30 UTC is already the next day in Amsterdam: the receipt date must be the controller's, not UTC's.
    private static readonly DateTimeOffset DutchArrival = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-3), TimeSpan.Zero).AddHours(23).AddMinutes(30);
    private static readonly DateTimeOffset EnglishArrival = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-2), TimeSpan.Zero).AddHours(9).AddMinutes(5);

    private readonly PrivacyDeskAppFactory _app = new();
    private DovecotServer _imap = default!;
    private WebApplicationFactory<Program> _factory = default!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _imap = await DovecotServer.StartAsync();
        _factory = WithSettings(_imap.Settings());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _imap.DisposeAsync();
    }

    private WebApplicationFactory<Program> WithSettings(IReadOnlyDictionary<string, string> settings) => _app.WithWebHostBuilder(b =>
    {
        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }
    });

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Mail", name));

    private Task<int> PollAsync(WebApplicationFactory<Program>? factory = null)
    {
        var services = (factory ?? _factory).Services;
        return ActivatorUtilities.CreateInstance<MailboxPoll>(services).PollAsync(Cancel);
    }

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query, WebApplicationFactory<Program>? factory = null)
    {
        await using var scope = (factory ?? _factory).Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private InboxService Inbox => _factory.Services.CreateScope().ServiceProvider.GetRequiredService<InboxService>();

    private Task<System.Security.Claims.ClaimsPrincipal> OfficerAsync() => Callers.ForAsync(_app, "officer@privacydesk.test");

    private Task<System.Security.Claims.ClaimsPrincipal> LeadAsync() => Callers.ForAsync(_app, "lead@privacydesk.test");

    private async Task SeedTwoAsync()
    {
        await _imap.AppendAsync(Fixture("nl-access.eml"), DutchArrival);
        await _imap.AppendAsync(Fixture("en-erasure.eml"), EnglishArrival);
    }

    [Fact]
    public async Task NewMessagesBecomeDraftsWithLanguageTypeArrivalAndTheSubjectOnFile()
    {
        await WithDbAsync(async db =>
        {
            db.DataSubjects.Add(DataSubject.Register("Sanne de Vries", ["sanne.devries@example.nl"], [SubjectCategory.Customer], Actor.System, DateTimeOffset.UtcNow).Value);
            return await db.SaveChangesAsync(Cancel);
        });
        await SeedTwoAsync();

        (await PollAsync()).ShouldBe(2);

        var page = (await Inbox.ListAsync(await OfficerAsync(), InboxFilter.New, 1, Cancel)).Value;
        page.Total.ShouldBe(2);
        var dutch = page.Rows.Single(r => r.FromAddress == "sanne.devries@example.nl");
        dutch.Language.ShouldBe("nl");
        dutch.SuggestedType.ShouldBe(RequestType.Access);
        dutch.ArrivedAt.ShouldBe(DutchArrival);
        dutch.MatchedSubjectName.ShouldBe("Sanne de Vries");
        dutch.Subject.ShouldBe("Verzoek om inzage in mijn gegevens");
        var english = page.Rows.Single(r => r.FromAddress == "tom.baker@example.co.uk");
        english.Language.ShouldBe("en");
        english.SuggestedType.ShouldBe(RequestType.Erasure);
        english.FromName.ShouldBe("Tom Baker");
        english.ArrivedAt.ShouldBe(EnglishArrival);
        english.MatchedSubjectId.ShouldBeNull();
        // Newest first.
        page.Rows[0].ShouldBe(english);
    }

    [Fact]
    public async Task EachMessageIsReadOnceEvenWhenTheServerRenumbersTheFolder()
    {
        const string folder = "Privacy";
        await _imap.CreateFolderAsync(folder);
        var factory = WithSettings(_imap.Settings(folder));
        await _imap.AppendAsync(Fixture("nl-access.eml"), DutchArrival, folder);
        (await PollAsync(factory)).ShouldBe(1);
        (await PollAsync(factory)).ShouldBe(0);
        var before = await _imap.UidValidityAsync(folder);

        // The folder is made again (a restore, a migration): new UIDVALIDITY, the old message again plus a new one.
        await _imap.DeleteFolderAsync(folder);
        await Task.Delay(1100, Cancel);
        await _imap.CreateFolderAsync(folder);
        await _imap.AppendAsync(Fixture("nl-access.eml"), DutchArrival, folder);
        await _imap.AppendAsync(Fixture("en-erasure.eml"), EnglishArrival, folder);
        (await _imap.UidValidityAsync(folder)).ShouldNotBe(before);

        (await PollAsync(factory)).ShouldBe(1);
        (await WithDbAsync(db => db.InboxMessages.CountAsync(Cancel), factory)).ShouldBe(2);
        (await _imap.CountAsync(folder)).ShouldBe(2, "never deleted on the server unless configured");
    }

    /// <summary>
    /// A letter request of Sanne de Vries (sanne.devries@example.nl), one e-mail of ours on it, and in the mailbox the Dutch reply
    /// fixture answering that e-mail (In-Reply-To its Message-ID). The case's reference.
    /// </summary>
    private async Task<string> ReplyToOurEmailAsync(RequestType type, string description, MailDraft ours)
    {
        var officer = await OfficerAsync();
        var registration = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<RequestRegistration>();
        var reference = (await registration.RegisterAsync(officer, new NewRequest(
            type, RequestChannel.Letter, DateTimeOffset.UtcNow.AddDays(-5), "nl", null,
            new NewSubject("Sanne de Vries", "sanne.devries@example.nl", null, null, SubjectCategory.Customer), description, []), Cancel)).Value;
        var messageId = await WithDbAsync(async db =>
        {
            var requestId = await db.Requests.Where(r => r.Reference == RequestReference.Parse(reference)).Select(r => r.Id).SingleAsync(Cancel);
            var email = MailQueue.Enqueue(db, ours with { RequestId = requestId }, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Cancel);
            return email.MessageId;
        });
        var reply = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Fixture("nl-reply.eml")).Replace("{{IN_REPLY_TO}}", messageId, StringComparison.Ordinal));
        await _imap.AppendAsync(reply, EnglishArrival);
        return reference;
    }

    [Fact]
    public async Task AReplyToOurEmailThreadsOntoItsCaseAsCorrespondence()
    {
        var reference = await ReplyToOurEmailAsync(RequestType.Access, "Inzage per brief.",
            new MailDraft(MailKinds.Acknowledgement, "sanne.devries@example.nl", "nl", "Uw verzoek", "Ontvangen."));

        (await PollAsync()).ShouldBe(1);

        var request = await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Reference == RequestReference.Parse(reference), Cancel));
        SubjectMessage message = request.Messages.ShouldHaveSingleItem();
        message.Channel.ShouldBe(SubjectMessageChannel.Email);
        message.ReceivedAt.ShouldBe(EnglishArrival);
        message.Topic.ShouldBe("Re: Uw verzoek");
        message.Text.ShouldContain("Ik mis nog de gegevens van mijn spaarrekening.");
        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel));
        stored.Status.ShouldBe(InboxMessageStatus.Threaded);
        stored.RequestId.ShouldBe(request.Id);
        message.InboxMessageId.ShouldBe(stored.Id);
        (await Inbox.ListAsync(await OfficerAsync(), InboxFilter.New, 1, Cancel)).Value.Total.ShouldBe(0, "a threaded reply is no draft");
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(a => a.EntityId == request.Id.ToString() && a.Action == DataSubjectRequest.SubjectMessageReceivedAction).ToListAsync(Cancel));
        audit.ShouldHaveSingleItem().ActorName.ShouldBe(MailboxPoll.MailboxActor.Name);
    }

    /// <summary>A case of Sanne's with our acknowledgement, and a reply to it from an address that is not hers, polled: answers the reference.</summary>
    private async Task<string> ReplyFromAnotherAddressAsync()
    {
        var officer = await OfficerAsync();
        var registration = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<RequestRegistration>();
        var reference = (await registration.RegisterAsync(officer, new NewRequest(
            RequestType.Access, RequestChannel.Letter, DateTimeOffset.UtcNow.AddDays(-5), "nl", null,
            new NewSubject("Sanne de Vries", "sanne.devries@example.nl", null, null, SubjectCategory.Customer), "Inzage per brief.", []), Cancel)).Value;
        var messageId = await WithDbAsync(async db =>
        {
            var requestId = await db.Requests.Where(r => r.Reference == RequestReference.Parse(reference)).Select(r => r.Id).SingleAsync(Cancel);
            var email = MailQueue.Enqueue(db, new MailDraft(MailKinds.Acknowledgement, "sanne.devries@example.nl", "nl", "Uw verzoek", "Ontvangen.", RequestId: requestId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Cancel);
            return email.MessageId;
        });
        var reply = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Fixture("nl-reply.eml"))
            .Replace("{{IN_REPLY_TO}}", messageId, StringComparison.Ordinal)
            .Replace("Sanne de Vries <sanne.devries@example.nl>", "Onbekend <iemand.anders@example.org>", StringComparison.Ordinal));
        await _imap.AppendAsync(reply, EnglishArrival);

        (await PollAsync()).ShouldBe(1);
        return reference;
    }

    [Fact]
    public async Task AReplyFromAnotherAddressIsAFlaggedDraftThatTheOfficerAttachesToTheCase()
    {
        var officer = await OfficerAsync();
        var reference = await ReplyFromAnotherAddressAsync();

        var request = await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Reference == RequestReference.Parse(reference), Cancel));
        request.Messages.ShouldBeEmpty("a reply from an address that is not the subject's never lands on the case by itself");
        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel));
        stored.Status.ShouldBe(InboxMessageStatus.New);
        var row = (await Inbox.ListAsync(officer, InboxFilter.New, 1, Cancel)).Value.Rows.ShouldHaveSingleItem();
        row.ReplyFromAnotherAddress.ShouldBeTrue();
        row.RequestReference.ShouldBe(reference);

        var attached = await Inbox.AttachToCaseAsync(officer, stored.Id, (await Inbox.OpenAsync(officer, stored.Id, Cancel)).Value.Stamp, Cancel);

        attached.IsSuccess.ShouldBeTrue(string.Join(",", attached.Errors.Select(e => e.Code)));
        request = await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Id == request.Id, Cancel));
        request.Messages.ShouldHaveSingleItem().InboxMessageId.ShouldBe(stored.Id);
        (await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel))).Status.ShouldBe(InboxMessageStatus.Threaded);
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityId == request.Id.ToString() && a.Action == DataSubjectRequest.SubjectMessageReceivedAction).ToListAsync(Cancel));
        audit.ShouldHaveSingleItem().ActorName.ShouldNotBe(MailboxPoll.MailboxActor.Name);
    }

    [Fact]
    public async Task TheInboxFlagsAReplyFromAnotherAddressAndTheOfficerAddsItToItsCase()
    {
        var officer = await OfficerAsync();
        var reference = await ReplyFromAnotherAddressAsync();
        await using var host = new InboxHost(_factory, officer);

        var page = host.Render<PrivacyDesk.Web.Components.Pages.Inbox.InboxPage>();
        page.WaitForElement("[data-testid=inbox-other-address]").TextContent.ShouldContain("Antwoord van een ander adres");
        page.Find("[data-testid=inbox-open]").Click();
        page.WaitForElement("[data-testid=inbox-reply-other-address]").TextContent.ShouldContain(reference);
        page.Find("[data-testid=inbox-attach]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=inbox-done]").TextContent.ShouldContain($"Bij {reference} gevoegd."));
        (await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel))).Status.ShouldBe(InboxMessageStatus.Threaded);
    }

    /// <summary>The Inbox page rendered with bUnit on the test app's services, in Dutch.</summary>
    private sealed class InboxHost : MudBunitContext
    {
        public InboxHost(WebApplicationFactory<Program> app, System.Security.Claims.ClaimsPrincipal officer)
        {
            Services.AddScoped(_ => app.Services.CreateScope().ServiceProvider.GetRequiredService<InboxService>());
            SignIn(officer);
            RenderProviders();
        }
    }

    [Fact]
    public async Task AReplyToAnArt19NoticeWaitsInTheInboxInsteadOfPassingForTheSubjectsMessage()
    {
        // ADR 0051: the notice went to a recipient organisation, so its reply is the recipient's, not the subject's.
        var reference = await ReplyToOurEmailAsync(RequestType.Erasure, "Wis mijn gegevens.",
            new MailDraft(MailKinds.RecipientNotice, "art19@bureau.example.nl", "nl", "Kennisgeving", "Link."));

        (await PollAsync()).ShouldBe(1);

        var request = await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Reference == RequestReference.Parse(reference), Cancel));
        request.Messages.ShouldBeEmpty();
        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel));
        stored.Status.ShouldBe(InboxMessageStatus.New);
    }

    [Fact]
    public async Task AReplyOnAnotherOfficersCaseIsNotInTheOfficersInbox()
    {
        var officer = await OfficerAsync();
        var registration = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<RequestRegistration>();
        var reference = (await registration.RegisterAsync(officer, new NewRequest(
            RequestType.Access, RequestChannel.Letter, DateTimeOffset.UtcNow.AddDays(-5), "nl", null,
            new NewSubject("Sanne de Vries", "sanne.devries@example.nl", null, null, SubjectCategory.Customer), "Inzage per brief.", []), Cancel)).Value;
        var messageId = await WithDbAsync(async db =>
        {
            var requestId = await db.Requests.Where(r => r.Reference == RequestReference.Parse(reference)).Select(r => r.Id).SingleAsync(Cancel);
            // The case is another officer's: an officer sees only the unassigned queue and their own cases.
            await db.Requests.Where(r => r.Id == requestId).ExecuteUpdateAsync(u => u.SetProperty(r => r.HandlerId, "another-officer"), Cancel);
            var email = MailQueue.Enqueue(db, new MailDraft(MailKinds.Acknowledgement, "sanne.devries@example.nl", "nl", "Uw verzoek", "Ontvangen.", RequestId: requestId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(Cancel);
            return email.MessageId;
        });
        var reply = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Fixture("nl-reply.eml")).Replace("{{IN_REPLY_TO}}", messageId, StringComparison.Ordinal));
        await _imap.AppendAsync(reply, EnglishArrival);
        (await PollAsync()).ShouldBe(1);
        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel));

        (await Inbox.ListAsync(officer, InboxFilter.Handled, 1, Cancel)).Value.Total.ShouldBe(0, "the reply belongs to a case the officer may not see");
        (await Inbox.OpenAsync(officer, stored.Id, Cancel)).Errors.ShouldHaveSingleItem().ShouldBe(InboxService.NotFound);
        (await Inbox.DownloadAsync(officer, stored.Id, Cancel)).Errors.ShouldHaveSingleItem().ShouldBe(InboxService.NotFound);
        var lead = await LeadAsync();
        (await Inbox.ListAsync(lead, InboxFilter.Handled, 1, Cancel)).Value.Rows.ShouldHaveSingleItem().Id.ShouldBe(stored.Id);
    }

    [Fact]
    public async Task AnHtmlMessageWithAScriptShowsAsTextWithoutIt()
    {
        await _imap.AppendAsync(Fixture("en-html-script.eml"), EnglishArrival);

        await PollAsync();

        var officer = await OfficerAsync();
        var row = (await Inbox.ListAsync(officer, InboxFilter.New, 1, Cancel)).Value.Rows.ShouldHaveSingleItem();
        var view = (await Inbox.OpenAsync(officer, row.Id, Cancel)).Value;
        view.Text.ShouldContain("Please send me a copy of my data.");
        view.Text.ShouldContain("Regards, Mallory");
        view.Text.ShouldNotContain("stolen-cookie");
        view.Text.ShouldNotContain("alert");
        view.Text.ShouldNotContain("color:red");
        view.Text.ShouldNotContain("<");
        row.SuggestedType.ShouldBe(RequestType.Access);
    }

    [Fact]
    public async Task AnOversizedMessageKeepsItsHeadersAndANoteButNotItsBody()
    {
        var factory = WithSettings(new Dictionary<string, string>(_imap.Settings(), StringComparer.Ordinal) { ["Mail:Imap:MaxMessageBytes"] = "4000" });
        var body = string.Concat(Enumerable.Repeat("SECRET-BODY-LINE please delete my data\r\n", 300));
        var big = Encoding.ASCII.GetBytes(
            "From: Big Sender <big@example.org>\r\nTo: privacy@example.test\r\nSubject: Huge attachment\r\nMessage-ID: <big-1@example.org>\r\n" +
            "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n" + body);
        await _imap.AppendAsync(big, EnglishArrival);

        (await PollAsync(factory)).ShouldBe(1);

        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(Cancel), factory);
        stored.BodyOmitted.ShouldBeTrue();
        stored.Text.ShouldBeEmpty();
        stored.Subject.ShouldBe("Huge attachment");
        stored.FromAddress.ShouldBe("big@example.org");
        stored.SizeBytes.ShouldBeGreaterThan(4000);
        var original = Encoding.UTF8.GetString(stored.Original);
        original.ShouldNotContain("SECRET-BODY-LINE");
        original.ShouldContain("Subject: Huge attachment");
        original.ShouldContain("only its headers were kept");
    }

    [Fact]
    public async Task ConfirmRegistersTheRequestWithReceiptAtTheArrivalInTheControllersZone()
    {
        await SeedTwoAsync();
        await PollAsync();
        var officer = await OfficerAsync();
        var row = (await Inbox.ListAsync(officer, InboxFilter.New, 1, Cancel)).Value.Rows.Single(r => r.Language == "nl");
        var view = (await Inbox.OpenAsync(officer, row.Id, Cancel)).Value;

        var confirmed = await Inbox.ConfirmAsync(officer, row.Id, view.Stamp, new InboxConfirmation(
            RequestType.Access, "nl", null, new NewSubject("Sanne de Vries", row.FromAddress, null, null, SubjectCategory.Customer), view.Text), Cancel);

        confirmed.IsSuccess.ShouldBeTrue(string.Join(",", confirmed.Errors.Select(e => e.Code)));
        var zone = await _factory.Services.CreateScope().ServiceProvider.GetRequiredService<RequestRegistration>().TimeZoneAsync(Cancel);
        var request = await WithDbAsync(db => db.Requests.AsNoTracking().SingleAsync(r => r.Reference == RequestReference.Parse(confirmed.Value), Cancel));
        request.Channel.ShouldBe(RequestChannel.Email);
        request.ReceivedAt.ShouldBe(DutchArrival);
        request.ReceivedOn.ShouldBe(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DutchArrival, zone).DateTime));
        request.ReceivedOn.ShouldNotBe(DateOnly.FromDateTime(DutchArrival.UtcDateTime), "23:30 UTC is the next day in Amsterdam");
        var attachment = await WithDbAsync(db => db.RequestAttachments.AsNoTracking().SingleAsync(a => a.RequestId == request.Id, Cancel));
        attachment.ContentType.ShouldBe("message/rfc822");
        attachment.Content.ShouldBe(Fixture("nl-access.eml"));
        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id, Cancel));
        stored.Status.ShouldBe(InboxMessageStatus.Registered);
        stored.RequestId.ShouldBe(request.Id);
        stored.HandledByName.ShouldNotBeNullOrEmpty();
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == row.Id.ToString() && a.Action == InboxMessage.RegisteredAction, Cancel))).ShouldBeTrue();
        (await Inbox.ListAsync(officer, InboxFilter.Handled, 1, Cancel)).Value.Rows.ShouldHaveSingleItem().RequestReference.ShouldBe(confirmed.Value);
    }

    [Fact]
    public async Task NotARequestNeedsAReasonAndFilesTheMessage()
    {
        await SeedTwoAsync();
        await PollAsync();
        var officer = await OfficerAsync();
        var row = (await Inbox.ListAsync(officer, InboxFilter.New, 1, Cancel)).Value.Rows.Single(r => r.Language == "en");
        var view = (await Inbox.OpenAsync(officer, row.Id, Cancel)).Value;

        (await Inbox.FileAsNotARequestAsync(officer, row.Id, view.Stamp, "  ", Cancel)).Errors.ShouldHaveSingleItem().ShouldBe(InboxService.ReasonRequired);
        (await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id, Cancel))).Status.ShouldBe(InboxMessageStatus.New);

        (await Inbox.FileAsNotARequestAsync(officer, row.Id, view.Stamp, "Nieuwsbrief, geen verzoek.", Cancel)).IsSuccess.ShouldBeTrue();

        var stored = await WithDbAsync(db => db.InboxMessages.AsNoTracking().SingleAsync(m => m.Id == row.Id, Cancel));
        stored.Status.ShouldBe(InboxMessageStatus.NotARequest);
        stored.NotARequestReason.ShouldBe("Nieuwsbrief, geen verzoek.");
        (await WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityId == row.Id.ToString() && a.Action == InboxMessage.NotARequestAction, Cancel))).ShouldBeTrue();
        (await Inbox.ListAsync(officer, InboxFilter.New, 1, Cancel)).Value.Total.ShouldBe(1);
    }

    [Fact]
    public async Task TheSecondOfficerToConfirmTheSameMessageGetsTheStaleEditAnswer()
    {
        await SeedTwoAsync();
        await PollAsync();
        var officer = await OfficerAsync();
        var lead = await LeadAsync();
        var row = (await Inbox.ListAsync(officer, InboxFilter.New, 1, Cancel)).Value.Rows.Single(r => r.Language == "en");
        var seenByOfficer = (await Inbox.OpenAsync(officer, row.Id, Cancel)).Value;
        var seenByLead = (await Inbox.OpenAsync(lead, row.Id, Cancel)).Value;
        var input = new InboxConfirmation(RequestType.Erasure, "en", null, new NewSubject("Tom Baker", row.FromAddress, null, null, SubjectCategory.WebsiteVisitor), seenByOfficer.Text);

        (await Inbox.ConfirmAsync(officer, row.Id, seenByOfficer.Stamp, input, Cancel)).IsSuccess.ShouldBeTrue();
        var second = await Inbox.ConfirmAsync(lead, row.Id, seenByLead.Stamp, input, Cancel);

        var error = second.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(StaleEdit.Code);
        error.Arguments!["who"].ShouldBe(officer.Identity!.Name);
        (await WithDbAsync(db => db.Requests.CountAsync(Cancel))).ShouldBe(1);
        (await Inbox.FileAsNotARequestAsync(lead, row.Id, seenByLead.Stamp, "Dubbel.", Cancel)).Errors.ShouldHaveSingleItem().Code.ShouldBe(StaleEdit.Code);
    }
}
