using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Tests.Shared;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Delivery;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Portal;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Delivery;

/// <summary>
/// Art. 19 notices by e-mail (ADR 0051) on the real app and database, the mail going over SMTP to a real sink: the notice is e-mailed
/// from the case, the recipient opens the link, gets a code at the register's address and downloads the letter, and the case shows it.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed partial class RecipientNoticeTests : IAsyncLifetime
{
    private const string Site = "https://desk.example.nl/";
    private const string Address = "art19@kredietbureau.example.nl";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SmtpSink _sink = default!;
    private PrivacyDeskAppFactory _app = default!;
    private WebApplicationFactory<Program> _services = default!;
    private ClaimsPrincipal _officer = default!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sink = await SmtpSink.StartNewAsync();
        _app = new PrivacyDeskAppFactory { SmtpPort = _sink.Port };
        _services = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _officer = await Callers.ForAsync(_app, "officer@privacydesk.test");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.DisposeAsync();
        await _sink.DisposeAsync();
    }

    private async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = _services.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> use)
    {
        await using var scope = _services.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private static void ShouldSucceed(Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Code)));

    private Task<int> RunOutboxAsync() => _services.Services.GetRequiredService<OutboxRunner>().RunDueAsync(Cancel);

    private Task<RecipientsView> RecipientsAsync(Guid requestId) => WithAsync<CaseObligations, RecipientsView>(async o =>
    {
        var view = await o.RecipientsAsync(_officer, requestId, Cancel);
        ShouldSucceed(view);
        return view.Value;
    });

    /// <summary>An erasure with every purpose carried out and its recipients planned, one of them given an e-mail address in the register.</summary>
    /// <summary>Gives the register's entry for <paramref name="recipient"/> an e-mail address, through the purpose's own methods (audited).</summary>
    private Task<bool> SetRegisterEmailAsync(PlannedRecipient recipient, string email) => WithDbAsync(async db =>
    {
        var purpose = await db.Purposes.SingleAsync(p => p.Id == recipient.PurposeId, Cancel);
        var entry = purpose.Recipients.First(r => r.Name == recipient.Name);
        var actor = await ObligationCases.ActorAsync(_app, "officer@privacydesk.test");
        purpose.RemoveRecipient(entry.Name, actor, _clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        purpose.AddRecipient(entry with { Email = email }, actor, _clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync(Cancel);
        return true;
    });

    private async Task<(Guid RequestId, RecipientsView View, RecipientRow WithEmail, PlannedRecipient Chosen)> PlannedErasureAsync()
    {
        var requestId = await ObligationCases.CreateAsync(_app, RequestType.Erasure, decideAll: true);
        var before = await RecipientsAsync(requestId);
        var chosen = before.Unplanned.First(r => r.Kind == NotificationRecipientKind.External);
        await SetRegisterEmailAsync(chosen, Address);
        ShouldSucceed(await WithAsync<CaseObligations, Result>(async o => await o.PlanRecipientsAsync(_officer, requestId, await CaseStamps.OfAsync(_app, requestId), Cancel)));
        var view = await RecipientsAsync(requestId);
        var row = view.Rows.Single(r => r.RecipientName == chosen.Name && r.RegisterEmail == Address);
        return (requestId, view, row, chosen);
    }

    private Task<Result> EmailAsync(Guid requestId, Guid notificationId, string language) =>
        WithAsync<RecipientNotices, Result>(async n => await n.EmailAsync(_officer, requestId, await CaseStamps.OfAsync(_app, requestId), notificationId, language, Site, Cancel));

    [GeneratedRegex(@"https://desk\.example\.nl(?<path>/privacy/answer/[A-Za-z0-9_-]+)")]
    private static partial Regex NoticeLink();

    [GeneratedRegex(@"\b(?<code>\d{6})\b")]
    private static partial Regex Code();

    private static async Task<string> TextAsync(HttpResponseMessage response) => System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));

    [Fact]
    public async Task ANoticeIsEmailedByLinkAndCodeTheRecipientDownloadsTheLetterAndTheCaseAndTrailShowIt()
    {
        var (requestId, view, row, _) = await PlannedErasureAsync();
        view.Rows.Where(r => r.Id != row.Id).ShouldAllBe(r => r.RegisterEmail == null);
        var reference = (await ObligationCases.LoadAsync(_app, requestId)).Reference.ToString();

        ShouldSucceed(await EmailAsync(requestId, row.Id, "en"));

        var sent = (await RecipientsAsync(requestId)).Rows.Single(r => r.Id == row.Id);
        sent.Status.ShouldBe(RecipientNotificationStatus.Sent);
        sent.Channel.ShouldBe(RecipientNotificationChannel.Email);
        sent.EmailedTo.ShouldBe(Address);
        sent.ClosedAt.ShouldNotBeNull();
        sent.Delivery.ShouldNotBeNull().EmailState.ShouldBe(DeliveryEmailState.Waiting);
        sent.Delivery.FirstDownloadedAt.ShouldBeNull();
        // The subject's answer is a separate delivery: none yet, and the notice is not taken for one.
        (await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, requestId, Cancel))).Value.Delivery.ShouldBeNull();

        await RunOutboxAsync();
        var mail = (await _sink.WaitForAsync(1)).ShouldHaveSingleItem();
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Address);
        (mail.Headers[HeaderId.ContentLanguage] ?? mail.Body?.Headers[HeaderId.ContentLanguage]).ShouldBe("en");
        var subject = mail.Subject ?? "";
        subject.ShouldContain(reference);
        subject.ShouldContain("Art. 19");
        mail.TextBody!.ShouldStartWith("Dear Sir or Madam,");
        mail.Attachments.ShouldBeEmpty();
        mail.BodyParts.OfType<MimePart>().ShouldAllBe(p => p.ContentType.MediaType == "text");
        foreach (var personal in new[] { "Ayşe", "Çelik", ObligationCases.CustomerNumber, ObligationCases.Email })
        {
            subject.ShouldNotContain(personal, Case.Insensitive);
            mail.TextBody!.ShouldNotContain(personal, Case.Insensitive);
            mail.HtmlBody!.ShouldNotContain(personal, Case.Insensitive);
        }
        var link = NoticeLink().Match(mail.TextBody!);
        link.Success.ShouldBeTrue(mail.TextBody);
        var path = link.Groups["path"].Value;
        (await TextAsync(await _services.CreateClient().GetAsync(new Uri("/not-a-page", UriKind.Relative), Cancel))).ShouldNotContain(path);

        using var browser = _services.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await TextAsync(await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel));
        page.ShouldContain("data-testid=\"answer-send-code\"");
        page.ShouldContain("a•••@k•••.nl");
        page.ShouldNotContain("Çelik");
        var codeSent = await PortalHarness.PostAsync(browser, path + "/send-code", PortalHarness.HiddenFields(page));
        codeSent.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        await RunOutboxAsync();
        var codeMail = (await _sink.WaitForAsync(2))[1];
        codeMail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Address);
        var fields = PortalHarness.HiddenFields(await TextAsync(codeSent));
        fields["Code"] = Code().Match(codeMail.Subject!).Groups["code"].Value;
        var verified = await PortalHarness.PostAsync(browser, path + "/code", fields);
        verified.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var documents = await TextAsync(await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel));
        var hrefs = Regex.Matches(documents, "href=\"(?<href>/privacy/answer/[^\"]+/documents/[0-9a-f-]+)\"").Select(m => m.Groups["href"].Value).ToList();
        var href = hrefs.ShouldHaveSingleItem();
        _clock.Advance(TimeSpan.FromHours(20));
        var download = await browser.GetAsync(new Uri(href, UriKind.Relative), Cancel);
        download.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await download.Content.ReadAsByteArrayAsync(Cancel);
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        var shown = (await RecipientsAsync(requestId)).Rows.Single(r => r.Id == row.Id).Delivery.ShouldNotBeNull();
        shown.EmailState.ShouldBe(DeliveryEmailState.Sent);
        shown.DownloadCount.ShouldBe(1);
        shown.FirstDownloadedAt.ShouldNotBeNull();
        shown.FirstDownloadedAt!.Value.UtcDateTime.ShouldBe(_clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));

        var trail = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == requestId.ToString()).ToListAsync(Cancel));
        var emailed = trail.Where(e => e.Action == RequestActions.RecipientEmailed).ShouldHaveSingleItem();
        emailed.After.ShouldNotBeNull().ShouldContain(Address);
        trail.ShouldContain(e => e.Action == ResponseDelivery.NoticeCreatedAction);
        trail.ShouldContain(e => e.Action == AnswerPortal.NoticeViewedAction && e.ActorName == AnswerPortal.PortalActor.Name);
        var downloaded = trail.Where(e => e.Action == ResponseDelivery.NoticeDownloadedAction).ShouldHaveSingleItem();
        downloaded.ActorName.ShouldBe(AnswerPortal.PortalActor.Name);
        (downloaded.Before + downloaded.After + downloaded.Details).ShouldNotContain("@");
        trail.ShouldNotContain(e => e.Action == ResponseDelivery.DownloadedAction);
        // The letter was generated in the same change, for that recipient, in the language chosen.
        var letter = await WithDbAsync(db => db.GeneratedDocuments.AsNoTracking().SingleAsync(d => d.RequestId == requestId && d.RecipientNotificationId == row.Id, Cancel));
        letter.Language.ShouldBe("en");
        letter.Content.ShouldBe(pdf);
    }

    [Fact]
    public async Task ARecipientWithoutAnAddressIsRefusedAndNothingIsSentOrChanged()
    {
        var (requestId, view, _, _) = await PlannedErasureAsync();
        var without = view.Rows.First(r => r.RegisterEmail is null);

        var result = await EmailAsync(requestId, without.Id, "nl");

        result.Errors.Select(e => e.Code).ShouldBe([RequestErrors.RecipientNoEmail.Code]);
        (await RecipientsAsync(requestId)).Rows.Single(r => r.Id == without.Id).Status.ShouldBe(RecipientNotificationStatus.Open);
        (await WithDbAsync(db => db.OutgoingEmails.CountAsync(Cancel))).ShouldBe(0);
        (await WithDbAsync(db => db.ResponseDeliveries.CountAsync(Cancel))).ShouldBe(0);
        // The manual recording still works.
        ShouldSucceed(await WithAsync<CaseObligations, Result>(async o =>
            await o.MarkRecipientNotifiedAsync(_officer, requestId, await CaseStamps.OfAsync(_app, requestId), without.Id, Cancel)));
        var manual = (await RecipientsAsync(requestId)).Rows.Single(r => r.Id == without.Id);
        manual.Channel.ShouldBe(RecipientNotificationChannel.Manual);
        manual.Delivery.ShouldBeNull();
    }

    [Fact]
    public async Task ANoticeIsEmailedOnceAndTheRegistersAddressIsKeptAsItWasThen()
    {
        var (requestId, _, row, chosen) = await PlannedErasureAsync();
        ShouldSucceed(await EmailAsync(requestId, row.Id, "nl"));

        (await EmailAsync(requestId, row.Id, "nl")).Errors.Select(e => e.Code).ShouldBe([RequestErrors.RecipientNotificationClosed.Code]);

        await SetRegisterEmailAsync(chosen, "nieuw@kredietbureau.example.nl");

        (await WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == MailKinds.RecipientNotice, Cancel))).ShouldBe(1);
        var kept = (await RecipientsAsync(requestId)).Rows.Single(r => r.Id == row.Id);
        kept.RegisterEmail.ShouldBe("nieuw@kredietbureau.example.nl");
        kept.EmailedTo.ShouldBe(Address);
    }

    [Fact]
    public async Task TheRegisterKeepsARecipientsAddressAndRefusesAMalformedOneAtItsEdge()
    {
        var purposes = await WithDbAsync(db => db.Purposes.AsNoTracking().ToListAsync(Cancel));
        // Rows written before the address existed (and every recipient without one) read back without it.
        purposes.SelectMany(p => p.Recipients).ShouldAllBe(r => r.Email == null);
        var raw = await WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"Recipients\" AS \"Value\" FROM \"Purposes\"").ToListAsync(Cancel));
        raw.ShouldAllBe(json => !json.Contains("Email"));

        await using var scope = _services.Services.CreateAsyncScope();
        var register = scope.ServiceProvider.GetRequiredService<PrivacyDesk.Web.Features.Register.ProcessingRegisterService>();
        var target = purposes.First(p => p.IsActive && p.Recipients.Count > 0);
        var detail = (await register.GetAsync(_officer, target.Key, Cancel)).Value;
        var form = PrivacyDesk.Web.Features.Register.PurposeForm.From(detail.Definition);
        form.Recipients[0].Email = "art19@@bureau.nl";
        form.Recipients[0].HasValidEmail.ShouldBeFalse();

        var refused = await register.SaveAsync(_officer, target.Id, detail.ConcurrencyStamp, form, Cancel);

        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(RegisterErrors.RecipientEmailInvalid.Code);
        error.Arguments!["recipient"].ShouldBe(form.Recipients[0].Name);
        (await WithDbAsync(db => db.Purposes.AsNoTracking().SingleAsync(p => p.Id == target.Id, Cancel))).Recipients.ShouldAllBe(r => r.Email == null);

        form.Recipients[0].Email = " art19@bureau.nl ";
        ShouldSucceed(await register.SaveAsync(_officer, target.Id, detail.ConcurrencyStamp, form, Cancel));
        var saved = await WithDbAsync(db => db.Purposes.AsNoTracking().SingleAsync(p => p.Id == target.Id, Cancel));
        saved.Recipients.Single(r => r.Name == form.Recipients[0].Name.Trim()).Email.ShouldBe("art19@bureau.nl");
        PrivacyDesk.Web.Features.Register.PurposeForm.From(saved.Definition).Recipients[0].Email.ShouldBe("art19@bureau.nl");
    }

    [Fact]
    public async Task TheOfficerOpensALockedRecipientLinkAndExtendsAnExpiredOneOnlyThatLinkChangesAndBothAreAudited()
    {
        var (requestId, _, row, _) = await PlannedErasureAsync();
        ShouldSucceed(await EmailAsync(requestId, row.Id, "nl"));
        await RunOutboxAsync();
        var path = NoticeLink().Match((await _sink.WaitForAsync(1))[0].TextBody!).Groups["path"].Value;
        using var browser = _services.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        async Task<bool> OffersACodeAsync() => (await TextAsync(await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel))).Contains("data-testid=\"answer-send-code\"", StringComparison.Ordinal);
        Task<RecipientNoticeDelivery> LinkAsync() => RecipientsAsync(requestId).ContinueWith(v => v.Result.Rows.Single(r => r.Id == row.Id).Delivery!, TaskScheduler.Default);
        Task<Result<bool>> UnlockAsync(ClaimsPrincipal caller, Guid stamp) =>
            WithAsync<AnswerDeliveries, Result<bool>>(d => d.UnlockNoticeLinkAsync(caller, requestId, row.Id, stamp, Cancel));
        Task<Result<bool>> ExtendAsync(Guid stamp, int days) =>
            WithAsync<AnswerDeliveries, Result<bool>>(d => d.ExtendNoticeLinkAsync(_officer, requestId, row.Id, stamp, days, Cancel));
        (await OffersACodeAsync()).ShouldBeTrue();
        // Ten wrong codes locked it (the lock itself is AnswerDeliveryTests'): the recipient's page says so, and so does the case.
        (await WithDbAsync(db => db.ResponseDeliveries.Where(d => d.RecipientNotificationId == row.Id).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.WrongCodes, ResponseDelivery.MaxWrongCodes).SetProperty(d => d.LockedAt, _clock.GetUtcNow()), Cancel))).ShouldBe(1);
        var locked = await LinkAsync();
        locked.IsLocked.ShouldBeTrue();
        (await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Locked);

        // An auditor may not, a stamp that was never read is stale, and another notice's id finds nothing: none of them changes it.
        var auditor = await Callers.ForAsync(_app, "auditor@privacydesk.test");
        (await UnlockAsync(auditor, locked.Stamp)).Errors.Select(e => e.Code).ShouldBe([CaseUnitOfWork.Forbidden.Code]);
        (await UnlockAsync(_officer, Guid.NewGuid())).Errors.Select(e => e.Code).ShouldBe([StaleEdit.Code]);
        (await WithAsync<AnswerDeliveries, Result<bool>>(d => d.UnlockNoticeLinkAsync(_officer, requestId, Guid.NewGuid(), locked.Stamp, Cancel)))
            .Errors.Select(e => e.Code).ShouldBe([DeliveryErrors.NoDelivery.Code]);
        (await LinkAsync()).IsLocked.ShouldBeTrue();

        ShouldSucceed(await UnlockAsync(_officer, locked.Stamp));
        (await LinkAsync()).IsLocked.ShouldBeFalse();
        (await OffersACodeAsync()).ShouldBeTrue();
        (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RecipientNotificationId == row.Id, Cancel))).WrongCodes.ShouldBe(0);

        // Past its expiry the page no longer offers a code; fourteen days from today open it again.
        var open = await LinkAsync();
        _clock.SetUtcNow(open.ExpiresAt.AddDays(2));
        (await LinkAsync()).IsExpired.ShouldBeTrue();
        (await OffersACodeAsync()).ShouldBeFalse();
        (await ExtendAsync((await LinkAsync()).Stamp, ResponseDelivery.MaxExtensionDays + 1)).Errors.Select(e => e.Code).ShouldBe([DeliveryErrors.ExtensionOutOfRange.Code]);
        ShouldSucceed(await ExtendAsync((await LinkAsync()).Stamp, 14));
        var extended = await LinkAsync();
        extended.IsExpired.ShouldBeFalse();
        extended.ExpiresAt.UtcDateTime.ShouldBe(_clock.GetUtcNow().AddDays(14).UtcDateTime, TimeSpan.FromSeconds(1));
        (await OffersACodeAsync()).ShouldBeTrue();

        // The subject's own answer has no delivery and was not touched; the trail names the notice actions, ids only.
        (await WithDbAsync(db => db.ResponseDeliveries.CountAsync(d => d.RequestId == requestId && d.RecipientNotificationId == null, Cancel))).ShouldBe(0);
        var trail = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.EntityId == requestId.ToString()).ToListAsync(Cancel));
        trail.Where(e => e.Action == ResponseDelivery.NoticeUnlockedAction).ShouldHaveSingleItem().ActorName.ShouldNotBe(AnswerPortal.PortalActor.Name);
        var extendedEvent = trail.Where(e => e.Action == ResponseDelivery.NoticeExtendedAction).ShouldHaveSingleItem();
        (extendedEvent.Before + extendedEvent.After).ShouldNotContain("@");
        trail.ShouldNotContain(e => e.Action == ResponseDelivery.UnlockedAction || e.Action == ResponseDelivery.ExtendedAction);
    }
}
