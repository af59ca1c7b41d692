using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Tests;

public sealed class CoreBankingDemoTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void TheDemoCustomerIsTheAppsDemoSubject()
    {
        CoreBankingDemo.JanDeVries.FullName.ShouldBe(DemoCases.WellKnownName);
        CoreBankingDemo.JanDeVries.CustomerNumber.ShouldBe(DemoCases.WellKnownCustomerNumber);
        CoreBankingDemo.JanDeVries.Email.ShouldBe(DemoCases.WellKnownEmail);
    }

    [Fact]
    public void EverySystemIsASystemOfTheDefaultRegisterAndEveryCategoryOneItsPurposesName()
    {
        var purposes = DefaultRegister.Purposes.ToDictionary(p => p.Definition.Key, p => p.Definition);
        foreach (var system in CoreBankingSchema.Systems)
        {
            purposes.Values.ShouldContain(p => p.SourceSystems.Contains(system.SystemName), system.SystemName);
            foreach (var table in system.Map(ConnectorKind.Sqlite).Tables)
            {
                table.PurposeKeys.ShouldNotBeEmpty();
                var named = table.PurposeKeys.SelectMany(k => purposes[k].DataCategories.Select(c => c.Name)).ToHashSet();
                table.Columns.Where(c => c.Category is not null).ShouldAllBe(c => named.Contains(c.Category!), table.Name);
            }
        }
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameRows()
    {
        var first = Path.Combine(Path.GetTempPath(), "privacydesk-demo-" + Guid.NewGuid().ToString("N"));
        var second = Path.Combine(Path.GetTempPath(), "privacydesk-demo-" + Guid.NewGuid().ToString("N"));
        try
        {
            await CoreBankingDemo.CreateSqliteAsync(first, DemoSubjects.All, new DemoSize(50, 3), cancellationToken: Token);
            await CoreBankingDemo.CreateSqliteAsync(second, DemoSubjects.All, new DemoSize(50, 3), cancellationToken: Token);

            foreach (var system in CoreBankingSchema.Systems)
            {
                foreach (var table in system.Tables)
                {
                    var sql = $"SELECT * FROM {table.Name} ORDER BY 1";
                    var rows = Sql.Rows(CoreBankingDemo.SqliteConnectionString(first, system), sql);
                    rows.ShouldNotBeEmpty(table.Name);
                    Sql.Rows(CoreBankingDemo.SqliteConnectionString(second, system), sql).ShouldBe(rows, table.Name);
                }
            }
            Sql.Rows(CoreBankingDemo.SqliteConnectionString(first, CoreBankingSchema.Core), "SELECT COUNT(*) FROM transactions").Single()[0].ShouldBe("198");
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }
}
