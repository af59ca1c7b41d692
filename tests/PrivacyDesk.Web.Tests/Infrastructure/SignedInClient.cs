using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using PrivacyDesk.Data.Seeding;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token, Blazor form handler and all).</summary>
public static partial class SignedInClient
{
    public static HttpClient Anonymous(PrivacyDeskAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> CreateAsync(PrivacyDeskAppFactory factory, string email, string password = DemoStaff.Password)
    {
        var client = Anonymous(factory);
        var response = await PostLoginAsync(client, email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"sign-in of {email} should redirect");
        return client;
    }

    /// <summary>Reads the sign-in form from <paramref name="client"/> and posts it there, or to <paramref name="postTo"/> (another app instance).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, string? returnUrl = null, HttpClient? postTo = null)
    {
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var content = new FormUrlEncodedContent(fields);
        var target = returnUrl is null ? "/Account/Login" : "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        return await (postTo ?? client).PostAsync(new Uri(target, UriKind.Relative), content);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();
}
