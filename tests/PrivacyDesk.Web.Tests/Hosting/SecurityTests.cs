using System.Net;
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
    [InlineData("auditor@privacydesk.test", "/subjects")]
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

    [Fact]
    public async Task AWrongPasswordDoesNotSignIn()
    {
        using var client = SignedInClient.Anonymous(app.Factory);

        using var response = await SignedInClient.PostLoginAsync(client, "lead@privacydesk.test", "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Het e-mailadres of het wachtwoord is onjuist.");
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
