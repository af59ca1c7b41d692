using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.SourceSystems;

/// <summary>Development's first run: the register's five demo systems connected to demo core-banking SQLite files, mapped and automatic; nothing someone set up is touched.</summary>
public sealed class DemoSourceSystemsTests : IAsyncLifetime
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private readonly PrivacyDeskAppFactory _factory = new() { ConnectDemoSources = true };

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        var folder = _factory.DemoSourcesFolder;
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TheFiveDemoSystemsAreConnectedMappedAndFetchedAutomaticallyAndJanDeVriesIsInThem()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var names = CoreBankingSchema.Systems.Select(s => SourceSystem.Normalize(s.SystemName)).ToList();
        var systems = await db.SourceSystems.AsNoTracking().Where(s => names.Contains(s.NormalizedName)).ToListAsync(Cancel);

        systems.Count.ShouldBe(5);
        systems.ShouldAllBe(s => s.Connector == ConnectorKind.Sqlite && s.IsConnected && s.FetchAutomatically && s.MapVersion == 1);
        // The typed-once form: encrypted, never the file path in clear.
        systems.ShouldAllBe(s => s.ConnectionReference == null && s.ProtectedConnectionString != null && !s.ProtectedConnectionString.Contains(".db"));
        (await db.SourceSystems.AsNoTracking().CountAsync(s => !names.Contains(s.NormalizedName) && s.Connector != ConnectorKind.Manual, Cancel)).ShouldBe(0, "the CRM and the other systems stay manual");

        var core = systems.Single(s => s.NormalizedName == SourceSystem.Normalize(CoreBankingSchema.Core.SystemName));
        var connection = await scope.ServiceProvider.GetRequiredService<SourceSystemConnections>().ResolveAsync(core);
        await using var source = new Microsoft.Data.Sqlite.SqliteConnection(connection.Value);
        await source.OpenAsync(Cancel);
        await using var command = source.CreateCommand();
        command.CommandText = "SELECT full_name FROM customers WHERE customer_number = 'C-100001'";
        (await command.ExecuteScalarAsync(Cancel)).ShouldBe("Jan de Vries");
    }

    [Fact]
    public async Task ASecondStartLeavesWhatIsAlreadyConnectedAlone()
    {
        var demo = _factory.Services.GetRequiredService<DemoSourceSystems>();
        var folder = _factory.DemoSourcesFolder;

        await demo.ConnectAsync(new DemoSourceSystemsOptions { Enabled = true }, folder, Cancel);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        (await db.SourceSystems.AsNoTracking().Where(s => s.Connector == ConnectorKind.Sqlite).Select(s => s.MapVersion).ToListAsync(Cancel)).ShouldAllBe(v => v == 1);
    }
}
