using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
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

    /// <summary>The real SMTP server every e-mail of the run goes to (issue 16): a test reads the subject's code and links from it.</summary>
    public SmtpSink Mail { get; private set; } = default!;

    /// <summary>A former customer the source systems know and PrivacyDesk does not yet: the erasure test registers her (issue 15).</summary>
    public static readonly DemoSubject FormerCustomer = new("C-990020", "Karin Bos", "karin.bos@example.nl", "+31 6 1111 2222");

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

        // The demo's connected source systems on a real PostgreSQL that this run starts (issue 14), not the SQLite files.
        Postgres = await PostgresServer.StartAsync();
        await CoreBankingDemo.CreatePostgresAsync(Postgres.ConnectionString(), SourceDatabasePrefix, [.. CoreBankingDemo.DefaultSubjects, FormerCustomer], DemoSize.Small);
        await CreateSourceUsersAsync();
        Mail = await SmtpSink.StartNewAsync();
        if (File.Exists(WarningsReport))
        {
            File.Delete(WarningsReport);
        }
        var clock = Stopwatch.StartNew();
        (_app, BaseAddress) = await StartProcessAsync(dll, webProject, new Dictionary<string, string>());
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

    /// <summary>
    /// A second instance of the app on the same database and source systems (issue 15: one runner even with several
    /// instances), with its clock moved forward by <paramref name="clockOffsetDays"/> (Development's rehearsal clock).
    /// </summary>
    public async Task<SecondInstance> StartSecondInstanceAsync(int clockOffsetDays)
    {
        var configuration = typeof(RunningApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var webProject = Path.Combine(RepositoryRoot, "src", "PrivacyDesk.Web");
        var dll = Path.Combine(webProject, "bin", configuration, "net10.0", "PrivacyDesk.Web.dll");
        var (process, address) = await StartProcessAsync(dll, webProject, new Dictionary<string, string>
        {
            ["Clock__OffsetDays"] = clockOffsetDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return new SecondInstance(this, process, address);
    }

    private async Task<(Process Process, Uri Address)> StartProcessAsync(string dll, string webProject, IReadOnlyDictionary<string, string> extra)
    {
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
        start.Environment["Demo__SourceSystems__Enabled"] = "true";
        start.Environment["Demo__SourceSystems__Engine"] = "PostgreSql";
        // Two users with the least privileges of docs/operations.md: the app reads as one and erases as the other (issue 15).
        start.Environment["Demo__SourceSystems__PostgresServer"] = SourceUser(ReaderUser);
        start.Environment["Demo__SourceSystems__PostgresErasureServer"] = SourceUser(EraserUser);
        start.Environment["Demo__SourceSystems__DatabasePrefix"] = SourceDatabasePrefix;
        // The outbox runner looks for work every two seconds here (15 s by default), so a retention scan is seen soon.
        start.Environment["Outbox__PollInterval"] = "00:00:02";
        // E-mail goes over SMTP to the run's own server instead of Development's pickup folder.
        start.Environment["Mail__Smtp__Host"] = "127.0.0.1";
        start.Environment["Mail__Smtp__Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Mail__Smtp__Security"] = "None";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        // One line per entry, so each warning is read with its category and event id (AppWarnings.Parse).
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__IncludeScopes"] = "false";
        foreach (var (key, value) in extra)
        {
            start.Environment[key] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, listening);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, listening);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped before it listened:\n" + Output));
        var wait = Timeouts.AppStart;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return (process, await listening.Task.WaitAsync(wait));
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(
                $"The app did not say 'Now listening on' within {wait.TotalSeconds:0} s (90 s idle, scaled by the load; ceiling {Timeouts.AppStartCeiling.TotalSeconds:0} s; {Timeouts.Describe()}). It printed:\n{Output}", timeout);
        }
    }

    /// <summary>A second app process; its pages are opened in the same browser.</summary>
    public sealed class SecondInstance(RunningApp app, Process process, Uri address) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = address;

        public Task<IPage> NewPageAsync(string culture = "nl-NL", int width = 1366, int height = 800) => app.NewPageAsync(BaseAddress, culture, width, height);

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }

    private const string ReaderUser = "privacydesk_reader";
    private const string EraserUser = "privacydesk_eraser";

    private string SourceUser(string user) =>
        new NpgsqlConnectionStringBuilder(Postgres.ConnectionString()) { Username = user, Password = user + "-e2e" }.ConnectionString;

    /// <summary>The read-only user (SELECT) and the erasure user (SELECT, UPDATE, DELETE, INSERT for marker tables) on every demo database.</summary>
    private async Task CreateSourceUsersAsync()
    {
        await using (var server = new NpgsqlConnection(Postgres.ConnectionString()))
        {
            await server.OpenAsync();
            foreach (var user in new[] { ReaderUser, EraserUser })
            {
                await using var create = new NpgsqlCommand($"CREATE ROLE {user} LOGIN PASSWORD '{user}-e2e'", server);
                await create.ExecuteNonQueryAsync();
            }
        }
        foreach (var system in CoreBankingSchema.Systems)
        {
            var database = SourceDatabasePrefix + system.DatabaseName;
            await using var connection = new NpgsqlConnection(Postgres.ConnectionString(database));
            await connection.OpenAsync();
            await using var grant = new NpgsqlCommand(
                $"""
                GRANT CONNECT ON DATABASE {database} TO {ReaderUser}, {EraserUser};
                GRANT USAGE ON SCHEMA public TO {ReaderUser}, {EraserUser};
                GRANT SELECT ON ALL TABLES IN SCHEMA public TO {ReaderUser};
                GRANT SELECT, UPDATE, DELETE, INSERT ON ALL TABLES IN SCHEMA public TO {EraserUser};
                """, connection);
            await grant.ExecuteNonQueryAsync();
        }
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
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
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
    public Task<IPage> NewPageAsync(string culture = "nl-NL", int width = 1366, int height = 800) => NewPageAsync(BaseAddress, culture, width, height);

    private async Task<IPage> NewPageAsync(Uri baseAddress, string culture, int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = baseAddress.ToString() });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = baseAddress.ToString() }]);
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
