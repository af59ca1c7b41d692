using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Benchmarks;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;

// The queue's first page (rows + count), warm, for every quick filter and a few searches, at each size.
// Usage: dotnet run -c Release --project bench/PrivacyDesk.Benchmarks -- [--sizes 100000,1000000] [--runs 30] [--data DIR] [--reload]
// The SLA dashboard at 1,000,000 requests against hand-written SQL: ... -- dashboard [--size 1000000] [--runs 20] [--reload]
// The intake API against a minimal insert, on loopback: ... -- intake [--seconds 15] [--concurrency 8] [--rounds 2] [--size 100000] [--postgresql]
// The documents (letters per second, the 10,000-event case file): ... -- documents [--letters 1000] [--rounds 6]
// One subject's retrieval from PostgreSQL (1M customers, 10M transactions) against the same SQL by hand: ... -- retrieval [--customers 1000000] [--runs 200]
// Memory per circuit, cold start and click latency of the PUBLISHED app (issue 17): ... -- circuits --app DIR [--counts 25,50,100] [--pages queue,case] [--after 180] [--load-pages 0] [--label run]
// Erasing one subject with 2,000 transactions from the same source against the same statements in psql: ... -- erasure [--customers 1000000] [--runs 10]
if (args.Length > 0 && args[0] == CircuitBenchmarks.Mode)
{
    return await CircuitBenchmarks.RunAsync(args, FindRepositoryRoot());
}
if (args.Length > 0 && args[0] == ErasureBenchmarks.Mode)
{
    return await ErasureBenchmarks.RunAsync(args, FindRepositoryRoot());
}
if (args.Length > 0 && args[0] == RetrievalBenchmarks.Mode)
{
    return await RetrievalBenchmarks.RunAsync(args, FindRepositoryRoot());
}
if (args.Length > 0 && args[0] == IntakeBenchmarks.Mode)
{
    return await IntakeBenchmarks.RunAsync(args, FindRepositoryRoot());
}
if (args.Length > 0 && args[0] is DocumentBenchmarks.Mode or DocumentBenchmarks.CaseFileChildMode)
{
    return DocumentBenchmarks.Run(args, FindRepositoryRoot());
}
if (args.Length > 0 && args[0] == DashboardBenchmarks.Mode)
{
    return await DashboardBenchmarks.RunAsync(args, FindRepositoryRoot());
}

var sizes = Option("--sizes", "100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var runs = int.Parse(Option("--runs", "30"), CultureInfo.InvariantCulture);
var repositoryRoot = FindRepositoryRoot();
var dataDirectory = Path.GetFullPath(Option("--data", Path.Combine(repositoryRoot, "bench", "data")));
var reload = args.Contains("--reload");
Directory.CreateDirectory(dataDirectory);

var report = new StringBuilder();
report.AppendLine("# Request queue: first page (rows + count), warm");
report.AppendLine();
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Environment.OSVersion}), .NET {Environment.Version}, SQLite file, ") +
    string.Create(CultureInfo.InvariantCulture, $"{runs} timed runs after 3 warm-up runs per scenario; `RequestQueue.PageAsync` end to end (scope, count query, page query, SLA of 25 rows). ") +
    "Target: under 50 ms for every quick filter at 1,000,000 requests.");
report.AppendLine();

var plans = new StringBuilder();
foreach (var size in sizes)
{
    var path = Path.Combine(dataDirectory, string.Create(CultureInfo.InvariantCulture, $"queue-{size}.db"));
    await using var services = BenchServices.Build(path, out var capture);
    if (reload || !File.Exists(path))
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Creating {path}"));
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Database.MigrateAsync();
        }
        QueueDataLoader.Load(DependencyInjection.SqliteConnectionString(path, repositoryRoot), size, DeadlinePolicy.Default.Today(TimeProvider.System));
        SqliteConnection.ClearAllPools();
    }
    var settings = new ControllerSettings(services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>(), new ControllerOptions(), TimeProvider.System);
    var scopes = services.GetRequiredService<IServiceScopeFactory>();
    var queue = new RequestQueue(scopes, settings, TimeProvider.System, new CaseUnitOfWork(scopes, TimeProvider.System, settings));
    var lead = BenchServices.Principal(QueueDataLoader.HandlerId(QueueDataLoader.Officers), StaffRole.TeamLead);
    var officer = BenchServices.Principal(QueueDataLoader.HandlerId(3), StaffRole.PrivacyOfficer);

    var scenarios = new List<(string Name, ClaimsPrincipal Caller, QueueQuery Query)>();
    foreach (var filter in Enum.GetValues<QueueFilter>())
    {
        var sort = filter == QueueFilter.Closed ? QueueSort.Received : QueueSort.Deadline;
        scenarios.Add(($"team lead · {filter}", lead, new QueueQuery(filter, sort, Descending: filter == QueueFilter.Closed)));
    }
    foreach (var filter in new[] { QueueFilter.Open, QueueFilter.Mine, QueueFilter.Unassigned, QueueFilter.Overdue, QueueFilter.Closed })
    {
        var sort = filter == QueueFilter.Closed ? QueueSort.Received : QueueSort.Deadline;
        scenarios.Add(($"officer · {filter}", officer, new QueueQuery(filter, sort, Descending: filter == QueueFilter.Closed)));
    }
    scenarios.Add(("team lead · open, page 40", lead, new QueueQuery(Page: 39)));
    scenarios.Add(("team lead · open, sorted by received ↓", lead, new QueueQuery(Sort: QueueSort.Received, Descending: true)));
    scenarios.Add(("team lead · search reference number \"000123\"", lead, new QueueQuery(QueueFilter.Closed, Search: "000123")));
    scenarios.Add(("team lead · search reference prefix \"DSR-2026-0001\"", lead, new QueueQuery(QueueFilter.Closed, Search: "DSR-2026-0001")));
    scenarios.Add(("team lead · search customer number \"C-0012345\"", lead, new QueueQuery(QueueFilter.Closed, Search: "C-0012345")));
    scenarios.Add(("team lead · search name \"Jansen\"", lead, new QueueQuery(Search: "Jansen")));
    scenarios.Add(("team lead · search name \"Jansen\", overdue", lead, new QueueQuery(QueueFilter.Overdue, Search: "Jansen")));
    scenarios.Add(("officer · search name \"Jansen\"", officer, new QueueQuery(Search: "Jansen")));
    scenarios.Add(("team lead · search name \"Jansen\", closed", lead, new QueueQuery(QueueFilter.Closed, QueueSort.Received, Descending: true, Search: "Jansen")));

    report.AppendLine(CultureInfo.InvariantCulture, $"## {size:N0} requests");
    report.AppendLine();
    report.AppendLine("| scenario | rows | count | median ms | p95 ms | target |");
    report.AppendLine("|---|---:|---:|---:|---:|---|");
    plans.AppendLine(CultureInfo.InvariantCulture, $"## Query plans at {size:N0} requests");
    plans.AppendLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size:N0} requests"));
    foreach (var (name, caller, query) in scenarios)
    {
        QueuePage page = null!;
        for (var i = 0; i < 3; i++)
        {
            page = (await queue.PageAsync(caller, query)).Value;
        }
        capture.Commands.Clear();
        capture.Enabled = true;
        await queue.PageAsync(caller, query);
        capture.Enabled = false;
        var commands = capture.Commands.ToList();
        plans.AppendLine(CultureInfo.InvariantCulture, $"### {name}");
        plans.AppendLine();
        foreach (var command in commands)
        {
            plans.AppendLine("```");
            plans.AppendLine(await ExplainAsync(path, command));
            plans.AppendLine("```");
        }
        plans.AppendLine();
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "partial.md"), report.ToString() + plans);

        var timings = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = await queue.PageAsync(caller, query);
            watch.Stop();
            if (result.IsFailure)
            {
                throw new InvalidOperationException($"{name}: {string.Join(", ", result.Errors)}");
            }
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        var median = timings[timings.Count / 2];
        var p95 = timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(timings.Count * 0.95) - 1)];
        var isQuickFilter = !name.Contains("search", StringComparison.Ordinal);
        var verdict = !isQuickFilter ? "(search)" : median < 50 ? "met" : "**missed**";
        var count = page.CountIsCapped ? $"{page.TotalCount:N0}+" : page.TotalCount.ToString("N0", CultureInfo.InvariantCulture);
        report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {page.Rows.Count} | {count} | {median:F1} | {p95:F1} | {verdict} |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-55} rows {page.Rows.Count,3}  count {count,8}  median {median,7:F1} ms  p95 {p95,7:F1} ms"));

    }
    report.AppendLine();
    await File.WriteAllTextAsync(Path.Combine(dataDirectory, "partial.md"), report.ToString() + plans);
}

report.AppendLine("Counts stop at " + RequestQueue.CountCap.ToString("N0", CultureInfo.InvariantCulture) +
    " (shown as \"10,000+\"): counting every closed case of a million costs more than the page and nobody pages that far.");
report.AppendLine();
report.Append(plans);
var resultsPath = Path.Combine(repositoryRoot, "bench", "results", "queue.md");
Directory.CreateDirectory(Path.GetDirectoryName(resultsPath)!);
await File.WriteAllTextAsync(resultsPath, report.ToString());
Console.WriteLine($"Wrote {resultsPath}");
return 0;

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static string FindRepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PrivacyDesk.sln")))
    {
        directory = directory.Parent;
    }
    return directory?.FullName ?? Directory.GetCurrentDirectory();
}

static async Task<string> ExplainAsync(string path, CapturedCommand command)
{
    await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
    await connection.OpenAsync();
    await using var explain = connection.CreateCommand();
    explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
    foreach (var (name, value) in command.Parameters)
    {
        explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
    }
    var lines = new StringBuilder();
    lines.AppendLine(command.Sql);
    lines.AppendLine("--");
    await using var reader = await explain.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        lines.AppendLine(reader.GetString(3));
    }
    return lines.ToString().TrimEnd();
}

internal sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>Records the SQL the queue sends, so the report shows each query's plan.</summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public bool Enabled { get; set; }

    public List<CapturedCommand> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled)
        {
            Commands.Add(new CapturedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        }
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
