using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PrivacyDesk.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for one test run, from Debian's <c>postgresql</c> package (ADR 0037): initdb in a
/// temporary folder, a free port on 127.0.0.1 only, fsync off (unless asked for a durable one), password login; stopped and deleted on dispose.
/// initdb and postgres refuse to run as root, so as root they run as the <c>postgres</c> user. Shared source,
/// compiled into each test project that needs it (no package reference: only processes).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Password = "privacydesk-test";
    public const string User = "postgres";

    private readonly string _folder;
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private PostgresServer(string folder, string bin, int port, bool asPostgresUser)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A password connection string (Npgsql syntax) to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database = "postgres") =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={database}");

    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default) => StartAsync(durable: false, cancellationToken);

    /// <summary>
    /// A server that flushes commits to disk as a production server does (fsync, synchronous_commit and full-page writes on), for
    /// benchmarks that compare commit-bound work; the tests run without (nothing they check depends on surviving a power cut).
    /// </summary>
    public static Task<PostgresServer> StartDurableAsync(CancellationToken cancellationToken = default) => StartAsync(durable: true, cancellationToken);

    private static async Task<PostgresServer> StartAsync(bool durable, CancellationToken cancellationToken)
    {
        var bin = FindBinaries();
        var asPostgresUser = Environment.IsPrivilegedProcess;
        // The postgres user must be able to reach the folder: /tmp, not a root-only TMPDIR.
        var folder = Path.Combine(asPostgresUser ? "/tmp" : Path.GetTempPath(), "privacydesk-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n", cancellationToken);
        var server = new PostgresServer(folder, bin, FreePort(), asPostgresUser);
        try
        {
            if (asPostgresUser)
            {
                await server.RunAsync("/usr/bin/chown", ["-R", "postgres:postgres", folder], asPostgres: false, cancellationToken);
            }
            await server.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", server.DataFolder, "-U", User, "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--no-locale", "--no-sync"],
                asPostgresUser, cancellationToken);
            var options = string.Create(CultureInfo.InvariantCulture,
                $"-p {server.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c max_connections=50") +
                (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await server.RunAsync(Path.Combine(bin, "pg_ctl"),
                ["-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"],
                asPostgresUser, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], _asPostgresUser, CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already stopped: nothing to end.
            }
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the system's temp cleanup rather than failing the run.
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PRIVACYDESK_PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
        {
            return configured;
        }
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: these tests start their own server from Debian's 'postgresql' package. "
            + "Install it with 'apt-get install postgresql' (scripts/test.sh does so when it is missing), "
            + "or set PRIVACYDESK_PG_BIN to a folder that holds initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "/usr/sbin/runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}{serverLog}");
        }
    }
}
