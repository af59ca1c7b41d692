using System.Diagnostics;
using Npgsql;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>Erasure carried out in a real PostgreSQL source (issue 15, ADR 0041): dry run, execution, proof, and what happens when the world moves underneath.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresChangerTests(PostgresDemoFixture demo)
{
    private static readonly ISourceChanger Changer = SourceChangers.For(ConnectorKind.PostgreSql)!;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string Counts = """
        SELECT (SELECT count(*) FROM transactions), (SELECT count(*) FROM accounts), (SELECT count(*) FROM complaints), (SELECT count(*) FROM customers),
               (SELECT count(*) FROM transactions t JOIN accounts a USING (account_id) WHERE a.customer_id = 1),
               (SELECT full_name || '|' || coalesce(email, '-') FROM customers WHERE customer_id = 1)
        """;

    [Fact]
    public async Task TheDryRunCountsTheSubjectsRowsPerStatementAndChangesNothing()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var before = await Pg.RowsAsync(core, Counts);

        var dryRun = await Changer.DryRunAsync(core, ErasurePlans.Run(ConnectorKind.PostgreSql), Token);

        dryRun.IsSuccess.ShouldBeTrue(string.Join(", ", dryRun.Errors));
        dryRun.Value.Select(s => (s.Order, s.Table, s.RowCount)).ShouldBe([(1, "transactions", 24), (2, "accounts", 2), (3, "complaints", 1), (4, "customers", 1)]);
        dryRun.Value[0].Sql.ShouldBe("DELETE FROM \"public\".\"transactions\" WHERE \"transaction_id\" = ANY(@keys)");
        dryRun.Value[0].ParametersShown.ShouldBe(["@keys = 24 keys"]);
        dryRun.Value[3].Sql.ShouldBe("UPDATE \"public\".\"customers\" SET \"customer_number\" = @m0, \"full_name\" = @m1, \"email\" = @m2, \"phone\" = @m3, \"birth_date\" = CAST(@m4 AS date) WHERE \"customer_id\" = ANY(@keys)");
        dryRun.Value[3].ParametersShown.ShouldBe(["@m0 = keyed hash", "@m1 = keyed hash", "@m2 = NULL", "@m3 = \"verwijderd\" (fixed value)", "@m4 = NULL", "@keys = 1 key"]);
        dryRun.Value[3].RowKeyHashes.ShouldBe([ChangeHashing.RowKey(ErasurePlans.HashKey, "public.customers", "1")]);
        dryRun.Value[0].StatementHash.ShouldBe(ChangeHashing.Statement(dryRun.Value[0].Sql));
        string.Join("\n", dryRun.Value.SelectMany(s => s.ParametersShown)).ShouldNotContain("Jan");
        (await Pg.RowsAsync(core, Counts)).ShouldBe(before);
    }

    [Fact]
    public async Task ExecutionDeletesChildrenFirstMasksTheKeptRowAndTheProofHolds()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var before = await Pg.RowsAsync(core, Counts);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql);
        var dryRun = await Changer.DryRunAsync(core, run, Token);

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        outcome.IsSuccess.ShouldBeTrue(string.Join(", ", outcome.Errors));
        outcome.Value.Executed.Select(s => (s.Table, s.ExecutedCount, s.AddedSince)).ShouldBe([("transactions", 24, 0), ("accounts", 2, 0), ("complaints", 1, 0), ("customers", 1, 0)]);
        var after = await Pg.RowsAsync(core, "SELECT (SELECT count(*) FROM transactions), (SELECT count(*) FROM accounts), (SELECT count(*) FROM complaints), (SELECT count(*) FROM customers)");
        after.Single().ShouldBe([(long.Parse(before[0][0]!) - 24).ToString(), (long.Parse(before[0][1]!) - 2).ToString(), (long.Parse(before[0][2]!) - 1).ToString(), before[0][3]]);
        var customer = (await Pg.RowsAsync(core, "SELECT customer_number, full_name, email, phone, birth_date FROM customers WHERE customer_id = 1")).Single();
        customer.ShouldBe([
            ChangeHashing.MaskValue(ErasurePlans.HashKey, ErasurePlans.Pseudonym, "public.customers", "customer_number"),
            ChangeHashing.MaskValue(ErasurePlans.HashKey, ErasurePlans.Pseudonym, "public.customers", "full_name"),
            null, "verwijderd", null]);
        (await Pg.RowsAsync(core, "SELECT count(*) FROM customers WHERE customer_id = 2 AND full_name = 'Eline van den Bergh'")).Single()[0].ShouldBe("1");
        var proof = outcome.Value.Proof;
        proof.Holds.ShouldBeTrue();
        proof.Tables.Select(t => (t.Table, t.RowsRemaining, t.RowsExpected)).ShouldBe([("transactions", 0, 0), ("accounts", 0, 0), ("complaints", 0, 0), ("customers", 1, 1)]);
        proof.Tables[3].MaskedColumns.ShouldBe(["customer_number", "full_name", "email", "phone", "birth_date"]);
        proof.Tables.Select(t => t.StatementHash).ShouldBe(dryRun.Value.Select(s => s.StatementHash));
    }

    [Fact]
    public async Task ARowMovedToAnotherCustomerSinceTheDryRunFailsThePlanAndChangesNothing()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql);
        var dryRun = await Changer.DryRunAsync(core, run, Token);
        await Pg.ExecuteAsync(core, "UPDATE transactions SET account_id = 3 WHERE transaction_id = (SELECT min(transaction_id) FROM transactions WHERE account_id = 1)");
        var before = await Pg.RowsAsync(core, Counts);

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        outcome.IsFailure.ShouldBeTrue();
        outcome.Errors.Single().Code.ShouldBe("source.change.plan_changed");
        outcome.Errors.Single().Arguments!["table"].ShouldBe("public.transactions");
        (await Pg.RowsAsync(core, Counts)).ShouldBe(before);
    }

    [Fact]
    public async Task ARowAddedSinceTheDryRunIsErasedTooAndCounted()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql);
        var dryRun = await Changer.DryRunAsync(core, run, Token);
        await Pg.ExecuteAsync(core, "INSERT INTO transactions VALUES (900001, 1, DATE '2025-11-01', 12.50, 'Bol.com', 'Bestelling')");

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        outcome.IsSuccess.ShouldBeTrue(string.Join(", ", outcome.Errors));
        outcome.Value.Executed[0].RowCount.ShouldBe(24);
        outcome.Value.Executed[0].ExecutedCount.ShouldBe(25);
        outcome.Value.Executed[0].AddedSince.ShouldBe(1);
        (await Pg.RowsAsync(core, "SELECT count(*) FROM transactions WHERE transaction_id = 900001")).Single()[0].ShouldBe("0");
        outcome.Value.Proof.Holds.ShouldBeTrue();
    }

    [Fact]
    public async Task TheSourceKilledInTheMiddleOfARunLeavesNothingHalfDoneAndARetryCompletes()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql);
        var dryRun = await Changer.DryRunAsync(core, run, Token);
        // The last statement (the customer's mask) sleeps, so the deletions before it have run inside the transaction when the backend is killed.
        await Pg.ExecuteAsync(core, """
            CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(20); RETURN NEW; END $$;
            CREATE TRIGGER slow_update BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION slow();
            """);
        var before = await Pg.RowsAsync(core, Counts);

        var running = Changer.ExecuteAsync(core, run, dryRun.Value, Token);
        var killed = await KillWhenSleepingAsync(core);
        var outcome = await running;

        killed.ShouldBeTrue("the run never reached the slow statement");
        outcome.IsFailure.ShouldBeTrue();
        outcome.Errors.Single().Code.ShouldBe("source.change.failed");
        outcome.Errors.Single().Arguments!["table"].ShouldBe("public.customers");
        (await Pg.RowsAsync(core, Counts)).ShouldBe(before);

        await Pg.ExecuteAsync(core, "DROP TRIGGER slow_update ON customers");
        var retry = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        retry.IsSuccess.ShouldBeTrue(string.Join(", ", retry.Errors));
        retry.Value.Proof.Holds.ShouldBeTrue();
        (await Pg.RowsAsync(core, Counts)).Single()[4].ShouldBe("0");
    }

    [Fact]
    public async Task AfterARestoreFromBackupTheSubjectIsFoundByKeyedHashesAndErasedAgain()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var backup = Path.Combine(Path.GetTempPath(), $"privacydesk-backup-{Guid.NewGuid():N}.dump");
        await ToolAsync("pg_dump", "--format=custom", "--file=" + backup, "--dbname=" + Libpq(core));
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql);
        var first = await Changer.ExecuteAsync(core, run, (await Changer.DryRunAsync(core, run, Token)).Value, Token);
        first.Value.Proof.Holds.ShouldBeTrue();
        var subjectHashes = SubjectKeyHashing.HashAll(ErasurePlans.HashKey, ErasurePlans.Jan);

        var restored = $"restored_{Guid.NewGuid():N}";
        await Pg.ExecuteAsync(demo.Server.ConnectionString(), $"CREATE DATABASE {restored}");
        var restoredCore = demo.Server.ConnectionString(restored);
        await ToolAsync("pg_restore", "--dbname=" + Libpq(restoredCore), backup);
        File.Delete(backup);
        (await Pg.RowsAsync(restoredCore, Counts)).Single()[4].ShouldBe("24");

        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        var found = await Changer.FindSubjectAsync(restoredCore, map, subjectHashes, ErasurePlans.HashKey, ChangeLimits.Default, Token);

        found.IsSuccess.ShouldBeTrue(string.Join(", ", found.Errors));
        found.Value.Of(SubjectIdentifierKind.CustomerNumber).ShouldBe(["C-100001"]);
        found.Value.Of(SubjectIdentifierKind.EmailAddress).ShouldBe(["jan.devries@example.nl"]);
        var again = ErasurePlans.Run(ConnectorKind.PostgreSql, subject: found.Value);
        var dryRun = await Changer.DryRunAsync(restoredCore, again, Token);
        dryRun.Value.Select(s => s.RowCount).ShouldBe([24, 2, 1, 1]);
        var outcome = await Changer.ExecuteAsync(restoredCore, again, dryRun.Value, Token);
        outcome.Value.Proof.Holds.ShouldBeTrue();
        (await Pg.RowsAsync(restoredCore, Counts)).Single()[4].ShouldBe("0");
        (await Pg.RowsAsync(restoredCore, "SELECT count(*) FROM customers WHERE customer_number = 'C-100001' OR email = 'jan.devries@example.nl'")).Single()[0].ShouldBe("0");
    }

    [Fact]
    public async Task ATableWithoutAPrimaryKeyInTheMapCannotBeChangedAndTheErrorNamesIt()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        map = new DataMap([.. map.Tables.Select(t => t.Name != "complaints" ? t : t with { Columns = [.. t.Columns.Select(c => c with { IsPrimaryKey = false })] })]);

        var dryRun = await Changer.DryRunAsync(core, ErasurePlans.Run(ConnectorKind.PostgreSql, map: map), Token);

        dryRun.Errors.Single().Code.ShouldBe("source.change.no_primary_key");
        dryRun.Errors.Single().Arguments!["table"].ShouldBe("public.complaints");
        ErrorCatalog.Message(dryRun.Errors.Single(), "en").ShouldBe("Table public.complaints has no single-column primary key in the data map, so PrivacyDesk cannot name its rows. Add the key to the data map or have the system's team make the change by hand.");
        ErrorCatalog.Message(dryRun.Errors.Single(), "nl")!.ShouldStartWith("Tabel public.complaints heeft");
    }

    [Fact]
    public async Task RectificationWritesTheCorrectedValueTypedAndTheDryRunShowsItMasked()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var plan = new SystemChangePlan(Guid.NewGuid(), "core", ConnectorKind.PostgreSql, 1,
            [new("public", "customers", SourceChangeOperation.Rectify, [new("full_name", null, "Jan de Vries-Bakker"), new("birth_date", null, "1971-04-05")], ["products-and-services"])], [], []);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql, plan);

        var dryRun = await Changer.DryRunAsync(core, run, Token);
        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        dryRun.Value.Single().ParametersShown.ShouldBe(["@v0 = J••• (rectified value, 19 characters)", "@v1 = 1••• (rectified value, 10 characters)", "@keys = 1 key"]);
        outcome.Value.Proof.Holds.ShouldBeTrue();
        (await Pg.RowsAsync(core, "SELECT full_name, birth_date::text FROM customers WHERE customer_id = 1")).Single().ShouldBe(["Jan de Vries-Bakker", "1971-04-05"]);
    }

    [Fact]
    public async Task AColumnTypeThatIsNotAPlainTypeNameIsNeverWrittenIntoACast()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        map = new DataMap([.. map.Tables.Select(t => t.Name != "customers" ? t : t with { Columns = [.. t.Columns.Select(c => c.Name == "birth_date" ? c with { DataType = "date); DROP TABLE customers; --" } : c)] })]);

        var dryRun = await Changer.DryRunAsync(core, ErasurePlans.Run(ConnectorKind.PostgreSql, map: map), Token);

        dryRun.Errors.Single().Code.ShouldBe("source.change.type_invalid");
        dryRun.Errors.Single().Arguments!["column"].ShouldBe("birth_date");
    }

    [Fact]
    public async Task ARestrictionMarkerTableGetsOneRowPerKeyThatIsNotYetListed()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        await Pg.ExecuteAsync(core, "CREATE TABLE restricted_customers (customer_id integer PRIMARY KEY)");
        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        map = new DataMap([.. map.Tables.Select(t => t.Name != "customers" ? t : t with { Restriction = new RestrictionMarker(null, null, "public", "restricted_customers", "customer_id") })]);
        var plan = new SystemChangePlan(Guid.NewGuid(), "core", ConnectorKind.PostgreSql, 1,
            [new("public", "customers", SourceChangeOperation.MarkRestricted, [], ["direct-marketing"])], [], []);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql, plan, map);

        var first = await Changer.ExecuteAsync(core, run, (await Changer.DryRunAsync(core, run, Token)).Value, Token);
        var second = await Changer.ExecuteAsync(core, run, (await Changer.DryRunAsync(core, run, Token)).Value, Token);

        first.Value.Executed.Single().ExecutedCount.ShouldBe(1);
        second.Value.Executed.Single().ExecutedCount.ShouldBe(0);
        second.Value.Proof.Holds.ShouldBeTrue();
        (await Pg.RowsAsync(core, "SELECT customer_id FROM restricted_customers")).Select(r => r[0]).ShouldBe(["1"]);
    }

    [Fact]
    public async Task TheErasureUserWithTheDocumentedGrantsCanEraseAndOneWithoutDeleteChangesNothing()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var database = new NpgsqlConnectionStringBuilder(core).Database!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        // The grants of docs/operations.md, for a user that may erase and one that may only read.
        await Pg.ExecuteAsync(core, $"""
            CREATE ROLE erase_{suffix} LOGIN PASSWORD 'erase-pw';
            GRANT CONNECT ON DATABASE {database} TO erase_{suffix};
            GRANT USAGE ON SCHEMA public TO erase_{suffix};
            GRANT SELECT, UPDATE, DELETE ON public.customers, public.accounts, public.transactions, public.complaints TO erase_{suffix};
            CREATE ROLE read_{suffix} LOGIN PASSWORD 'read-pw';
            GRANT CONNECT ON DATABASE {database} TO read_{suffix};
            GRANT USAGE ON SCHEMA public TO read_{suffix};
            GRANT SELECT ON public.customers, public.accounts, public.transactions, public.complaints TO read_{suffix};
            """);
        var asEraser = new NpgsqlConnectionStringBuilder(core) { Username = $"erase_{suffix}", Password = "erase-pw" }.ConnectionString;
        var asReader = new NpgsqlConnectionStringBuilder(core) { Username = $"read_{suffix}", Password = "read-pw" }.ConnectionString;
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql);
        var before = await Pg.RowsAsync(core, Counts);

        var refused = await Changer.ExecuteAsync(asReader, run, (await Changer.DryRunAsync(asReader, run, Token)).Value, Token);

        refused.Errors.Single().Code.ShouldBe("source.change.permission");
        (await Pg.RowsAsync(core, Counts)).ShouldBe(before);

        var done = await Changer.ExecuteAsync(asEraser, run, (await Changer.DryRunAsync(asEraser, run, Token)).Value, Token);

        done.IsSuccess.ShouldBeTrue(string.Join(", ", done.Errors));
        done.Value.Proof.Holds.ShouldBeTrue();
    }

    [Fact]
    public async Task ALockHeldByAnotherSessionStopsTheChangeAtTheTimeoutAndNothingChanges()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var run = ErasurePlans.Run(ConnectorKind.PostgreSql) with { Limits = new ChangeLimits(TimeSpan.FromSeconds(1), 10_000) };
        var dryRun = await Changer.DryRunAsync(core, run, Token);
        await using var other = Pg.Open(core);
        await other.OpenAsync(Token);
        await using var held = await other.BeginTransactionAsync(Token);
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM complaints WHERE customer_id = 1 FOR UPDATE", other, held))
        {
            await lockRow.ExecuteNonQueryAsync(Token);
        }
        var before = await Pg.RowsAsync(core, Counts);
        var clock = Stopwatch.StartNew();

        var outcome = await Changer.ExecuteAsync(core, run, dryRun.Value, Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        outcome.Errors.Single().Code.ShouldBe("source.change.timeout");
        outcome.Errors.Single().Arguments.ShouldBe(new Dictionary<string, string> { ["table"] = "public.complaints", ["seconds"] = "1" });
        (await Pg.RowsAsync(core, Counts)).ShouldBe(before);
        await held.RollbackAsync(Token);
    }

    /// <summary>Waits until the change's backend sleeps in the trigger, then ends it from another connection as an administrator would.</summary>
    private static async Task<bool> KillWhenSleepingAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            var killed = await Pg.RowsAsync(connectionString,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND pid <> pg_backend_pid()");
            if (killed.Count > 0)
            {
                return true;
            }
            await Task.Delay(50, Token);
        }
        return false;
    }

    private static string Libpq(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={builder.Host} port={builder.Port} user={builder.Username} dbname={builder.Database}";
    }

    private static async Task ToolAsync(string tool, params string[] arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists).OrderDescending().First();
        var start = new ProcessStartInfo(bin) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PGPASSWORD"] = PostgresServer.Password;
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.StandardOutput.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        process.ExitCode.ShouldBe(0, await error);
    }
}
