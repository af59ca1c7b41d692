using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using PrivacyDesk.Connectors;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// One subject's retrieval from the demo core-banking source in a real PostgreSQL of 1,000,000 customers and
/// 10,000,000 transactions (issue 14's target: p95 under 500 ms, within 1.5x of the same queries by hand),
/// measured side by side: the PostgreSQL connector's <c>FetchAsync</c> (connect, read-only transaction, catalog
/// check, one query per step) and the same queries written by hand on a fresh connection, as psql would run them.
/// </summary>
public static class RetrievalBenchmarks
{
    public const string Mode = "retrieval";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot)
    {
        var customers = int.Parse(Option(args, "--customers", "1000000"), CultureInfo.InvariantCulture);
        var perCustomer = int.Parse(Option(args, "--transactions-per-customer", "10"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "200"), CultureInfo.InvariantCulture);

        await using var server = await PostgresServer.StartAsync();
        var load = Stopwatch.StartNew();
        await CoreBankingDemo.CreatePostgresAsync(server.ConnectionString(), "bench_", CoreBankingDemo.DefaultSubjects, new DemoSize(customers, perCustomer));
        load.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {customers:N0} customers and {customers * perCustomer:N0} transactions in {load.Elapsed.TotalSeconds:F0} s"));
        var core = server.ConnectionString("bench_" + CoreBankingSchema.Core.DatabaseName);

        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        var plan = Plan(map);
        var connector = SourceConnectors.For(ConnectorKind.PostgreSql)!;
        // Subjects spread over the table, each with 10 transactions; the same list for both sides.
        var subjects = Enumerable.Range(0, runs)
            .Select(i => 1 + (int)((long)i * 7_919 % customers))
            .Select(i => (Number: string.Create(CultureInfo.InvariantCulture, $"C-{CoreBankingDemo.SyntheticCustomerNumberBase + i}"),
                Email: string.Create(CultureInfo.InvariantCulture, $"klant{i}@example.test")))
            .ToList();

        var connectorTimes = new List<double>();
        var handTimes = new List<double>();
        var rowsSeen = 0;
        for (var round = -5; round < runs; round++)
        {
            var (number, email) = subjects[Math.Max(0, round)];
            // Alternate which side goes first, so neither always finds the pages warmer.
            var connectorFirst = round % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                var clock = Stopwatch.StartNew();
                if ((side == 0) == connectorFirst)
                {
                    var fetched = await connector.FetchAsync(core, plan, Keys(number, email), FetchLimits.Default, CancellationToken.None);
                    if (fetched.IsFailure)
                    {
                        throw new InvalidOperationException(string.Join(", ", fetched.Errors));
                    }
                    clock.Stop();
                    if (round >= 0)
                    {
                        connectorTimes.Add(clock.Elapsed.TotalMilliseconds);
                        rowsSeen = fetched.Value.RowCount;
                    }
                }
                else
                {
                    await ByHandAsync(core, number, email);
                    clock.Stop();
                    if (round >= 0)
                    {
                        handTimes.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine("# Retrieval of one subject's data from PostgreSQL (issue 14)");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, load average {LoadAverage()} at the end, .NET {Environment.Version}, PostgreSQL started by `tests/Shared/PostgresServer.cs` (fsync off). "));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Demo core-banking source: {customers:N0} customers, {customers:N0} accounts, {customers * perCustomer:N0} transactions (loaded set-based in {load.Elapsed.TotalSeconds:F0} s, indexes and foreign keys after the load, then ANALYZE). "));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs} different customers after 5 warm-up rounds; both sides read the same customer in each round, in alternating order; {rowsSeen} rows per customer (customer, account, transactions)."));
        report.AppendLine();
        report.AppendLine("| side | median ms | p95 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|");
        report.AppendLine(Row("connector `FetchAsync` (connect, read-only transaction + statement timeout, catalog drift check, 5 steps)", connectorTimes));
        report.AppendLine(Row("by hand (connect, the same 5 SELECTs, nothing else)", handTimes));
        report.AppendLine();
        var ratio = Percentile(connectorTimes, 0.95) / Percentile(handTimes, 0.95);
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Target p95 under 500 ms: **{(Percentile(connectorTimes, 0.95) < 500 ? "met" : "not met")}**. Connector p95 / by-hand p95: **{ratio:F2}x** (target within 1.5x: **{(ratio <= 1.5 ? "met" : "not met")}**)."));
        report.AppendLine();
        report.AppendLine("The queries the connector ran for the last customer (parameters, never values):");
        report.AppendLine();
        report.AppendLine("```sql");
        var last = await connector.FetchAsync(core, plan, Keys(subjects[^1].Number, subjects[^1].Email), FetchLimits.Default, CancellationToken.None);
        foreach (var table in last.Value.Tables)
        {
            report.AppendLine(table.QueryText);
        }
        report.AppendLine("```");
        var path = Path.Combine(repositoryRoot, "bench", "results", "retrieval.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine(report.ToString());
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    /// <summary>The same five reads as the plan, by hand: one fresh connection, no transaction settings, no catalog check.</summary>
    private static async Task<int> ByHandAsync(string connectionString, string customerNumber, string email)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var rows = 0;
        var customerIds = new List<int>();
        foreach (var (sql, value) in new (string, object)[]
        {
            ("SELECT * FROM customers WHERE customer_number = $1", customerNumber),
            ("SELECT * FROM customers WHERE email = ANY($1)", new[] { email, email.ToUpperInvariant() }),
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = value } } };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt32(0);
                if (!customerIds.Contains(id))
                {
                    customerIds.Add(id);
                    rows++;
                }
            }
        }
        var accountIds = new List<int>();
        await using (var accounts = new NpgsqlCommand("SELECT * FROM accounts WHERE customer_id = ANY($1)", connection) { Parameters = { new() { Value = customerIds.ToArray() } } })
        await using (var reader = await accounts.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                accountIds.Add(reader.GetInt32(0));
                rows++;
            }
        }
        foreach (var (sql, ids) in new[] { ("SELECT * FROM transactions WHERE account_id = ANY($1)", accountIds), ("SELECT * FROM complaints WHERE customer_id = ANY($1)", customerIds) })
        {
            await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = ids.ToArray() } } };
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }
        return rows;
    }

    private static RetrievalPlan Plan(DataMap map)
    {
        var customers = map.Find("public", "customers")!;
        var accounts = map.Find("public", "accounts")!;
        var transactions = map.Find("public", "transactions")!;
        var complaints = map.Find("public", "complaints")!;
        return new RetrievalPlan(1,
        [
            new RetrievalStep(customers, "customer_number", RetrievalSource.OfIdentifier(SubjectIdentifierKind.CustomerNumber)),
            new RetrievalStep(customers, "email", RetrievalSource.OfIdentifier(SubjectIdentifierKind.EmailAddress)),
            new RetrievalStep(accounts, "customer_id", RetrievalSource.OfColumn("public", "customers", "customer_id")),
            new RetrievalStep(transactions, "account_id", RetrievalSource.OfColumn("public", "accounts", "account_id")),
            new RetrievalStep(complaints, "customer_id", RetrievalSource.OfColumn("public", "customers", "customer_id")),
        ]);
    }

    private static SubjectKeys Keys(string customerNumber, string email) => new(new Dictionary<SubjectIdentifierKind, IReadOnlyList<string>>
    {
        [SubjectIdentifierKind.CustomerNumber] = [customerNumber],
        [SubjectIdentifierKind.EmailAddress] = [email],
    });

    private static string Row(string name, List<double> times) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} | {times.Max():F1} |");

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
