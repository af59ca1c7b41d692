using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.SourceChanges;

/// <summary>
/// The app with a real SQLite core-banking source beside it (issue 15): the test subject's customer row, accounts, transactions
/// and marketing preferences, and a stranger's. Connected for reading AND erasure by configuration references (one file: SQLite
/// has no users), with a saved map whose marketing table serves direct marketing and the rest products and services.
/// </summary>
public sealed class ErasureAppFactory : PrivacyDeskAppFactory
{
    public const string ReadReference = "erasure-test-read";
    public const string ErasureReference = "erasure-test-change";
    public const string SystemName = "Handelsplatform en kernadministratie";

    public string SourcePath { get; } = Path.Combine(Path.GetTempPath(), $"privacydesk-erasure-source-{Guid.NewGuid():N}.db");

    /// <summary>The maximum rows per table before the approver confirms a second time (the product's default unless set).</summary>
    public int? MaxRowsPerTable { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (MaxRowsPerTable is { } max)
        {
            builder.UseSetting("SourceSystems:Erasure:MaxRowsPerTable", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        builder.UseSetting($"SourceSystems:Connections:{ReadReference}", $"Data Source={SourcePath}");
        builder.UseSetting($"SourceSystems:Connections:{ErasureReference}", $"Data Source={SourcePath}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(SourcePath);
    }

    /// <summary>Creates the source file and the connected system with its map; without <paramref name="erasureConnection"/> it can only be read.</summary>
    public async Task<Guid> ConnectAsync(bool erasureConnection = true)
    {
        await ChangeSourceAsync($"""
            CREATE TABLE customers (id INTEGER PRIMARY KEY, customer_number TEXT NOT NULL, email TEXT, name TEXT);
            CREATE TABLE accounts (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), iban TEXT);
            CREATE TABLE marketing_preferences (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), channel TEXT);
            INSERT INTO customers VALUES (1, '{ObligationCases.CustomerNumber}', '{ObligationCases.Email}', 'Ayşe Çelik'), (2, 'C-000001', 'jan@example.nl', 'Jan Jansen');
            INSERT INTO accounts VALUES (10, 1, 'NL91ABNA0417164300'), (11, 1, 'NL20INGB0001234567'), (12, 2, 'NL02RABO0123456789');
            INSERT INTO marketing_preferences VALUES (20, 1, 'e-mail'), (21, 1, 'telefoon'), (22, 2, 'e-mail');
            """);
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
        Succeeded(system.SetConnection(ConnectorKind.Sqlite, ReadReference, null, admin, DateTimeOffset.UtcNow));
        if (erasureConnection)
        {
            Succeeded(system.SetErasureConnection(ErasureReference, null, admin, DateTimeOffset.UtcNow));
        }
        Succeeded(system.SaveMap(Map, purposes, null, admin, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return system.Id;
    }

    /// <summary>An erasure handled by <paramref name="officer"/>: marketing erased (Comply), products and services kept under the bookkeeping obligation.</summary>
    public async Task<Guid> DecidedErasureAsync(System.Security.Claims.ClaimsPrincipal officer)
    {
        await ConnectAsync();
        var requestId = await ObligationCases.CreateAsync(this, RequestType.Erasure, verifyIdentity: true);
        await using var db = Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var purposes = await db.Purposes.AsNoTracking().ToListAsync();
        var marketing = purposes.Single(p => p.Key == "direct-marketing").Id;
        var products = purposes.Single(p => p.Key == "products-and-services").Id;
        var cases = Services.GetRequiredService<CaseUnitOfWork>();
        var decided = await cases.ChangeAsync(officer, requestId, await CaseStamps.OfAsync(this, requestId), CaseAccess.Handle, work =>
        {
            var first = work.Request.RecordDecision(work.Actor, work.Now, new PurposeDecisionDraft(marketing, PurposeDecisionOutcome.Comply));
            var second = work.Request.RecordDecision(work.Actor, work.Now,
                new PurposeDecisionDraft(products, PurposeDecisionOutcome.PartiallyComply, RemainingBasis: "Fiscale bewaarplicht (art. 52 AWR)"));
            return Task.FromResult(first.IsFailure ? first : second);
        });
        decided.IsSuccess.ShouldBeTrue(string.Join(", ", decided.Errors.Select(e => e.Code)));
        return requestId;
    }

    /// <summary>Rows of the source file, read directly (not through PrivacyDesk), as "column=value" texts per row.</summary>
    public Task<List<string>> ReadSourceAsync(string sql) => SqliteSourceFile.ReadAsync(SourcePath, sql);

    public Task ChangeSourceAsync(string sql) => SqliteSourceFile.ChangeAsync(SourcePath, sql);

    private const string Identification = "Identificatiegegevens (naam, geboortedatum, adres, nationaliteit)";
    private const string Contact = "Contactgegevens (e-mail, telefoon)";
    private const string Transactions = "Rekening- en transactiegegevens";
    private const string Preferences = "Marketingvoorkeuren";

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
        ], [new("customer_id", null, "customers", "id", true)]),
        new(null, "marketing_preferences", true, null, ["direct-marketing"],
        [
            new("id", "INTEGER", true, true, null, null),
            new("customer_id", "INTEGER", false, false, null, null),
            new("channel", "TEXT", false, false, null, Preferences),
        ], [new("customer_id", null, "customers", "id", true)]),
    ]);

    private static void Succeeded(Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Code + " " + e.Field)));
}
