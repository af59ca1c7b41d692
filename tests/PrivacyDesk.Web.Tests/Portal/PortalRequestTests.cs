using System.Net;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Portal;

/// <summary>The portal's request form, the e-mail code and the registration (issue 16), through real HTTP on real SQLite.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class PortalRequestTests : IAsyncLifetime
{
    private readonly PortalHarness _portal = new(new Dictionary<string, string> { ["Portal:PublicBaseUrl"] = "https://privacy.example.nl/privacy" });

    private static CancellationToken Cancel => PortalHarness.Cancel;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task TheFormSendsACodeAndRegistersNothingUntilTheCodeIsEntered()
    {
        using var browser = _portal.Browser();

        var submitted = await _portal.SubmitAsync(browser, PortalHarness.ValidForm());

        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        submitted.Headers.Location!.OriginalString.ShouldBe("/privacy/code");
        await using var db = _portal.Db();
        var code = await db.OutgoingEmails.AsNoTracking().SingleAsync(Cancel);
        code.Kind.ShouldBe(MailKinds.PortalCode);
        code.To.ShouldBe("anna.jansen@example.nl");
        code.TextBody.ShouldNotContain("Anna");
        (await db.Requests.CountAsync(Cancel)).ShouldBe(0);
        (await db.DataSubjects.CountAsync(Cancel)).ShouldBe(0);
        var page = await browser.GetStringAsync(new Uri("/privacy/code", UriKind.Relative), Cancel);
        page.ShouldContain("Vul uw code in");
    }

    [Fact]
    public async Task TheRightCodeRegistersAWebFormRequestVerifiedByEmailReceivedWhenVerifiedAndAcknowledged()
    {
        using var browser = _portal.Browser();
        (await _portal.SubmitAsync(browser, PortalHarness.ValidForm())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var code = await _portal.LatestCodeAsync("anna.jansen@example.nl");
        _portal.Clock.Advance(TimeSpan.FromMinutes(3));
        var verifiedAt = _portal.Clock.GetUtcNow();

        var confirmed = await PortalHarness.EnterCodeAsync(browser, code);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await confirmed.Content.ReadAsStringAsync(Cancel);
        await using var db = _portal.Db();
        var request = await db.Requests.AsNoTracking().SingleAsync(Cancel);
        page.ShouldContain(request.Reference.ToString());
        page.ShouldContain(PortalDates.InWords(request.DueOn, "nl"));
        request.Channel.ShouldBe(RequestChannel.WebForm);
        request.Type.ShouldBe(RequestType.Access);
        request.Language.ShouldBe("nl");
        request.ReceivedAt.ShouldBe(verifiedAt);
        var identity = request.IdentityVerifications.ShouldHaveSingleItem();
        identity.Method.ShouldBe(IdentityVerificationMethod.EmailVerified);
        identity.Outcome.ShouldBe(IdentityVerificationOutcome.Verified);
        identity.VerifiedById.ShouldBe(PortalActor.Id);
        identity.VerifiedAt.ShouldBe(verifiedAt);
        var subject = await db.DataSubjects.AsNoTracking().SingleAsync(Cancel);
        subject.EmailAddresses.ShouldBe(["anna.jansen@example.nl"]);
        var challenge = await db.PortalChallenges.AsNoTracking().SingleAsync(Cancel);
        challenge.RequestId.ShouldBe(request.Id);
        challenge.PendingSubmission.ShouldBeNull();
        (await db.PortalStatusLinks.AsNoTracking().SingleAsync(Cancel)).RequestId.ShouldBe(request.Id);

        var acknowledgement = await db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.Kind == MailKinds.Acknowledgement, Cancel);
        acknowledgement.To.ShouldBe("anna.jansen@example.nl");
        acknowledgement.Language.ShouldBe("nl");
        acknowledgement.RequestId.ShouldBe(request.Id);
        acknowledgement.TextBody.ShouldContain(request.Reference.ToString());
        acknowledgement.TextBody.ShouldContain(PortalDates.InWords(request.DueOn, "nl"));
        acknowledgement.TextBody.ShouldContain("https://privacy.example.nl/privacy/status/");
        acknowledgement.TextBody.ShouldNotContain("Anna");
        acknowledgement.TextBody.ShouldNotContain("gegevens u van mij heeft");
        (await db.OutboxMessages.CountAsync(Cancel)).ShouldBe(3, "the code, the acknowledgement e-mail and the acknowledgement letter each wait in the outbox");
        var letterPayload = PrivacyDesk.Web.Features.Documents.AcknowledgementLetters.Payload(request.Id);
        (await db.OutboxMessages.CountAsync(m => m.Kind == PrivacyDesk.Web.Features.Documents.AcknowledgementLetters.OutboxKind && m.Payload == letterPayload, Cancel))
            .ShouldBe(1, "a portal request gets the same acknowledgement letter on the case as an API request (ADR 0048)");
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == request.Id.ToString()).ToListAsync(Cancel);
        audit.ShouldContain(e => e.ActorId == PortalActor.Id && e.Action == "request.identity.verified");
    }

    [Fact]
    public async Task ACodeThatWasRightButWhoseRegistrationFailedRegistersOnTheNextTry()
    {
        using var browser = _portal.Browser();
        await _portal.SubmitAsync(browser, PortalHarness.ValidForm());
        var verifiedAt = _portal.Clock.GetUtcNow();
        await using (var db = _portal.Db())
        {
            // The code was right and saved, then the registration failed (a database hiccup): verified, still pending, no request.
            await db.PortalChallenges.ExecuteUpdateAsync(u => u.SetProperty(c => c.VerifiedAt, verifiedAt), Cancel);
        }
        _portal.Clock.Advance(TimeSpan.FromMinutes(2));

        var again = await PortalHarness.EnterCodeAsync(browser, await _portal.LatestCodeAsync("anna.jansen@example.nl"));

        (await again.Content.ReadAsStringAsync(Cancel)).ShouldContain("DSR-");
        await using var check = _portal.Db();
        var request = await check.Requests.AsNoTracking().SingleAsync(Cancel);
        request.ReceivedAt.ShouldBe(verifiedAt, "receipt stays the moment the code was right");
        (await check.PortalChallenges.AsNoTracking().SingleAsync(Cancel)).PendingSubmission.ShouldBeNull();
    }

    [Fact]
    public async Task EnglishVisitorsGetEnglishPagesAndAnEnglishRequest()
    {
        using var browser = _portal.Browser(language: "en");
        var form = await browser.GetStringAsync(new Uri("/privacy", UriKind.Relative), Cancel);
        form.ShouldContain("Make a privacy request");
        form.ShouldContain("<html lang=\"en\"");

        await _portal.RegisterAsync(browser, PortalHarness.ValidForm());

        await using var db = _portal.Db();
        (await db.Requests.AsNoTracking().SingleAsync(Cancel)).Language.ShouldBe("en");
        (await db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.Kind == MailKinds.Acknowledgement, Cancel)).Subject.ShouldStartWith("We have received your request");
    }

    [Fact]
    public async Task TheLanguageSwitchWorksWithoutSigningInAndReturnsToThePortal()
    {
        using var browser = _portal.Browser(language: "nl");

        var switched = await browser.GetAsync(new Uri("/privacy/language/en?returnUrl=%2Fprivacy", UriKind.Relative), Cancel);
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.OriginalString.ShouldBe("/privacy");
        (await browser.GetStringAsync(new Uri("/privacy", UriKind.Relative), Cancel)).ShouldContain("Make a privacy request");

        var elsewhere = await browser.GetAsync(new Uri("/privacy/language/nl?returnUrl=https%3A%2F%2Fevil.example", UriKind.Relative), Cancel);
        elsewhere.Headers.Location!.OriginalString.ShouldBe("/privacy");
        // A return address with a line break or a non-ASCII character (a 404 page's own path) goes home, never a server error.
        foreach (var odd in new[] { "%2Fprivacy%0d%0aX-Evil%3A%201", "%2Fprivacy%2F%C3%A9" })
        {
            var back = await browser.GetAsync(new Uri($"/privacy/language/nl?returnUrl={odd}", UriKind.Relative), Cancel);
            back.StatusCode.ShouldBe(HttpStatusCode.Redirect, odd);
            back.Headers.Location!.OriginalString.ShouldBe("/privacy", "Kestrel refuses such a Location header with a server error");
        }
    }

    [Fact]
    public async Task AWrongCodeFiveTimesLocksTheChallengeAndTheRightCodeThenRegistersNothing()
    {
        using var browser = _portal.Browser();
        await _portal.SubmitAsync(browser, PortalHarness.ValidForm());
        var code = await _portal.LatestCodeAsync("anna.jansen@example.nl");
        var wrong = code == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var answer = await PortalHarness.EnterCodeAsync(browser, wrong);
            answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await answer.Content.ReadAsStringAsync(Cancel)).ShouldContain($"U kunt het nog {5 - attempt} keer proberen");
        }
        var fifth = await PortalHarness.EnterCodeAsync(browser, wrong);
        (await fifth.Content.ReadAsStringAsync(Cancel)).ShouldContain("te vaak een verkeerde code");

        var afterwards = await PortalHarness.PostAsync(browser, "/privacy/code", new Dictionary<string, string> { ["Code"] = code });
        afterwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = _portal.Db();
        (await db.Requests.CountAsync(Cancel)).ShouldBe(0);
        (await db.PortalChallenges.AsNoTracking().SingleAsync(Cancel)).Attempts.ShouldBe(5);
    }

    [Fact]
    public async Task AnExpiredCodeRegistersNothing()
    {
        using var browser = _portal.Browser();
        await _portal.SubmitAsync(browser, PortalHarness.ValidForm());
        var code = await _portal.LatestCodeAsync("anna.jansen@example.nl");
        _portal.Clock.Advance(TimeSpan.FromMinutes(11));

        var answer = await PortalHarness.EnterCodeAsync(browser, code);

        (await answer.Content.ReadAsStringAsync(Cancel)).ShouldContain("Deze code is verlopen");
        await using var db = _portal.Db();
        (await db.Requests.CountAsync(Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task ACodeIsUsedOnceAndEnteringItAgainShowsTheSameReceipt()
    {
        using var browser = _portal.Browser();
        var first = await _portal.RegisterAsync(browser, PortalHarness.ValidForm());

        // The browser re-sends the code form (a reload after the confirmation): no second request.
        var again = await PortalHarness.PostAsync(browser, "/privacy/code", new Dictionary<string, string> { ["Code"] = "123456" });

        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = _portal.Db();
        (await db.Requests.CountAsync(Cancel)).ShouldBe(1);
        first.ShouldContain((await db.Requests.AsNoTracking().SingleAsync(Cancel)).Reference.ToString());
    }

    [Fact]
    public async Task BadInputIsAnsweredInTheVisitorsLanguageAndStoresNothing()
    {
        using var dutch = _portal.Browser();
        var answer = await _portal.SubmitAsync(dutch, PortalHarness.ValidForm("not-an-address", f =>
        {
            f["FullName"] = " ";
            f["Type"] = "";
            f["Phone"] = "call me";
            f["ThirdPartyName"] = "Andere Bank";
        }));

        answer.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await answer.Content.ReadAsStringAsync(Cancel);
        page.ShouldContain("Verbeter het volgende");
        page.ShouldContain("Kies wat u ons wilt vragen.");
        page.ShouldContain("Vul uw volledige naam in.");
        page.ShouldContain("Vul een geldig e-mailadres in");
        page.ShouldContain("Vul een telefoonnummer in");
        page.ShouldContain("href=\"#f-Email\"");
        page.ShouldContain("aria-invalid=\"true\"");
        page.ShouldContain("value=\"not-an-address\"", Case.Sensitive, "what the visitor typed stays in the form");

        using var english = _portal.Browser(language: "en");
        var englishAnswer = await _portal.SubmitAsync(english, PortalHarness.ValidForm(change: f => f["Description"] = ""));
        (await englishAnswer.Content.ReadAsStringAsync(Cancel)).ShouldContain("Describe your request.");

        using var portability = _portal.Browser();
        var wrongRight = await _portal.SubmitAsync(portability, PortalHarness.ValidForm(change: f => f["ThirdPartyName"] = "Andere Bank"));
        (await wrongRight.Content.ReadAsStringAsync(Cancel)).ShouldContain("alleen ontvangen bij een verzoek om overdraagbaarheid");

        await using var db = _portal.Db();
        (await db.PortalChallenges.CountAsync(Cancel)).ShouldBe(0);
        (await db.OutgoingEmails.CountAsync(Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task APortabilityRequestCarriesItsThirdParty()
    {
        using var browser = _portal.Browser();
        await _portal.RegisterAsync(browser, PortalHarness.ValidForm(change: f =>
        {
            f["Type"] = "Portability";
            f["ThirdPartyName"] = "Andere Bank N.V.";
            f["ThirdPartyEmail"] = "overstap@anderebank.example";
        }));

        await using var db = _portal.Db();
        var request = await db.Requests.AsNoTracking().SingleAsync(Cancel);
        request.Type.ShouldBe(RequestType.Portability);
        request.ThirdParty.ShouldBe(new ThirdPartyRecipient("Andere Bank N.V.", "overstap@anderebank.example"));
    }

    [Fact]
    public async Task AFilledHoneypotOrAFormSentAtOnceStoresNothing()
    {
        using var bot = _portal.Browser();
        var honeypot = await _portal.SubmitAsync(bot, PortalHarness.ValidForm(change: f => f["Website"] = "https://spam.example"));
        honeypot.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await honeypot.Content.ReadAsStringAsync(Cancel)).ShouldContain("Controleer uw gegevens en verstuur het formulier opnieuw.");

        var tooFast = await _portal.SubmitAsync(bot, PortalHarness.ValidForm(), thinking: TimeSpan.FromSeconds(1));
        tooFast.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var forged = PortalHarness.ValidForm();
        forged["Started"] = "made-up";
        var noStamp = await PortalHarness.PostFromPageAsync(bot, "/privacy", "/privacy", forged.Concat([new("Started", "made-up")]).DistinctBy(p => p.Key).ToDictionary());
        noStamp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await using var db = _portal.Db();
        (await db.PortalChallenges.CountAsync(Cancel)).ShouldBe(0);
        (await db.OutgoingEmails.CountAsync(Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryTokenStoresNothing()
    {
        using var browser = _portal.Browser();
        await browser.GetStringAsync(new Uri("/privacy", UriKind.Relative), Cancel);
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));

        var answer = await PortalHarness.PostAsync(browser, "/privacy", PortalHarness.ValidForm());

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = _portal.Db();
        (await db.PortalChallenges.CountAsync(Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task TheAnswerIsTheSameWhetherOrNotTheAddressBelongsToACustomer()
    {
        await using (var db = _portal.Db())
        {
            var customer = DataSubject.Register("Jan de Klant", ["jan.klant@example.nl"], [SubjectCategory.Customer], Domain.Staff.Actor.System,
                _portal.Clock.GetUtcNow(), customerNumber: "C-100200").Value;
            db.DataSubjects.Add(customer);
            await db.SaveChangesAsync(Cancel);
        }
        using var first = _portal.Browser("198.51.100.10");
        using var second = _portal.Browser("198.51.100.11");

        var known = await _portal.SubmitAsync(first, PortalHarness.ValidForm("jan.klant@example.nl"));
        var unknown = await _portal.SubmitAsync(second, PortalHarness.ValidForm("nobody.here@example.nl"));

        known.StatusCode.ShouldBe(unknown.StatusCode);
        known.Headers.Location.ShouldBe(unknown.Headers.Location);
        var knownPage = await first.GetStringAsync(new Uri("/privacy/code", UriKind.Relative), Cancel);
        var unknownPage = await second.GetStringAsync(new Uri("/privacy/code", UriKind.Relative), Cancel);
        WithoutTokens(knownPage).ShouldBe(WithoutTokens(unknownPage));
        await using var check = _portal.Db();
        var mails = await check.OutgoingEmails.AsNoTracking().OrderBy(m => m.To).ToListAsync(Cancel);
        mails.Select(m => m.TextBody.Replace(Code(m.Subject), "", StringComparison.Ordinal)).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task CodesPerAddressAreLimitedAndTheVisitorIsToldPlainly()
    {
        for (var i = 0; i < 5; i++)
        {
            using var browser = _portal.Browser($"198.51.100.{20 + i}");
            (await _portal.SubmitAsync(browser, PortalHarness.ValidForm())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        using var sixth = _portal.Browser("198.51.100.40");

        var answer = await _portal.SubmitAsync(sixth, PortalHarness.ValidForm("ANNA.Jansen@example.nl"));

        answer.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await answer.Content.ReadAsStringAsync(Cancel)).ShouldContain("Er zijn te veel codes gevraagd");
        await using var db = _portal.Db();
        (await db.PortalChallenges.CountAsync(Cancel)).ShouldBe(5);
        _portal.Clock.Advance(TimeSpan.FromMinutes(61));
        using var later = _portal.Browser("198.51.100.41");
        (await _portal.SubmitAsync(later, PortalHarness.ValidForm())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task CodesPerClientAreLimited()
    {
        await using var portal = new PortalHarness(new Dictionary<string, string> { ["Portal:CodesPerClientPerHour"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            using var browser = portal.Browser("203.0.113.5");
            (await portal.SubmitAsync(browser, PortalHarness.ValidForm($"person{i}@example.nl"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var same = portal.Browser("203.0.113.5");
        (await portal.SubmitAsync(same, PortalHarness.ValidForm("person9@example.nl"))).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        using var other = portal.Browser("203.0.113.6");
        (await portal.SubmitAsync(other, PortalHarness.ValidForm("person9@example.nl"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task PagesCarryNoStaffScriptsAndAreNeverCached()
    {
        using var browser = _portal.Browser();

        var response = await browser.GetAsync(new Uri("/privacy", UriKind.Relative), Cancel);

        var page = await response.Content.ReadAsStringAsync(Cancel);
        page.ShouldNotContain("<script");
        page.ShouldNotContain("MudBlazor");
        page.ShouldContain("Voorbeeldbank");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await browser.GetAsync(new Uri("/privacy/nothing-here", UriKind.Relative), Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string Code(string subject) => subject[^6..];

    private static string WithoutTokens(string page) =>
        System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]{40,}\"", "value=\"\"");
}
