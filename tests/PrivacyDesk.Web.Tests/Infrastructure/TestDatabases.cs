using Microsoft.EntityFrameworkCore;
using Npgsql;
using PrivacyDesk.Data;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>
/// Which database the test apps run on (ADR 0047): SQLite unless <c>PRIVACYDESK_TEST_DATABASE=PostgreSql</c>, which
/// scripts/test.sh sets for its second pass over the classes marked <see cref="BothProviders"/>.
/// </summary>
public static class TestDatabases
{
    /// <summary>The trait of the classes that run on SQLite and again on PostgreSQL: <c>--filter "Providers=SqliteAndPostgreSql"</c>.</summary>
    public const string Trait = "Providers";

    public const string BothProviders = "SqliteAndPostgreSql";

    /// <summary>
    /// Tests of SQLite's own query planner (EXPLAIN QUERY PLAN): kept out of the PostgreSQL pass with
    /// <c>&amp;Planner!=Sqlite</c>, as a test database of a few rows tells nothing about PostgreSQL's plans (ADR 0047).
    /// </summary>
    public const string PlannerTrait = "Planner";

    public const string SqlitePlanner = "Sqlite";

    /// <summary>The PostgreSQL pass's filter (scripts/test.sh).</summary>
    public const string PostgreSqlPassFilter = Trait + "=" + BothProviders + "&" + PlannerTrait + "!=" + SqlitePlanner;

    public const string ProviderVariable = "PRIVACYDESK_TEST_DATABASE";

    public static DatabaseProvider Current { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;
}

/// <summary>
/// One real PostgreSQL server per test run (Debian's package, <see cref="PostgresServer"/>), started on first use, with one
/// database migrated by the app's own migrations as a template (the PostgreSQL side of <see cref="MigratedTemplate"/>, ADR 0030):
/// each test app gets its own copy (<c>CREATE DATABASE … TEMPLATE</c>), dropped with the app.
/// </summary>
public static class PostgresTestServer
{
    private const string TemplateName = "privacydesk_template";

    private static readonly Lazy<PostgresServer> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    // CREATE DATABASE … TEMPLATE refuses while another copy is being made from the same template.
    private static readonly SemaphoreSlim Copying = new(1, 1);

    public static string ConnectionString(string database) => Server.Value.ConnectionString(database);

    /// <summary>A new database for one app: a copy of the migrated template, or empty (the app migrates it on start).</summary>
    public static async Task<string> CreateDatabaseAsync(bool migrated)
    {
        var name = $"privacydesk_test_{Guid.NewGuid():N}";
        var template = migrated ? Template.Value : "template0";
        await Copying.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        }
        finally
        {
            Copying.Release();
        }
        return ConnectionString(name);
    }

    /// <summary>Drops one app's database, closing what its pool still holds.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled(Server.Value.ConnectionString()));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // A template must have no open connection when it is copied: nothing keeps one in a pool.
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static PostgresServer Start()
    {
        var server = PostgresServer.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static string CreateTemplate()
    {
        ExecuteAsync($"CREATE DATABASE {TemplateName}").GetAwaiter().GetResult();
        var options = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(options, DatabaseProvider.PostgreSql, Unpooled(Server.Value.ConnectionString(TemplateName)));
        using (var db = new PrivacyDeskDbContext(options.Options))
        {
            db.Database.Migrate();
        }
        return TemplateName;
    }
}
