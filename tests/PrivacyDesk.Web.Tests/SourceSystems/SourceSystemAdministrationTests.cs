using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Register;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.SourceSystems;

/// <summary>
/// Source systems through the administration service on the real app and its SQLite file: the register's names seeded
/// as Manual systems, who may do what, secrets that never come back out, stale edits, register integrity and renames,
/// and a connected SQLite source discovered and mapped for real.
/// </summary>
public sealed class SourceSystemAdministrationTests : IAsyncLifetime
{
    private const string Secret = "Sup3r-Geheim-Wachtw00rd";
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private readonly string _sourceFile = Path.Combine(Path.GetTempPath(), $"privacydesk-source-{Guid.NewGuid():N}.db");
    private readonly LoggedApp _factory;
    private SourceSystemAdministration _systems = default!;
    private ClaimsPrincipal _officer = default!;
    private ClaimsPrincipal _lead = default!;
    private ClaimsPrincipal _auditor = default!;
    private ClaimsPrincipal _admin = default!;

    public SourceSystemAdministrationTests() => _factory = new LoggedApp(_sourceFile);

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _systems = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<SourceSystemAdministration>();
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        _lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        _auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");
        _admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_sourceFile);
    }

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private async Task<SourceSystemRow> RowAsync(string name) => (await _systems.ListAsync(_officer, Cancel)).Value.Single(r => r.Name == name);

    private async Task<SourceSystemDetail> DetailAsync(Guid id) => (await _systems.GetAsync(_admin, id, Cancel)).Value;

    private async Task<Guid> CreateAsync(string name, ConnectorKind kind)
    {
        var created = await _systems.CreateAsync(_admin, new NewSourceSystem(name, "Team Kernbank", "Klanten en rekeningen", kind), Cancel);
        created.IsSuccess.ShouldBeTrue(string.Join(", ", created.Errors));
        return created.Value;
    }

    private static SourceSystemUpdate UpdateOf(SourceSystemDetail d, string? name = null, string? owner = null) =>
        new(name ?? d.Name, owner ?? d.Owner, d.Description, d.FetchAutomatically, d.RowCapPerTable, d.StatementTimeoutSeconds);

    [Fact]
    public async Task EveryNameTheRegisterUsesIsAManualSystemOnceAndOnlyOnce()
    {
        var rows = (await _systems.ListAsync(_officer, Cancel)).Value;

        rows.Select(r => r.Name).ShouldContain("CRM");
        rows.Select(r => r.Name).ShouldContain("Camerasysteem (CCTV)");
        rows.ShouldAllBe(r => r.Connector == ConnectorKind.Manual && !r.IsConnected && r.MapVersion == 0);
        rows.Single(r => r.Name == "CRM").PurposeCount.ShouldBeGreaterThan(3);
        var again = await WithDbAsync(db => new SourceSystemSeeder(db, TimeProvider.System).SeedAsync(Cancel));
        again.ShouldBe(0);
    }

    [Fact]
    public async Task EveryRoleSeesTheSystemsOnlyAdministratorsChangeThem()
    {
        foreach (var reader in new[] { _officer, _lead, _auditor, _admin })
        {
            (await _systems.ListAsync(reader, Cancel)).IsSuccess.ShouldBeTrue();
        }
        var crm = await RowAsync("CRM");
        foreach (var other in new[] { _officer, _lead, _auditor })
        {
            (await _systems.CreateAsync(other, new NewSourceSystem("Schaduw", null, null, ConnectorKind.Manual), Cancel)).Errors.Single().Code.ShouldBe("auth.forbidden");
            (await _systems.RetireAsync(other, crm.Id, Guid.NewGuid(), Cancel)).Errors.Single().Code.ShouldBe("auth.forbidden");
            (await _systems.TestConnectionAsync(other, crm.Id, Cancel)).Errors.Single().Code.ShouldBe("auth.forbidden");
        }
        (await RowAsync("CRM")).Status.ShouldBe(SourceSystemStatus.Active);
    }

    [Fact]
    public async Task ANameIsUniqueWhateverItsCase()
    {
        var result = await _systems.CreateAsync(_admin, new NewSourceSystem(" crm ", null, null, ConnectorKind.Manual), Cancel);

        result.Errors.Select(e => e.Code).ShouldBe(["source.name_taken"]);
    }

    [Fact]
    public async Task ATypedConnectionStringNeverAppearsInAnAuditEntryPageOrLogAndStillReachesTheConnector()
    {
        var id = await CreateAsync("Kernbank", ConnectorKind.PostgreSql);
        var plain = $"Host=127.0.0.1;Port=1;Database=core;Username=privacydesk;Password={Secret};Timeout=2";

        var set = await _systems.SetConnectionAsync(_admin, id, (await DetailAsync(id)).ConcurrencyStamp, ConnectorKind.PostgreSql, null, plain, Cancel);
        set.IsSuccess.ShouldBeTrue(string.Join(", ", set.Errors));
        var tested = await _systems.TestConnectionAsync(_admin, id, Cancel);

        tested.IsFailure.ShouldBeTrue();
        JsonSerializer.Serialize(tested.Errors).ShouldNotContain(Secret);
        var detail = await DetailAsync(id);
        detail.ConnectionKind.ShouldBe(SourceConnectionKind.EncryptedConnectionString);
        detail.IsConnected.ShouldBeTrue();
        JsonSerializer.Serialize(detail).ShouldNotContain(Secret);
        JsonSerializer.Serialize((await _systems.ListAsync(_admin, Cancel)).Value).ShouldNotContain(Secret);
        JsonSerializer.Serialize((await _systems.HistoryAsync(_admin, id, Cancel)).Value).ShouldNotContain(Secret);
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => new { e.Action, e.Before, e.After, e.Reason }).ToListAsync(Cancel));
        audit.ShouldContain(e => e.Action == "source.system.connection_set");
        JsonSerializer.Serialize(audit).ShouldNotContain(Secret);
        _factory.Log.Lines.ShouldNotBeEmpty();
        _factory.Log.Lines.ShouldNotContain(line => line.Contains(Secret, StringComparison.Ordinal));
        var stored = await WithDbAsync(db => db.SourceSystems.AsNoTracking().SingleAsync(s => s.Id == id, Cancel));
        stored.ProtectedConnectionString!.ShouldNotContain(Secret);
        var connections = _factory.Services.GetRequiredService<SourceSystemConnections>();
        (await connections.ResolveAsync(stored)).Value.ShouldBe(plain);
    }

    [Fact]
    public async Task ATypedErasureConnectionIsStoredEncryptedUnderItsOwnPurposeAndNeverShownBack()
    {
        var id = await CreateAsync("Kernbank", ConnectorKind.PostgreSql);
        (await _systems.SetConnectionAsync(_admin, id, (await DetailAsync(id)).ConcurrencyStamp, ConnectorKind.PostgreSql, "kernbank-read", null, Cancel)).IsSuccess.ShouldBeTrue();
        var plain = $"Host=127.0.0.1;Port=1;Database=core;Username=privacydesk_erasure;Password={Secret}";

        var set = await _systems.SetErasureConnectionAsync(_admin, id, (await DetailAsync(id)).ConcurrencyStamp, null, plain, Cancel);

        set.IsSuccess.ShouldBeTrue(string.Join(", ", set.Errors));
        var detail = await DetailAsync(id);
        detail.ErasureConnectionKind.ShouldBe(SourceConnectionKind.EncryptedConnectionString);
        detail.ConnectionKind.ShouldBe(SourceConnectionKind.ConfigurationReference, "the read connection stays as it was");
        JsonSerializer.Serialize(detail).ShouldNotContain(Secret);
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => new { e.Action, e.Before, e.After, e.Reason }).ToListAsync(Cancel));
        JsonSerializer.Serialize(audit).ShouldNotContain(Secret);
        var stored = await WithDbAsync(db => db.SourceSystems.AsNoTracking().SingleAsync(s => s.Id == id, Cancel));
        stored.CanChange.ShouldBeTrue();
        var connections = _factory.Services.GetRequiredService<SourceSystemConnections>();
        (await connections.ResolveErasureAsync(stored)).Value.ShouldBe(plain);
        (await connections.ResolveAsync(stored)).IsSuccess.ShouldBeFalse("the read connection is a reference to an absent name, never the erasure string");
    }

    [Fact]
    public async Task AnInvalidErasureReferenceIsRefusedOnTheErasureFieldAndNothingChanges()
    {
        var id = await CreateAsync("Kernbank", ConnectorKind.PostgreSql);
        var before = await DetailAsync(id);

        var set = await _systems.SetErasureConnectionAsync(_admin, id, before.ConcurrencyStamp, "kernbank prod!", null, Cancel);

        set.IsFailure.ShouldBeTrue();
        set.Errors.ShouldAllBe(e => e.Field == null || e.Field.StartsWith("Erasure", StringComparison.Ordinal));
        (await DetailAsync(id)).ErasureConnectionKind.ShouldBe(SourceConnectionKind.None);
    }

    [Fact]
    public async Task AReferenceToAnAbsentConfigurationNameIsACodedErrorNamingIt()
    {
        var id = await CreateAsync("Kernbank", ConnectorKind.PostgreSql);
        (await _systems.SetConnectionAsync(_admin, id, (await DetailAsync(id)).ConcurrencyStamp, ConnectorKind.PostgreSql, "kernbank-prod", null, Cancel)).IsSuccess.ShouldBeTrue();

        var tested = await _systems.TestConnectionAsync(_admin, id, Cancel);

        var error = tested.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("source.connection.missing");
        error.Arguments!["reference"].ShouldBe("kernbank-prod");
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithWhoChangedItAndChangesNothing()
    {
        var id = await CreateAsync("Kernbank", ConnectorKind.Manual);
        var seen = await DetailAsync(id);
        (await _systems.UpdateAsync(_admin, id, seen.ConcurrencyStamp, UpdateOf(seen, owner: "Team A"), Cancel)).IsSuccess.ShouldBeTrue();

        var stale = await _systems.UpdateAsync(_admin, id, seen.ConcurrencyStamp, UpdateOf(seen, owner: "Team B"), Cancel);

        var error = stale.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(StaleEdit.Code);
        error.Arguments!["who"].ShouldBe((await ObligationCases.ActorAsync(_factory, "admin@privacydesk.test")).Name);
        (await DetailAsync(id)).Owner.ShouldBe("Team A");
        (await _systems.RetireAsync(_admin, id, seen.ConcurrencyStamp, Cancel)).Errors.Single().Code.ShouldBe(StaleEdit.Code);
    }

    [Fact]
    public async Task BadLimitsAreRefusedTogetherAndNothingChanges()
    {
        var id = await CreateAsync("Kernbank", ConnectorKind.Manual);
        var seen = await DetailAsync(id);

        var result = await _systems.UpdateAsync(_admin, id, seen.ConcurrencyStamp, UpdateOf(seen, name: " ") with { RowCapPerTable = 0, FetchAutomatically = true }, Cancel);

        result.Errors.Select(e => e.Code).ShouldBe(
            ["source.name_missing", "source.fetching.row_cap_out_of_range", "source.fetching.automatic_needs_connector"], ignoreOrder: true);
        var after = await DetailAsync(id);
        after.Name.ShouldBe("Kernbank");
        after.ConcurrencyStamp.ShouldBe(seen.ConcurrencyStamp);
    }

    [Fact]
    public async Task TheRegisterRefusesASystemThatDoesNotExistAndSpellsKnownOnesAsTheSystemDoes()
    {
        var register = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<ProcessingRegisterService>();
        var purpose = (await register.GetAsync(_officer, "products-and-services", Cancel)).Value;
        var form = PurposeForm.From(purpose.Definition);
        form.SourceSystems = "crm\nSchaduwsysteem";

        var refused = await register.SaveAsync(_officer, purpose.Id, purpose.ConcurrencyStamp, form, Cancel);

        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("register.purpose.source_system_unknown");
        error.Arguments!["system"].ShouldBe("Schaduwsysteem");
        (await register.GetAsync(_officer, "products-and-services", Cancel)).Value.Definition.SourceSystems.ShouldBe(purpose.Definition.SourceSystems);

        form.SourceSystems = "crm";
        (await register.SaveAsync(_officer, purpose.Id, purpose.ConcurrencyStamp, form, Cancel)).IsSuccess.ShouldBeTrue();
        (await register.GetAsync(_officer, "products-and-services", Cancel)).Value.Definition.SourceSystems.ShouldBe(["CRM"]);
    }

    [Fact]
    public async Task ARenameCarriesIntoEveryPurposeAndOpenCollectionTaskInOneGo()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var obligations = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseObligations>();
        var view = (await obligations.CollectionAsync(_officer, requestId, Cancel)).Value;
        (await obligations.PlanCollectionAsync(_officer, requestId, await view.Case.StampAsync(_factory), new PlanCollectionInput(view.Case.EffectiveDueOn, null), Cancel))
            .IsSuccess.ShouldBeTrue();
        var usedBefore = (await WithDbAsync(db => db.Purposes.AsNoTracking().ToListAsync(Cancel))).Count(p => p.SourceSystems.Contains("CRM"));
        var crm = await DetailAsync((await RowAsync("CRM")).Id);

        var renamed = await _systems.UpdateAsync(_admin, crm.Id, crm.ConcurrencyStamp, UpdateOf(crm, name: "CRM Nederland"), Cancel);

        renamed.IsSuccess.ShouldBeTrue(string.Join(", ", renamed.Errors));
        var purposes = await WithDbAsync(db => db.Purposes.AsNoTracking().ToListAsync(Cancel));
        purposes.Where(p => p.Status != PurposeStatus.Retired).ShouldAllBe(p => !p.SourceSystems.Contains("CRM"));
        purposes.Count(p => p.SourceSystems.Contains("CRM Nederland")).ShouldBe(usedBefore);
        var request = await ObligationCases.LoadAsync(_factory, requestId);
        request.CollectionTasks.Select(t => t.SourceSystem).ShouldContain("CRM Nederland");
        request.CollectionTasks.Select(t => t.SourceSystem).ShouldNotContain("CRM");
        var caseAudit = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == requestId.ToString() && e.Action == CollectionActions.SourceSystemRenamed).CountAsync(Cancel));
        caseAudit.ShouldBe(1);
        (await RowAsync("CRM Nederland")).PurposeCount.ShouldBe(usedBefore);
    }

    [Fact]
    public async Task ARenameOntoAnotherSystemsNameChangesNothingAnywhere()
    {
        var crm = await DetailAsync((await RowAsync("CRM")).Id);

        var result = await _systems.UpdateAsync(_admin, crm.Id, crm.ConcurrencyStamp, UpdateOf(crm, name: "archief"), Cancel);

        result.Errors.Select(e => e.Code).ShouldBe(["source.name_taken"]);
        (await WithDbAsync(db => db.Purposes.AsNoTracking().ToListAsync(Cancel))).Count(p => p.SourceSystems.Contains("CRM")).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AConnectedSqliteSourceIsDiscoveredMappedAndItsDriftRefused()
    {
        await using (var source = new SqliteConnection($"Data Source={_sourceFile}"))
        {
            await source.OpenAsync(Cancel);
            await using var create = source.CreateCommand();
            create.CommandText = """
                CREATE TABLE customers (id INTEGER PRIMARY KEY, customer_number TEXT NOT NULL, email TEXT, name TEXT);
                CREATE UNIQUE INDEX ix_customers_number ON customers (customer_number);
                CREATE TABLE accounts (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers (id), iban TEXT);
                """;
            await create.ExecuteNonQueryAsync(Cancel);
        }
        var id = await CreateAsync("Kernbank", ConnectorKind.Sqlite);
        (await _systems.SetConnectionAsync(_admin, id, (await DetailAsync(id)).ConcurrencyStamp, ConnectorKind.Sqlite, "kernbank-test", null, Cancel)).IsSuccess.ShouldBeTrue();
        (await _systems.TestConnectionAsync(_admin, id, Cancel)).IsSuccess.ShouldBeTrue();

        var discovery = (await _systems.DiscoverAsync(_admin, id, Cancel)).Value;

        var customers = discovery.Proposal.Find(null, "customers").ShouldNotBeNull();
        customers.Column("customer_number")!.Identifies.ShouldBe(SubjectIdentifierKind.CustomerNumber);
        customers.Column("email")!.Identifies.ShouldBe(SubjectIdentifierKind.EmailAddress);
        discovery.Proposal.Find(null, "accounts")!.References.ShouldHaveSingleItem().ToTable.ShouldBe("customers");
        discovery.ProposalProblems.Select(e => e.Code).ShouldContain("source.map.purposes_missing");
        discovery.IndexWarnings.Select(e => e.Field).ShouldContain("Tables[customers].Columns[email]");

        var category = (await WithDbAsync(db => db.Purposes.AsNoTracking().SingleAsync(p => p.Key == "identity-verification", Cancel))).DataCategories[0].Name;
        var map = new DataMap([.. discovery.Proposal.Tables.Select(t => t with
        {
            PurposeKeys = ["identity-verification"],
            Columns = [.. t.Columns.Select(c => c.Name is "name" or "iban" ? c with { Category = category } : c)],
        })]);
        var saved = await _systems.SaveMapAsync(_admin, id, (await DetailAsync(id)).ConcurrencyStamp, map, Cancel);
        saved.IsSuccess.ShouldBeTrue(string.Join(", ", saved.Errors));
        var detail = await DetailAsync(id);
        detail.MapVersion.ShouldBe(1);
        detail.MapProblems.ShouldBeEmpty();
        RetrievalPlanner.Plan(detail.Map, detail.MapVersion).Value.Steps.Select(s => s.Table.Name).Distinct().ShouldBe(["customers", "accounts"]);

        await using (var source = new SqliteConnection($"Data Source={_sourceFile}"))
        {
            await source.OpenAsync(Cancel);
            await using var drop = source.CreateCommand();
            drop.CommandText = "ALTER TABLE accounts DROP COLUMN iban;";
            await drop.ExecuteNonQueryAsync(Cancel);
        }
        var withNote = new DataMap([.. map.Tables.Select(t => t.Name == "customers" ? t with { Columns = [.. t.Columns.Select(c => c.Name == "email" ? c with { Category = category } : c)] } : t)]);
        var drifted = await _systems.SaveMapAsync(_admin, id, detail.ConcurrencyStamp, withNote, Cancel);

        drifted.Errors.Select(e => (e.Code, e.Field)).ShouldBe([("source.map.column_gone", "Tables[accounts].Columns[iban]")]);
        (await DetailAsync(id)).MapVersion.ShouldBe(1);
        (await _systems.DiscoverAsync(_admin, id, Cancel)).Value.SavedMapProblems.Select(e => e.Code).ShouldBe(["source.map.column_gone"]);
    }

    /// <summary>The app with every log line kept, and a configured connection name pointing at this test's SQLite source.</summary>
    private sealed class LoggedApp(string sourceFile) : PrivacyDeskAppFactory
    {
        public CapturingLoggerProvider Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SourceSystems:Connections:kernbank-test", $"Data Source={sourceFile}");
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Log));
        }
    }

    internal sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._lines)
                {
                    owner._lines.Add($"{formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
