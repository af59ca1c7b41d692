using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Mail;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Portal;

/// <summary>
/// The real app on real SQLite with a clock the test moves, and browsers as plain HTTP clients with cookies: the portal's pages
/// are server-rendered forms, so a test fills them in exactly as a browser without script would.
/// </summary>
public sealed partial class PortalHarness : IAsyncDisposable
{
    /// <summary>Which client address a request comes from (a test-only header; the app never reads it itself).</summary>
    public const string ClientHeader = "X-Test-Client";

    private readonly PrivacyDeskAppFactory _app;
    private readonly WebApplicationFactory<Program> _factory;

    public PortalHarness(IReadOnlyDictionary<string, string>? settings = null, bool seedDemoCases = false)
    {
        _app = new PrivacyDeskAppFactory { SeedDemoCases = seedDemoCases };
        _factory = _app.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            });
        });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero));

    public IServiceProvider Services => _factory.Services;

    public static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A browser: its own cookies, no automatic redirects, a client address and a language.</summary>
    public HttpClient Browser(string client = "198.51.100.7", string language = "nl")
    {
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.Add(ClientHeader, client);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }

    public PrivacyDeskDbContext Db() => Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();

    /// <summary>A valid form as a person fills it in; change fields with <paramref name="change"/>.</summary>
    public static Dictionary<string, string> ValidForm(string email = "anna.jansen@example.nl", Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Type"] = "Access",
            ["FullName"] = "Anna Jansen",
            ["Email"] = email,
            ["CustomerNumber"] = "",
            ["Phone"] = "",
            ["Description"] = "Ik wil graag weten welke gegevens u van mij heeft.",
            ["ThirdPartyName"] = "",
            ["ThirdPartyEmail"] = "",
            ["Website"] = "",
        };
        change?.Invoke(form);
        return form;
    }

    /// <summary>Opens the form, waits like a person, and sends it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, Dictionary<string, string> form, TimeSpan? thinking = null)
    {
        var page = await browser.GetStringAsync(new Uri("/privacy", UriKind.Relative), Cancel);
        var fields = HiddenFields(page);
        foreach (var (key, value) in form)
        {
            fields[key] = value;
        }
        Clock.Advance(thinking ?? TimeSpan.FromSeconds(20));
        return await PostAsync(browser, "/privacy", fields);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string path, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);
    }

    /// <summary>Posts a form found on the page at <paramref name="pagePath"/> (its antiforgery token included) with extra fields.</summary>
    public static async Task<HttpResponseMessage> PostFromPageAsync(HttpClient browser, string pagePath, string action, IDictionary<string, string>? extra = null)
    {
        var page = await browser.GetStringAsync(new Uri(pagePath, UriKind.Relative), Cancel);
        var fields = HiddenFields(page);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }
        return await PostAsync(browser, action, fields);
    }

    public static async Task<HttpResponseMessage> EnterCodeAsync(HttpClient browser, string code) =>
        await PostFromPageAsync(browser, "/privacy/code", "/privacy/code", new Dictionary<string, string> { ["Code"] = code });

    /// <summary>The latest code e-mailed to <paramref name="email"/>, read from the outgoing mail table.</summary>
    public async Task<string> LatestCodeAsync(string email)
    {
        await using var db = Db();
        var mails = await db.OutgoingEmails.AsNoTracking().Where(m => m.Kind == MailKinds.PortalCode && m.To == email).ToListAsync(Cancel);
        mails.ShouldNotBeEmpty($"no code was e-mailed to {email}");
        return CodeIn().Match(mails.OrderBy(m => m.QueuedAt).ThenBy(m => m.Id).Last().Subject).Value;
    }

    /// <summary>Fills in the form and the right code: the request is registered. Answers the confirmation page.</summary>
    public async Task<string> RegisterAsync(HttpClient browser, Dictionary<string, string> form)
    {
        var submitted = await SubmitAsync(browser, form);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync(Cancel));
        var confirmed = await EnterCodeAsync(browser, await LatestCodeAsync(form["Email"]));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await confirmed.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>The status link path from the acknowledgement e-mail to <paramref name="email"/>.</summary>
    public async Task<string> StatusLinkAsync(string email)
    {
        await using var db = Db();
        var acknowledgement = await db.OutgoingEmails.AsNoTracking().SingleAsync(m => m.Kind == MailKinds.Acknowledgement && m.To == email, Cancel);
        return new Uri(StatusLink().Match(acknowledgement.TextBody).Value).PathAndQuery;
    }

    public static Dictionary<string, string> HiddenFields(string page) =>
        HiddenInputs().Matches(page).DistinctBy(m => m.Groups["name"].Value)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _app.DisposeAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodeIn();

    [GeneratedRegex("https?://\\S+/privacy/status/\\S+")]
    private static partial Regex StatusLink();

    /// <summary>Sets the connection's remote address from <see cref="ClientHeader"/>, as a proxy's forwarded header would.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
