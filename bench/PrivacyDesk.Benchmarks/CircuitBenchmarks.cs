using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// Memory per Blazor circuit, cold start and click latency under load (issue 17), measured on the PUBLISHED app
/// started as its own process in Production with a SQLite demo database, driven by Debian's Chromium.
/// Live managed heap = what `dotnet-gcdump collect` finds after the full blocking GC it forces (its report's total);
/// RSS = VmRSS of /proc/&lt;pid&gt;/status read right after that GC.
/// </summary>
public static partial class CircuitBenchmarks
{
    public const string Mode = "circuits";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public static async Task<int> RunAsync(string[] args, string repositoryRoot)
    {
        var app = Path.GetFullPath(Option(args, "--app", Path.Combine(repositoryRoot, "bench", "data", "circuits-publish")));
        var counts = Option(args, "--counts", "25,50,100").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var kinds = Option(args, "--pages", "queue,case").Split(',');
        var afterClose = TimeSpan.FromSeconds(int.Parse(Option(args, "--after", "180"), CultureInfo.InvariantCulture));
        var contexts = int.Parse(Option(args, "--contexts", "5"), CultureInfo.InvariantCulture);
        var loadPages = int.Parse(Option(args, "--load-pages", "0"), CultureInfo.InvariantCulture);
        var clicks = int.Parse(Option(args, "--clicks", "40"), CultureInfo.InvariantCulture);
        var label = Option(args, "--label", "run");
        var work = Path.GetFullPath(Option(args, "--data", Path.Combine(repositoryRoot, "bench", "data")));
        var dumps = Path.Combine(work, "gcdumps-" + label);
        Directory.CreateDirectory(dumps);
        if (!File.Exists(Path.Combine(app, "PrivacyDesk.Web.dll")))
        {
            Console.Error.WriteLine($"No published app at {app}: dotnet publish src/PrivacyDesk.Web -c Release -r linux-x64 -o {app}");
            return 1;
        }

        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"## {label}: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, loadavg at start `{LoadAverage()}`"));
        report.AppendLine();

        var database = Path.Combine(work, $"circuits-{label}.db");
        DeleteDatabase(database);
        var existingDatabase = Option(args, "--database", "");
        if (existingDatabase.Length > 0)
        {
            // A demo database made by an earlier run: no cold starts (they seed for minutes on a busy machine).
            File.Copy(existingDatabase, database);
        }
        else
        {
            // Cold start: an empty database (migrations + seed), then the same file again (existing database).
            // As in production: no demo data on the empty database; the demo users and 150 cases come with the next start, untimed.
            var empty = await ColdStartAsync(app, database, seedDemo: false);
            await ColdStartAsync(app, database, seedDemo: true);
            var existing = await ColdStartAsync(app, database, seedDemo: true);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Cold start to `/Account/Login` answering 200: empty database {empty.TotalSeconds:0.00} s, existing database {existing.TotalSeconds:0.00} s (loadavg `{LoadAverage()}`)."));
            report.AppendLine();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PRIVACYDESK_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions"],
        });

        if (counts.Count > 0 && counts[0] > 0)
        {
            report.AppendLine("| page | N | live managed heap (MB) | RSS (MB) | loadavg |");
            report.AppendLine("|---|---|---|---|---|");
            foreach (var kind in kinds)
            {
                await MeasureMemoryAsync(app, database, browser, kind, counts, contexts, afterClose, dumps, report);
            }
        }
        if (loadPages > 0)
        {
            await MeasureClicksAsync(app, database, browser, loadPages, contexts, clicks, report);
        }

        var results = Path.Combine(repositoryRoot, "bench", "results", "circuits-raw.md");
        await File.AppendAllTextAsync(results, report.ToString() + Environment.NewLine);
        Console.WriteLine(report);
        Console.WriteLine($"Appended to {results}");
        return 0;
    }

    private static async Task MeasureMemoryAsync(string app, string database, IBrowser browser, string kind, List<int> counts, int contextCount, TimeSpan afterClose, string dumps, StringBuilder report)
    {
        using var server = StartApp(app, database);
        var baseAddress = await WaitForSignInAsync(server, Stopwatch.StartNew());
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < contextCount; i++)
        {
            contexts.Add(await SignedInContextAsync(browser, baseAddress));
        }
        var address = kind == "case" ? await CaseAddressAsync(contexts[0]) : "/requests";
        // One page opened and closed first, so the baseline holds the JIT, caches and pools any first page fills.
        var warm = await OpenAsync(contexts[0], address);
        await warm.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var (heap0, rss0) = await MeasureAsync(server, dumps, $"{kind}-0");
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | 0 | {heap0:0.0} | {rss0:0.0} | {LoadAverage()} |"));
        var pages = new List<IPage>();
        var points = new List<(int N, double Heap, double Rss)>();
        foreach (var n in counts)
        {
            while (pages.Count < n)
            {
                // Round robin over the contexts; a few at a time so a busy machine does not time out.
                var batch = Enumerable.Range(pages.Count, Math.Min(5, n - pages.Count)).Select(i => OpenAsync(contexts[i % contexts.Count], address));
                pages.AddRange(await Task.WhenAll(batch));
            }
            await Task.Delay(TimeSpan.FromSeconds(3));
            var (heap, rss) = await MeasureAsync(server, dumps, string.Create(CultureInfo.InvariantCulture, $"{kind}-{n}"));
            points.Add((n, heap, rss));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {n} | {heap:0.0} | {rss:0.0} | {LoadAverage()} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind} {n}: heap {heap:0.0} MB, RSS {rss:0.0} MB"));
        }
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        await Task.Delay(afterClose);
        var (heapAfter, rssAfter) = await MeasureAsync(server, dumps, $"{kind}-closed");
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | closed {afterClose.TotalSeconds:0} s | {heapAfter:0.0} | {rssAfter:0.0} | {LoadAverage()} |"));
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| **{kind} slope per circuit** | {string.Join('/', counts)} | **{Slope(points.Select(p => (p.N, p.Heap))) * 1024:0} KB** | **{Slope(points.Select(p => (p.N, p.Rss))) * 1024:0} KB** | after close: heap {100 * (heapAfter - heap0) / heap0:+0;-0} %, RSS {100 * (rssAfter - rss0) / rss0:+0;-0} % of baseline |"));
        Stop(server);
    }

    /// <summary>
    /// Click latency with <paramref name="pageCount"/> signed-in pages open, half on the queue and half on a case:
    /// on the queue a quick filter (until its chip is pressed), on the case a step (until it is open), next to the barest
    /// MudBlazor interaction every page has, the app bar's menu button (a MudIconButton that folds the MudDrawer: one
    /// round trip, no data) on the same pages under the same load.
    /// </summary>
    private static async Task MeasureClicksAsync(string app, string database, IBrowser browser, int pageCount, int contextCount, int clicks, StringBuilder report)
    {
        using var server = StartApp(app, database);
        var baseAddress = await WaitForSignInAsync(server, Stopwatch.StartNew());
        var contexts = new List<IBrowserContext>();
        for (var i = 0; i < contextCount; i++)
        {
            contexts.Add(await SignedInContextAsync(browser, baseAddress));
        }
        var caseAddress = await CaseAddressAsync(contexts[0]);
        var pages = new List<IPage>();
        while (pages.Count < pageCount)
        {
            var batch = Enumerable.Range(pages.Count, Math.Min(5, pageCount - pages.Count))
                .Select(i => OpenAsync(contexts[i % contexts.Count], i % 2 == 0 ? "/requests" : caseAddress));
            pages.AddRange(await Task.WhenAll(batch));
        }
        var queuePages = pages.Where((_, i) => i % 2 == 0).ToList();
        var casePages = pages.Where((_, i) => i % 2 == 1).ToList();
        var loadavg = LoadAverage();
        // The three kinds of click interleave, so all three see the same load.
        var queue = new List<double>();
        var step = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < clicks; i++)
        {
            var queuePage = queuePages[i % queuePages.Count];
            var filter = i % 2 == 0 ? "filter-overdue" : "filter-open";
            queue.Add(await TimeAsync(queuePage, $"[data-testid={filter}]", $"[data-testid={filter}][aria-pressed=true]"));
            var casePage = casePages[i % casePages.Count];
            var folded = casePage.Locator("[data-open=false] [data-testid=step-toggle]").First;
            var clock = Stopwatch.StartNew();
            var before = await casePage.Locator("[data-open=true]").CountAsync();
            clock.Restart();
            await folded.ClickAsync();
            await casePage.WaitForFunctionAsync("n => document.querySelectorAll('[data-open=true]').length > n", before);
            step.Add(clock.Elapsed.TotalMilliseconds);
            var barePage = pages[(i * 7) % pages.Count];
            var open = await barePage.Locator(".mud-drawer--open").CountAsync();
            clock.Restart();
            await barePage.ClickAsync("header .mud-icon-button-edge-start");
            await barePage.WaitForFunctionAsync("n => document.querySelectorAll('.mud-drawer--open').length !== n", open);
            bare.Add(clock.Elapsed.TotalMilliseconds);
        }
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Clicks with {pageCount} pages open ({queuePages.Count} queue, {casePages.Count} case, {contextCount} contexts), {clicks} clicks each, loadavg `{loadavg}` → `{LoadAverage()}`:"));
        report.AppendLine();
        report.AppendLine("| click | median ms | p95 ms | p95 / bare |");
        report.AppendLine("|---|---|---|---|");
        var bareP95 = Percentile(bare, 0.95);
        foreach (var (name, values) in new[] { ("queue filter", queue), ("case step", step), ("bare MudBlazor button (drawer toggle)", bare) })
        {
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Percentile(values, 0.5):0} | {Percentile(values, 0.95):0} | {Percentile(values, 0.95) / bareP95:0.00} |"));
        }
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        Stop(server);
    }

    private static async Task<double> TimeAsync(IPage page, string click, string done)
    {
        var clock = Stopwatch.StartNew();
        await page.ClickAsync(click);
        await page.WaitForSelectorAsync(done);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<TimeSpan> ColdStartAsync(string app, string database, bool seedDemo)
    {
        var clock = Stopwatch.StartNew();
        using var server = StartApp(app, database, seedDemo);
        await WaitForSignInAsync(server, clock);
        var elapsed = clock.Elapsed;
        Stop(server);
        return elapsed;
    }

    private sealed class AppProcess(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public TaskCompletionSource<Uri> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose() => Process.Dispose();
    }

    private static AppProcess StartApp(string app, string database, bool seedDemo = true)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "PrivacyDesk.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Production as deployed: no development settings; the demo users and cases give something to open.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__SqlitePath"] = database;
        start.Environment["AuditAnchor__Key"] = "circuit-benchmark-seal-key-not-a-secret-0123456789";
        start.Environment["AuditAnchor__CheckpointFolder"] = database + "-checkpoints";
        // The keys production requires (docs/operations.md); fixed bench values, not secrets.
        var key = Convert.ToBase64String(Encoding.ASCII.GetBytes("circuit-benchmark-portal-code-key-0123"));
        start.Environment["Portal__CodeKey"] = key;
        start.Environment["SourceSystems__Erasure__HashKey"] = key;
        start.Environment["Demo__SeedUsers"] = seedDemo ? "true" : "false";
        start.Environment["Demo__SeedCases"] = seedDemo ? "true" : "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var process = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        process.Process.Exited += (_, _) => process.Listening.TrySetException(new InvalidOperationException("The app stopped before it listened (see its output above)."));
        process.Process.OutputDataReceived += (_, e) => OnOutput(process, e.Data);
        process.Process.ErrorDataReceived += (_, e) => OnOutput(process, e.Data);
        process.Process.Start();
        process.Process.BeginOutputReadLine();
        process.Process.BeginErrorReadLine();
        return process;
    }

    private static void OnOutput(AppProcess process, string? line)
    {
        if (line is null)
        {
            return;
        }
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            process.Listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
        else if (line.Contains("fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal) || line.StartsWith("Unhandled", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("app: " + line);
        }
    }

    /// <summary>Polls the sign-in page until it answers 200 (listening alone is not ready: the first request JITs the pipeline).</summary>
    private static async Task<Uri> WaitForSignInAsync(AppProcess server, Stopwatch clock)
    {
        var address = await server.Listening.Task.WaitAsync(TimeSpan.FromMinutes(15));
        while (clock.Elapsed < TimeSpan.FromMinutes(15))
        {
            try
            {
                using var answer = await Http.GetAsync(new Uri(address, "/Account/Login"));
                if (answer.IsSuccessStatusCode)
                {
                    return address;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The sign-in page never answered 200.");
    }

    private static void Stop(AppProcess server)
    {
        if (!server.Process.HasExited)
        {
            server.Process.Kill(entireProcessTree: true);
            server.Process.WaitForExit();
        }
    }

    private static async Task<IBrowserContext> SignedInContextAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 800 }, BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=nl-NL|uic=nl-NL", Url = baseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Email", "lead@privacydesk.test");
        await page.FillAsync("#Input\\.Password", DemoStaff.Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid^=nav-]");
        await page.CloseAsync();
        return context;
    }

    private static async Task<string> CaseAddressAsync(IBrowserContext context)
    {
        var page = await OpenAsync(context, "/requests");
        var href = await page.Locator("[data-testid=open-request]").First.GetAttributeAsync("href") ?? throw new InvalidOperationException("The queue shows no case.");
        await page.CloseAsync();
        return href;
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, string address)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(address);
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid^=nav-]");
        return page;
    }

    /// <summary>Collects a gcdump (which forces a full blocking GC first), reads its total and the process's RSS.</summary>
    private static async Task<(double HeapMb, double RssMb)> MeasureAsync(AppProcess server, string folder, string name)
    {
        var pid = server.Process.Id;
        var file = Path.Combine(folder, name + ".gcdump");
        File.Delete(file);
        await RunToolAsync("dotnet-gcdump", "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", file);
        var rss = ReadRssMb(pid);
        var text = await RunToolAsync("dotnet-gcdump", "report", file);
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".txt"), text);
        return (TotalBytes(text) / 1024.0 / 1024.0, rss);
    }

    /// <summary>The report's first line: the bytes of every live object the GC found.</summary>
    private static long TotalBytes(string report)
    {
        var match = HeapBytesLine().Match(report);
        return match.Success
            ? long.Parse(match.Groups["size"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("No 'GC Heap bytes' line in the gcdump report.");
    }

    private static double ReadRssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static async Task<string> RunToolAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["tool", "run", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {await error}{await output}");
        }
        return await output;
    }

    private static double Slope(IEnumerable<(int X, double Y)> points)
    {
        var list = points.ToList();
        var mx = list.Average(p => p.X);
        var my = list.Average(p => p.Y);
        return list.Sum(p => (p.X - mx) * (p.Y - my)) / list.Sum(p => (p.X - mx) * (p.X - mx));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        if (Directory.Exists(path + "-checkpoints"))
        {
            Directory.Delete(path + "-checkpoints", recursive: true);
        }
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"(?<size>[\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytesLine();
}
