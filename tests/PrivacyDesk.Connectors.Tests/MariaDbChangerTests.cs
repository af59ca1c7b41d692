using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>Erasure in a real MariaDB through the MySQL changer (issue 15): keys in chunks of IN lists instead of an array; MySQL itself remains untested.</summary>
public sealed class MariaDbChangerTests(MariaDbFixture maria) : IClassFixture<MariaDbFixture>
{
    private static readonly ISourceChanger Changer = SourceChangers.For(ConnectorKind.MySql)!;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Counts = "SELECT (SELECT count(*) FROM transactions), (SELECT count(*) FROM accounts), (SELECT count(*) FROM customers), (SELECT concat(full_name, '|', coalesce(email, '-')) FROM customers WHERE customer_id = 1)";

    private async Task<(string Cs, SourceChangeRun Run)> BankAsync()
    {
        var cs = await maria.NewBankAsync();
        var discovered = (await SourceConnectors.For(ConnectorKind.MySql)!.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token)).Value;
        var map = new DataMap([.. discovered.Tables.Select(t => t.Name == "customers"
            ? t with
            {
                Columns = [.. t.Columns.Select(c => c.Name switch
                {
                    "customer_number" => c with { Identifies = SubjectIdentifierKind.CustomerNumber },
                    "email" => c with { Identifies = SubjectIdentifierKind.EmailAddress },
                    _ => c,
                })],
            }
            : t)]);
        var plan = new SystemChangePlan(Guid.NewGuid(), "bank", ConnectorKind.MySql, 1,
        [
            new(null, "transactions", SourceChangeOperation.DeleteRows, [], ["products-and-services"]),
            new(null, "accounts", SourceChangeOperation.DeleteRows, [], ["products-and-services"]),
            new(null, "customers", SourceChangeOperation.MaskColumns,
                [new("customer_number", MaskStrategy.KeyedHash, null), new("full_name", MaskStrategy.KeyedHash, null), new("email", MaskStrategy.Null, null), new("birth_date", MaskStrategy.Null, null)],
                ["products-and-services"]),
        ], [], []);
        return (cs, new SourceChangeRun(plan, TestPlans.For(map), ErasurePlans.Jan, ErasurePlans.HashKey, ErasurePlans.Pseudonym, ChangeLimits.Default));
    }

    [Fact]
    public async Task TheDryRunChangesNothingAndExecutionErasesWithAProofThatHolds()
    {
        var (cs, run) = await BankAsync();
        var before = await My.RowsAsync(cs, Counts);

        var dryRun = await Changer.DryRunAsync(cs, run, Token);

        dryRun.IsSuccess.ShouldBeTrue(string.Join(", ", dryRun.Errors));
        dryRun.Value.Select(s => (s.Table, s.RowCount)).ShouldBe([("transactions", 3), ("accounts", 2), ("customers", 1)]);
        dryRun.Value[0].Sql.ShouldBe("DELETE FROM `transactions` WHERE `transaction_id` IN (@keys)");
        (await My.RowsAsync(cs, Counts)).ShouldBe(before);

        var outcome = await Changer.ExecuteAsync(cs, run, dryRun.Value, Token);

        outcome.IsSuccess.ShouldBeTrue(string.Join(", ", outcome.Errors));
        outcome.Value.Proof.Holds.ShouldBeTrue();
        (await My.RowsAsync(cs, Counts)).Single().ShouldBe(["1", "1", "2",
            ChangeHashing.MaskValue(ErasurePlans.HashKey, ErasurePlans.Pseudonym, "customers", "full_name") + "|-"]);
        (await My.RowsAsync(cs, "SELECT customer_number FROM customers WHERE customer_id = 1")).Single()[0]
            .ShouldBe(ChangeHashing.MaskValue(ErasurePlans.HashKey, ErasurePlans.Pseudonym, "customers", "customer_number", 20));
    }

    [Fact]
    public async Task ARowMovedSinceTheDryRunFailsThePlanAndChangesNothing()
    {
        var (cs, run) = await BankAsync();
        var dryRun = await Changer.DryRunAsync(cs, run, Token);
        await My.ExecuteAsync(cs, "UPDATE transactions SET account_id = 3 WHERE transaction_id = 4");
        var before = await My.RowsAsync(cs, Counts);

        var outcome = await Changer.ExecuteAsync(cs, run, dryRun.Value, Token);

        outcome.Errors.Single().Code.ShouldBe("source.change.plan_changed");
        (await My.RowsAsync(cs, Counts)).ShouldBe(before);
    }
}
