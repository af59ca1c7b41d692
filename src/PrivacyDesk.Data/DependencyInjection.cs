using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Data.Health;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Data.Seeding;

namespace PrivacyDesk.Data;

public static class DependencyInjection
{
    public const string SqlServerConnectionStringName = "SqlServer";
    public const string PostgreSqlConnectionStringName = "PostgreSql";

    /// <summary>
    /// The DbContext (on the configured provider), Data Protection keys in the database, the
    /// audit trail's anchor and monitor, the health checks and start-up preparation (migrations, roles, demo users).
    /// </summary>
    public static IServiceCollection AddDataServices(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.SectionName));

        var connectionString = options.Provider switch
        {
            DatabaseProvider.Sqlite => SqliteConnectionString(options.SqlitePath, contentRootPath),
            DatabaseProvider.SqlServer => ServerConnectionString(configuration, options.Provider, SqlServerConnectionStringName),
            DatabaseProvider.PostgreSql => ServerConnectionString(configuration, options.Provider, PostgreSqlConnectionStringName),
            _ => throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite, PostgreSql or SqlServer."),
        };

        // A factory for feature services (one short-lived context per operation, as Blazor Server needs)
        // and a scoped context for Identity's stores.
        services.Configure<ControllerOptions>(configuration.GetSection(ControllerOptions.SectionName));
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ControllerOptions>>().Value);
        var anchor = configuration.GetSection(AuditAnchorOptions.SectionName).Get<AuditAnchorOptions>() ?? new AuditAnchorOptions();
        if (!string.IsNullOrWhiteSpace(anchor.CheckpointFolder))
        {
            anchor.CheckpointFolder = Path.GetFullPath(anchor.CheckpointFolder, contentRootPath);
        }
        services.AddSingleton(anchor);
        services.AddSingleton<AuditAnchor>();
        services.AddSingleton<AuditTrailInterceptor>();
        services.AddSingleton<AuditTrailVerifier>();
        services.AddSingleton<AuditTrailStatus>();
        services.AddSingleton<AuditTrailMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrailMonitor>());
        services.AddDbContextFactory<PrivacyDeskDbContext>((sp, db) =>
        {
            UseProvider(db, options.Provider, connectionString);
            db.AddInterceptors(sp.GetRequiredService<AuditTrailInterceptor>());
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext());

        services.AddDataProtection()
            .SetApplicationName("PrivacyDesk")
            .PersistKeysToDbContext<PrivacyDeskDbContext>();

        services.AddHealthChecks()
            .AddReadinessChecks()
            .AddCheck<AuditTrailHealthCheck>("audit-trail");
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<RegisterSeeder>();
        services.AddScoped<SourceSystemSeeder>();
        services.AddScoped<ControllerProfileSeeder>();
        services.AddOutbox(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    public static void UseProvider(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (provider == DatabaseProvider.Sqlite && !EF.IsDesignTime)
        {
            // The model built ahead of time (ADR 0056): building it from OnModelCreating took a second and a half of every
            // start. Never at design time, so `dotnet ef migrations add` diffs against OnModelCreating itself.
            db.UseModel(CompiledModels.Sqlite.PrivacyDeskDbContextModel.Instance);
        }
        _ = provider switch
        {
            DatabaseProvider.Sqlite => db.UseSqlite(connectionString, sql =>
            {
                sql.MigrationsAssembly(MigrationsAssemblies.Sqlite);
                // A request owns six collections and a subject two: one query each instead of their cartesian product (ADR 0034).
                sql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                sql.ExecutionStrategy(dependencies => new SqliteRetryingExecutionStrategy(dependencies));
            }),
            DatabaseProvider.SqlServer => db.UseSqlServer(connectionString, sql =>
            {
                sql.MigrationsAssembly(MigrationsAssemblies.SqlServer);
                sql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                sql.ExecutionStrategy(dependencies => new SqlServerAuditAwareExecutionStrategy(dependencies));
            }),
            DatabaseProvider.PostgreSql => db.UseNpgsql(connectionString, sql =>
            {
                sql.MigrationsAssembly(MigrationsAssemblies.PostgreSql);
                sql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
                sql.ExecutionStrategy(dependencies => new PostgreSqlAuditAwareExecutionStrategy(dependencies));
            }),
            _ => throw new InvalidOperationException($"Unknown database provider '{provider}'."),
        };
    }

    // A server provider without its connection string stops start-up with the setting's exact name, never a null reference later.
    private static string ServerConnectionString(IConfiguration configuration, DatabaseProvider provider, string name)
    {
        var value = configuration.GetConnectionString(name);
        return !string.IsNullOrWhiteSpace(value) ? value : throw new InvalidOperationException(
            $"Database:Provider is {provider} but no connection string 'ConnectionStrings:{name}' " +
            $"is configured (environment variable ConnectionStrings__{name}).");
    }

    /// <summary>Builds the SQLite connection string and creates the data folder on first run.</summary>
    public static string SqliteConnectionString(string path, string contentRootPath)
    {
        var fullPath = Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(contentRootPath, path));
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        return new SqliteConnectionStringBuilder { DataSource = fullPath, Pooling = true }.ToString();
    }
}
