using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using PrivacyDesk.Connectors;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// Erasing one subject with 2,000 transactions from the demo core-banking source in a real PostgreSQL of 1,000,000
/// customers and 10,000,000 transactions (issue 15's target: under 2 s), side by side with the same statements run
/// by hand in psql. Erasure destroys what it measures, so every round erases a different customer of the same shape
/// (one account, 2,000 transactions, the customer row masked); both sides get their own customers.
/// </summary>
public static class ErasureBenchmarks
{
    public const string Mode = "erasure";

    private static readonly byte[] HashKey = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    public static async Task<int> RunAsync(string[] args, string repositoryRoot)
    {
        var customers = int.Parse(Option(args, "--customers", "1000000"), CultureInfo.InvariantCulture);
        var perCustomer = int.Parse(Option(args, "--transactions-per-customer", "10"), CultureInfo.InvariantCulture);
        var subjectTransactions = int.Parse(Option(args, "--subject-transactions", "2000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "10"), CultureInfo.InvariantCulture);
        const int WarmUp = 2;

        await using var server = await PostgresServer.StartAsync();
        var load = Stopwatch.StartNew();
        await CoreBankingDemo.CreatePostgresAsync(server.ConnectionString(), "bench_", CoreBankingDemo.DefaultSubjects, new DemoSize(customers, perCustomer));
        var core = server.ConnectionString("bench_" + CoreBankingSchema.Core.DatabaseName);
        // 2 * (warm-up + runs) synthetic customers spread over the table, each topped up to the subject's number of transactions.
        var subjects = Enumerable.Range(0, 2 * (WarmUp + runs)).Select(i => 1 + (int)((long)(i + 1) * 48_611 % customers)).ToArray();
        await ExecAsync(core, $"""
            INSERT INTO transactions (transaction_id, account_id, booked_on, amount, counterparty, description)
            SELECT 500000000 + s.n * 10000 + g, a.account_id, DATE '2024-01-01' + g % 700, (g % 500) - 250, 'Bench B.V.', 'Bench'
            FROM unnest(@subjects) WITH ORDINALITY AS s(k, n)
            JOIN customers c ON c.customer_number = 'C-' || ({CoreBankingDemo.SyntheticCustomerNumberBase} + s.k)
            JOIN accounts a ON a.customer_id = c.customer_id
            CROSS JOIN generate_series(1, {subjectTransactions - perCustomer}) AS g;
            ANALYZE transactions;
            """, ("subjects", subjects));
        load.Stop();
        var total = (await ScalarAsync(core, "SELECT count(*) FROM transactions")).ToString("N0", CultureInfo.InvariantCulture);
        Console.WriteLine($"Loaded {customers:N0} customers and {total} transactions in {load.Elapsed.TotalSeconds:F0} s");

        var changer = SourceChangers.For(ConnectorKind.PostgreSql)!;
        var map = CoreBankingSchema.Core.Map(ConnectorKind.PostgreSql);
        var walk = Walk(map);
        var plan = Plan();
        var psql = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "psql")).Where(File.Exists).OrderDescending().First();

        var dryRunTimes = new List<double>();
        var executeTimes = new List<double>();
        var psqlTimes = new List<double>();
        var rows = 0;
        IReadOnlyList<DryRunStatement> lastStatements = [];
        for (var round = 0; round < WarmUp + runs; round++)
        {
            var connectorSubject = subjects[2 * round];
            var handSubject = subjects[(2 * round) + 1];
            var connectorFirst = round % 2 == 0;
            for (var side = 0; side < 2; side++)
            {
                if ((side == 0) == connectorFirst)
                {
                    var run = new SourceChangeRun(plan, walk, Keys(connectorSubject), HashKey, $"bench-{connectorSubject}", ChangeLimits.Default);
                    var clock = Stopwatch.StartNew();
                    var dryRun = await changer.DryRunAsync(core, run, CancellationToken.None);
                    clock.Stop();
                    if (dryRun.IsFailure)
                    {
                        throw new InvalidOperationException(string.Join(", ", dryRun.Errors));
                    }
                    var dryRunMs = clock.Elapsed.TotalMilliseconds;
                    clock.Restart();
                    var outcome = await changer.ExecuteAsync(core, run, dryRun.Value, CancellationToken.None);
                    clock.Stop();
                    if (outcome.IsFailure || !outcome.Value.Proof.Holds)
                    {
                        throw new InvalidOperationException(outcome.IsFailure ? string.Join(", ", outcome.Errors) : "The proof does not hold.");
                    }
                    if (round >= WarmUp)
                    {
                        dryRunTimes.Add(dryRunMs);
                        executeTimes.Add(clock.Elapsed.TotalMilliseconds);
                        rows = outcome.Value.Executed.Sum(s => s.ExecutedCount ?? 0);
                        lastStatements = outcome.Value.Executed;
                    }
                }
                else
                {
                    // The keys are looked up before the clock starts: by hand, the officer pastes the statements the dry run showed.
                    var script = await HandScriptAsync(core, handSubject);
                    var clock = Stopwatch.StartNew();
                    await PsqlAsync(psql, server, "bench_" + CoreBankingSchema.Core.DatabaseName, script);
                    clock.Stop();
                    if (await ScalarAsync(core, $"SELECT count(*) FROM customers WHERE customer_number = 'C-{CoreBankingDemo.SyntheticCustomerNumberBase + handSubject}'") != 0)
                    {
                        throw new InvalidOperationException("The psql side did not erase its customer.");
                    }
                    if (round >= WarmUp)
                    {
                        psqlTimes.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }

        var report = new StringBuilder();
        report.AppendLine("# Erasure of one subject in a PostgreSQL source (issue 15)");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores (shared with other work), load average {LoadAverage()} at the end, .NET {Environment.Version}, PostgreSQL started by `tests/Shared/PostgresServer.cs` (fsync off). "));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Demo core-banking source: {customers:N0} customers, {customers:N0} accounts, {total} transactions (loaded set-based with generate_series, indexes and foreign keys after the load, then ANALYZE; {load.Elapsed.TotalSeconds:F0} s in all). "));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Each subject: 1 customer, 1 account, {subjectTransactions:N0} transactions. {runs} rounds after {WarmUp} warm-up rounds, sides in alternating order, each side erasing its own customer of the same shape (erasure cannot be repeated on the same rows). "));
        report.AppendLine("The connector deletes transactions, accounts and complaints (children first) and masks the customer row (number and name by keyed hash, e-mail, phone and birth date to NULL); by hand, psql runs the same statements with the keys written in.");
        report.AppendLine();
        report.AppendLine("| side | median ms | p95 ms | max ms |");
        report.AppendLine("|---|---:|---:|---:|");
        report.AppendLine(Row("connector `DryRunAsync` (connect, read-only transaction, drift check, walk, key hashes; separate, before approval)", dryRunTimes));
        report.AppendLine(Row("connector `ExecuteAsync` (connect, transaction + timeouts, drift check, walk with FOR UPDATE, key-hash comparison, 4 statements with count checks, commit, proof re-query)", executeTimes));
        report.AppendLine(Row("by hand: `psql -f` (start psql, connect, BEGIN, the same 4 statements, COMMIT)", psqlTimes));
        report.AppendLine();
        var ratio = Percentile(executeTimes, 0.5) / Percentile(psqlTimes, 0.5);
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Rows changed per subject: {rows:N0}. Target `ExecuteAsync` under 2 s: **{(Percentile(executeTimes, 0.95) < 2000 ? "met" : "not met")}** (p95). `ExecuteAsync` median / psql median: **{ratio:F2}x**."));
        report.AppendLine();
        report.AppendLine("The statements the connector ran for the last subject (parameter names, never values):");
        report.AppendLine();
        report.AppendLine("```sql");
        foreach (var statement in lastStatements)
        {
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{statement.Sql};  -- {statement.ExecutedCount} rows; {string.Join("; ", statement.ParametersShown)}"));
        }
        report.AppendLine("```");
        var path = Path.Combine(repositoryRoot, "bench", "results", "erasure.md");
        await File.WriteAllTextAsync(path, report.ToString());
        Console.WriteLine(report.ToString());
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    private static SystemChangePlan Plan() => new(Guid.NewGuid(), CoreBankingSchema.Core.SystemName, ConnectorKind.PostgreSql, 1,
    [
        new("public", "transactions", SourceChangeOperation.DeleteRows, [], ["products-and-services"]),
        new("public", "accounts", SourceChangeOperation.DeleteRows, [], ["products-and-services"]),
        new("public", "complaints", SourceChangeOperation.DeleteRows, [], ["disputes"]),
        new("public", "customers", SourceChangeOperation.MaskColumns,
        [
            new("customer_number", MaskStrategy.KeyedHash, null),
            new("full_name", MaskStrategy.KeyedHash, null),
            new("email", MaskStrategy.Null, null),
            new("phone", MaskStrategy.Null, null),
            new("birth_date", MaskStrategy.Null, null),
        ], ["products-and-services"]),
    ], [], []);

    /// <summary>The same four statements with the keys written in, in one transaction, as an officer would paste them into psql.</summary>
    private static async Task<string> HandScriptAsync(string core, int subject)
    {
        var number = string.Create(CultureInfo.InvariantCulture, $"C-{CoreBankingDemo.SyntheticCustomerNumberBase + subject}");
        var customerIds = await IdsAsync(core, $"SELECT customer_id FROM customers WHERE customer_number = '{number}' OR email = 'klant{subject}@example.test'");
        var accountIds = await IdsAsync(core, $"SELECT account_id FROM accounts WHERE customer_id = ANY('{{{string.Join(",", customerIds)}}}')");
        var transactionIds = await IdsAsync(core, $"SELECT transaction_id FROM transactions WHERE account_id = ANY('{{{string.Join(",", accountIds)}}}')");
        var complaintIds = await IdsAsync(core, $"SELECT complaint_id FROM complaints WHERE customer_id = ANY('{{{string.Join(",", customerIds)}}}')");
        static string Array(List<long> ids) => "'{" + string.Join(",", ids) + "}'";
        return $"""
            \set ON_ERROR_STOP on
            BEGIN;
            DELETE FROM transactions WHERE transaction_id = ANY({Array(transactionIds)});
            DELETE FROM accounts WHERE account_id = ANY({Array(accountIds)});
            DELETE FROM complaints WHERE complaint_id = ANY({Array(complaintIds)});
            UPDATE customers SET customer_number = 'x{subject}', full_name = 'x', email = NULL, phone = NULL, birth_date = NULL WHERE customer_id = ANY({Array(customerIds)});
            COMMIT;
            """;
    }

    private static async Task PsqlAsync(string psql, PostgresServer server, string database, string script)
    {
        var file = Path.Combine(Path.GetTempPath(), $"privacydesk-erasure-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var start = new ProcessStartInfo(psql) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["PGPASSWORD"] = PostgresServer.Password;
            foreach (var argument in new[] { "-X", "-q", "-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", PostgresServer.User, "-d", database, "-f", file })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("psql failed: " + await error);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static RetrievalPlan Walk(DataMap map)
    {
        var customers = map.Find("public", "customers")!;
        return new RetrievalPlan(1,
        [
            new RetrievalStep(customers, "customer_number", RetrievalSource.OfIdentifier(SubjectIdentifierKind.CustomerNumber)),
            new RetrievalStep(customers, "email", RetrievalSource.OfIdentifier(SubjectIdentifierKind.EmailAddress)),
            new RetrievalStep(map.Find("public", "accounts")!, "customer_id", RetrievalSource.OfColumn("public", "customers", "customer_id")),
            new RetrievalStep(map.Find("public", "transactions")!, "account_id", RetrievalSource.OfColumn("public", "accounts", "account_id")),
            new RetrievalStep(map.Find("public", "complaints")!, "customer_id", RetrievalSource.OfColumn("public", "customers", "customer_id")),
        ]);
    }

    private static SubjectKeys Keys(int subject) => new(new Dictionary<SubjectIdentifierKind, IReadOnlyList<string>>
    {
        [SubjectIdentifierKind.CustomerNumber] = [string.Create(CultureInfo.InvariantCulture, $"C-{CoreBankingDemo.SyntheticCustomerNumberBase + subject}")],
        [SubjectIdentifierKind.EmailAddress] = [string.Create(CultureInfo.InvariantCulture, $"klant{subject}@example.test")],
    });

    private static NpgsqlConnection Open(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    private static async Task ExecAsync(string connectionString, string sql, (string Name, object Value) parameter)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3_600 };
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<long>> IdsAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }
        return ids;
    }

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
