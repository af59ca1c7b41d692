using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Data;
using PrivacyDesk.Data.RateLimiting;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>
/// Two app instances on one database (ADR 0050): the intake API's per-key limit is one allowance for both, and calls
/// arriving together on both cannot pass it together.
/// </summary>
public sealed class IntakeApiSharedLimitTests
{
    // The start of a minute, so a test's calls all fall in one window.
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoInstancesShareOneKeysAllowance()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var first = new Instance(clock, limit: 4);
        await using var second = new Instance(clock, limit: 4, first.DatabasePath);
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        for (var i = 0; i < 2; i++)
        {
            (await a.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await b.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var refusedOnFirst = await a.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct);
        using var refusedOnSecond = await b.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct);
        refusedOnFirst.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refusedOnSecond.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refusedOnSecond.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBe(60);

        // The next minute is a new window, on both.
        clock.Advance(TimeSpan.FromMinutes(1));
        (await b.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ParallelCallsOnTwoInstancesNeverPassTheLimitTogether()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var first = new Instance(clock, limit: 10);
        await using var second = new Instance(clock, limit: 10, first.DatabasePath);
        using var a = first.CreateClient();
        using var b = second.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? a : b).SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), ct);
            return response.StatusCode;
        }));

        answers.Count(s => s == HttpStatusCode.NotFound).ShouldBe(10);
        answers.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(30);
    }

    [Fact]
    public async Task AWindowsKeyIsAKeyedHashThatInstancesSharingTheKeyAgreeOn()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        const string Partition = "intake:address:203.0.113.7";
        await using var first = new Instance(clock, limit: 10);
        await using var second = new Instance(clock, limit: 10, first.DatabasePath);
        await using var otherKey = new Instance(clock, limit: 10, first.DatabasePath);
        otherKey.ExtraSettings["Portal:CodeKey"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("another-portal-key-of-thirty-two-bytes-or-more"));

        foreach (var instance in new[] { first, second, otherKey })
        {
            (await instance.Services.GetRequiredService<RateWindows>().TryTakeAsync(Partition, 10, TimeSpan.FromMinutes(1), ct)).Permitted.ShouldBeTrue();
        }

        await using var db = first.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var rows = await db.Set<RateWindow>().AsNoTracking().OrderByDescending(w => w.Count).ToListAsync(ct);
        rows.Count.ShouldBe(2);
        rows[0].Count.ShouldBe(2, "the two instances with one key count in one window");
        rows[1].Count.ShouldBe(1);
        // Not the plain hash: 2^32 IPv4 addresses hashed without the key would give the address back.
        rows.ShouldAllBe(w => w.Key != Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Partition))));
        rows.ShouldAllBe(w => !w.Key.Contains("203.0.113.7", StringComparison.Ordinal));
    }

    /// <summary>One app instance with the test's clock; the second is given the first one's database file.</summary>
    private sealed class Instance : IntakeApiFactory
    {
        private readonly FakeTimeProvider _clock;

        public Instance(FakeTimeProvider clock, int limit, string? databasePath = null)
        {
            _clock = clock;
            PermitsPerMinute = limit;
            if (databasePath is not null)
            {
                DatabasePath = databasePath;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        }
    }
}
