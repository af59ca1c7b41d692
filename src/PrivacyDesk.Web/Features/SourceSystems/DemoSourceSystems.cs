using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Features.SourceSystems;

/// <summary>The <c>Demo:SourceSystems</c> settings: where the demo's core-banking databases are and on which engine.</summary>
public sealed class DemoSourceSystemsOptions
{
    public const string SectionName = "Demo:SourceSystems";

    /// <summary>Connect the default register's demo systems to the demo core-banking databases (Development only).</summary>
    public bool Enabled { get; set; }

    /// <summary><c>Sqlite</c> (default: files created on first run, no server) or <c>PostgreSql</c> (databases someone created with <see cref="CoreBankingDemo.CreatePostgresAsync"/>).</summary>
    public ConnectorKind Engine { get; set; } = ConnectorKind.Sqlite;

    /// <summary>SQLite: the folder of the files; empty means <c>demo-sources</c> beside the app's database.</summary>
    public string? Folder { get; set; }

    /// <summary>PostgreSQL: the server's connection string; each system's database is <see cref="DatabasePrefix"/> + its name.</summary>
    public string? PostgresServer { get; set; }

    public string DatabasePrefix { get; set; } = "";

    /// <summary>
    /// PostgreSQL: the server's connection string for the ERASURE user (issue 15), a user allowed to update and delete;
    /// empty means the same as <see cref="PostgresServer"/> (a demo shortcut that production never takes: docs/operations.md).
    /// </summary>
    public string? PostgresErasureServer { get; set; }
}

/// <summary>
/// The demo's connected systems (issue 14): so that a newcomer can fetch Jan de Vries's data at once, the five systems of the
/// demo core-banking source are connected (connection string stored encrypted, as an administrator would type it), mapped with
/// their ready data map and fetched automatically. Runs in Development only and leaves alone any system someone already
/// connected or mapped. The SQLite files hold the demo subjects PrivacyDesk has (same customer numbers and addresses). Each
/// system also gets its erasure connection (issue 15), so a newcomer can carry out an erasure in the demo too.
/// </summary>
public sealed partial class DemoSourceSystems(
    IServiceScopeFactory scopes, SourceSystemConnections connections, TimeProvider clock, ILogger<DemoSourceSystems> logger)
{
    /// <summary>Reads <c>Demo:SourceSystems</c> and connects when it is enabled; SQLite files go to its folder or to <c>demo-sources</c> beside the database.</summary>
    public Task ConnectAsync(IConfiguration configuration, string contentRoot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(DemoSourceSystemsOptions.SectionName).Get<DemoSourceSystemsOptions>();
        if (options is not { Enabled: true })
        {
            return Task.CompletedTask;
        }
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var folder = options.Folder is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.SqlitePath, contentRoot))!, "demo-sources");
        return ConnectAsync(options, folder, cancellationToken);
    }

    public async Task ConnectAsync(DemoSourceSystemsOptions options, string sqliteFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var names = CoreBankingSchema.Systems.Select(s => SourceSystem.Normalize(s.SystemName)).ToList();
        var untouched = await db.SourceSystems
            .Where(s => names.Contains(s.NormalizedName) && s.Connector == ConnectorKind.Manual && s.MapVersion == 0)
            .ToListAsync(cancellationToken);
        if (untouched.Count == 0)
        {
            return;
        }
        if (options.Engine == ConnectorKind.Sqlite && !CoreBankingSchema.Systems.All(s => File.Exists(CoreBankingDemo.SqliteFile(sqliteFolder, s))))
        {
            await CoreBankingDemo.CreateSqliteAsync(sqliteFolder, await SubjectsAsync(db, cancellationToken), DemoSize.Small, cancellationToken: cancellationToken);
        }
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var system in untouched)
        {
            var demo = CoreBankingSchema.Systems.Single(s => SourceSystem.Normalize(s.SystemName) == system.NormalizedName);
            var server = options.PostgresServer ?? (options.Engine == ConnectorKind.PostgreSql
                ? throw new InvalidOperationException($"{DemoSourceSystemsOptions.SectionName}:PostgresServer is required when the engine is PostgreSql.")
                : "");
            var connectionString = options.Engine == ConnectorKind.PostgreSql
                ? CoreBankingDemo.PostgresConnectionString(server, options.DatabasePrefix + demo.DatabaseName)
                : CoreBankingDemo.SqliteConnectionString(sqliteFolder, demo);
            // SQLite has no users: the file is the permission. PostgreSQL's erasure user is its own where one is configured.
            var erasureConnectionString = options.Engine == ConnectorKind.PostgreSql
                ? CoreBankingDemo.PostgresConnectionString(options.PostgresErasureServer is { Length: > 0 } eraser ? eraser : server, options.DatabasePrefix + demo.DatabaseName)
                : connectionString;
            var steps = new[]
            {
                system.Describe(system.Name, "Demo: team kernbankieren", "Demodatabase van de kernbank (issue 14), gevuld met de demo-betrokkenen.", Actor.System, now),
                system.SetConnection(options.Engine, null, connections.Protect(connectionString), Actor.System, now),
                system.SetErasureConnection(null, connections.ProtectErasure(erasureConnectionString), Actor.System, now),
                system.SetFetching(true, SourceSystem.DefaultRowCapPerTable, SourceSystem.DefaultStatementTimeoutSeconds, Actor.System, now),
                system.SaveMap(demo.Map(options.Engine), purposes, null, Actor.System, now),
            };
            if (steps.FirstOrDefault(s => s.IsFailure) is { } failed)
            {
                // The demo's own map no longer fits the register: a bug in the demo, to see at start-up.
                throw new InvalidOperationException($"The demo source system {demo.DatabaseName} cannot be connected: {string.Join(", ", failed.Errors)}");
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        LogConnected(logger, untouched.Count, options.Engine);
    }

    /// <summary>The demo subjects with a customer number, as the source systems would know them (first e-mail address).</summary>
    private static async Task<IReadOnlyList<DemoSubject>> SubjectsAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken)
    {
        var subjects = await db.DataSubjects.AsNoTracking()
            .Where(s => s.CustomerNumber != null)
            .OrderBy(s => s.CustomerNumber)
            .ToListAsync(cancellationToken);
        var known = subjects
            .Where(s => s.EmailAddresses.Count > 0)
            .Select(s => new DemoSubject(s.CustomerNumber!, s.FullName, s.EmailAddresses[0], s.Phone))
            .ToList();
        return known.Any(s => s.CustomerNumber == CoreBankingDemo.JanDeVries.CustomerNumber) ? known : [CoreBankingDemo.JanDeVries, .. known];
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Demo: {Count} source systems connected to the demo core-banking databases ({Engine}).")]
    private static partial void LogConnected(ILogger logger, int count, ConnectorKind engine);
}
