using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Benchmarks;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// The benchmarks write their rows with raw SQL (to measure the queue and the intake, not EF Core's change tracker), so a schema
/// change can break them without any app test noticing: the squash of the migrations (ADR 0022) dropped column defaults the
/// loaders relied on, and the benches failed only when next run. Here the queue bench's loader (SQLite only) runs on a freshly
/// migrated database and the app reads back what it wrote, through EF Core and through the queue; the intake bench's bare insert
/// is <see cref="BenchBareInsertTests"/>.
/// </summary>
public sealed class BenchLoadersTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"privacydesk-bench-loader-{Guid.NewGuid():N}.db");

    public BenchLoadersTests() => MigratedTemplate.CopyTo(_path);

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public async Task TheQueueBenchmarksLoaderWritesCasesTheAppReadsAndTheQueueShows()
    {
        var today = DeadlinePolicy.Default.Today(TimeProvider.System);
        QueueDataLoader.Load(ConnectionString, 400, today);

        await using (var db = Context())
        {
            // Every column of every row materialised: a NULL where the model wants a value, or an unknown enum name, throws here.
            var requests = await db.Requests.AsNoTracking().ToListAsync(Xunit.TestContext.Current.CancellationToken);
            requests.Count.ShouldBe(400);
            requests.ShouldContain(r => r.Status == RequestStatus.Responded);
            requests.ShouldContain(r => r.Status == RequestStatus.InProgress);
            (await db.DataSubjects.AsNoTracking().ToListAsync(Xunit.TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
        }

        await using var services = Services();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var settings = new ControllerSettings(services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>(), new ControllerOptions(), TimeProvider.System);
        var queue = new RequestQueue(scopes, settings, TimeProvider.System, new CaseUnitOfWork(scopes, TimeProvider.System, settings));
        var lead = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, QueueDataLoader.HandlerId(QueueDataLoader.Officers)),
                new Claim(IdentitySetup.DisplayNameClaim, "Team lead 00"),
                new Claim(ClaimTypes.Role, StaffRole.TeamLead),
            ], "Test"));

        var page = (await queue.PageAsync(lead, new QueueQuery(QueueFilter.Closed, QueueSort.Received, Descending: true), Xunit.TestContext.Current.CancellationToken)).Value;

        page.TotalCount.ShouldBeGreaterThan(0);
        page.Rows.ShouldNotBeEmpty();
    }

    private PrivacyDeskDbContext Context()
    {
        var options = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(options, DatabaseProvider.Sqlite, ConnectionString);
        return new PrivacyDeskDbContext(options.Options);
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = _path })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataServices(configuration, Path.GetDirectoryName(_path)!);
        return services.BuildServiceProvider();
    }
}
