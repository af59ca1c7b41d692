using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyDesk.Connectors;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// The app with a real SQLite source system beside it: a small core-banking file whose customers include the test subject
/// (<see cref="ObligationCases.CustomerNumber"/>) and a stranger, connected by the configuration reference <see cref="Reference"/>.
/// <see cref="DuringFetch"/> runs while the SQLite connector reads (the test's way to change the case meanwhile, or hold the fetch).
/// </summary>
public sealed class FetchingAppFactory : PrivacyDeskAppFactory
{
    public const string Reference = "test-core";
    public const string SystemName = "Handelsplatform en kernadministratie";

    public string SourcePath { get; } = Path.Combine(Path.GetTempPath(), $"privacydesk-source-{Guid.NewGuid():N}.db");

    public Func<Task>? DuringFetch { get; set; }

    public int Fetches { get; private set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"SourceSystems:Connections:{Reference}", $"Data Source={SourcePath}");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ISourceConnector>();
            foreach (var connector in SourceConnectors.All)
            {
                services.AddSingleton(connector.Kind == ConnectorKind.Sqlite ? new WatchedConnector(connector, this) : connector);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(SourcePath);
    }

    /// <summary>Creates the source file and a connected system with a saved map over it (automatic when told).</summary>
    public async Task<Guid> ConnectAsync(bool automatic = false, int rowCap = 100)
    {
        await using (var source = new SqliteConnection($"Data Source={SourcePath}"))
        {
            await source.OpenAsync();
            await using var command = source.CreateCommand();
            command.CommandText = $"""
                CREATE TABLE customers (id INTEGER PRIMARY KEY, customer_number TEXT NOT NULL, email TEXT, name TEXT);
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), iban TEXT, product TEXT);
                CREATE TABLE transactions (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), booked_on TEXT, amount TEXT, description TEXT);
                INSERT INTO customers VALUES (1, '{ObligationCases.CustomerNumber}', '{ObligationCases.Email}', 'Ayşe Çelik'), (2, 'C-000001', 'jan@example.nl', 'Jan Jansen');
                INSERT INTO accounts VALUES (10, 1, 'NL91ABNA0417164300', 'Beleggingsrekening'), (11, 1, 'NL20INGB0001234567', 'Spaarrekening'), (12, 2, 'NL02RABO0123456789', 'Betaalrekening');
                INSERT INTO transactions VALUES (100, 10, '2026-11-02', '125.00', 'Aankoop ASML'), (101, 11, '2026-11-03', '50.00', NULL), (102, 11, '2026-11-04', '-20.00', 'Opname'), (103, 12, '2026-11-05', '99.99', 'Jan zijn aankoop');
                """;
            await command.ExecuteNonQueryAsync();
        }
        var admin = Web.Hosting.IdentitySetup.ToActor(await Callers.ForAsync(this, "admin@privacydesk.test"));
        await using var db = Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var normalized = SourceSystem.Normalize(SystemName);
        var system = await db.SourceSystems.SingleOrDefaultAsync(s => s.NormalizedName == normalized);
        if (system is null)
        {
            system = SourceSystem.Create(SystemName, "Team Kernbank", null, ConnectorKind.Sqlite, admin, DateTimeOffset.UtcNow).Value;
            db.SourceSystems.Add(system);
        }
        var purposes = await db.Purposes.AsNoTracking().ToListAsync();
        Succeeded(system.SetConnection(ConnectorKind.Sqlite, Reference, null, admin, DateTimeOffset.UtcNow));
        Succeeded(system.SetFetching(automatic, rowCap, 10, admin, DateTimeOffset.UtcNow));
        Succeeded(system.SaveMap(Map, purposes, null, admin, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return system.Id;
    }

    /// <summary>The administrator changes the system's row cap (the map and connection stay).</summary>
    public async Task SetRowCapAsync(int rowCap)
    {
        var admin = Web.Hosting.IdentitySetup.ToActor(await Callers.ForAsync(this, "admin@privacydesk.test"));
        await using var db = Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var normalized = SourceSystem.Normalize(SystemName);
        var system = await db.SourceSystems.SingleAsync(s => s.NormalizedName == normalized);
        Succeeded(system.SetFetching(system.FetchAutomatically, rowCap, system.StatementTimeoutSeconds, admin, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>Rows of the source file, read directly (not through PrivacyDesk), as "column=value" texts per row.</summary>
    public Task<List<string>> ReadSourceAsync(string sql) => SqliteSourceFile.ReadAsync(SourcePath, sql);

    public Task ChangeSourceAsync(string sql) => SqliteSourceFile.ChangeAsync(SourcePath, sql);

    private const string Identification = "Identificatiegegevens (naam, geboortedatum, adres, nationaliteit)";
    private const string Contact = "Contactgegevens (e-mail, telefoon)";
    private const string Transactions = "Rekening- en transactiegegevens";

    /// <summary>The office's map: customers identified by number and e-mail, accounts and transactions reached through their keys.</summary>
    public static DataMap Map { get; } = new(
    [
        new(null, "customers", true, null, ["products-and-services"],
        [
            new("id", "INTEGER", true, true, null, null),
            new("customer_number", "TEXT", false, false, SubjectIdentifierKind.CustomerNumber, Identification),
            new("email", "TEXT", false, false, SubjectIdentifierKind.EmailAddress, Contact),
            new("name", "TEXT", false, false, null, Identification),
        ], []),
        new(null, "accounts", true, null, ["products-and-services"],
        [
            new("id", "INTEGER", true, true, null, null),
            new("customer_id", "INTEGER", false, false, null, null),
            new("iban", "TEXT", false, false, null, Transactions),
            new("product", "TEXT", false, false, null, Transactions),
        ], [new("customer_id", null, "customers", "id", true)]),
        new(null, "transactions", true, null, ["products-and-services"],
        [
            new("id", "INTEGER", true, true, null, null),
            new("account_id", "INTEGER", false, false, null, null),
            new("booked_on", "TEXT", false, false, null, Transactions),
            new("amount", "TEXT", false, false, null, Transactions),
            new("description", "TEXT", false, false, null, Transactions),
        ], [new("account_id", null, "accounts", "id", true)]),
    ]);

    private static void Succeeded(Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Code + " " + e.Field)));

    /// <summary>The real SQLite connector, counted, with the test's hook run before it reads.</summary>
    private sealed class WatchedConnector(ISourceConnector inner, FetchingAppFactory factory) : ISourceConnector
    {
        public ConnectorKind Kind => inner.Kind;

        public Task<Result> TestAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.TestAsync(connectionString, timeout, cancellationToken);

        public Task<Result<DataMap>> DiscoverAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.DiscoverAsync(connectionString, timeout, cancellationToken);

        public async Task<Result<FetchedData>> FetchAsync(string connectionString, RetrievalPlan plan, SubjectKeys subject, FetchLimits limits, CancellationToken cancellationToken)
        {
            factory.Fetches++;
            if (factory.DuringFetch is { } hook)
            {
                await hook();
            }
            return await inner.FetchAsync(connectionString, plan, subject, limits, cancellationToken);
        }
    }
}
