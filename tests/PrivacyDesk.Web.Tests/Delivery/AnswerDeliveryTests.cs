using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Delivery;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Portal;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Delivery;

/// <summary>Secure delivery of the answer (issue 16, ADR 0045) on the real app and a real SQLite database, with a clock the tests move.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed partial class AnswerDeliveryTests : IAsyncLifetime
{
    private const string Site = "https://desk.example.nl/";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PrivacyDeskAppFactory _app = new();
    private WebApplicationFactory<Program> _services = default!;
    private ClaimsPrincipal _officer = default!;
    private ClaimsPrincipal _lead = default!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _officer = await Callers.ForAsync(_app, "officer@privacydesk.test");
        _lead = await Callers.ForAsync(_app, "lead@privacydesk.test");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static T Service<T>(AsyncServiceScope scope)
        where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    private async Task<TResult> WithAsync<T, TResult>(Func<T, Task<TResult>> use)
        where T : notnull
    {
        await using var scope = _services.Services.CreateAsyncScope();
        return await use(Service<T>(scope));
    }

    private async Task<TResult> WithDbAsync<TResult>(Func<PrivacyDeskDbContext, Task<TResult>> use)
    {
        await using var scope = _services.Services.CreateAsyncScope();
        return await use(Service<PrivacyDeskDbContext>(scope));
    }

    private static void ShouldSucceed(Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Code)));

    private Task<CaseView> OpenAsync(RequestReference reference) => WithAsync<CaseWorkspace, CaseView>(async w =>
    {
        var opened = await w.ReloadAsync(_officer, reference.ToString(), Cancel);
        ShouldSucceed(opened);
        return opened.Value;
    });

    /// <summary>A case taken, verified, decided, submitted and approved: the next step is sending it.</summary>
    private async Task<CaseView> ReadyToSendAsync(RequestType type = RequestType.Access)
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_app, type, _clock.GetUtcNow());
        var view = await OpenAsync(reference);
        await WithAsync<CaseWorkspace, bool>(async w =>
        {
            ShouldSucceed(await w.TakeAsync(_officer, view.Id, view.Stamp, Cancel));
            view = await OpenAsync(reference);
            ShouldSucceed(await w.RecordIdentityCheckAsync(_officer, view.Id, view.Stamp,
                new IdentityCheckInput(IdentityVerificationMethod.KnownChannel, IdentityVerificationOutcome.Verified, "Bekend e-mailadres", false, false), Cancel));
            view = await OpenAsync(reference);
            ShouldSucceed(await w.StartProcessingAsync(_officer, view.Id, view.Stamp, Cancel));
            view = await OpenAsync(reference);
            foreach (var row in view.Purposes)
            {
                var option = row.Options[0];
                ShouldSucceed(await w.RecordDecisionAsync(_officer, view.Id, view.Stamp, new DecisionInput(row.PurposeId, option.Kind, option.Ground, "Toelichting."), Cancel));
                view = await OpenAsync(reference);
            }
            ShouldSucceed(await w.SubmitForApprovalAsync(_officer, view.Id, view.Stamp, Cancel));
            view = await OpenAsync(reference);
            ShouldSucceed(await w.ApproveAsync(_lead, view.Id, view.Stamp, "Akkoord.", Cancel));
            return true;
        });
        return await OpenAsync(reference);
    }

    private async Task<CaseView> SendAsync(RequestType type = RequestType.Access)
    {
        var view = await ReadyToSendAsync(type);
        ShouldSucceed(await WithAsync<CaseWorkspace, Result>(w => w.MarkRespondedAsync(_officer, view.Id, view.Stamp, Site, Cancel)));
        return view;
    }

    private Task<OutgoingEmail> DeliveryMailAsync(Guid requestId) => WithDbAsync(db =>
        db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.RequestId == requestId && e.Kind == MailKinds.ResponseDelivery, Cancel));

    private static string TokenIn(OutgoingEmail mail) => AnswerLink().Match(mail.TextBody).Groups["token"].Value;

    [GeneratedRegex(@"https://desk\.example\.nl/privacy/answer/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex AnswerLink();

    [GeneratedRegex(@"\b(?<code>\d{6})\b")]
    private static partial Regex Code();

    private async Task<string> LastCodeAsync() => await WithDbAsync(async db =>
    {
        var mail = await db.OutgoingEmails.AsNoTracking().Where(e => e.Kind == MailKinds.PortalCode).OrderByDescending(e => e.QueuedAt).FirstAsync(Cancel);
        mail.To.ShouldBe("ayse@example.nl");
        return Code().Match(mail.Subject).Groups["code"].Value;
    });

    /// <summary>Sends a code for the link and enters it: the portal's way in.</summary>
    private async Task<Guid> UnlockAsync(string token)
    {
        var challenge = await WithAsync<AnswerPortal, Result<Guid>>(p => p.SendCodeAsync(token, "203.0.113.7", "nl", Cancel));
        ShouldSucceed(challenge);
        (await WithAsync<AnswerPortal, PortalCodeCheck>(async p => await p.VerifyAsync(token, challenge.Value, await LastCodeAsync(), Cancel)))
            .ShouldBe(PortalCodeCheck.Verified);
        return challenge.Value;
    }

    [Fact]
    public async Task SendingAResponseCreatesOneDeliveryAndOneLinkEmailWithNoPersonalDataBeyondTheReference()
    {
        var view = await SendAsync();

        var deliveries = await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().Where(d => d.RequestId == view.Id).ToListAsync(Cancel));
        var delivery = deliveries.ShouldHaveSingleItem();
        var mails = await WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.RequestId == view.Id).ToListAsync(Cancel));
        var mail = mails.ShouldHaveSingleItem();
        mail.Kind.ShouldBe(MailKinds.ResponseDelivery);
        mail.To.ShouldBe("ayse@example.nl");
        mail.Language.ShouldBe("nl");
        mail.AttachmentDocumentIds.ShouldBeEmpty();
        delivery.EmailId.ShouldBe(mail.Id);
        (await WithDbAsync(db => db.OutboxMessages.AsNoTracking().CountAsync(m => m.Kind == OutgoingEmail.OutboxKind && m.Payload.Contains(mail.Id.ToString()), Cancel))).ShouldBe(1);

        mail.Subject.ShouldContain(view.Reference);
        mail.TextBody.ShouldContain(view.Reference);
        var token = TokenIn(mail);
        token.Length.ShouldBeGreaterThanOrEqualTo(40);
        delivery.TokenHash.ShouldNotContain(token);
        foreach (var personal in new[] { "Ayşe", "Çelik", "C-000042", "ayse@example.nl", "afschrift" })
        {
            mail.TextBody.ShouldNotContain(personal, Case.Insensitive);
            mail.Subject.ShouldNotContain(personal, Case.Insensitive);
        }
        // The access answer offers the approved response letter (made now, after the approval) and the copy of the data.
        var kinds = await WithDbAsync(db => db.GeneratedDocuments.AsNoTracking().Where(d => delivery.DocumentIds.Contains(d.Id)).Select(d => d.Kind).ToListAsync(Cancel));
        kinds.ShouldContain(DocumentKind.Response);
        kinds.ShouldAllBe(k => k == DocumentKind.Response || k == DocumentKind.CopyOfData);
        delivery.ExpiresAt.ShouldBe(_clock.GetUtcNow().AddDays(30), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TheRightCodeOpensTheDocumentsAndADownloadIsAuditedAndShownOnTheCase()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var link = (await WithAsync<AnswerPortal, AnswerLink?>(p => p.FindAsync(token, Cancel))).ShouldNotBeNull();
        link.MaskedEmail.ShouldBe("a•••@e•••.nl");
        link.IsExpired.ShouldBeFalse();

        var challenge = await WithAsync<AnswerPortal, Result<Guid>>(p => p.SendCodeAsync(token, "203.0.113.7", "nl", Cancel));
        ShouldSucceed(challenge);
        var code = await LastCodeAsync();
        var wrong = code == "000000" ? "111111" : "000000";
        (await WithAsync<AnswerPortal, PortalCodeCheck>(p => p.VerifyAsync(token, challenge.Value, wrong, Cancel))).ShouldBe(PortalCodeCheck.Wrong);
        (await WithAsync<AnswerPortal, PortalCodeCheck>(p => p.VerifyAsync(token, challenge.Value, code, Cancel))).ShouldBe(PortalCodeCheck.Verified);

        var documents = await WithAsync<AnswerPortal, IReadOnlyList<AnswerDocument>>(p => p.DocumentsAsync(link.DeliveryId, Cancel));
        var letter = documents.First(d => d.Kind == DocumentKind.Response);
        _clock.Advance(TimeSpan.FromDays(1));
        var file = await WithAsync<AnswerPortal, Result<PrivacyDesk.Web.Features.Documents.DocumentFile>>(p => p.DownloadAsync(token, letter.Id, Cancel));
        ShouldSucceed(file);
        var stored = await WithDbAsync(db => db.GeneratedDocuments.AsNoTracking().SingleAsync(d => d.Id == letter.Id, Cancel));
        file.Value.Content.ShouldBe(stored.Content);

        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.EntityType == DataSubjectRequest.AuditEntityType && e.EntityId == view.Id.ToString() && e.Action == ResponseDelivery.DownloadedAction, Cancel));
        audit.ActorName.ShouldBe(AnswerPortal.PortalActor.Name);
        audit.After.ShouldNotBeNull().ShouldContain(letter.Id.ToString());
        audit.After.ShouldNotContain("ayse", Case.Insensitive);

        var panel = await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, view.Id, Cancel));
        ShouldSucceed(panel);
        var shown = panel.Value.Delivery.ShouldNotBeNull();
        shown.FirstDownloadedAt.ShouldNotBeNull();
        shown.DownloadCount.ShouldBe(1);
        shown.EmailState.ShouldBe(DeliveryEmailState.Waiting);
        (await OpenAsync(RequestReference.Parse(view.Reference))).Timeline.Select(e => e.Action).ShouldContain(ResponseDelivery.DownloadedAction);
    }

    [Fact]
    public async Task AWrongCodeAnExpiredLinkAndAnotherCasesTokenGiveNothing()
    {
        var first = await SendAsync();
        var second = await SendAsync();
        var firstToken = TokenIn(await DeliveryMailAsync(first.Id));
        var secondToken = TokenIn(await DeliveryMailAsync(second.Id));
        var firstDocument = (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == first.Id, Cancel))).DocumentIds[0];

        // A guessed token finds nothing; another case's token does not open this case's document.
        (await WithAsync<AnswerPortal, AnswerLink?>(p => p.FindAsync("not-a-real-token-at-all", Cancel))).ShouldBeNull();
        await UnlockAsync(secondToken);
        (await WithAsync<AnswerPortal, Result<PrivacyDesk.Web.Features.Documents.DocumentFile>>(p => p.DownloadAsync(secondToken, firstDocument, Cancel)))
            .Errors.Select(e => e.Code).ShouldBe([DeliveryErrors.DocumentNotOffered.Code]);

        // A challenge of one link does not verify another link.
        var challenge = await WithAsync<AnswerPortal, Result<Guid>>(p => p.SendCodeAsync(firstToken, "203.0.113.7", "nl", Cancel));
        (await WithAsync<AnswerPortal, PortalCodeCheck>(async p => await p.VerifyAsync(secondToken, challenge.Value, await LastCodeAsync(), Cancel)))
            .ShouldBe(PortalCodeCheck.Wrong);

        // After 30 days the link says only that it expired: no code, no download.
        _clock.Advance(TimeSpan.FromDays(31));
        (await WithAsync<AnswerPortal, AnswerLink?>(p => p.FindAsync(firstToken, Cancel))).ShouldNotBeNull().IsExpired.ShouldBeTrue();
        (await WithAsync<AnswerPortal, Result<Guid>>(p => p.SendCodeAsync(firstToken, "203.0.113.7", "nl", Cancel))).IsFailure.ShouldBeTrue();
        (await WithAsync<AnswerPortal, Result<PrivacyDesk.Web.Features.Documents.DocumentFile>>(p => p.DownloadAsync(firstToken, firstDocument, Cancel)))
            .Errors.Select(e => e.Code).ShouldBe([DeliveryErrors.LinkExpired.Code]);
        (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == first.Id, Cancel))).DownloadCount.ShouldBe(0);
    }

    [Fact]
    public async Task AnOfficerExtendsTheLinkWithTheStampTheyReadAndAStaleOneIsRefused()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var before = (await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, view.Id, Cancel))).Value.Delivery!;

        // The subject downloads in between: the officer's stamp is stale, and nothing changes.
        await UnlockAsync(token);
        var document = (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel))).DocumentIds[0];
        ShouldSucceed(await WithAsync<AnswerPortal, Result<PrivacyDesk.Web.Features.Documents.DocumentFile>>(p => p.DownloadAsync(token, document, Cancel)));
        var stale = await WithAsync<AnswerDeliveries, Result<bool>>(d => d.ExtendAsync(_officer, view.Id, before.Stamp, 14, Cancel));
        stale.Errors.Select(e => e.Code).ShouldBe([StaleEdit.Code]);

        _clock.Advance(TimeSpan.FromDays(35));
        var fresh = (await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, view.Id, Cancel))).Value.Delivery!;
        fresh.IsExpired.ShouldBeTrue();
        ShouldSucceed(await WithAsync<AnswerDeliveries, Result<bool>>(d => d.ExtendAsync(_officer, view.Id, fresh.Stamp, 14, Cancel)));
        var after = (await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, view.Id, Cancel))).Value.Delivery!;
        after.IsExpired.ShouldBeFalse();
        after.ExtendedAt.ShouldNotBeNull();
        (await WithAsync<AnswerPortal, AnswerLink?>(p => p.FindAsync(token, Cancel)))!.IsExpired.ShouldBeFalse();
        (await WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(e => e.EntityId == view.Id.ToString() && e.Action == ResponseDelivery.ExtendedAction, Cancel))).ShouldBe(1);

        var range = await WithAsync<AnswerDeliveries, Result<bool>>(d => d.ExtendAsync(_officer, view.Id, after.Stamp, 0, Cancel));
        range.Errors.Select(e => e.Code).ShouldBe([DeliveryErrors.ExtensionOutOfRange.Code]);
    }

    [Fact]
    public async Task TheQuickFilterListsAnsweredCasesWhoseAnswerWasNotDownloaded()
    {
        var downloaded = await SendAsync();
        var waiting = await SendAsync();
        var open = await ReadyToSendAsync();
        var token = TokenIn(await DeliveryMailAsync(downloaded.Id));
        await UnlockAsync(token);
        var document = (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == downloaded.Id, Cancel))).DocumentIds[0];
        ShouldSucceed(await WithAsync<AnswerPortal, Result<PrivacyDesk.Web.Features.Documents.DocumentFile>>(p => p.DownloadAsync(token, document, Cancel)));

        var page = await WithAsync<RequestQueue, Result<QueuePage>>(q => q.PageAsync(_lead, new QueueQuery(QueueFilter.NotDownloaded), Cancel));
        ShouldSucceed(page);
        var references = page.Value.Rows.Select(r => r.Reference).ToList();
        references.ShouldContain(waiting.Reference);
        references.ShouldNotContain(downloaded.Reference);
        references.ShouldNotContain(open.Reference);
    }

    [Fact]
    public async Task AttachmentDeliveryQueuesTheDocumentsAsAttachments()
    {
        var view = await ReadyToSendAsync();
        ShouldSucceed(await WithAsync<AnswerDeliveries, Result>(d => d.ChooseMethodAsync(_officer, view.Id, view.Stamp, AnswerDeliveryMethod.Attachment, Cancel)));
        view = await OpenAsync(RequestReference.Parse(view.Reference));
        ShouldSucceed(await WithAsync<CaseWorkspace, Result>(w => w.MarkRespondedAsync(_officer, view.Id, view.Stamp, Site, Cancel)));

        var delivery = await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel));
        delivery.Method.ShouldBe(AnswerDeliveryMethod.Attachment);
        var mail = await DeliveryMailAsync(view.Id);
        mail.AttachmentDocumentIds.ShouldBe(delivery.DocumentIds);
        mail.TextBody.ShouldContain("bij deze e-mail gevoegd");
    }

    [Fact]
    public async Task TheAnswerPageAsksForACodeAndRevealsNothingWithoutOne()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var document = (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel))).DocumentIds[0];
        using var client = _services.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/privacy/answer/{token}", UriKind.Relative), Cancel));
        page.ShouldContain("data-testid=\"answer-send-code\"");
        page.ShouldContain("a•••@e•••.nl");
        page.ShouldNotContain(view.Reference);
        page.ShouldNotContain("Ayşe");
        page.ShouldNotContain("blazor.web.js\" autostart", Case.Insensitive);

        var unknown = await client.GetStringAsync(new Uri("/privacy/answer/unknown-token-0000000000000000000000000000", UriKind.Relative), Cancel);
        unknown.ShouldContain("data-testid=\"answer-expired\"");

        var download = await client.GetAsync(new Uri($"/privacy/answer/{token}/documents/{document}", UriKind.Relative), Cancel);
        download.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel))).DownloadCount.ShouldBe(0);
    }

    [Fact]
    public async Task TheCaseSaysDeliveredOnlyOnceTheEmailHasLeftAndUntilThenThatTheAnswerIsReady()
    {
        var view = await SendAsync();
        await using var host = new PanelHost(_services, _officer);

        var waiting = host.Render(view.Id);
        var line = waiting.Find("[data-testid=delivery-line]").TextContent;
        line.ShouldNotContain("Bezorgd", Case.Insensitive);
        line.ShouldContain("Klaargezet");
        waiting.Find("[data-testid=delivery-email]").TextContent.ShouldContain("E-mail wacht op verzending");

        _clock.Advance(TimeSpan.FromDays(1));
        var sentAt = _clock.GetUtcNow();
        await WithDbAsync(async db =>
        {
            var mail = await db.OutgoingEmails.SingleAsync(e => e.RequestId == view.Id && e.Kind == MailKinds.ResponseDelivery, Cancel);
            mail.MarkSent(sentAt);
            return await db.SaveChangesAsync(Cancel);
        });

        var sent = host.Render(view.Id);
        var day = TimeZoneInfo.ConvertTime(sentAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        sent.Find("[data-testid=delivery-line]").TextContent.ShouldContain("Bezorgd " + day.ToString("d MMM", new System.Globalization.CultureInfo("nl-NL")));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Cancel));

    [Fact]
    public async Task UnderAnotherBasePathTheEmailsLinkOpensTheAnswerAndTheFixedPathIsGone()
    {
        await _services.DisposeAsync();
        _services = _app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Portal:BasePath", "/mijn-privacy");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
        });
        var view = await SendAsync();
        var mail = await DeliveryMailAsync(view.Id);
        var link = Regex.Match(mail.TextBody, @"https://desk\.example\.nl/mijn-privacy/answer/(?<token>[A-Za-z0-9_-]+)");
        link.Success.ShouldBeTrue(mail.TextBody);
        var path = new Uri(link.Value).AbsolutePath;
        using var browser = _services.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Nothing of the portal answers there: the staff app's answer for any unknown path (to the sign-in page), never the answer page.
        var old = await browser.GetAsync(new Uri("/privacy/answer/" + link.Groups["token"].Value, UriKind.Relative), Cancel);
        old.StatusCode.ShouldNotBe(System.Net.HttpStatusCode.OK);
        (await TextAsync(old)).ShouldNotContain("answer-send-code");
        var page = await TextAsync(await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel));
        page.ShouldContain("data-testid=\"answer-send-code\"");
        page.ShouldContain($"action=\"{path}/send-code\"");

        var sent = await PortalHarness.PostAsync(browser, path + "/send-code", PortalHarness.HiddenFields(page));
        sent.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var fields = PortalHarness.HiddenFields(await TextAsync(sent));
        fields["Code"] = await LastCodeAsync();
        var verified = await PortalHarness.PostAsync(browser, path + "/code", fields);
        verified.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        verified.Headers.Location!.OriginalString.ShouldBe(path);
        verified.Headers.GetValues("Set-Cookie").ShouldContain(c => c.Contains("path=/mijn-privacy/answer", StringComparison.OrdinalIgnoreCase));

        var documents = await TextAsync(await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel));
        documents.ShouldContain("data-testid=\"answer-documents\"");
        var download = Regex.Match(documents, "href=\"(?<href>/mijn-privacy/answer/[^\"]+/documents/[0-9a-f-]+)\"");
        download.Success.ShouldBeTrue();
        (await browser.GetAsync(new Uri(download.Groups["href"].Value, UriKind.Relative), Cancel)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel))).DownloadCount.ShouldBe(1);
    }

    [Fact]
    public async Task OpeningTheDocumentListIsAuditedOnTheCaseAsThePortalWithIdsOnly()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var delivery = await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel));
        await UnlockAsync(token);

        var documents = await WithAsync<AnswerPortal, IReadOnlyList<AnswerDocument>>(p => p.DocumentsAsync(delivery.Id, Cancel));

        documents.Count.ShouldBe(delivery.DocumentIds.Count);
        var audits = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AnswerPortal.DocumentsViewedAction).ToListAsync(Cancel));
        var audit = audits.ShouldHaveSingleItem();
        audit.EntityType.ShouldBe(CaseWorkspace.ViewEntityType);
        audit.EntityId.ShouldBe(view.Id.ToString());
        audit.ActorName.ShouldBe(AnswerPortal.PortalActor.Name);
        audit.Details!.ShouldContain(delivery.Id.ToString());
        (audit.Details + audit.Before + audit.After).ShouldNotContain("ayse", Case.Insensitive);
        (audit.Details + audit.Before + audit.After).ShouldNotContain("Ayşe", Case.Insensitive);
    }

    [Fact]
    public async Task TenWrongCodesLockTheAnswerLinkUntilTheOfficerUnlocksIt()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var checks = new List<PortalCodeCheck>();
        for (var round = 0; round < 2; round++)
        {
            var challenge = await WithAsync<AnswerPortal, Result<Guid>>(p => p.SendCodeAsync(token, "203.0.113.7", "nl", Cancel));
            ShouldSucceed(challenge);
            var right = await LastCodeAsync();
            var wrong = right == "111111" ? "222222" : "111111";
            for (var i = 0; i < PortalChallenge.MaxAttempts; i++)
            {
                checks.Add(await WithAsync<AnswerPortal, PortalCodeCheck>(p => p.VerifyAsync(token, challenge.Value, wrong, Cancel)));
            }
        }
        checks[^1].ShouldBe(PortalCodeCheck.LinkLocked);
        checks.Take(ResponseDelivery.MaxWrongCodes - 1).ShouldNotContain(PortalCodeCheck.LinkLocked);

        var codeMails = await WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == MailKinds.PortalCode, Cancel));
        (await WithAsync<AnswerPortal, Result<Guid>>(p => p.SendCodeAsync(token, "203.0.113.7", "nl", Cancel))).Errors.ShouldContain(DeliveryErrors.LinkLocked);
        (await WithDbAsync(db => db.OutgoingEmails.CountAsync(e => e.Kind == MailKinds.PortalCode, Cancel))).ShouldBe(codeMails);
        using var browser = _services.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await browser.GetAsync(new Uri($"/privacy/answer/{token}", UriKind.Relative), Cancel);
        page.StatusCode.ShouldBe(System.Net.HttpStatusCode.Locked);
        (await TextAsync(page)).ShouldContain("data-testid=\"link-locked\"");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == ResponseDelivery.LockedAction && e.EntityId == view.Id.ToString(), Cancel))).ShouldBe(1);

        var panel = await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, view.Id, Cancel));
        panel.Value.Delivery!.LockedAt.ShouldNotBeNull();
        ShouldSucceed(await WithAsync<AnswerDeliveries, Result<bool>>(d => d.UnlockAsync(_officer, view.Id, panel.Value.Delivery.Stamp, Cancel)));

        // The newest code mail is the one just sent (the test clock stands still otherwise).
        _clock.Advance(TimeSpan.FromSeconds(1));
        await UnlockAsync(token);
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == ResponseDelivery.UnlockedAction && e.EntityId == view.Id.ToString(), Cancel))).ShouldBe(1);
        (await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel))).LockedAt.ShouldBeNull();
    }

    [Fact]
    public async Task ParallelWrongCodesOnSeveralLiveCodesCountTenAtMostLockOnceAndNeverFail()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var portal = _services.Services.GetRequiredService<AnswerPortal>();
        for (var round = 0; round < 3 && !await AnswerLockedAsync(view.Id); round++)
        {
            // A new hour: the address may ask for its codes again; every live code takes five guesses, all at once.
            _clock.Advance(TimeSpan.FromMinutes(61));
            var challenges = new List<Guid>();
            for (var i = 0; i < 5; i++)
            {
                var sent = await portal.SendCodeAsync(token, $"203.0.113.{20 + i}", "nl", Cancel);
                ShouldSucceed(sent);
                challenges.Add(sent.Value);
            }
            var wrong = await CodeNoMailHoldsAsync();
            await Task.WhenAll(challenges.SelectMany(c => Enumerable.Range(0, PortalChallenge.MaxAttempts)
                .Select(_ => Task.Run(() => portal.VerifyAsync(token, c, wrong, Cancel), Cancel))));
        }

        var delivery = await WithDbAsync(db => db.ResponseDeliveries.AsNoTracking().SingleAsync(d => d.RequestId == view.Id, Cancel));
        delivery.WrongCodes.ShouldBe(ResponseDelivery.MaxWrongCodes);
        delivery.LockedAt.ShouldNotBeNull();
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == ResponseDelivery.LockedAction && e.EntityId == view.Id.ToString(), Cancel))).ShouldBe(1);
    }

    [Fact]
    public async Task ParallelCodeRequestsForOneAddressNeverPassItsLimit()
    {
        var view = await SendAsync();
        var token = TokenIn(await DeliveryMailAsync(view.Id));
        var portal = _services.Services.GetRequiredService<AnswerPortal>();
        var limit = _services.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.CodesPerAddressPerHour;

        var sent = await Task.WhenAll(Enumerable.Range(0, limit + 7).Select(i =>
            Task.Run(() => portal.SendCodeAsync(token, $"203.0.113.{40 + i}", "nl", Cancel), Cancel)));

        sent.Count(r => r.IsSuccess).ShouldBe(limit);
        sent.Where(r => r.IsFailure).ShouldAllBe(r => r.Errors.Contains(PortalCodes.RateLimited));
        (await WithDbAsync(db => db.PortalChallenges.CountAsync(c => c.RequestId == view.Id, Cancel))).ShouldBe(limit);
    }

    [Fact]
    public async Task ALockedStatusLinkShowsOnTheCaseAndTheOfficerUnlocksItAudited()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_app, RequestType.Access, _clock.GetUtcNow());
        var view = await OpenAsync(reference);
        ShouldSucceed(await WithAsync<CaseWorkspace, Result>(w => w.TakeAsync(_officer, view.Id, view.Stamp, Cancel)));
        view = await OpenAsync(reference);
        await WithDbAsync(async db =>
        {
            db.PortalStatusLinks.Add(PortalStatusLink.Create(new byte[32], view.Id, _clock.GetUtcNow()).Link);
            await db.SaveChangesAsync(Cancel);
            return await db.PortalStatusLinks.Where(l => l.RequestId == view.Id).ExecuteUpdateAsync(u => u
                .SetProperty(l => l.WrongCodes, PortalStatusLink.MaxWrongCodes).SetProperty(l => l.LockedAt, _clock.GetUtcNow()), Cancel);
        });
        (await WithAsync<AnswerDeliveries, Result<DeliveryPanelView>>(d => d.ReadAsync(_officer, view.Id, Cancel))).Value.StatusLinkLockedAt.ShouldNotBeNull();
        await using var host = new PanelHost(_services, _officer);

        var panel = host.Render(view.Id, view.Stamp, "status-link-locked");
        panel.Find("[data-testid=status-link-locked]").TextContent.ShouldContain("Statuslink geblokkeerd");
        panel.Find("[data-testid=status-link-unlock]").Click();

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=status-link-locked]").ShouldBeEmpty());
        var link = await WithDbAsync(db => db.PortalStatusLinks.AsNoTracking().SingleAsync(l => l.RequestId == view.Id, Cancel));
        link.LockedAt.ShouldBeNull();
        link.WrongCodes.ShouldBe(0);
        var audit = (await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == PortalRequests.StatusUnlockedAction && e.EntityId == view.Id.ToString()).ToListAsync(Cancel))).ShouldHaveSingleItem();
        audit.ActorName.ShouldNotBe(PortalActor.Instance.Name);
        (await WithAsync<AnswerDeliveries, Result>(d => d.UnlockStatusLinkAsync(_officer, view.Id, view.Stamp, Cancel))).Errors.ShouldContain(DeliveryErrors.NotLocked);
    }

    private Task<bool> AnswerLockedAsync(Guid requestId) =>
        WithDbAsync(db => db.ResponseDeliveries.AnyAsync(d => d.RequestId == requestId && d.LockedAt != null, Cancel));

    /// <summary>A six-digit code that none of the code e-mails holds: wrong for every challenge.</summary>
    private async Task<string> CodeNoMailHoldsAsync()
    {
        var subjects = await WithDbAsync(db => db.OutgoingEmails.AsNoTracking().Where(e => e.Kind == MailKinds.PortalCode).Select(e => e.Subject).ToListAsync(Cancel));
        var sent = subjects.Select(s => Code().Match(s).Groups["code"].Value).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 1_000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !sent.Contains(c));
    }

    /// <summary>The case page's delivery panel rendered with bUnit on the test's app services, in Dutch.</summary>
    private sealed class PanelHost : MudBunitContext
    {
        public PanelHost(WebApplicationFactory<Program> services, ClaimsPrincipal officer)
        {
            Services.AddScoped(_ => services.Services.CreateScope().ServiceProvider.GetRequiredService<AnswerDeliveries>());
            SignIn(officer);
            RenderProviders();
        }

        /// <summary>The panel of a case with its stamp, once <paramref name="testId"/> is on it.</summary>
        public IRenderedComponent<PrivacyDesk.Web.Components.Pages.Requests.Case.DeliveryPanel> Render(Guid requestId, Guid caseStamp, string testId)
        {
            var panel = Render<PrivacyDesk.Web.Components.Pages.Requests.Case.DeliveryPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, caseStamp));
            panel.WaitForElement($"[data-testid={testId}]");
            return panel;
        }

        public IRenderedComponent<PrivacyDesk.Web.Components.Pages.Requests.Case.DeliveryPanel> Render(Guid requestId)
        {
            var panel = Render<PrivacyDesk.Web.Components.Pages.Requests.Case.DeliveryPanel>(p => p.Add(c => c.RequestId, requestId));
            panel.WaitForElement("[data-testid=delivery-line]");
            return panel;
        }
    }
}
