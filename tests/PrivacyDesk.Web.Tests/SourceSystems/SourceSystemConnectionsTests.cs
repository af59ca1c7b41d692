using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.SourceSystems;

namespace PrivacyDesk.Web.Tests.SourceSystems;

public sealed class SourceSystemConnectionsTests
{
    private static readonly Actor Admin = new("admin-1", "Beheer", ["Administrator"]);

    private static SourceSystemConnections Connections(IDataProtectionProvider provider, params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), provider);

    private static SourceSystem System(ConnectorKind kind, string? reference, string? protectedValue)
    {
        var system = SourceSystem.Create("Kernbank", null, null, kind, Admin, DateTimeOffset.UtcNow).Value;
        if (reference is not null || protectedValue is not null)
        {
            system.SetConnection(kind, reference, protectedValue, Admin, DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
        }
        return system;
    }

    [Fact]
    public async Task AReferenceReadsTheNamedConnectionStringFromConfiguration()
    {
        var connections = Connections(new EphemeralDataProtectionProvider(), ("SourceSystems:Connections:core_banking", "Data Source=core.db"));

        (await connections.ResolveAsync(System(ConnectorKind.Sqlite, "core_banking", null))).Value.ShouldBe("Data Source=core.db");
    }

    [Fact]
    public async Task AStringEncryptedUnderAnotherKeyRingAsksToBeEnteredAgain()
    {
        var protectedElsewhere = Connections(new EphemeralDataProtectionProvider()).Protect("Host=db;Password=x");

        var result = await Connections(new EphemeralDataProtectionProvider()).ResolveAsync(System(ConnectorKind.PostgreSql, null, protectedElsewhere));

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe("source.connection.unreadable");
    }

    [Fact]
    public async Task AConnectedKindWithoutAnyConnectionSaysSo()
    {
        (await Connections(new EphemeralDataProtectionProvider()).ResolveAsync(System(ConnectorKind.MySql, null, null)))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("source.connection.none");
    }

    [Fact]
    public async Task AManualSystemHasNothingToConnectTo()
    {
        (await Connections(new EphemeralDataProtectionProvider()).ResolveAsync(System(ConnectorKind.Manual, null, null)))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("source.connection.kind_not_connected");
    }
}
