using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on its own temporary SQLite file (never EF InMemory). Development by default,
/// so the repository's appsettings.Development.json is loaded and the demo users exist.
/// </summary>
public class PrivacyDeskAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"privacydesk-test-{Guid.NewGuid():N}.db");

    static PrivacyDeskAppFactory()
    {
        // Each app instance would otherwise watch its settings files with inotify; dozens of test
        // apps exhaust the user's limit (128 on these machines) and later apps fail to start.
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public string Environment { get; init; } = "Development";

    public string DatabasePath => _databasePath;

    /// <summary>The demo subjects and requests (off by default, so a test starts from an empty case load).</summary>
    public bool SeedDemoCases { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:SqlitePath", _databasePath);
        builder.UseSetting("Demo:SeedCases", SeedDemoCases ? "true" : "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
        GC.SuppressFinalize(this);
    }
}
