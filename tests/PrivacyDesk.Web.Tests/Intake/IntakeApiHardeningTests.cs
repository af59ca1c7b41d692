using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>Key guessing, the demo key outside Development, and bodies that parse but say two things.</summary>
public sealed class IntakeApiHardeningTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task RandomKeysShareTheAllowanceOfTheCallersAddressAndGetTooManyRequests()
    {
        await using var app = new IntakeApiFactory { PermitsPerMinute = 20 };
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            var guess = $"pdk_{Random.Shared.Next():x8}_{Guid.NewGuid():N}{Guid.NewGuid():N}"[..61];
            using var response = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001", guess), Ct);
            statuses.Add(response.StatusCode);
        }

        statuses.Take(20).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(20).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);

        // The known key has its own allowance, untouched by the guesses from the same address.
        using var known = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), Ct);
        known.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GuessedKeysLeaveNothingBehindInTheAppsMemory()
    {
        await using var app = new IntakeApiFactory { PermitsPerMinute = 10 };
        using var client = app.CreateClient();
        using (await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), Ct))
        {
        }
        var cache = (Microsoft.Extensions.Caching.Memory.MemoryCache)app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>();
        var before = cache.Count;

        for (var i = 0; i < 200; i++)
        {
            var guess = $"pdk_{Random.Shared.Next():x8}_{Guid.NewGuid():N}{Guid.NewGuid():N}"[..61];
            using var response = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001", guess), Ct);
        }

        // Each guess used to stay cached for five seconds: a flood of random prefixes grew memory without bound.
        cache.Count.ShouldBeLessThanOrEqualTo(before + 2);
    }

    [Fact]
    public async Task AKnownKeyIsLimitedByItsPrefixWhateverSecretIsSentWithIt()
    {
        await using var app = new IntakeApiFactory { PermitsPerMinute = 3 };
        using var client = app.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The demo key's public prefix with a wrong secret: counted against that key, not a fresh allowance.
        var wrongSecret = IntakeApiFactory.DemoKey[..14] + new string('a', 48);
        using var response = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001", wrongSecret), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TheDemoKeyIsNotHonouredOutsideDevelopment()
    {
        await using var app = new IntakeApiFactory { Environment = "Production", ExtraSettings = { ["IntakeApi:DemoKey"] = IntakeApiFactory.DemoKey } };
        using var client = app.CreateClient();

        using var response = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().ApiKeys.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ADemoKeyStoredInDevelopmentIsRevokedWhenTheDatabaseStartsOutsideDevelopment()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"privacydesk-demo-key-{Guid.NewGuid():N}.db");
        try
        {
            await using (var development = new IntakeApiFactory())
            {
                using var client = development.CreateClient();
                using var honoured = await client.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), Ct);
                honoured.StatusCode.ShouldBe(HttpStatusCode.NotFound);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Copy(development.DatabasePath, copy);
            }
            await using var production = new IntakeApiFactory { Environment = "Production", ExtraSettings = { ["Database:SqlitePath"] = copy } };
            using var productionClient = production.CreateClient();

            using var response = await productionClient.SendAsync(IntakeApiFactory.Get("DSR-2026-000001"), Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            await using var scope = production.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var demo = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == "0000d3e0", Ct);
            demo.IsRevoked.ShouldBeTrue();
            (await db.AuditEvents.AsNoTracking().CountAsync(e => e.Action == "api_key.revoked" && e.EntityId == demo.Id.ToString(), Ct)).ShouldBe(1);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }
    }

    [Theory]
    [InlineData("""{"type":"access","type":"erasure","language":"en","subject":{"fullName":"Anna","email":"anna@example.com"},"description":"x"}""", "type")]
    [InlineData("""{"type":"access","language":"en","subject":{"fullName":"Anna","email":"anna@example.com","EMAIL":"eve@example.com"},"description":"x"}""", "subject.email")]
    public async Task ADuplicateKeyIsRefusedWithAProblemNamingIt(string body, string field)
    {
        await using var app = new IntakeApiFactory();
        using var client = app.CreateClient();
        var before = await app.CountRowsAsync();

        using var response = await client.SendAsync(IntakeApiFactory.Post(body), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var problem = json.GetProperty("problems").EnumerateArray().Single();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("code").GetString().ShouldBe("api.body.duplicate_property");
        problem.GetProperty("message").GetString()!.ShouldContain(field);
        (await app.CountRowsAsync()).ShouldBe(before);
    }
}
