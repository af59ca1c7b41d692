using System.Net;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>Too many calls with one key: 429 with Retry-After, for that key only.</summary>
public sealed class IntakeApiRateLimitTests : IAsyncLifetime
{
    private readonly IntakeApiFactory _app = new() { PermitsPerMinute = 3 };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task AnswersTooManyRequestsWithRetryAfterPerKey()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var refused = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Headers.RetryAfter.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);

        // Another key has its own allowance.
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");
        var other = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<PrivacyDesk.Web.Features.Intake.ApiKeys>(_app.Services).CreateAsync(admin, "Other", ct);
        (await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001", other.Value.Key), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
