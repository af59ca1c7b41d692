using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>Test apps start from a copy of one migrated database; a new installation still migrates itself on start.</summary>
public sealed class MigratedTemplateTests
{
    [Fact]
    public async Task ANewInstallationMigratesItsEmptyDatabaseAndSeedsItOnStart()
    {
        await using var factory = new PrivacyDeskAppFactory { MigrateFromEmpty = true };
        File.Exists(factory.DatabasePath).ShouldBeFalse();

        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var cancellation = Xunit.TestContext.Current.CancellationToken;
        (await db.Database.GetPendingMigrationsAsync(cancellation)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(cancellation)).ShouldBe(db.Database.GetMigrations());
        (await db.Users.Select(u => u.Email).ToListAsync(cancellation)).ShouldBe(DemoStaff.Users.Select(u => u.Email), ignoreOrder: true);
    }

    [Fact]
    public async Task EveryAppWritesToItsOwnCopyAndTheTemplateStaysEmpty()
    {
        await using var first = new PrivacyDeskAppFactory();
        await using var second = new PrivacyDeskAppFactory();
        _ = first.Server;
        _ = second.Server;
        var cancellation = Xunit.TestContext.Current.CancellationToken;

        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            await db.Database.ExecuteSqlRawAsync("UPDATE AspNetUsers SET DisplayName = 'changed in the first app'", cancellation);
        }

        await using (var scope = second.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            (await db.Users.Select(u => u.DisplayName).ToListAsync(cancellation)).ShouldBe(DemoStaff.Users.Select(u => u.DisplayName), ignoreOrder: true);
        }
        await using var third = new PrivacyDeskAppFactory { Environment = "Production" };
        _ = third.Server;
        await using var connection = new SqliteConnection($"Data Source={third.DatabasePath};Pooling=False");
        await connection.OpenAsync(cancellation);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM AspNetUsers";
        ((long)(await count.ExecuteScalarAsync(cancellation))!).ShouldBe(0, "the template holds the schema only; users come from each app's own start");
    }
}
