using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>Erasure carried out in a SQLite source file (issue 15, ADR 0041): the same changer, BEGIN IMMEDIATE instead of row locks.</summary>
public sealed class SqliteChangerTests(SqliteDemoFixture demo) : IClassFixture<SqliteDemoFixture>
{
    private static readonly ISourceChanger Changer = SourceChangers.For(ConnectorKind.Sqlite)!;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Counts = """
        SELECT (SELECT count(*) FROM transactions), (SELECT count(*) FROM accounts), (SELECT count(*) FROM complaints), (SELECT count(*) FROM customers),
               (SELECT count(*) FROM transactions t JOIN accounts a USING (account_id) WHERE a.customer_id = 1),
               (SELECT full_name || '|' || coalesce(email, '-') || '|' || coalesce(birth_date, '-') FROM customers WHERE customer_id = 1)
        """;

    [Fact]
    public async Task TheDryRunCountsAndChangesNothingThenExecutionErasesAndTheProofHolds()
    {
        var core = demo.CopyOf(CoreBankingSchema.Core);
        var before = Sql.Rows(core, Counts);
        var run = ErasurePlans.Run(ConnectorKind.Sqlite);

        var dryRun = await Changer.DryRunAsync(core, run, Token);

        dryRun.IsSuccess.ShouldBeTrue(string.Join(", ", dryRun.Errors));
        dryRun.Value.Select(s => (s.Table, s.RowCount)).ShouldBe([("transactions", 24), ("accounts", 2), ("complaints", 1), ("customers", 1)]);
        dryRun.Value[0].Sql.ShouldBe("DELETE FROM \"transactions\" WHERE \"transaction_id\" IN (@keys)");
        dryRun.Value[3].Sql.ShouldBe("UPDATE \"customers\" SET \"customer_number\" = @m0, \"full_name\" = @m1, \"email\" = @m2, \"phone\" = @m3, \"birth_date\" = @m4 WHERE \"customer_id\" IN (@keys)");
        Sql.Rows(core, Counts).ShouldBe(before);

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        outcome.IsSuccess.ShouldBeTrue(string.Join(", ", outcome.Errors));
        outcome.Value.Proof.Holds.ShouldBeTrue();
        var after = Sql.Rows(core, Counts).Single();
        after[4].ShouldBe("0");
        after[5].ShouldBe(ChangeHashing.MaskValue(ErasurePlans.HashKey, ErasurePlans.Pseudonym, "customers", "full_name") + "|-|-");
        (int.Parse(before[0][0]!) - int.Parse(after[0]!)).ShouldBe(24);
        after[3].ShouldBe(before[0][3]);
    }

    [Fact]
    public async Task ARowDeletedByTheSystemSinceTheDryRunFailsThePlanAndChangesNothing()
    {
        var core = demo.CopyOf(CoreBankingSchema.Core);
        var run = ErasurePlans.Run(ConnectorKind.Sqlite);
        var dryRun = await Changer.DryRunAsync(core, run, Token);
        Sql.Execute(core, "DELETE FROM complaints WHERE customer_id = 1");
        var before = Sql.Rows(core, Counts);

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        outcome.Errors.Single().Code.ShouldBe("source.change.plan_changed");
        outcome.Errors.Single().Arguments!["table"].ShouldBe("complaints");
        Sql.Rows(core, Counts).ShouldBe(before);
    }

    [Fact]
    public async Task AStatementThatChangesAnotherNumberOfRowsThanWereLockedRollsTheWholeSystemBack()
    {
        var core = demo.CopyOf(CoreBankingSchema.Core);
        var run = ErasurePlans.Run(ConnectorKind.Sqlite);
        var dryRun = await Changer.DryRunAsync(core, run, Token);
        // A trigger in the source silently skips deleting complaints: the third statement changes 0 rows instead of 1.
        Sql.Execute(core, "CREATE TRIGGER keep_complaints BEFORE DELETE ON complaints BEGIN SELECT RAISE(IGNORE); END");
        var before = Sql.Rows(core, Counts);

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        outcome.Errors.Single().Code.ShouldBe("source.change.count_mismatch");
        outcome.Errors.Single().Arguments.ShouldBe(new Dictionary<string, string> { ["table"] = "complaints", ["expected"] = "1", ["actual"] = "0" });
        Sql.Rows(core, Counts).ShouldBe(before);
    }

    [Fact]
    public async Task AfterARestoredCopyTheSubjectIsFoundByItsKeyedHashes()
    {
        var core = demo.CopyOf(CoreBankingSchema.Core);
        var hashes = SubjectKeyHashing.HashAll(ErasurePlans.HashKey, TestPlans.Keys("c-100001 ", "JAN.DEVRIES@example.NL"));

        var found = await Changer.FindSubjectAsync(core, CoreBankingSchema.Core.Map(ConnectorKind.Sqlite), hashes, ErasurePlans.HashKey, ChangeLimits.Default, Token);

        found.Value.Of(SubjectIdentifierKind.CustomerNumber).ShouldBe(["C-100001"]);
        found.Value.Of(SubjectIdentifierKind.EmailAddress).ShouldBe(["jan.devries@example.nl"]);
    }
}
