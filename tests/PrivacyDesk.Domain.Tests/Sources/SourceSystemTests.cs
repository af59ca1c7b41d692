using PrivacyDesk.Domain.Sources;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Sources;

public sealed class SourceSystemTests
{
    private static SourceSystem Crm(ConnectorKind kind = ConnectorKind.PostgreSql)
    {
        var system = SourceSystem.Create("  Core banking ", "Team Core", "Customers and accounts", kind, Officer, Now).Value;
        system.DequeueChanges();
        return system;
    }

    [Fact]
    public void CreatesAnActiveSystemWithATrimmedNameAndRecordsIt()
    {
        var system = SourceSystem.Create("  Core banking ", "Team Core", null, ConnectorKind.Manual, Officer, Now).Value;

        system.Name.ShouldBe("Core banking");
        system.NormalizedName.ShouldBe("CORE BANKING");
        system.Status.ShouldBe(SourceSystemStatus.Active);
        system.MapVersion.ShouldBe(0);
        system.IsConnected.ShouldBeFalse();
        system.PendingChanges.ShouldHaveSingleItem().Action.ShouldBe("source.system.created");
    }

    [Fact]
    public void RefusesANamelessOrOverlongSystemWithEveryReason()
    {
        var result = SourceSystem.Create(" ", new string('o', 201), new string('d', 2001), ConnectorKind.Manual, Officer, Now);

        result.Codes().ShouldBe(["source.name_missing", "source.owner_too_long", "source.description_too_long"]);
    }

    [Fact]
    public void RefusesANameWithASemicolon()
    {
        SourceSystem.Create("CRM; Mail", null, null, ConnectorKind.Manual, Officer, Now).Codes().ShouldBe(["source.name_invalid"]);
    }

    [Fact]
    public void RenamingIsRecordedAsARename()
    {
        var system = Crm();

        system.Describe("Core banking NL", "Team Core", "Customers and accounts", Officer, Now).IsSuccess.ShouldBeTrue();

        var change = system.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe("source.system.renamed");
        change.Before!["Name"].ShouldBe("Core banking");
        change.After!["Name"].ShouldBe("Core banking NL");
        system.NormalizedName.ShouldBe("CORE BANKING NL");
    }

    [Fact]
    public void DescribingWithoutChangeRecordsNothing()
    {
        var system = Crm();

        system.Describe("Core banking", "Team Core", "Customers and accounts", Officer, Now).IsSuccess.ShouldBeTrue();

        system.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void AnEncryptedConnectionIsAuditedByItsKindNeverItsValue()
    {
        var system = Crm();

        system.SetConnection(ConnectorKind.PostgreSql, null, "CfDJ8-protected-payload", Officer, Now).IsSuccess.ShouldBeTrue();

        system.IsConnected.ShouldBeTrue();
        var change = system.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe("source.system.connection_set");
        change.After!["Connection"].ShouldBe("encrypted connection string (replaced)");
        string.Join("|", change.Before!.Values.Concat(change.After.Values)).ShouldNotContain("CfDJ8");
    }

    [Fact]
    public void AReferenceReplacesAStoredSecret()
    {
        var system = Crm();
        system.SetConnection(ConnectorKind.PostgreSql, null, "CfDJ8-protected-payload", Officer, Now);

        system.SetConnection(ConnectorKind.PostgreSql, "core-banking", null, Officer, Now).IsSuccess.ShouldBeTrue();

        system.ConnectionReference.ShouldBe("core-banking");
        system.ProtectedConnectionString.ShouldBeNull();
    }

    [Fact]
    public void ChangingOnlyTheKindKeepsTheStoredSecret()
    {
        var system = Crm();
        system.SetConnection(ConnectorKind.PostgreSql, null, "CfDJ8-protected-payload", Officer, Now);

        system.SetConnection(ConnectorKind.MySql, null, null, Officer, Now).IsSuccess.ShouldBeTrue();

        system.ProtectedConnectionString.ShouldBe("CfDJ8-protected-payload");
    }

    [Fact]
    public void RefusesBothAReferenceAndASecretAndABadReference()
    {
        var system = Crm();

        system.SetConnection(ConnectorKind.PostgreSql, "core banking!", "CfDJ8", Officer, Now).Codes()
            .ShouldBe(["source.connection.both", "source.connection.reference_invalid"]);
        system.ConnectionReference.ShouldBeNull();
        system.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void AManualSystemTakesNoConnection()
    {
        Crm(ConnectorKind.Manual).SetConnection(ConnectorKind.Manual, "core", null, Officer, Now).Codes().ShouldBe(["source.connection.manual"]);
    }

    [Fact]
    public void TurningManualClearsTheConnectionAndAutomaticFetching()
    {
        var system = Crm();
        system.SetConnection(ConnectorKind.PostgreSql, "core", null, Officer, Now);
        system.SetFetching(true, 500, 5, Officer, Now);

        system.SetConnection(ConnectorKind.Manual, null, null, Officer, Now).IsSuccess.ShouldBeTrue();

        system.ConnectionReference.ShouldBeNull();
        system.FetchAutomatically.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, 10, "source.fetching.row_cap_out_of_range")]
    [InlineData(100_001, 10, "source.fetching.row_cap_out_of_range")]
    [InlineData(1000, 0, "source.fetching.timeout_out_of_range")]
    [InlineData(1000, 301, "source.fetching.timeout_out_of_range")]
    public void RefusesLimitsOutsideTheirBounds(int rowCap, int timeout, string code)
    {
        var system = Crm();

        system.SetFetching(false, rowCap, timeout, Officer, Now).Codes().ShouldBe([code]);
        system.RowCapPerTable.ShouldBe(SourceSystem.DefaultRowCapPerTable);
    }

    [Fact]
    public void AManualSystemCannotFetchAutomatically()
    {
        Crm(ConnectorKind.Manual).SetFetching(true, 1000, 10, Officer, Now).Codes().ShouldBe(["source.fetching.automatic_needs_connector"]);
    }

    [Fact]
    public void SavingAValidMapBumpsTheVersionAndAuditsAReadableSummary()
    {
        var system = Crm();

        system.SaveMap(SourceMaps.Valid, SourceMaps.Purposes, null, Officer, Now).IsSuccess.ShouldBeTrue();
        system.DequeueChanges();
        var changed = SourceMaps.Valid
            .With("branches", t => t with { InScope = true, OutOfScopeReason = null, PurposeKeys = ["kyc"] })
            .With("customers", t => t.WithColumn("name", c => c with { Category = "Risk score" }));
        // branches in scope must be reachable: give it a reference to customers.
        changed = changed.With("branches", t => t with
        {
            Columns = [.. t.Columns, new("customer_id", "integer", false, true, null, null)],
            References = [new("customer_id", "public", "customers", "id", false)],
        });

        system.SaveMap(changed, SourceMaps.Purposes, null, Officer, Now.AddMinutes(5)).IsSuccess.ShouldBeTrue();

        system.MapVersion.ShouldBe(2);
        system.MapSavedAt.ShouldBe(Now.AddMinutes(5));
        system.MapSavedByName.ShouldBe(Officer.Name);
        var change = system.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe("source.system.map_saved");
        change.Before!["MapVersion"].ShouldBe("1");
        change.After!["Changes"]!.Split('\n').ShouldBe(
        [
            "table public.branches now in scope",
            "table public.branches: purpose kyc added",
            "column public.branches.customer_id added",
            "reference public.branches.customer_id → public.customers.id added",
            "column public.customers.name category: Contact details → Risk score",
        ], ignoreOrder: true);
    }

    [Fact]
    public void RefusesAnInvalidMapWithEveryProblemAndKeepsTheOldOne()
    {
        var system = Crm();
        system.SaveMap(SourceMaps.Valid, SourceMaps.Purposes, null, Officer, Now);
        var invalid = SourceMaps.Valid
            .With("branches", t => t with { OutOfScopeReason = null })
            .With("transactions", t => t with { References = [] });

        var result = system.SaveMap(invalid, SourceMaps.Purposes, null, Officer, Now);

        result.Codes().ShouldBe(["source.map.reason_missing", "source.map.table_unreachable"], ignoreOrder: true);
        system.MapVersion.ShouldBe(1);
        system.Map.ShouldBe(SourceMaps.Valid);
    }

    [Fact]
    public void SavingTheSameMapAgainIsNoNewVersion()
    {
        var system = Crm();
        system.SaveMap(SourceMaps.Valid, SourceMaps.Purposes, null, Officer, Now);
        system.DequeueChanges();

        system.SaveMap(new DataMap([.. SourceMaps.Valid.Tables]), SourceMaps.Purposes, null, Officer, Now).IsSuccess.ShouldBeTrue();

        system.MapVersion.ShouldBe(1);
        system.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void ARetiredSystemRefusesChangesUntilReactivated()
    {
        var system = Crm();
        system.SetConnection(ConnectorKind.PostgreSql, "core", null, Officer, Now);
        system.SetFetching(true, 1000, 10, Officer, Now);

        system.Retire(Officer, Now).IsSuccess.ShouldBeTrue();

        system.FetchAutomatically.ShouldBeFalse();
        system.Describe("Other", null, null, Officer, Now).Codes().ShouldBe(["source.retired"]);
        system.SaveMap(SourceMaps.Valid, SourceMaps.Purposes, null, Officer, Now).Codes().ShouldBe(["source.retired"]);
        system.Retire(Officer, Now).Codes().ShouldBe(["source.retired"]);
        system.Reactivate(Officer, Now).IsSuccess.ShouldBeTrue();
        system.Status.ShouldBe(SourceSystemStatus.Active);
        system.Reactivate(Officer, Now).Codes().ShouldBe(["source.not_retired"]);
    }

    [Fact]
    public void EverySourceCodeHasADutchAndEnglishSentence()
    {
        foreach (var (code, text) in SourceSystemErrors.Messages)
        {
            code.ShouldStartWith("source.");
            text.Nl.ShouldNotBeNullOrWhiteSpace();
            text.En.ShouldNotBeNullOrWhiteSpace();
            text.Nl.ShouldNotBe(text.En);
        }
    }
}
