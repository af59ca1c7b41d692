using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PrivacyDesk.Data;
using PrivacyDesk.Documents;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Tests.Shared;
using PrivacyDesk.Web.Features.Delivery;
using PrivacyDesk.Web.Features.Inbox;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Retention;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// Sustained intake throughput on loopback: the real app (its pipeline, the intake API with key check,
/// rate limiter, validation, subject matching, reference, audit trail and the acknowledgement letter) in
/// process on Kestrel, next to a minimal endpoint that exists only here and inserts the same rows (a
/// subject and a request) with prepared SQL. Both get the same bodies from the same load generator.
/// </summary>
public static class IntakeBenchmarks
{
    public const string Mode = "intake";

    public static async Task<int> RunAsync(string[] args, string repositoryRoot)
    {
        var seconds = int.Parse(Option(args, "--seconds", "15"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency", "8"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds", "2"), CultureInfo.InvariantCulture);
        var size = int.Parse(Option(args, "--size", "100000"), CultureInfo.InvariantCulture);
        // 10 s per endpoint: with 4 s the registration's path was still being tiered up by the JIT in round 1 (ADR 0058).
        var warmUp = int.Parse(Option(args, "--warmup", "10"), CultureInfo.InvariantCulture);
        var dataDirectory = Path.GetFullPath(Option(args, "--data", Path.Combine(repositoryRoot, "bench", "data")));
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, string.Create(CultureInfo.InvariantCulture, $"intake-{size}.db"));
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        // --postgresql: both endpoints on a PostgreSQL the bench starts from Debian's package, durable (fsync on) like a production
        // server, on an empty database (the bulk loader writes SQLite only). The report goes to results/intake-postgresql.md.
        var onPostgreSql = args.Contains("--postgresql");
        await using var server = onPostgreSql ? await PostgresServer.StartDurableAsync() : null;
        var postgreSqlConnectionString = server?.ConnectionString("privacydesk_intake_bench");
        if (onPostgreSql)
        {
            size = 0;
        }

        // --profile N: N requests from one client with the database work counted (IntakeProfile), instead of the load rounds.
        var profiled = int.Parse(Option(args, "--profile", "0"), CultureInfo.InvariantCulture);
        var profile = profiled > 0 ? new IntakeProfile() : null;
        // --no-outbox: a diagnostic only (the letters are then never made): how much of the gap is the letter the outbox renders
        // on the same cores while the load runs.
        var outboxRuns = !args.Contains("--no-outbox");
        await using var app = Build(repositoryRoot, path, profile, outboxRuns, postgreSqlConnectionString);
        await app.PrepareDatabaseAsync();
        var connectionString = Data.DependencyInjection.SqliteConnectionString(path, repositoryRoot);
        Func<DbConnection> connect = postgreSqlConnectionString is null
            ? () => new SqliteConnection(connectionString)
            : () => new NpgsqlConnection(postgreSqlConnectionString);
        if (size > 0)
        {
            // The queue bench's generator: the intake runs against a realistic table, not an empty one.
            QueueDataLoader.Load(connectionString, size, DeadlinePolicy.Default.Today(TimeProvider.System));
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var counters = connection.CreateCommand();
            counters.CommandText = """
                INSERT OR REPLACE INTO RequestReferenceCounters (Year, LastSequence)
                SELECT CAST(substr(Reference, 5, 4) AS INTEGER), MAX(CAST(substr(Reference, 10) AS INTEGER)) FROM Requests GROUP BY 1
                """;
            await counters.ExecuteNonQueryAsync();
        }
        using var minimal = postgreSqlConnectionString is null ? new MinimalIntake(connectionString) : MinimalIntake.OnPostgreSql(postgreSqlConnectionString);
        app.MapPost("/bench/minimal", (Delegate)((HttpContext http) => minimal.HandleAsync(http))).AllowAnonymous().DisableAntiforgery();
        if (profile is not null)
        {
            app.Use(profile.MiddlewareAsync);
        }
        app.UsePrivacyDeskPipeline();
        app.MapPrivacyDeskEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"App on {address}; {size:N0} requests in the database");

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        var key = app.Configuration["IntakeApi:DemoKey"]!;

        if (profile is not null)
        {
            await LoadAsync(client, "/api/v1/requests", key, 1, TimeSpan.FromSeconds(4));
            profile.Recording = true;
            for (var i = 0; i < profiled; i++)
            {
                await PostAsync(client, "/api/v1/requests", key, 99, i);
            }
            profile.Recording = false;
            Console.WriteLine(profile.Report());
            // Both endpoints on equal terms: the app's connection (through its DbContext) and the minimal endpoint's (a bare SqliteConnection).
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var appConnection = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Database.GetDbConnection();
                await appConnection.OpenAsync();
                Console.WriteLine($"App's connection: {await PragmasAsync(appConnection)}");
            }
            await using (var bare = connect())
            {
                await bare.OpenAsync();
                Console.WriteLine($"Minimal endpoint's connection: {await PragmasAsync(bare)}");
            }
            await app.StopAsync();
            if (!onPostgreSql)
            {
                Console.WriteLine($"The database stays for a look: {path}");
            }
            return 0;
        }

        var results = new List<(string Name, Measurement Result)>();
        // Warm-up: JIT, connection pools, the letter's fonts. Then more of it while the JIT is still busy: after the first pair the
        // runtime still spent 3.5 s compiling during the first measured round (20 % of the process's CPU on its tiering thread, most
        // of it for the intake path), so round 1 measured the JIT as much as the API (round 13 in results/intake.md).
        var warmUps = 0;
        for (var jitMs = double.MaxValue; warmUps < 1 + MaxExtraWarmUps && jitMs > SettledJitMsPerWarmUp; warmUps++)
        {
            var jitBefore = JitInfo.GetCompilationTime();
            await LoadAsync(client, "/api/v1/requests", key, concurrency, TimeSpan.FromSeconds(warmUp));
            await LoadAsync(client, "/bench/minimal", key, concurrency, TimeSpan.FromSeconds(warmUp));
            jitMs = (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warm-up {warmUps + 1}: {jitMs:F0} ms of JIT compilation"));
        }
        for (var round = 0; round < rounds; round++)
        {
            results.Add(("intake API", await LoadAsync(client, "/api/v1/requests", key, concurrency, TimeSpan.FromSeconds(seconds))));
            results.Add(("minimal insert", await LoadAsync(client, "/bench/minimal", key, concurrency, TimeSpan.FromSeconds(seconds))));
        }
        var letters = outboxRuns ? await LettersAsync(connect) : "\nThe outbox was off (--no-outbox): no letters were made; a diagnostic run, not the goal's measurement.\n";
        await app.StopAsync();

        var report = Report(results, seconds, concurrency, rounds, size, warmUp, warmUps, onPostgreSql) + letters;
        var output = Path.Combine(repositoryRoot, "bench", "results", onPostgreSql ? "intake-postgresql.md" : "intake.md");
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine(report);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
        return 0;
    }

    private static WebApplication Build(string repositoryRoot, string databasePath, IntakeProfile? profile, bool outbox, string? postgreSqlConnectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            // The web app's static asset manifest (copied next to the bench) is looked up by application name.
            ApplicationName = "PrivacyDesk.Web",
            ContentRootPath = Path.Combine(repositoryRoot, "src", "PrivacyDesk.Web"),
        });
        builder.AddRepositoryDevelopmentSettings();
        builder.Configuration["Database:SqlitePath"] = databasePath;
        if (postgreSqlConnectionString is not null)
        {
            builder.Configuration["Database:Provider"] = "PostgreSql";
            builder.Configuration["ConnectionStrings:PostgreSql"] = postgreSqlConnectionString;
        }
        builder.Configuration["Demo:SeedCases"] = "false";
        builder.Configuration["IntakeApi:PermitsPerMinute"] = "100000000";
        if (!outbox)
        {
            builder.Configuration["Outbox:Enabled"] = "false";
        }
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDataServices(builder.Configuration, builder.Environment.ContentRootPath);
        if (profile is not null)
        {
            builder.Services.ConfigureDbContext<PrivacyDeskDbContext>((_, db) => db.AddInterceptors(IntakeProfile.Interceptors()));
        }
        builder.Services.AddDocumentServices();
        builder.Services.AddStaffIdentity();
        builder.Services.AddUserInterface();
        builder.Services.AddIntakeApi(builder.Configuration);
        // The rest of Program.cs's table of contents: the pages' services need them to resolve.
        builder.Services.AddSourceSystems();
        builder.Services.AddRetentionLedger();
        builder.Services.AddPrivacyPortal();
        builder.Services.AddMail();
        builder.Services.AddInbox(builder.Configuration);
        builder.Services.AddAnswerDelivery();
        return builder.Build();
    }

    /// <summary>The acknowledgement letters stored for the API's requests, waiting up to two minutes for open outbox work to finish.</summary>
    private static async Task<string> LettersAsync(Func<DbConnection> connect)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = connect();
        await connection.OpenAsync();
        async Task<long> CountAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        var atEnd = await CountAsync("SELECT COUNT(*) FROM \"GeneratedDocuments\"");
        var open = await CountAsync("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"CompletedAt\" IS NULL AND \"Kind\" LIKE 'letter.%'");
        while (open > 0 && watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(1000);
            open = await CountAsync("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"CompletedAt\" IS NULL AND \"Kind\" LIKE 'letter.%'");
        }
        var requests = await CountAsync("SELECT COUNT(*) FROM \"ApiKeyRequests\"");
        var letters = await CountAsync("SELECT COUNT(*) FROM \"GeneratedDocuments\"");
        return string.Create(CultureInfo.InvariantCulture,
            $"\nAcknowledgement letters: {atEnd:N0} stored when the load stopped, {letters:N0} after {watch.Elapsed.TotalSeconds:F0} s more (letter work still open: {open:N0}), for {requests:N0} requests the API registered (warm-up included).\n");
    }

    /// <summary>Warm-up pairs after the first while the JIT still compiled for longer than this in one pair.</summary>
    private const double SettledJitMsPerWarmUp = 250;

    private const int MaxExtraWarmUps = 4;

    public sealed record Measurement(int Accepted, int Other, double Seconds, double MedianMs, double P95Ms, double JitMs)
    {
        public double PerSecond => Accepted / Seconds;
    }

    private static async Task<Measurement> LoadAsync(HttpClient client, string path, string key, int concurrency, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var accepted = 0;
        var other = 0;
        var jitBefore = JitInfo.GetCompilationTime();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                // Numbered across the whole run, not per load: a body numbered per load repeated the warm-up's e-mail addresses in
                // every round, so most of the API's requests found their subject on file (a heavier path) instead of a new one.
                var status = await PostAsync(client, path, key, worker, Interlocked.Increment(ref _sequence));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (status == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref other);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = watch.Elapsed.TotalSeconds;
        var sorted = latencies.OrderBy(l => l).ToArray();
        return new Measurement(accepted, other, elapsed, Percentile(sorted, 0.5), Percentile(sorted, 0.95), (JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds);
    }

    private static async Task<string> PragmasAsync(DbConnection connection)
    {
        if (connection is NpgsqlConnection)
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = "SELECT current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')";
            return $"fsync={await settings.ExecuteScalarAsync()}";
        }
        var values = new List<string>();
        foreach (var pragma in new[] { "journal_mode", "synchronous" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA " + pragma;
            values.Add($"{pragma}={await command.ExecuteScalarAsync()}");
        }
        return string.Join(", ", values);
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string path, string key, int worker, int sequence)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body(worker, sequence), Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("X-Api-Key", key);
        using var response = await client.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode;
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    private static int _sequence;

    /// <summary>A web-form body as the public form sends it; a new subject each time (the common case).</summary>
    private static string Body(int worker, int sequence) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"type":"access","language":"nl","subject":{"fullName":"Bench Tester {{worker}}-{{sequence}}","email":"bench.{{RunId}}.{{worker}}.{{sequence}}@example.nl","customerNumber":null},"description":"Ik wil graag inzage in mijn persoonsgegevens."}
        """);

    private static string Report(List<(string Name, Measurement Result)> results, int seconds, int concurrency, int rounds, int size, int warmUp, int warmUps, bool onPostgreSql)
    {
        var report = new StringBuilder();
        report.AppendLine("# Intake API: sustained throughput on loopback");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores ({Environment.OSVersion}), .NET {Environment.Version}; ") +
            string.Create(CultureInfo.InvariantCulture,
            $"the app in process on Kestrel (http://127.0.0.1), {(onPostgreSql ? "PostgreSQL (Debian's package, started by the bench, fsync and synchronous_commit on) with an empty database" : $"SQLite file with {size:N0} generated requests")}, {concurrency} concurrent clients, ") +
            string.Create(CultureInfo.InvariantCulture, $"{rounds} alternating rounds of {seconds} s each after {warmUps} warm-up pair(s) of {warmUp} s per endpoint (more pairs while the JIT compiled for over {SettledJitMsPerWarmUp:F0} ms in one). Every body is a new subject's access request (numbered across the run)."));
        report.AppendLine();
        report.AppendLine("| round | endpoint | accepted (201) | other | requests/s accepted | median ms | p95 ms | JIT ms in the round |");
        report.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < results.Count; i++)
        {
            var (name, r) = results[i];
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i / 2 + 1} | {name} | {r.Accepted:N0} | {r.Other:N0} | {r.PerSecond:F1} | {r.MedianMs:F1} | {r.P95Ms:F1} | {r.JitMs:F0} |"));
        }
        var intake = results.Where(r => r.Name == "intake API").Select(r => r.Result).ToList();
        var bare = results.Where(r => r.Name == "minimal insert").Select(r => r.Result).ToList();
        var intakeRate = intake.Sum(r => r.Accepted) / intake.Sum(r => r.Seconds);
        var bareRate = bare.Sum(r => r.Accepted) / bare.Sum(r => r.Seconds);
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"**Ratio (minimal ÷ intake API), requests per second accepted: {bareRate / intakeRate:F1}** ({bareRate:F0}/s against {intakeRate:F0}/s); ") +
            string.Create(CultureInfo.InvariantCulture,
            $"p95 latency {intake.Average(r => r.P95Ms):F1} ms against {bare.Average(r => r.P95Ms):F1} ms."));
        report.AppendLine();
        report.AppendLine("What the intake API does per request that the minimal endpoint does not: recognise the key (cached prefix lookup, " +
            "constant-time hash compare), rate-limit per key, parse and validate every field with the domain's rules, look the subject up by " +
            "e-mail and customer number in the search index, count the reference in the transaction, write the subject's and the request's " +
            "audit events (hash-chained, behind the write gate), link the key and enqueue the acknowledgement letter (an outbox row in the same " +
            "transaction; the outbox renders it in the background, on the same cores, while the load runs). Registrations that wait for the gate " +
            "are written together by the next writer, each behind its own savepoint, with one commit (group commit, ADR 0058). The minimal " +
            "endpoint deserialises the body and runs two prepared INSERTs, one commit each.");
        return report.ToString();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
