using MySqlConnector;
using PrivacyDesk.Connectors.Engines;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>A real MariaDB with a small bank schema (the demo's core tables), plus a table with hostile names.</summary>
public sealed class MariaDbFixture : IAsyncLifetime
{
    private MariaDbServer? _server;

    public MariaDbServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async ValueTask InitializeAsync()
    {
        _server = await MariaDbServer.StartAsync(TestContext.Current.CancellationToken);
        await My.ExecuteAsync(Server.RootConnectionString, $"""
            CREATE USER '{MariaDbServer.User}'@'%' IDENTIFIED BY '{MariaDbServer.Password}';
            GRANT ALL ON *.* TO '{MariaDbServer.User}'@'%';
            """);
    }

    /// <summary>A fresh database with the bank schema, Jan de Vries (customer 1) and one other customer.</summary>
    public async Task<string> NewBankAsync()
    {
        var database = $"bank_{Guid.NewGuid():N}";
        await My.ExecuteAsync(Server.RootConnectionString, $"CREATE DATABASE {database}");
        var cs = Server.ConnectionString(database);
        await My.ExecuteAsync(cs, """
            CREATE TABLE customers (customer_id INT PRIMARY KEY, customer_number VARCHAR(20) NOT NULL, full_name VARCHAR(100), email VARCHAR(200), birth_date DATE, INDEX ix_number (customer_number), INDEX ix_email (email));
            CREATE TABLE accounts (account_id INT PRIMARY KEY, customer_id INT NOT NULL, iban VARCHAR(34), opened_on DATE, FOREIGN KEY (customer_id) REFERENCES customers (customer_id));
            CREATE TABLE transactions (transaction_id INT PRIMARY KEY, account_id INT NOT NULL, booked_on DATE, amount DECIMAL(12,2), description VARCHAR(200), FOREIGN KEY (account_id) REFERENCES accounts (account_id));
            INSERT INTO customers VALUES (1, 'C-100001', 'Jan de Vries', 'jan.devries@example.nl', '1971-04-09'), (2, 'C-100002', 'Eline van den Bergh', 'ELINE@EXAMPLE.ORG', '1988-02-29');
            INSERT INTO accounts VALUES (1, 1, 'NL01DEMO0000000001', '2015-03-02'), (2, 1, 'NL02DEMO0000000002', '2016-01-01'), (3, 2, 'NL03DEMO0000000003', '2019-06-14');
            INSERT INTO transactions VALUES (1, 1, '2025-01-02', -12.50, 'Boodschappen'), (2, 2, '2025-01-03', 2500.00, 'Salaris'), (3, 3, '2025-01-04', -40.00, 'Treinkaartje'), (4, 1, '2025-01-05', -7.25, 'Koffie');
            """);
        return cs;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

internal static class My
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<string?[]>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }
}

public sealed class MariaDbConnectorTests(MariaDbFixture maria) : IClassFixture<MariaDbFixture>
{
    private static readonly ISourceConnector Connector = SourceConnectors.For(ConnectorKind.MySql)!;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static DataMap Mapped(DataMap discovered) => new([.. discovered.Tables.Select(t => t.Name == "customers"
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

    [Fact]
    public async Task DiscoveryFindsTablesColumnsKeysIndexesAndReferences()
    {
        var cs = await maria.NewBankAsync();

        var discovered = await Connector.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token);

        discovered.IsSuccess.ShouldBeTrue(string.Join(", ", discovered.Errors));
        discovered.Value.Tables.Select(t => t.DisplayName).ShouldBe(["accounts", "customers", "transactions"]);
        var customers = discovered.Value.Find(null, "customers")!;
        customers.Columns.Select(c => c.Name).ShouldBe(["customer_id", "customer_number", "full_name", "email", "birth_date"]);
        customers.Column("customer_id")!.IsPrimaryKey.ShouldBeTrue();
        customers.Column("email")!.IsIndexed.ShouldBeTrue();
        customers.Column("full_name")!.IsIndexed.ShouldBeFalse();
        customers.Column("customer_number")!.DataType.ShouldBe("varchar(20)");
        discovered.Value.Find(null, "transactions")!.References.ShouldBe([new TableReference("account_id", null, "accounts", "account_id", Discovered: true)]);
        discovered.Value.Find(null, "accounts")!.Column("customer_id")!.IsIndexed.ShouldBeTrue();
    }

    [Fact]
    public async Task FetchReturnsExactlyTheSubjectsRowsAcrossReferences()
    {
        var cs = await maria.NewBankAsync();
        var map = Mapped((await Connector.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token)).Value);

        var fetched = await Connector.FetchAsync(cs, TestPlans.For(map), TestPlans.Keys("C-100001", "Jan.DeVries@example.nl"), FetchLimits.Default, Token);

        fetched.IsSuccess.ShouldBeTrue(string.Join(", ", fetched.Errors));
        var transactions = fetched.Value.Tables.Single(t => t.Name == "transactions");
        transactions.Rows.Select(r => new[] { r[0], r[2], r[3], r[4] }).ShouldBe(await My.RowsAsync(cs, """
            SELECT t.transaction_id, DATE_FORMAT(t.booked_on, '%Y-%m-%d'), t.amount, t.description FROM transactions t
            JOIN accounts a ON a.account_id = t.account_id JOIN customers c ON c.customer_id = a.customer_id
            WHERE c.customer_number = 'C-100001' ORDER BY t.transaction_id
            """));
        transactions.Rows.Count.ShouldBe(3);
        fetched.Value.Tables.Single(t => t.Name == "customers").Rows.Single()[4].ShouldBe("1971-04-09");
        transactions.QueryText.ShouldBe("SELECT `transaction_id`, `account_id`, `booked_on`, `amount`, `description` FROM `transactions` WHERE `account_id` IN (@p0, @p1) LIMIT 1001");
    }

    [Fact]
    public async Task ASubjectIdentifierWithSqlInItFindsNothingAndChangesNothing()
    {
        var cs = await maria.NewBankAsync();
        var map = Mapped((await Connector.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token)).Value);

        var fetched = await Connector.FetchAsync(cs, TestPlans.For(map), TestPlans.Keys("' OR 1=1 --", "x'; DELETE FROM customers; --"), FetchLimits.Default, Token);

        fetched.Value.RowCount.ShouldBe(0);
        (await My.RowsAsync(cs, "SELECT COUNT(*) FROM customers")).Single()[0].ShouldBe("2");
    }

    [Fact]
    public async Task NamesWithBackticksQuotesSpacesAndKeywordsAreQuotedAndWork()
    {
        var cs = await maria.NewBankAsync();
        await My.ExecuteAsync(cs, """
            CREATE TABLE `select "odd" ``table``` (`id` INT PRIMARY KEY, `order` TEXT, `e-mail address` VARCHAR(200), `it's` TEXT, INDEX (`e-mail address`));
            INSERT INTO `select "odd" ``table``` VALUES (1, 'first', 'jan.devries@example.nl', 'O''Brien'), (2, 'second', 'other@example.nl', 'no');
            """);
        var odd = (await Connector.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token)).Value.Find(null, "select \"odd\" `table`")!;
        var mapped = odd with { Columns = [.. odd.Columns.Select(c => c.Name == "e-mail address" ? c with { Identifies = SubjectIdentifierKind.EmailAddress } : c)] };
        var plan = new RetrievalPlan(1, [new RetrievalStep(mapped, "e-mail address", RetrievalSource.OfIdentifier(SubjectIdentifierKind.EmailAddress))]);

        var fetched = await Connector.FetchAsync(cs, plan, TestPlans.Keys(email: "jan.devries@example.nl"), FetchLimits.Default, Token);
        var hostile = await Connector.FetchAsync(cs, plan, TestPlans.Keys(email: "' OR 1=1 --"), FetchLimits.Default, Token);

        fetched.Value.Tables.Single().Rows.Single().ShouldBe(["1", "first", "jan.devries@example.nl", "O'Brien"]);
        hostile.Value.RowCount.ShouldBe(0);
    }

    [Fact]
    public async Task TheRetrievalTransactionIsReadOnly()
    {
        var cs = await maria.NewBankAsync();
        var dialect = new MySqlDialect();
        await using var connection = dialect.CreateConnection(cs, TimeSpan.FromSeconds(5));
        await connection.OpenAsync(Token);
        await using var transaction = await dialect.BeginReadOnlyAsync(connection, TimeSpan.FromSeconds(5), Token);
        await using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "DELETE FROM transactions";

        var refused = await Should.ThrowAsync<MySqlException>(() => write.ExecuteNonQueryAsync(Token));

        refused.Number.ShouldBe(1792); // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
        (await My.RowsAsync(cs, "SELECT COUNT(*) FROM transactions")).Single()[0].ShouldBe("4");
    }

    [Fact]
    public async Task AWrongPasswordIsACredentialsError()
    {
        var cs = await maria.NewBankAsync();
        var wrong = new MySqlConnectionStringBuilder(cs) { Password = "not-the-password" }.ConnectionString;

        var tested = await Connector.TestAsync(wrong, TimeSpan.FromSeconds(3), Token);

        tested.Errors.Single().ShouldBe(SourceErrors.Credentials);
        (await Connector.TestAsync(cs, TimeSpan.FromSeconds(3), Token)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task TooManyRowsIsTheCapAndADroppedColumnIsDrift()
    {
        var cs = await maria.NewBankAsync();
        var map = Mapped((await Connector.DiscoverAsync(cs, TimeSpan.FromSeconds(5), Token)).Value);

        var capped = await Connector.FetchAsync(cs, TestPlans.For(map), TestPlans.Keys("C-100001"), new FetchLimits(2, TimeSpan.FromSeconds(5)), Token);
        await My.ExecuteAsync(cs, "ALTER TABLE transactions DROP COLUMN description");
        var drifted = await Connector.FetchAsync(cs, TestPlans.For(map), TestPlans.Keys("C-100001"), FetchLimits.Default, Token);

        capped.Errors.Single().Arguments!["table"].ShouldBe("transactions");
        capped.Errors.Single().Code.ShouldBe(SourceErrors.RowCap.Code);
        drifted.Errors.Single().Code.ShouldBe(SourceErrors.SchemaDrift.Code);
        drifted.Errors.Single().Arguments!["column"].ShouldBe("description");
    }
}
