using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>The real app with the intake API's rate limit set per test class (the demo key comes from appsettings.Development.json).</summary>
public class IntakeApiFactory : PrivacyDeskAppFactory
{
    public const string DemoKey = "pdk_0000d3e0_development-only-demo-key-never-use-in-production";

    public int PermitsPerMinute { get; init; } = 100_000;

    /// <summary>More settings for this app, e.g. a demo key outside Development.</summary>
    public Dictionary<string, string> ExtraSettings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("IntakeApi:PermitsPerMinute", PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public static HttpRequestMessage Post(string? body, string? key = DemoKey, string? idempotencyKey = null, string contentType = "application/json")
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/requests", UriKind.Relative));
        if (body is not null)
        {
            message.Content = new StringContent(body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        AddHeaders(message, key, idempotencyKey);
        return message;
    }

    public static HttpRequestMessage PostBytes(byte[] body, string? key = DemoKey)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/requests", UriKind.Relative)) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        AddHeaders(message, key, null);
        return message;
    }

    public static HttpRequestMessage Get(string reference, string? key = DemoKey)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/requests/" + reference, UriKind.Relative));
        AddHeaders(message, key, null);
        return message;
    }

    private static void AddHeaders(HttpRequestMessage message, string? key, string? idempotencyKey)
    {
        if (key is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }
        if (idempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        message.Headers.AcceptLanguage.ParseAdd("en");
    }

    /// <summary>Rows of everything an intake could create, to show a refusal changed nothing.</summary>
    public async Task<(int Requests, int Subjects, int Audit, int Documents, int Links, int Idempotency)> CountRowsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var ct = Xunit.TestContext.Current.CancellationToken;
        return (await db.Requests.CountAsync(ct), await db.DataSubjects.CountAsync(ct), await db.AuditEvents.CountAsync(ct),
            await db.GeneratedDocuments.CountAsync(ct), await db.ApiKeyRequests.CountAsync(ct), await db.IdempotencyRecords.CountAsync(ct));
    }
}
