using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Connectors.Engines;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Tests;

public sealed class SqliteConnectorTests(SqliteDemoFixture demo) : IClassFixture<SqliteDemoFixture>
{
    private static readonly ISourceConnector Connector = SourceConnectors.For(ConnectorKind.Sqlite)!;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DiscoveryFindsTablesColumnsKeysIndexesAndReferences()
    {
        foreach (var system in CoreBankingSchema.Systems)
        {
            var discovered = await Connector.DiscoverAsync(demo.ConnectionString(system), TimeSpan.FromSeconds(5), Token);

            discovered.IsSuccess.ShouldBeTrue(string.Join(", ", discovered.Errors));
            TestPlans.Describe(discovered.Value).ShouldBe(TestPlans.Describe(TestPlans.AsDiscovered(system.Map(ConnectorKind.Sqlite))));
        }
    }

    [Fact]
    public async Task FetchReturnsExactlyTheSubjectsRowsAcrossReferences()
    {
        var cs = demo.ConnectionString(CoreBankingSchema.Core);
        var jan = CoreBankingDemo.JanDeVries;

        var fetched = await Connector.FetchAsync(cs, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.Sqlite)), TestPlans.Keys(jan.CustomerNumber, jan.Email), FetchLimits.Default, Token);

        fetched.IsSuccess.ShouldBeTrue(string.Join(", ", fetched.Errors));
        var byTable = fetched.Value.Tables.ToDictionary(t => t.Name);
        var expectedTransactions = Sql.Rows(cs, """
            SELECT t.transaction_id, t.description FROM transactions t
            JOIN accounts a ON a.account_id = t.account_id JOIN customers c ON c.customer_id = a.customer_id
            WHERE c.customer_number = 'C-100001' ORDER BY t.transaction_id
            """);
        expectedTransactions.Count.ShouldBe(24);
        byTable["transactions"].Rows.Select(r => new[] { r[0], r[5] }).ShouldBe(expectedTransactions);
        byTable["customers"].Rows.Single()[2].ShouldBe("Jan de Vries");
        byTable["accounts"].Rows.Select(r => r[0]).ShouldBe(Sql.Rows(cs, "SELECT account_id FROM accounts WHERE customer_id = 1 ORDER BY account_id").Select(r => r[0]));
        byTable["complaints"].Rows.Count.ShouldBe(Sql.Rows(cs, "SELECT 1 FROM complaints WHERE customer_id = 1").Count);
        fetched.Value.RowCount.ShouldBe(1 + 2 + 24 + byTable["complaints"].Rows.Count);
    }

    [Fact]
    public async Task QueryTextsNameParametersAndNeverTheValues()
    {
        var jan = CoreBankingDemo.JanDeVries;

        var fetched = await Connector.FetchAsync(demo.ConnectionString(CoreBankingSchema.Core), TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.Sqlite)),
            TestPlans.Keys(jan.CustomerNumber, jan.Email), FetchLimits.Default, Token);

        var customers = fetched.Value.Tables.Single(t => t.Name == "customers").QueryText;
        customers.ShouldContain("FROM \"customers\" WHERE \"customer_number\" IN (@p0)");
        customers.ShouldContain("LIMIT 1001");
        fetched.Value.Tables.ShouldAllBe(t => !t.QueryText.Contains("C-100001") && !t.QueryText.Contains("devries"));
    }

    [Fact]
    public async Task AnEmailAddressIsMatchedWhateverCaseTheSystemStoredItIn()
    {
        // The marketing platform stored Eline's address in upper case; PrivacyDesk has it in lower case.
        Sql.Rows(demo.ConnectionString(CoreBankingSchema.Marketing), "SELECT email FROM contacts WHERE customer_number = 'C-100002'")
            .Single()[0].ShouldBe("ELINE.VANDENBERGH@EXAMPLE.ORG");
        var plan = new RetrievalPlan(1, [.. TestPlans.For(CoreBankingSchema.Marketing.Map(ConnectorKind.Sqlite)).Steps.Where(s => s.MatchColumn != "customer_number")]);

        var fetched = await Connector.FetchAsync(demo.ConnectionString(CoreBankingSchema.Marketing), plan, TestPlans.Keys(email: DemoSubjects.Eline.Email), FetchLimits.Default, Token);

        fetched.Value.Tables.Single(t => t.Name == "contacts").Rows.Single()[2].ShouldBe("C-100002");
        fetched.Value.Tables.Single(t => t.Name == "marketing_preferences").Rows.Count.ShouldBe(2);
    }

    [Fact]
    public async Task TheExtractIsAJsonListWhoseRowsStartWithTheirTableAndIsTheSameEveryTime()
    {
        var jan = CoreBankingDemo.JanDeVries;
        var plan = TestPlans.For(CoreBankingSchema.Kyc.Map(ConnectorKind.Sqlite));

        var first = FetchedExtract.ToJson((await Connector.FetchAsync(demo.ConnectionString(CoreBankingSchema.Kyc), plan, TestPlans.Keys(jan.CustomerNumber), FetchLimits.Default, Token)).Value);
        var second = FetchedExtract.ToJson((await Connector.FetchAsync(demo.ConnectionString(CoreBankingSchema.Kyc), plan, TestPlans.Keys(jan.CustomerNumber), FetchLimits.Default, Token)).Value);

        second.ShouldBe(first);
        first.Take(3).ShouldNotBe(Encoding.UTF8.Preamble.ToArray());
        using var json = JsonDocument.Parse(first);
        var rows = json.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(1 + 1 + 2);
        rows.ShouldAllBe(r => r.EnumerateObject().First().Name == "_table");
        var customer = rows.Single(r => r.GetProperty("_table").GetString() == "kyc_customers");
        customer.EnumerateObject().Select(p => p.Name).ShouldBe(["_table", "kyc_customer_id", "customer_number", "full_name", "birth_date", "nationality"]);
        customer.GetProperty("full_name").GetString().ShouldBe("Jan de Vries");
        rows.Single(r => r.GetProperty("_table").GetString() == "kyc_documents").GetProperty("received_on").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
    }

    [Fact]
    public async Task ASubjectIdentifierWithSqlInItFindsNothingAndChangesNothing()
    {
        var cs = demo.CopyOf(CoreBankingSchema.Core);
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs).DataSource;
        var before = SHA256.HashData(await File.ReadAllBytesAsync(file, Token));

        var fetched = await Connector.FetchAsync(cs, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.Sqlite)),
            TestPlans.Keys("' OR 1=1 --", "x'; DROP TABLE customers; --"), FetchLimits.Default, Token);

        fetched.IsSuccess.ShouldBeTrue();
        fetched.Value.RowCount.ShouldBe(0);
        SHA256.HashData(await File.ReadAllBytesAsync(file, Token)).ShouldBe(before);
    }

    [Fact]
    public async Task ASubjectWithMoreRowsThanTheCapGetsTheCapMessageNamingTheTableAndNoRows()
    {
        var cs = demo.CopyOf(CoreBankingSchema.Core);
        Sql.Execute(cs, """
            WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 10000)
            INSERT INTO transactions SELECT 900000 + i, 1, '2025-01-01', 1.00, 'Teller', 'Bulk' FROM s
            """);

        var fetched = await Connector.FetchAsync(cs, TestPlans.For(CoreBankingSchema.Core.Map(ConnectorKind.Sqlite)),
            TestPlans.Keys(CoreBankingDemo.JanDeVries.CustomerNumber), FetchLimits.Default, Token);

        fetched.IsFailure.ShouldBeTrue();
        var error = fetched.Errors.Single();
        error.Code.ShouldBe(SourceErrors.RowCap.Code);
        ErrorCatalog.Message(error, "en").ShouldBe("Table transactions has more than 1000 rows for this data subject. An incomplete copy would be a wrong answer, so nothing was fetched; ask the system's team for an extract.");
        ErrorCatalog.Message(error, "nl")!.ShouldStartWith("Tabel transactions heeft meer dan 1000 rijen");
    }

    [Fact]
    public async Task AColumnDroppedAfterMappingIsSchemaDriftNamingTableAndColumn()
    {
        var cs = demo.CopyOf(CoreBankingSchema.Core);
        var map = CoreBankingSchema.Core.Map(ConnectorKind.Sqlite);
        Sql.Execute(cs, "ALTER TABLE complaints DROP COLUMN resolution");

        var fetched = await Connector.FetchAsync(cs, TestPlans.For(map), TestPlans.Keys(CoreBankingDemo.JanDeVries.CustomerNumber), FetchLimits.Default, Token);

        fetched.Errors.Single().Code.ShouldBe(SourceErrors.SchemaDrift.Code);
        ErrorCatalog.Message(fetched.Errors.Single(), "en").ShouldBe("The data map no longer matches the system: column resolution of table complaints no longer exists. Update the data map.");
    }

    [Fact]
    public async Task AMissingFileIsUnreachableAtOnceAndNeverCreated()
    {
        var missing = Path.Combine(demo.Folder, "no-such-system.db");
        var clock = Stopwatch.StartNew();

        var tested = await Connector.TestAsync($"Data Source={missing}", TimeSpan.FromSeconds(3), Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
        tested.Errors.Single().Code.ShouldBe(SourceErrors.Unreachable.Code);
        File.Exists(missing).ShouldBeFalse();
        ErrorCatalog.Message(tested.Errors.Single(), "en")!.ShouldNotContain(missing);
    }

    [Fact]
    public async Task AnUnreadableConnectionStringIsACodedErrorThatDoesNotRepeatIt()
    {
        var tested = await Connector.TestAsync("Data Source=x;Secret Password=hunter2", TimeSpan.FromSeconds(3), Token);

        tested.Errors.Single().Code.ShouldBe(SourceErrors.ConnectionStringInvalid.Code);
        tested.Errors.Single().ToString().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task APasswordThisSqliteBuildCannotUseIsACodedErrorNotACrash()
    {
        // Found on the administration page: e_sqlite3 has no encryption, and opening threw out of the connector.
        var tested = await Connector.TestAsync($"Data Source={CoreBankingDemo.SqliteFile(demo.Folder, CoreBankingSchema.Core)};Password=hunter2", TimeSpan.FromSeconds(3), Token);

        tested.Errors.Single().Code.ShouldBe(SourceErrors.ConnectionStringInvalid.Code);
        tested.Errors.Single().ToString().ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task TheRetrievalTransactionCannotWrite()
    {
        var cs = demo.CopyOf(CoreBankingSchema.Core);
        var dialect = new SqliteDialect();
        await using var connection = dialect.CreateConnection(cs, TimeSpan.FromSeconds(5));
        await connection.OpenAsync(Token);
        await using var transaction = await dialect.BeginReadOnlyAsync(connection, TimeSpan.FromSeconds(5), Token);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "DELETE FROM customers";

        var refused = await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => write.ExecuteNonQueryAsync(Token));

        refused.SqliteErrorCode.ShouldBeOneOf(8, 1); // SQLITE_READONLY, or query_only's "attempt to write a readonly database"
        Sql.Rows(cs, "SELECT COUNT(*) FROM customers").Single()[0].ShouldBe("202");
    }

    [Fact]
    public async Task NamesWithQuotesSpacesAndKeywordsAreQuotedAndWork()
    {
        var cs = demo.CopyOf(CoreBankingSchema.Surveys);
        Sql.Execute(cs, """"
            CREATE TABLE "select ""odd"" table" ("id" INTEGER PRIMARY KEY, "order" TEXT, "e-mail address" TEXT, "it's ""quoted""" TEXT, "]`bracket" TEXT);
            CREATE INDEX "ix odd" ON "select ""odd"" table" ("e-mail address");
            INSERT INTO "select ""odd"" table" VALUES (1, 'first', 'jan.devries@example.nl', 'O''Brien "the" one', 'x'), (2, 'second', 'other@example.nl', 'no', 'y');
            """");
        var discovered = (await Connector.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token)).Value;
        var odd = discovered.Find(null, "select \"odd\" table")!;
        odd.Columns.Select(c => c.Name).ShouldBe(["id", "order", "e-mail address", "it's \"quoted\"", "]`bracket"]);
        odd.Column("e-mail address")!.IsIndexed.ShouldBeTrue();
        var mapped = odd with { Columns = [.. odd.Columns.Select(c => c.Name == "e-mail address" ? c with { Identifies = SubjectIdentifierKind.EmailAddress } : c)] };
        var plan = new RetrievalPlan(1, [new RetrievalStep(mapped, "e-mail address", RetrievalSource.OfIdentifier(SubjectIdentifierKind.EmailAddress))]);

        var fetched = await Connector.FetchAsync(cs, plan, TestPlans.Keys(email: "JAN.deVries@example.nl"), FetchLimits.Default, Token);
        var hostile = await Connector.FetchAsync(cs, plan, TestPlans.Keys(email: "' OR 1=1 --"), FetchLimits.Default, Token);

        fetched.Value.Tables.Single().Rows.Single().ShouldBe(["1", "first", "jan.devries@example.nl", "O'Brien \"the\" one", "x"]);
        hostile.Value.RowCount.ShouldBe(0);
        Sql.Rows(cs, "SELECT COUNT(*) FROM \"select \"\"odd\"\" table\"").Single()[0].ShouldBe("2");
    }
}
