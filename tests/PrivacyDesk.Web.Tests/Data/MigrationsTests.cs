using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PrivacyDesk.Data;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// Both providers' migrations must describe the current model. SQL Server cannot run on our
/// machines, so its path is kept honest by comparing the model and generating the script offline.
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
