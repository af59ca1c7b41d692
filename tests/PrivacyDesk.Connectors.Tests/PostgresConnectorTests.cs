using System.Diagnostics;
using Npgsql;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Connectors.Engines;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConnectorTests(PostgresDemoFixture demo)
{
    private static readonly ISourceConnector Connector = SourceConnectors.For(ConnectorKind.PostgreSql)!;
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DemoSubject Jan = CoreBankingDemo.JanDeVries;

    [Fact]
    public async Task DiscoveryFindsTablesColumnsKeysIndexesAndReferences()
    {
        foreach (var system in CoreBankingSchema.Systems)
        {
            var discovered = await Connector.DiscoverAsync(demo.ConnectionString(system), TimeSpan.FromSeconds(5), Token);

            discovered.IsSuccess.ShouldBeTrue(string.Join(", ", discovered.Errors));
            TestPlans.Describe(discovered.Value).ShouldBe(TestPlans.Describe(TestPlans.AsDiscovered(system.Map(ConnectorKind.PostgreSql))));
        }
    }

    [Fact]
    public async Task FetchFromTwoSystemsReturnsExactlyTheRowsAHandWrittenQueryReads()
    {
        var core = demo.ConnectionString(CoreBankingSchema.Core);
        var kyc = demo.ConnectionString(CoreBankingSchema.Kyc);

        var fromCore = await Connector.FetchAsync(core, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql)), TestPlans.Keys(Jan.CustomerNumber, Jan.Email), FetchLimits.Default, Token);
        var fromKyc = await Connector.FetchAsync(kyc, TestPlans.For(CoreBankingSchema.Kyc.Map(ConnectorKind.PostgreSql)), TestPlans.Keys(Jan.CustomerNumber, Jan.Email), FetchLimits.Default, Token);

        fromCore.IsSuccess.ShouldBeTrue(string.Join(", ", fromCore.Errors));
        var transactions = fromCore.Value.Tables.Single(t => t.DisplayName == "public.transactions");
        var expected = await Pg.RowsAsync(core, """
            SELECT t.transaction_id, t.booked_on::text, t.amount::text, t.description FROM transactions t
            JOIN accounts a ON a.account_id = t.account_id JOIN customers c ON c.customer_id = a.customer_id
            WHERE c.customer_number = 'C-100001' ORDER BY t.transaction_id
            """);
        expected.Count.ShouldBe(24);
        transactions.Rows.Select(r => new[] { r[0], r[2], r[3], r[5] }).ShouldBe(expected);
        fromCore.Value.Tables.Single(t => t.Name == "customers").Rows.Single()[1].ShouldBe("C-100001");
        fromKyc.Value.Tables.Single(t => t.Name == "kyc_checks").Rows.Select(r => r[2]).ShouldBe(
            (await Pg.RowsAsync(kyc, "SELECT k.check_type FROM kyc_checks k JOIN kyc_customers c USING (kyc_customer_id) WHERE c.customer_number = 'C-100001' ORDER BY k.check_id")).Select(r => r[0]));
        transactions.QueryText.ShouldBe("SELECT \"transaction_id\", \"account_id\", \"booked_on\", \"amount\", \"counterparty\", \"description\" FROM \"public\".\"transactions\" WHERE \"account_id\" = ANY(@p0) LIMIT 1001");
    }

    [Fact]
    public async Task AnEmailAddressIsMatchedWhateverCaseTheSystemStoredItIn()
    {
        var marketing = demo.ConnectionString(CoreBankingSchema.Marketing);
        var plan = new RetrievalPlan(1, [.. TestPlans.For(CoreBankingSchema.Marketing.Map(ConnectorKind.PostgreSql)).Steps.Where(s => s.MatchColumn != "customer_number")]);

        var fetched = await Connector.FetchAsync(marketing, plan, TestPlans.Keys(email: DemoSubjects.Eline.Email), FetchLimits.Default, Token);

        fetched.Value.Tables.Single(t => t.Name == "contacts").Rows.Single()[1].ShouldBe("ELINE.VANDENBERGH@EXAMPLE.ORG");
    }

    [Fact]
    public async Task ASubjectIdentifierWithSqlInItFindsNothingAndChangesNothing()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var before = await Pg.RowsAsync(core, "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM transactions), (SELECT sum(amount) FROM transactions)");

        var fetched = await Connector.FetchAsync(core, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql)),
            TestPlans.Keys("' OR 1=1 --", "x'); DELETE FROM customers; --"), FetchLimits.Default, Token);

        fetched.IsSuccess.ShouldBeTrue();
        fetched.Value.RowCount.ShouldBe(0);
        (await Pg.RowsAsync(core, "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM transactions), (SELECT sum(amount) FROM transactions)")).ShouldBe(before);
    }

    [Fact]
    public async Task ASubjectWithTenThousandRowsGetsTheCapMessage()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        await Pg.ExecuteAsync(core, "INSERT INTO transactions SELECT 900000 + i, 1, DATE '2025-01-01', 1.00, 'Teller', 'Bulk' FROM generate_series(1, 10000) AS s(i)");

        var fetched = await Connector.FetchAsync(core, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql)), TestPlans.Keys(Jan.CustomerNumber), FetchLimits.Default, Token);

        fetched.Errors.Single().Code.ShouldBe(SourceErrors.RowCap.Code);
        ErrorCatalog.Message(fetched.Errors.Single(), "en")!.ShouldStartWith("Table public.transactions has more than 1000 rows for this data subject.");
    }

    [Fact]
    public async Task AColumnDroppedAfterMappingIsSchemaDrift()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        await Pg.ExecuteAsync(core, "ALTER TABLE accounts DROP COLUMN product");

        var fetched = await Connector.FetchAsync(core, TestPlans.For(map), TestPlans.Keys(Jan.CustomerNumber), FetchLimits.Default, Token);

        fetched.Errors.Single().ShouldBe(SourceErrors.SchemaDrift with { Arguments = fetched.Errors.Single().Arguments });
        fetched.Errors.Single().Arguments!["table"].ShouldBe("public.accounts");
        fetched.Errors.Single().Arguments!["column"].ShouldBe("product");
    }

    [Fact]
    public async Task AClosedPortIsUnreachableWithinSeconds()
    {
        var port = FreePort();
        var clock = Stopwatch.StartNew();

        var tested = await Connector.TestAsync($"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=postgres", TimeSpan.FromSeconds(3), Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        tested.Errors.Single().Code.ShouldBe(SourceErrors.Unreachable.Code);
    }

    [Fact]
    public async Task AServerThatAcceptsButNeverAnswersIsUnreachableWithinTheTimeout()
    {
        // A port that takes the connection and then says nothing, like a hung server or a firewall that swallows packets.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var clock = Stopwatch.StartNew();

        var tested = await Connector.TestAsync($"Host=127.0.0.1;Port={port};Username=postgres;Password=x;Database=postgres", TimeSpan.FromSeconds(2), Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        tested.Errors.Single().Code.ShouldBe(SourceErrors.Unreachable.Code);
        ErrorCatalog.Message(tested.Errors.Single(), "nl").ShouldBe("Het bronsysteem is niet bereikbaar: geen antwoord binnen 2 seconden. Controleer de servernaam en de poort, en of het systeem draait.");
    }

    [Fact]
    public async Task AWrongPasswordIsACredentialsErrorThatNeverRepeatsThePassword()
    {
        var wrong = new NpgsqlConnectionStringBuilder(demo.ConnectionString(CoreBankingSchema.Core)) { Password = "not-the-password" }.ConnectionString;
        var clock = Stopwatch.StartNew();

        var tested = await Connector.TestAsync(wrong, TimeSpan.FromSeconds(3), Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        tested.Errors.Single().ShouldBe(SourceErrors.Credentials);
        (await Connector.TestAsync(demo.ConnectionString(CoreBankingSchema.Core), TimeSpan.FromSeconds(3), Token)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task ALoginWithoutReadPermissionIsAPermissionError()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var role = $"clerk_{Guid.NewGuid():N}";
        await Pg.ExecuteAsync(core, $"CREATE ROLE {role} LOGIN PASSWORD 'clerk'; GRANT SELECT ON customers TO {role}");
        var asClerk = new NpgsqlConnectionStringBuilder(core) { Username = role, Password = "clerk" }.ConnectionString;

        var fetched = await Connector.FetchAsync(asClerk, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql)), TestPlans.Keys(Jan.CustomerNumber), FetchLimits.Default, Token);

        fetched.Errors.Single().ShouldBe(SourceErrors.Permission);
    }

    [Fact]
    public async Task AStatementThatRunsTooLongIsStoppedWithTheTimeoutMessageNamingTheTable()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        await using var locker = Pg.Open(core);
        await locker.OpenAsync(Token);
        await using var lockTransaction = await locker.BeginTransactionAsync(Token);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE", locker, lockTransaction))
        {
            await lockTable.ExecuteNonQueryAsync(Token);
        }
        var clock = Stopwatch.StartNew();

        var fetched = await Connector.FetchAsync(core, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql)), TestPlans.Keys(Jan.CustomerNumber),
            new FetchLimits(1000, TimeSpan.FromSeconds(1)), Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        fetched.Errors.Single().Code.ShouldBe(SourceErrors.FetchTimeout.Code);
        ErrorCatalog.Message(fetched.Errors.Single(), "en").ShouldBe("Reading table public.accounts took longer than 1 seconds and was stopped. Nothing was stored; try again or ask the administrator for an index.");
    }

    [Fact]
    public async Task TheRetrievalTransactionIsReadOnly()
    {
        var core = await demo.CopyOfAsync(CoreBankingSchema.Core);
        var dialect = new PostgreSqlDialect();
        await using var connection = dialect.CreateConnection(core, TimeSpan.FromSeconds(5));
        await connection.OpenAsync(Token);
        await using var transaction = await dialect.BeginReadOnlyAsync(connection, TimeSpan.FromSeconds(5), Token);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "DELETE FROM complaints";

        var refused = await Should.ThrowAsync<PostgresException>(() => write.ExecuteNonQueryAsync(Token));

        refused.SqlState.ShouldBe("25006"); // read_only_sql_transaction
        (await Pg.RowsAsync(core, "SELECT count(*) > 0 FROM complaints")).Single()[0].ShouldBe("True");
    }

    [Fact]
    public async Task NamesWithQuotesSpacesAndKeywordsAreQuotedAndWork()
    {
        var db = await demo.CopyOfAsync(CoreBankingSchema.Surveys);
        await Pg.ExecuteAsync(db, """"
            CREATE SCHEMA "Odd ""schema""";
            CREATE TABLE "Odd ""schema"""."select ""odd"" table" ("id" integer PRIMARY KEY, "order" text, "e-mail address" text, "it's ""quoted""" text);
            CREATE INDEX ON "Odd ""schema"""."select ""odd"" table" ("e-mail address");
            INSERT INTO "Odd ""schema"""."select ""odd"" table" VALUES (1, 'first', 'jan.devries@example.nl', 'O''Brien "the" one'), (2, 'second', 'other@example.nl', 'no');
            """");
        var discovered = (await Connector.DiscoverAsync(db, TimeSpan.FromSeconds(5), Token)).Value;
        var odd = discovered.Find("Odd \"schema\"", "select \"odd\" table")!;
        odd.Column("e-mail address")!.IsIndexed.ShouldBeTrue();
        odd.Column("id")!.IsPrimaryKey.ShouldBeTrue();
        var mapped = odd with { Columns = [.. odd.Columns.Select(c => c.Name == "e-mail address" ? c with { Identifies = SubjectIdentifierKind.EmailAddress } : c)] };
        var plan = new RetrievalPlan(1, [new RetrievalStep(mapped, "e-mail address", RetrievalSource.OfIdentifier(SubjectIdentifierKind.EmailAddress))]);

        var fetched = await Connector.FetchAsync(db, plan, TestPlans.Keys(email: "Jan.DeVries@example.nl"), FetchLimits.Default, Token);
        var hostile = await Connector.FetchAsync(db, plan, TestPlans.Keys(email: "' OR 1=1 --"), FetchLimits.Default, Token);

        fetched.Value.Tables.Single().Rows.Single().ShouldBe(["1", "first", "jan.devries@example.nl", "O'Brien \"the\" one"]);
        fetched.Value.Tables.Single().DisplayName.ShouldBe("Odd \"schema\".select \"odd\" table");
        hostile.Value.RowCount.ShouldBe(0);
        (await Pg.RowsAsync(db, """"SELECT count(*) FROM "Odd ""schema"""."select ""odd"" table" """")).Single()[0].ShouldBe("2");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
