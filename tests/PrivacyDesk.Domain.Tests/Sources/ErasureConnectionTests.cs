using PrivacyDesk.Domain.Sources;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Sources;

public sealed class ErasureConnectionTests
{
    private static SourceSystem Connected()
    {
        var system = SourceSystem.Create("Core banking", null, null, ConnectorKind.PostgreSql, Officer, Now).Value;
        system.SetConnection(ConnectorKind.PostgreSql, "core-read", null, Officer, Now).IsSuccess.ShouldBeTrue();
        system.DequeueChanges();
        return system;
    }

    [Fact]
    public void AConnectedSystemWithAnErasureUserMayBeChangedAndTheAuditNamesOnlyTheKindOfSecret()
    {
        var system = Connected();
        system.CanChange.ShouldBeFalse();

        system.SetErasureConnection(null, "CfDJ8-erasure-secret", Officer, Now).IsSuccess.ShouldBeTrue();

        system.CanChange.ShouldBeTrue();
        system.ProtectedErasureConnectionString.ShouldBe("CfDJ8-erasure-secret");
        var audit = system.PendingChanges.ShouldHaveSingleItem();
        audit.Action.ShouldBe("source.system.erasure_connection_set");
        audit.After!["ErasureConnection"].ShouldBe("encrypted connection string");
        audit.After!.Values.ShouldNotContain(v => v != null && v.Contains("CfDJ8"));

        system.SetErasureConnection("core-erasure", null, Officer, Now).IsSuccess.ShouldBeTrue();
        system.ErasureConnectionReference.ShouldBe("core-erasure");
        system.ProtectedErasureConnectionString.ShouldBeNull();

        system.SetErasureConnection(null, null, Officer, Now).IsSuccess.ShouldBeTrue();
        system.CanChange.ShouldBeFalse();
        system.PendingChanges[^1].After!["ErasureConnection"].ShouldBe("none");
    }

    [Fact]
    public void BadInputChangesNothing()
    {
        var system = Connected();
        system.SetErasureConnection("core-erasure", null, Officer, Now).IsSuccess.ShouldBeTrue();

        system.SetErasureConnection("ref", "secret", Officer, Now).Errors.Select(e => e.Code).ShouldBe([SourceSystemErrors.ConnectionBoth.Code]);
        system.SetErasureConnection("bad name;", null, Officer, Now).Errors.Select(e => e.Code).ShouldBe([SourceSystemErrors.ConnectionReferenceInvalid.Code]);

        system.ErasureConnectionReference.ShouldBe("core-erasure");
        var manual = SourceSystem.Create("Archive", null, null, ConnectorKind.Manual, Officer, Now).Value;
        manual.SetErasureConnection("archive", null, Officer, Now).Errors.Select(e => e.Code).ShouldBe([SourceSystemErrors.ManualTakesNoConnection.Code]);
        manual.Retire(Officer, Now).IsSuccess.ShouldBeTrue();
        manual.SetErasureConnection(null, null, Officer, Now).Errors.Select(e => e.Code).ShouldBe([SourceSystemErrors.Retired.Code]);
    }
}
