using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.RateLimiting;
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

    [Fact]
    public async Task RegistrationsAreCountedOnceInTheirOwnUnitAndOneOverTheLimitStoresNothing()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(IntakeApiFactory.Post(Body()), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        using var refused = await client.SendAsync(IntakeApiFactory.Post(Body()), ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync(ct);
        (await db.ApiKeyRequests.CountAsync(ct)).ShouldBe(3, "the refused registration stored nothing");
        (await db.Set<RateWindow>().AsNoTracking().SingleAsync(ct)).Count.ShouldBe(3, "each registration counted once");
    }

    [Fact]
    public async Task ARegistrationOverAFullWindowIsRefusedWithoutWaitingForTheWriteGate()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(IntakeApiFactory.Post(Body()), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync(ct);

        // Someone else is writing: a flood over its limit must not queue behind them (nor take their lock after them).
        HttpResponseMessage refused;
        using (await WriteGate.EnterAsync(db, ct))
        {
            refused = await client.SendAsync(IntakeApiFactory.Post(Body()), ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
        }

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        (await db.ApiKeyRequests.CountAsync(ct)).ShouldBe(3);
        (await db.Set<RateWindow>().AsNoTracking().SingleAsync(ct)).Count.ShouldBe(3, "a refusal changes nothing");
        refused.Dispose();
    }

    [Fact]
    public async Task CallsThatDoNotRegisterAreCountedAndOverTheLimitAnsweredTooManyRequests()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        (await client.SendAsync(IntakeApiFactory.Post(Body()), ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendAsync(IntakeApiFactory.Post("{}"), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.SendAsync(IntakeApiFactory.Post(Body(email: "not an address")), ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var badOverTheLimit = await client.SendAsync(IntakeApiFactory.Post("{}"), ct);
        using var goodOverTheLimit = await client.SendAsync(IntakeApiFactory.Post(Body()), ct);

        badOverTheLimit.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        goodOverTheLimit.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync(ct);
        (await db.ApiKeyRequests.CountAsync(ct)).ShouldBe(1);
    }

    private static string Body(string? email = null) =>
        $$"""{"type":"access","language":"en","subject":{"fullName":"Anna de Vries","email":"{{email ?? $"anna.{Guid.NewGuid():N}@example.com"}}"},"description":"Please send me a copy of my personal data."}""";
}
