using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>
/// One SQLite database migrated by the app's own migrations, once per test run (this assembly's process), which every
/// test app copies instead of migrating from nothing, as every app (most classes start one per test) used to.
/// It holds the schema only; each app still seeds roles, register, profile and users itself, with its own settings and clock.
/// </summary>
public static class MigratedTemplate
{
    private static readonly Lazy<string> Template = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A fresh copy of the migrated template at <paramref name="path"/>, for one app alone.</summary>
    public static void CopyTo(string path) => File.Copy(Template.Value, path, overwrite: false);

    private static string Create()
    {
        // Unique per process, so parallel runs and later migrations never pick up a stale template.
        var path = Path.Combine(Path.GetTempPath(), $"privacydesk-test-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(options, DatabaseProvider.Sqlite, connectionString);
        using (var db = new PrivacyDeskDbContext(options.Options))
        {
            db.Database.Migrate();
            // EF creates the file in WAL mode: fold the log into the file, so copying the one file copies everything.
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        File.Delete(path + "-wal");
        File.Delete(path + "-shm");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
