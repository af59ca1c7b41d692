using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Benchmarks;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// The intake bench's bare insert (the API's yardstick, issue 17) writes its two rows with raw SQL, on SQLite and on PostgreSQL
/// (<c>intake --postgresql</c>): on a freshly migrated database of each, the app must read back the case it wrote, or the bench
/// measures an insert the product would not accept.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class BenchBareInsertTests : IAsyncLifetime
{
    private string _connectionString = "";
    private string? _sqlitePath;

    public async ValueTask InitializeAsync()
    {
        if (TestDatabases.Current == DatabaseProvider.PostgreSql)
        {
            _connectionString = PostgresTestServer.ConnectionString(await PostgresTestServer.CreateDatabaseAsync(migrated: true));
            return;
        }
        _sqlitePath = Path.Combine(Path.GetTempPath(), $"privacydesk-bench-bare-{Guid.NewGuid():N}.db");
        MigratedTemplate.CopyTo(_sqlitePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _sqlitePath, Pooling = false }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is null)
        {
            await PostgresTestServer.DropDatabaseAsync(_connectionString);
            return;
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_sqlitePath + suffix);
        }
    }

    [Fact]
    public async Task TheBareInsertWritesACaseTheAppReads()
    {
        using var minimal = _sqlitePath is null ? MinimalIntake.OnPostgreSql(_connectionString) : new MinimalIntake(_connectionString);
        var body = JsonSerializer.Serialize(new
        {
            type = "Access",
            language = "nl",
            description = "Welke gegevens hebben jullie van mij?",
            subject = new { fullName = "Bench Proef", email = "bench.proef@example.nl" },
        });
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        http.Response.Body = new MemoryStream();

        var dayBefore = DateOnly.FromDateTime(DateTime.UtcNow);
        var result = await minimal.HandleAsync(http);
        await result.ExecuteAsync(http);
        var dayAfter = DateOnly.FromDateTime(DateTime.UtcNow);

        http.Response.StatusCode.ShouldBe((int)HttpStatusCode.Created);
        var options = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(options, TestDatabases.Current, _connectionString);
        await using var db = new PrivacyDeskDbContext(options.Options);
        var stored = await db.Requests.AsNoTracking().SingleAsync(Xunit.TestContext.Current.CancellationToken);
        stored.Reference.ToString().ShouldBe("DSR-2099-000001");
        stored.Status.ShouldBe(RequestStatus.Received);
        stored.ReceivedOn.ShouldBeOneOf(dayBefore, dayAfter);
        var subject = await db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == stored.SubjectId, Xunit.TestContext.Current.CancellationToken);
        subject.FullName.ShouldBe("Bench Proef");
        subject.EmailAddresses.ShouldContain("bench.proef@example.nl");
    }
}
