using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Tests.Shared;

[assembly: AssemblyFixture(typeof(PrivacyDesk.EndToEnd.Tests.Infrastructure.RunningApp))]

namespace PrivacyDesk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app, started from its build output as its own process on 127.0.0.1 with a random port
/// and a fresh SQLite file, and Debian's Chromium driven by Playwright (never a downloaded browser).
/// One instance for the whole assembly (an assembly fixture): every test class takes it in its constructor,
/// none starts an app of its own. Its waits come from <see cref="Timeouts"/>; its log's warnings fail the run.
/// </summary>
public sealed partial class RunningApp : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"privacydesk-e2e-{Guid.NewGuid():N}.db");
    private readonly List<string> _output = [];
    private readonly List<AppLogEntry> _warnings = [];
    private Process? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The app's SQLite file, for tests that play someone with direct access to the database.</summary>
    public string DatabasePath => _databasePath;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The PostgreSQL server of the demo's source systems; each system's database is <see cref="SourceDatabasePrefix"/> + its name.</summary>
    public PostgresServer Postgres { get; private set; } = default!;

    public const string SourceDatabasePrefix = "e2e_";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where the run lists the app's unexpected warnings when it fails on them (scripts/test.sh prints this file).</summary>
    public static string WarningsReport { get; } = Path.Combine(RepositoryRoot, "artifacts", "test-results", "e2e-app-warnings.txt");

    /// <summary>What the run's waits were scaled by (load, the app's measured start), written once the app listens.</summary>
    public static string WaitsReport { get; } = Path.Combine(RepositoryRoot, "artifacts", "test-results", "e2e-waits.txt");

    /// <summary>Every Warning, Error and Critical entry the app has logged so far, from any category.</summary>
    public IReadOnlyList<AppLogEntry> Warnings
    {
        get
        {
            lock (_output)
            {
                return [.. _warnings];
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        var configuration = typeof(RunningApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var webProject = Path.Combine(RepositoryRoot, "src", "PrivacyDesk.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "PrivacyDesk.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The web app is not built at {dll}. Build the solution first.");
        }

        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__SqlitePath"] = _databasePath;
        start.Environment["AuditAnchor__CheckpointFolder"] = _databasePath + "-checkpoints";
        start.Environment["Demo__SeedUsers"] = "true";
        // The demo's connected source systems on a real PostgreSQL that this run starts (issue 14), not the SQLite files.
        Postgres = await PostgresServer.StartAsync();
        await CoreBankingDemo.CreatePostgresAsync(Postgres.ConnectionString(), SourceDatabasePrefix, CoreBankingDemo.DefaultSubjects, DemoSize.Small);
        start.Environment["Demo__SourceSystems__Enabled"] = "true";
        start.Environment["Demo__SourceSystems__Engine"] = "PostgreSql";
        start.Environment["Demo__SourceSystems__PostgresServer"] = Postgres.ConnectionString();
        start.Environment["Demo__SourceSystems__DatabasePrefix"] = SourceDatabasePrefix;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // One line per entry, so each warning is read with its category and event id (AppWarnings.Parse).
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__IncludeScopes"] = "false";
        if (File.Exists(WarningsReport))
        {
            File.Delete(WarningsReport);
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _app = new Process { StartInfo = start, EnableRaisingEvents = true };
        _app.OutputDataReceived += (_, e) => OnOutput(e.Data, listening);
        _app.ErrorDataReceived += (_, e) => OnOutput(e.Data, listening);
        _app.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped before it listened:\n" + Output));
        var wait = Timeouts.AppStart;
        var clock = Stopwatch.StartNew();
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        try
        {
            BaseAddress = await listening.Task.WaitAsync(wait);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(
                $"The app did not say 'Now listening on' within {wait.TotalSeconds:0} s (90 s idle, scaled by the load; ceiling {Timeouts.AppStartCeiling.TotalSeconds:0} s; {Timeouts.Describe()}). It printed:\n{Output}", timeout);
        }
        Timeouts.AppStarted(clock.Elapsed);
        // For whoever tunes the waits: what this run measured (scripts/test.sh prints it).
        Directory.CreateDirectory(Path.GetDirectoryName(WaitsReport)!);
        await File.WriteAllTextAsync(WaitsReport, Timeouts.Describe() + Environment.NewLine);
        // Future tests using Playwright's Expect wait as long as the rest.
        Assertions.SetDefaultExpectTimeout(Timeouts.Action);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Timeout = Timeouts.LongRunning,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    private void OnOutput(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }
        var warning = AppWarnings.Parse(line);
        lock (_output)
        {
            _output.Add(line);
            if (warning is not null)
            {
                _warnings.Add(warning);
            }
        }
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        if (Postgres is not null)
        {
            await Postgres.DisposeAsync();
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
        if (Directory.Exists(_databasePath + "-checkpoints"))
        {
            Directory.Delete(_databasePath + "-checkpoints", recursive: true);
        }
        FailOnUnexpectedWarnings();
    }

    /// <summary>After the last test: the run fails naming every warning the app logged that is not expected by design.</summary>
    private void FailOnUnexpectedWarnings()
    {
        var unexpected = Warnings.Where(w => !AppWarnings.IsExpected(w)).Select(w => w.ToString()).Distinct().ToList();
        if (unexpected.Count == 0)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(WarningsReport)!);
        File.WriteAllLines(WarningsReport, unexpected);
        throw new InvalidOperationException(
            $"The app logged {unexpected.Count} unexpected warning(s) during the browser tests (fix them, or add one to AppWarnings.Expected with its reason):\n" + string.Join('\n', unexpected));
    }

    /// <summary>A fresh browser context (own cookies) in the given language and viewport.</summary>
    public async Task<IPage> NewPageAsync(string culture = "nl-NL", int width = 1366, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseAddress.ToString() });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = BaseAddress.ToString() }]);
        context.SetDefaultTimeout(Timeouts.Action);
        context.SetDefaultNavigationTimeout(Timeouts.Navigation);
        return await context.NewPageAsync();
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("PRIVACYDESK_CHROMIUM") ?? "/usr/bin/chromium";
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"Chromium was not found at {path}. Install Debian's package (apt-get install chromium) or run scripts/test.sh, which does it for you.");
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PrivacyDesk.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("PrivacyDesk.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
