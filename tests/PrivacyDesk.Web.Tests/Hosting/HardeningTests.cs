using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Hosting;

/// <summary>What an attacker probing the sign-in form, the sign-out endpoint and the answers' headers finds.</summary>
public sealed class HardeningTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task AFailedSignInNeverSendsTheTypedPasswordBack()
    {
        using var client = SignedInClient.Anonymous(app.Factory);
        const string typed = "Typed-Secret-Password-42!";

        using var response = await SignedInClient.PostLoginAsync(client, "lead@privacydesk.test", typed);

        var html = await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken);
        html.ShouldContain("Het e-mailadres of het wachtwoord is onjuist.");
        html.ShouldNotContain(typed);
        html.ShouldContain("lead@privacydesk.test", customMessage: "the e-mail address stays, so only the password is typed again");
    }

    [Fact]
    public async Task SignOutWithoutAnAntiforgeryTokenAnswersBadRequest()
    {
        // Production: there the exception handler re-executed /Error with the same form, and a forged sign-out was a 500 with three stack traces.
        await using var production = new ProductionApp();
        using var client = await SignedInClient.CreateAsync(production, "officer@privacydesk.test");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "" });

        using var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), form, Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // Still signed in: the forged sign-out did nothing.
        (await client.GetAsync(new Uri("/requests", UriKind.Relative), Xunit.TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignOutWithItsTokenSignsOutAndStaysOnThisSite()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, "officer@privacydesk.test");
        var page = await client.GetStringAsync(new Uri("/requests", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["returnUrl"] = "//evil.example/" });

        using var response = await client.PostAsync(new Uri("/Account/Logout", UriKind.Relative), form, Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A path on this site at most ("/evil.example/"), never another host.
        response.Headers.Location!.IsAbsoluteUri.ShouldBeFalse();
        response.Headers.Location.ToString().ShouldStartWith("/");
        response.Headers.Location.ToString().ShouldNotStartWith("//");
        (await client.GetAsync(new Uri("/requests", UriKind.Relative), Xunit.TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>The app as it runs in production (error page, no developer exceptions), with the demo staff to sign in with.</summary>
    private sealed class ProductionApp : PrivacyDeskAppFactory
    {
        public ProductionApp() => Environment = "Production";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:SeedUsers", "true");
        }
    }

    [Theory]
    [InlineData("/Account/Login", false)]
    [InlineData("/not-a-page", false)]
    [InlineData("/health", false)]
    [InlineData("/health/live", false)]
    [InlineData("/health/ready", false)]
    [InlineData("/app.css", false)]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css", false)]
    [InlineData("/api/v1/requests/DSR-2026-000001", false)]
    [InlineData("/openapi/v1.json", false)]
    [InlineData("/requests", true)]
    [InlineData("/register/export/art30.csv", true)]
    [InlineData("/dashboard/export/sla.csv", true)]
    [InlineData("/register/export/art30.pdf?lang=en", true)]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path, bool signedIn)
    {
        using var client = signedIn ? await SignedInClient.CreateAsync(app.Factory, "lead@privacydesk.test") : SignedInClient.Anonymous(app.Factory);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldNotBeNull($"{path} answered {(int)response.StatusCode} without a Content-Security-Policy");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        scriptSrc.ShouldBe("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("object-src 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("same-origin");
        Header(response, "Server").ShouldBeNull();
    }

    [Theory]
    [InlineData("/register/export/art30.csv", "text/csv", ".csv")]
    [InlineData("/dashboard/export/sla.csv", "text/csv", ".csv")]
    [InlineData("/register/export/art30.pdf?lang=en", "application/pdf", ".pdf")]
    public async Task DownloadsAreAttachmentsOfTheirType(string path, string mediaType, string extension)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, "lead@privacydesk.test");

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(mediaType);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldEndWith(extension);
    }

    [Fact]
    public void KestrelSendsNoServerHeader()
    {
        app.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();
    }

    [Fact]
    public async Task TheApiReferencePageHasItsOwnPolicyThatStillForbidsOtherSites()
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await client.GetAsync(new Uri("/api/reference/", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldNotBeNull();
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
