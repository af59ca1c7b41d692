using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// Every provider's migrations must describe the current model. SQLite and PostgreSQL run them here (PostgreSQL on the
/// run's real server, ADR 0047); SQL Server cannot run on our machines, so its path is kept honest by comparing the
/// model and generating the script offline.
/// </summary>
public sealed class MigrationsTests
{
    private static PrivacyDeskDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(options, provider, connectionString);
        return new PrivacyDeskDbContext(options.Options);
    }

    [Fact]
    public void TheSqliteMigrationsMatchTheModel()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for the Sqlite project");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void TheSqliteModelBuiltAheadOfTimeIsTheModelOnModelCreatingBuilds()
    {
        // The app starts on the compiled model (ADR 0056); a model change without `scripts/compile-model.sh` would run
        // the app on yesterday's model while the migrations follow today's. Compared whole: every entity, property,
        // key, index, navigation and converter, and the tables, columns and indexes they map to.
        var options = new DbContextOptionsBuilder<PrivacyDeskDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var fromCode = new PrivacyDeskDbContext(options);
        using var app = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var compiled = app.Model; // initialised for its provider, as the app uses it

        compiled.ToDebugString(MetadataDebugStringOptions.LongDefault)
            .ShouldBe(fromCode.Model.ToDebugString(MetadataDebugStringOptions.LongDefault), "run scripts/compile-model.sh");
        compiled.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault)
            .ShouldBe(fromCode.Model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault), "run scripts/compile-model.sh");
    }

    [Fact]
    public void TheAppRunsOnTheModelBuiltAheadOfTimeOnSqlite()
    {
        using var db = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");

        db.Model.ShouldBeSameAs(PrivacyDesk.Data.CompiledModels.Sqlite.PrivacyDeskDbContextModel.Instance);
    }

    [Fact]
    public void TheSqlServerMigrationsMatchTheModel()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=(none);Database=PrivacyDesk;TrustServerCertificate=True");

        db.Database.HasPendingModelChanges().ShouldBeFalse("run dotnet ef migrations add for the SqlServer project");
    }

    [Fact]
    public void TheSqlServerIdempotentScriptGeneratesEveryTable()
    {
        using var db = Context(DatabaseProvider.SqlServer, "Server=(none);Database=PrivacyDesk;TrustServerCertificate=True");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.ShouldContain("IF NOT EXISTS");
        foreach (var table in new[] { "AspNetUsers", "AspNetRoles", "AuditEvents", "DataProtectionKeys" })
        {
            script.ShouldContain($"CREATE TABLE [{table}]");
        }
    }

    [Fact]
    public void ThePostgreSqlMigrationsMatchTheModel()
    {
        using var db = Context(DatabaseProvider.PostgreSql, "Host=(none);Database=privacydesk");

        db.Database.HasPendingModelChanges().ShouldBeFalse("run scripts/squash-migrations.sh PostgreSql (or dotnet ef migrations add for the PostgreSql project)");
        db.Database.GetMigrations().ShouldHaveSingleItem().ShouldEndWith("_InitialCreate");
    }

    [Fact]
    public async Task ThePostgreSqlMigrationsCreateADatabaseOnARealServerFromNothing()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(migrated: false);
        try
        {
            await using var db = Context(DatabaseProvider.PostgreSql, connectionString);
            await db.Database.MigrateAsync(Xunit.TestContext.Current.CancellationToken);

            (await db.Database.GetPendingMigrationsAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBeEmpty();
            db.Database.HasPendingModelChanges().ShouldBeFalse();
            (await db.AuditEvents.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(0);
            // The queue's partial indexes (ADR 0016) exist on the server with their filters as PostgreSQL reads them.
            var open = await db.Database.SqlQuery<string>(
                $"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_Requests_Open_EffectiveDueOn'").SingleAsync(Xunit.TestContext.Current.CancellationToken);
            open.ShouldContain("WHERE ((\"Status\")::text = ANY");
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public void TheSqliteMigrationsCreateADatabaseFromNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"privacydesk-migrate-{Guid.NewGuid():N}.db");
        try
        {
            using (var db = Context(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False"))
            {
                db.Database.Migrate();
                db.Database.GetPendingMigrations().ShouldBeEmpty();
                db.AuditEvents.Count().ShouldBe(0);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
