using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Hosting;

public sealed class SecurityTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/requests")]
    [InlineData("/subjects")]
    [InlineData("/register")]
    [InlineData("/dashboard")]
    [InlineData("/administration")]
    [InlineData("/Account/Manage")]
    public async Task EveryPageSendsAnonymousVisitorsToSignIn(string path)
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task SignInPageAndStylesAreOpenToAnonymousVisitors()
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        (await client.GetAsync(new Uri("/Account/Login", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/_content/MudBlazor/MudBlazor.min.css", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/app.css", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task HealthReportsDatabaseReachabilityWithoutDetails()
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Theory]
    [InlineData("auditor@privacydesk.test", "/administration")]
    [InlineData("officer@privacydesk.test", "/administration")]
    [InlineData("admin@privacydesk.test", "/requests")]
    [InlineData("admin@privacydesk.test", "/subjects")]
    public async Task APageOutsideTheRoleIsDeniedByTheServer(string email, string path)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [InlineData("officer@privacydesk.test", "/requests")]
    [InlineData("lead@privacydesk.test", "/dashboard")]
    [InlineData("auditor@privacydesk.test", "/register")]
    [InlineData("admin@privacydesk.test", "/administration")]
    public async Task APageWithinTheRoleIsServed(string email, string path)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    public async Task SignInNeverRedirectsOffSite(string returnUrl)
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await SignedInClient.PostLoginAsync(client, "lead@privacydesk.test", PrivacyDesk.Data.Seeding.DemoStaff.Password, returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task AWrongPasswordDoesNotSignIn()
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await SignedInClient.PostLoginAsync(client, "lead@privacydesk.test", "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Het e-mailadres of het wachtwoord is onjuist.");
    }
}

public sealed class SignInAuditTests(SharedApp app) : IClassFixture<SharedApp>
{
    private async Task<List<string>> ActionsForAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDesk.Data.PrivacyDeskDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.AuditEvents.Where(e => e.EntityId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task SignInsAndFailedAttemptsOfKnownAccountsAreAudited()
    {
        using var client = SignedInClient.Anonymous(app.Factory);
        await SignedInClient.PostLoginAsync(client, "auditor@privacydesk.test", "Wrong-Password-1!");
        await SignedInClient.PostLoginAsync(client, "auditor@privacydesk.test", PrivacyDesk.Data.Seeding.DemoStaff.Password);

        var actions = await ActionsForAsync("auditor@privacydesk.test");

        actions.ShouldContain("staff.sign_in_failed");
        actions.Last().ShouldBe("staff.signed_in");
    }

    [Fact]
    public async Task WhatSomeoneTypedForAnUnknownAccountIsNeverStored()
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        await SignedInClient.PostLoginAsync(client, "typo.in.address@elsewhere.example", "Whatever-1!");

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDesk.Data.PrivacyDeskDbContext>();
        (await db.AuditEvents.AnyAsync(e => e.EntityId.Contains("typo") || (e.Details != null && e.Details.Contains("typo")))).ShouldBeFalse();
    }
}

public sealed class LanguageTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData(null, "Aanmelden")]
    [InlineData("en-US,en;q=0.9", "Sign in")]
    [InlineData("en", "Sign in")]
    [InlineData("nl-BE", "Aanmelden")]
    [InlineData("de-DE", "Aanmelden")]
    [InlineData("de-DE,en;q=0.5", "Sign in")]
    public async Task TheSignInPageFollowsTheBrowserLanguageWithDutchAsDefault(string? acceptLanguage, string title)
    {
        using var client = SignedInClient.Anonymous(app.Factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).ShouldContain($">{title}</h1>");
    }

    [Fact]
    public async Task AnExplicitChoiceBeatsTheBrowserLanguage()
    {
        using var client = SignedInClient.Anonymous(app.Factory);
        using var choose = await client.GetAsync(new Uri("/preferences/culture?culture=nl&returnUrl=/Account/Login", UriKind.Relative));
        choose.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        choose.Headers.Location!.ToString().ShouldBe("/Account/Login");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-GB");

        using var response = await client.SendAsync(request);

        (await response.Content.ReadAsStringAsync()).ShouldContain(">Aanmelden</h1>");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task TheLanguageChoiceNeverRedirectsOffSite(string returnUrl)
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await client.GetAsync(new Uri($"/preferences/culture?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        response.Headers.Location!.ToString().ShouldBe("/");
    }
}

/// <summary>One app (and one database) shared by the tests of a class.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public PrivacyDeskAppFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
