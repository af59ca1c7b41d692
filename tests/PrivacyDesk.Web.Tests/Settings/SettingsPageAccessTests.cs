using System.Net;
using PrivacyDesk.Web.Tests.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Settings;

/// <summary>The settings pages through the real sign-in and authorization pipeline.</summary>
public sealed class SettingsPageAccessTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("lead@privacydesk.test", "/administration/controller")]
    [InlineData("officer@privacydesk.test", "/administration/controller")]
    [InlineData("officer@privacydesk.test", "/administration/calendar")]
    [InlineData("auditor@privacydesk.test", "/administration/calendar")]
    public async Task APageOutsideTheRoleIsDeniedByTheServer(string email, string path)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [InlineData("admin@privacydesk.test", "/administration/controller")]
    [InlineData("admin@privacydesk.test", "/administration/calendar")]
    [InlineData("lead@privacydesk.test", "/administration/calendar")]
    public async Task APageWithinTheRoleIsServed(string email, string path)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, email);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
