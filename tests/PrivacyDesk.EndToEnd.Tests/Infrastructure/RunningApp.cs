using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(PrivacyDesk.EndToEnd.Tests.Infrastructure.RunningApp))]

namespace PrivacyDesk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real app, started from its build output as its own process on 127.0.0.1 with a random port
/// and a fresh SQLite file, and Debian's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed partial class RunningApp : IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"privacydesk-e2e-{Guid.NewGuid():N}.db");
    private readonly List<string> _output = [];
    private Process? _app;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The app's SQLite file, for tests that play someone with direct access to the database.</summary>
    public string DatabasePath => _databasePath;

    public IBrowser Browser { get; private set; } = default!;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

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
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _app = new Process { StartInfo = start, EnableRaisingEvents = true };
        _app.OutputDataReceived += (_, e) => OnOutput(e.Data, listening);
        _app.ErrorDataReceived += (_, e) => OnOutput(e.Data, listening);
        _app.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app stopped before it listened:\n" + Output));
        _app.Start();
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        BaseAddress = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
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
        lock (_output)
        {
            _output.Add(line);
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
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
        if (Directory.Exists(_databasePath + "-checkpoints"))
        {
            Directory.Delete(_databasePath + "-checkpoints", recursive: true);
        }
    }

    /// <summary>A fresh browser context (own cookies) in the given language and viewport.</summary>
    public async Task<IPage> NewPageAsync(string culture = "nl-NL", int width = 1366, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseAddress.ToString() });
        await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = BaseAddress.ToString() }]);
        context.SetDefaultTimeout(20_000);
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
