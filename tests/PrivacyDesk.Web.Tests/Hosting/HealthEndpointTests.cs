using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Hosting;

/// <summary>The load balancer's two questions (ADR 0050): is the process up, and may it take traffic.</summary>
public sealed class HealthEndpointTests
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task AnAnonymousCallerGetsTheWordHealthyAndNothingElse(string path)
    {
        await using var app = new PrivacyDeskAppFactory { RunOutbox = true };
        using var client = SignedInClient.Anonymous(app);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe("Healthy");
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task ADatabaseMissingAMigrationIsNotReadyButTheProcessIsLive()
    {
        await using var app = new PrivacyDeskAppFactory();
        using var client = SignedInClient.Anonymous(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // As if a newer build started against a database the older one still serves.
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var last = (await db.Database.GetAppliedMigrationsAsync(Xunit.TestContext.Current.CancellationToken)).Last();
            await db.Database.ExecuteSqlAsync($"DELETE FROM __EFMigrationsHistory WHERE MigrationId = {last}", Xunit.TestContext.Current.CancellationToken);
        }

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        // Which check failed, and why, is for the operator's logs, not for whoever asks.
        (await ready.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe("Unhealthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnInstanceWhoseOutboxRunnerStoppedIsNotReady()
    {
        await using var app = new PrivacyDeskAppFactory { RunOutbox = true };
        using var client = SignedInClient.Anonymous(app);
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Xunit.TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The runner's loop ends (as after a crash) while the app goes on answering.
        await app.Services.GetRequiredService<PrivacyDesk.Data.Outbox.OutboxRunner>().StopAsync(Xunit.TestContext.Current.CancellationToken);

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe("Unhealthy");
    }
}
