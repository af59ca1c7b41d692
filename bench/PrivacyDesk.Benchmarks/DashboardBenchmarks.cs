using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// The whole SLA dashboard (<see cref="SlaFigures.ReadAsync"/>: every query the page runs) at 1,000,000
/// requests in the queue bench's SQLite file, next to the same queries written by hand in SQL and run
/// through a bare ADO.NET connection. Usage: <c>dotnet run -c Release --project bench/PrivacyDesk.Benchmarks -- dashboard [--size 1000000] [--runs 20] [--reload]</c>
/// </summary>
internal static class DashboardBenchmarks
{
    public const string Mode = "dashboard";

    private const string Open = "('Received', 'AwaitingIdentity', 'InProgress', 'AwaitingApproval')";
    private const string Answered = "('Responded', 'Rejected')";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot)
    {
        var size = int.Parse(Option(args, "--size", "1000000"), CultureInfo.InvariantCulture);
        var runs = int.Parse(Option(args, "--runs", "20"), CultureInfo.InvariantCulture);
        var dataDirectory = Path.GetFullPath(Option(args, "--data", Path.Combine(repositoryRoot, "bench", "data")));
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, string.Create(CultureInfo.InvariantCulture, $"queue-{size}.db"));
        var connectionString = DependencyInjection.SqliteConnectionString(path, repositoryRoot);

        await using var services = BenchServices.Build(path, out var capture);
        if (args.Contains("--reload") || !File.Exists(path) || !HasColumn(connectionString, "Requests", "LastActivityAt"))
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
            Console.WriteLine($"Creating {path}");
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Database.MigrateAsync();
            }
            QueueDataLoader.Load(connectionString, size, DeadlinePolicy.Default.Today(TimeProvider.System));
            SqliteConnection.ClearAllPools();
        }

        var settings = new ControllerSettings(services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>(), new ControllerOptions(), TimeProvider.System);
        var figures = new SlaFigures(services.GetRequiredService<IServiceScopeFactory>(), settings, TimeProvider.System);
        var leadId = QueueDataLoader.HandlerId(QueueDataLoader.Officers);
        var officerId = QueueDataLoader.HandlerId(3);
        var lead = BenchServices.Principal(leadId, StaffRole.TeamLead);
        var officer = BenchServices.Principal(officerId, StaffRole.PrivacyOfficer);
        var scenarios = new (string Name, ClaimsPrincipal Caller, string? HandlerId, DashboardQuery Query)[]
        {
            ("team lead · all types · 90 days", lead, null, new DashboardQuery()),
            ("team lead · access only · 90 days", lead, null, new DashboardQuery(Type: RequestType.Access)),
            ("team lead · all types · 365 days", lead, null, new DashboardQuery(PeriodDays: 365)),
            ("officer (own figures) · 90 days", officer, officerId, new DashboardQuery()),
        };

        var report = new StringBuilder();
        var plans = new StringBuilder();
        report.AppendLine("# SLA dashboard: every figure, warm");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Environment.OSVersion}), .NET {Environment.Version}, SQLite file of {size:N0} requests (the queue bench's `queue-{size}.db`), ") +
            string.Create(CultureInfo.InvariantCulture, $"{runs} timed runs after 3 warm-up runs per scenario. ") +
            "`SlaFigures.ReadAsync` is the whole dashboard end to end (settings, scope, seven grouped queries, shaping); " +
            "\"by hand\" is the same seven queries written in SQL on one pooled ADO.NET connection, every row read. Target: well under a second.");
        report.AppendLine();
        report.AppendLine("| scenario | open | answered (90 d) | SlaFigures median ms | p95 ms | by hand median ms | p95 ms | ratio (medians) |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");

        foreach (var (name, caller, handlerId, query) in scenarios)
        {
            SlaDashboardFigures result = null!;
            for (var i = 0; i < 3; i++)
            {
                result = (await figures.ReadAsync(caller, query)).Value;
                await ByHandAsync(connectionString, handlerId, query, result.Today);
            }
            capture.Commands.Clear();
            capture.Enabled = true;
            await figures.ReadAsync(caller, query);
            capture.Enabled = false;
            plans.AppendLine(CultureInfo.InvariantCulture, $"### {name}");
            plans.AppendLine();
            foreach (var command in capture.Commands)
            {
                plans.AppendLine("```");
                plans.AppendLine(await ExplainAsync(path, command.Sql, command.Parameters));
                plans.AppendLine("```");
            }
            plans.AppendLine();

            var ef = new List<double>(runs);
            var hand = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                // Alternate, so both see the same machine load.
                var watch = Stopwatch.StartNew();
                var read = await figures.ReadAsync(caller, query);
                ef.Add(watch.Elapsed.TotalMilliseconds);
                if (read.IsFailure)
                {
                    throw new InvalidOperationException(string.Join(", ", read.Errors));
                }
                watch.Restart();
                var rows = await ByHandAsync(connectionString, handlerId, query, result.Today);
                hand.Add(watch.Elapsed.TotalMilliseconds);
                if (rows == 0)
                {
                    throw new InvalidOperationException("The hand-written queries found nothing.");
                }
            }
            var (efMedian, efP95) = Stats(ef);
            var (handMedian, handP95) = Stats(hand);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {result.Headline.Open:N0} | {result.Headline.Answered90:N0} | {efMedian:F1} | {efP95:F1} | {handMedian:F1} | {handP95:F1} | {efMedian / handMedian:F2} |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-40} SlaFigures {efMedian,7:F1} ms (p95 {efP95,7:F1})   by hand {handMedian,7:F1} ms (p95 {handP95,7:F1})   ratio {efMedian / handMedian:F2}"));
        }
        report.AppendLine();
        report.AppendLine("## Query plans (SlaFigures, as EF Core sends them)");
        report.AppendLine();
        report.Append(plans);
        report.AppendLine("## The hand-written queries");
        report.AppendLine();
        report.AppendLine("```sql");
        foreach (var (_, sql) in HandQueries(null, null))
        {
            report.AppendLine(sql + ";");
        }
        report.AppendLine("```");
        var resultsPath = Path.Combine(repositoryRoot, "bench", "results", "dashboard.md");
        await File.WriteAllTextAsync(resultsPath, report.ToString());
        Console.WriteLine($"Wrote {resultsPath}");
        return 0;
    }

    /// <summary>The same queries as <see cref="SlaFigures"/>, by hand; returns the number of rows read.</summary>
    private static async Task<int> ByHandAsync(string connectionString, string? handlerId, DashboardQuery query, DateOnly today)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var rows = 0;
        var toBinary = new DateTimeOffsetToBinaryConverter();
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstMonday = thisMonday.AddDays(-7 * (SlaFigures.Weeks - 1));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(SlaFigures.Months - 1));
        var sinceAnswers = new[] { today.AddDays(-89), today.AddDays(-(query.PeriodDays - 1)), firstMonday, firstOfMonth }.Min();
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["$today"] = Iso(today),
            ["$week"] = Iso(today.AddDays(SlaFigures.DueWithinDays)),
            ["$a7"] = Iso(today.AddDays(-7)),
            ["$a14"] = Iso(today.AddDays(-14)),
            ["$a21"] = Iso(today.AddDays(-21)),
            ["$a28"] = Iso(today.AddDays(-28)),
            ["$sp"] = Iso(today.AddDays(-(query.PeriodDays - 1))),
            ["$since"] = Iso(sinceAnswers),
            ["$first"] = Iso(firstMonday),
            ["$horizon"] = Iso(today.AddDays(query.HorizonDays)),
            ["$quiet"] = toBinary.ConvertToProvider(DateTimeOffset.UtcNow.AddDays(-query.QuietDays))!,
            ["$handler"] = (object?)handlerId ?? DBNull.Value,
            ["$type"] = (object?)query.Type?.ToString() ?? DBNull.Value,
        };
        foreach (var (_, sql) in HandQueries(handlerId, query.Type))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (key, value) in parameters)
            {
                if (sql.Contains(key, StringComparison.Ordinal))
                {
                    command.Parameters.AddWithValue(key, value);
                }
            }
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.GetValue(i);
                }
                rows++;
            }
        }
        return rows;
    }

    private static IEnumerable<(string Name, string Sql)> HandQueries(string? handlerId, RequestType? type)
    {
        var f = (handlerId is null ? "" : " AND HandlerId = $handler") + (type is null ? "" : " AND Type = $type");
        yield return ("open", $"""
            SELECT Type, Status,
                CASE WHEN EffectiveDueOn < $today THEN 0 WHEN EffectiveDueOn <= $week THEN 1 ELSE 2 END AS Due,
                CASE WHEN EffectiveDueOn <> DueOn THEN 5 WHEN ReceivedOn >= $a7 THEN 0 WHEN ReceivedOn >= $a14 THEN 1
                     WHEN ReceivedOn >= $a21 THEN 2 WHEN ReceivedOn >= $a28 THEN 3 ELSE 4 END AS Age,
                COUNT(*)
            FROM Requests WHERE Status IN {Open}{f}
            GROUP BY 1, 2, 3, 4
            """);
        yield return ("workload", $"""
            SELECT HandlerId, MAX(HandlerName), COUNT(*), SUM(EffectiveDueOn >= $today AND EffectiveDueOn <= $week), SUM(EffectiveDueOn < $today)
            FROM Requests WHERE Status IN {Open}{f}
            GROUP BY HandlerId
            """);
        yield return ("answers per day", $"""
            SELECT ClosedOn, COUNT(*), SUM(ClosedOn <= EffectiveDueOn), SUM(EffectiveDueOn <> DueOn), SUM(Status = 'Rejected')
            FROM Requests WHERE ClosedOn >= $since AND ClosedOn <= $today AND Status IN {Answered}{f}
            GROUP BY ClosedOn
            """);
        yield return ("days to answer", $"""
            SELECT CAST(julianday(ClosedOn) - julianday(ReceivedOn) AS INTEGER), COUNT(*)
            FROM Requests WHERE ClosedOn >= $sp AND ClosedOn <= $today AND Status IN {Answered}{f}
            GROUP BY 1
            """);
        yield return ("received per day", $"""
            SELECT ReceivedOn, COUNT(*)
            FROM Requests WHERE ReceivedOn >= $first AND ReceivedOn <= $today{f}
            GROUP BY ReceivedOn
            """);
        var atRisk = $"Status IN {Open} AND EffectiveDueOn >= $today AND EffectiveDueOn <= $horizon AND COALESCE(LastActivityAt, ReceivedAt) <= $quiet{f}";
        yield return ("breach count", $"SELECT COUNT(*) FROM Requests WHERE {atRisk}");
        yield return ("breach list", $"""
            SELECT Id, Reference, Type, Status, EffectiveDueOn, COALESCE(LastActivityAt, ReceivedAt), HandlerName
            FROM Requests WHERE {atRisk}
            ORDER BY EffectiveDueOn, Id LIMIT {SlaFigures.MaxBreaches}
            """);
    }

    private static (double Median, double P95) Stats(List<double> timings)
    {
        timings.Sort();
        return (timings[timings.Count / 2], timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(timings.Count * 0.95) - 1)]);
    }

    private static bool HasColumn(string connectionString, string table, string column)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task<string> ExplainAsync(string path, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var lines = new StringBuilder();
        lines.AppendLine(sql);
        lines.AppendLine("--");
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.AppendLine(reader.GetString(3));
        }
        return lines.ToString().TrimEnd();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
