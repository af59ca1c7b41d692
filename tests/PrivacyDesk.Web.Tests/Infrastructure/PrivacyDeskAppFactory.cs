using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyDesk.Data;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on its own temporary SQLite file (never EF InMemory), or its own database on the run's real
/// PostgreSQL server (<see cref="Provider"/>, ADR 0047). Development by default, so the repository's
/// appsettings.Development.json is loaded and the demo users exist. The database starts as a copy of the run's migrated
/// template (<see cref="MigratedTemplate"/>, <see cref="PostgresTestServer"/>), unless <see cref="MigrateFromEmpty"/> asks for the app's own migrations.
/// </summary>
public class PrivacyDeskAppFactory : WebApplicationFactory<Program>
{
    /// <summary>The anchor key of apps started outside Development, where the repository's development value is not loaded.</summary>
    public const string TestAnchorKey = "test-only-audit-anchor-key-0123456789abcdef";

    /// <summary>The portal code key outside Development (base64 of 32 bytes; tests only).</summary>
    public const string TestPortalCodeKey = "dGVzdC1vbmx5LXBvcnRhbC1jb2RlLWtleS0wMTIzNDU2Nzg5YWI=";

    /// <summary>The erasure hash key of apps started outside Development (base64 of 32 bytes), where start-up refuses without one.</summary>
    public const string TestErasureHashKey = "dGVzdC1vbmx5LWVyYXN1cmUtaGFzaC1rZXktMDEyMzQ=";

    private readonly string _checkpointFolder = Path.Combine(Path.GetTempPath(), $"privacydesk-test-{Guid.NewGuid():N}-checkpoints");

    static PrivacyDeskAppFactory()
    {
        // Each app instance would otherwise watch its settings files with inotify; dozens of test
        // apps exhaust the user's limit (128 on these machines) and later apps fail to start.
        System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        System.Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public string Environment { get; init; } = "Development";

    /// <summary>This app's SQLite file (SQLite only; see <see cref="Provider"/>); give a second app the first one's to run two instances on one database.</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), $"privacydesk-test-{Guid.NewGuid():N}.db");

    /// <summary>The database this app runs on: the run's choice (<see cref="TestDatabases.Current"/>) unless a test fixes one.</summary>
    public DatabaseProvider Provider { get; init; } = TestDatabases.Current;

    private string? _postgresConnectionString;

    /// <summary>
    /// PostgreSQL only: join this database (made and dropped by the test, e.g. with <see cref="PostgresTestServer.CreateDatabaseAsync"/>)
    /// instead of making one for this app, to run several instances on one database.
    /// </summary>
    public string? SharedPostgreSqlConnectionString { get; init; }

    /// <summary>This app's own checkpoint folder: the development setting would make every test app share one file.</summary>
    public string CheckpointFolder => _checkpointFolder;

    /// <summary>The anchor key; null leaves the environment's own setting (the development value, or none).</summary>
    public string? AnchorKey { get; init; }

    /// <summary>The erasure hash key outside Development; null leaves it unset (start-up must then refuse).</summary>
    public string? ErasureHashKey { get; init; } = TestErasureHashKey;

    /// <summary>The demo subjects and requests (off by default, so a test starts from an empty case load).</summary>
    public bool SeedDemoCases { get; init; }

    /// <summary>PBKDF2 rounds of the test apps' password hashes; the product keeps Identity's default (100,000).</summary>
    public const int TestHashIterations = 1_000;

    /// <summary>Skip/Take without OrderBy (an order the database may change between calls) and several collections in one query (a cartesian product); First without an order stays allowed, the tests pick "any row" with it.</summary>
    public static readonly EventId[] QueryShapeWarnings =
    [
        CoreEventId.RowLimitingOperationWithoutOrderByWarning,
        RelationalEventId.MultipleCollectionIncludeWarning,
    ];

    /// <summary>Hash passwords with <see cref="TestHashIterations"/> rounds (off to check what the product itself configures).</summary>
    public bool FastPasswordHashing { get; init; } = true;

    /// <summary>Start from no file at all, so the app migrates it on start as a new installation does.</summary>
    public bool MigrateFromEmpty { get; init; }

    /// <summary>Connect the register's demo systems to demo core-banking SQLite files, as Development does on first run.</summary>
    public bool ConnectDemoSources { get; init; }

    /// <summary>Let the outbox runner poll in the background (off: a test runs <c>OutboxRunner.RunDueAsync</c> itself, with its own clock).</summary>
    public bool RunOutbox { get; init; }

    /// <summary>Send mail to this SMTP port on 127.0.0.1 (an <see cref="SmtpSink"/>), without TLS; none: Development writes .eml files to <see cref="MailPickupFolder"/>.</summary>
    public int? SmtpPort { get; init; }

    /// <summary>This app's own Development mail pickup folder (ADR 0043), deleted with the app.</summary>
    public string MailPickupFolder => DatabasePath + "-mail";

    /// <summary>This app's own folder for the demo sources' files, deleted with the app.</summary>
    public string DemoSourcesFolder => DatabasePath + "-sources";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = SharedPostgreSqlConnectionString
                ?? (_postgresConnectionString ??= PostgresTestServer.CreateDatabaseAsync(migrated: !MigrateFromEmpty).GetAwaiter().GetResult());
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting($"ConnectionStrings:{DependencyInjection.PostgreSqlConnectionStringName}", connectionString);
        }
        else if (!MigrateFromEmpty && !File.Exists(DatabasePath))
        {
            MigratedTemplate.CopyTo(DatabasePath);
        }
        builder.UseEnvironment(Environment);
        // The query-shape warnings EF Core only logs (seen in use, ADR 0034) throw here, so the test that runs such a query fails naming it.
        builder.ConfigureServices(services => services.ConfigureDbContext<PrivacyDeskDbContext>(db => db.ConfigureWarnings(w => w.Throw(QueryShapeWarnings))));
        if (FastPasswordHashing)
        {
            // Seeding the five demo users hashed 5 × 100,000 PBKDF2 rounds: 0.45 of a test app's 0.72 s start, once per test.
            builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestHashIterations));
        }
        builder.UseSetting("Database:SqlitePath", DatabasePath);
        builder.UseSetting("Demo:SeedCases", SeedDemoCases ? "true" : "false");
        // The demo's connected source systems (Development) would connect the register's systems in every test app; a test that wants a source connects its own.
        builder.UseSetting("Demo:SourceSystems:Enabled", ConnectDemoSources ? "true" : "false");
        builder.UseSetting("Demo:SourceSystems:Folder", DemoSourcesFolder);
        builder.UseSetting("AuditAnchor:CheckpointFolder", _checkpointFolder);
        builder.UseSetting("Outbox:Enabled", RunOutbox ? "true" : "false");
        builder.UseSetting("Mail:PickupDirectory", MailPickupFolder);
        if (SmtpPort is { } smtpPort)
        {
            builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Mail:Smtp:Port", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mail:Smtp:Security", "None");
            builder.UseSetting("Mail:Smtp:Timeout", "00:00:05");
        }
        if (AnchorKey is not null || Environment != "Development")
        {
            builder.UseSetting("AuditAnchor:Key", AnchorKey ?? TestAnchorKey);
        }
        if (Environment != "Development")
        {
            builder.UseSetting("Portal:CodeKey", TestPortalCodeKey);
        }
        if (Environment != "Development" && ErasureHashKey is { } hashKey)
        {
            builder.UseSetting("SourceSystems:Erasure:HashKey", hashKey);
        }
    }

    /// <summary>
    /// Runs SQL on this app's database the way someone with direct access would (no app, no audit): names double-quoted,
    /// values as <c>{0}</c>, <c>{1}</c>…, so one statement reads the same on SQLite and PostgreSQL.
    /// </summary>
    public async Task<int> ExecuteSqlDirectlyAsync(string sql, params object?[] values)
    {
        await using var db = await Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync();
        // A null goes as a named text parameter holding DBNull: Npgsql's EF Core provider has no mapping for a bare DBNull.
        var connection = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        var parameters = values.Select((value, index) =>
        {
            if (value is not null)
            {
                return value;
            }
            using var command = connection.CreateCommand();
            var nullParameter = command.CreateParameter();
            nullParameter.ParameterName = "@null" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            nullParameter.DbType = System.Data.DbType.String;
            nullParameter.Value = DBNull.Value;
            return nullParameter;
        });
        return await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, sql, parameters);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresConnectionString is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(_postgresConnectionString);
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
        if (Directory.Exists(MailPickupFolder))
        {
            Directory.Delete(MailPickupFolder, recursive: true);
        }
        if (Directory.Exists(_checkpointFolder))
        {
            Directory.Delete(_checkpointFolder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
