using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Intake;

namespace PrivacyDesk.Web.Tests.Hosting;

/// <summary>
/// Issue 17, ADR 0053: three app instances, each its own host on a loopback port with its own outbox runner, connection pool
/// and in-process write gate, on ONE PostgreSQL database (always PostgreSQL: SQLite is for one instance). For a bounded run
/// the web form's traffic arrives on all three (some calls sent to two instances at once with one Idempotency-Key) while
/// officers and a team lead work the same few cases from all three; then every invariant that must hold across instances is
/// checked: one reference per request, no request stored twice, no lost update, the audit chain intact, every acknowledgement
/// made by exactly one run, sign-in and antiforgery keys shared, and the intake limit counted for the three together.
/// </summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    /// <summary>How long the load runs.</summary>
    private static readonly TimeSpan LoadFor = TimeSpan.FromSeconds(25);

    /// <summary>The intake limit per key (or per address) and minute: low, so the probe below meets it; the traffic spreads over <see cref="TrafficKeys"/> keys.</summary>
    private const int PermitsPerMinute = 60;

    private const int TrafficKeys = 20;

    /// <summary>The cases every officer works on at once, so that their edits collide.</summary>
    private const int HotCases = 4;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeInstancesOnOneDatabaseKeepEveryInvariantUnderIntakeAndCaseWorkAtOnce()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync(migrated: true);
        var checkpoints = Path.Combine(Path.GetTempPath(), $"privacydesk-scaleout-{Guid.NewGuid():N}");
        try
        {
            await RunAsync(database, checkpoints);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
            if (Directory.Exists(checkpoints))
            {
                Directory.Delete(checkpoints, recursive: true);
            }
        }
    }

    private async Task RunAsync(string database, string checkpoints)
    {
        await using var one = new Instance(database, 1, checkpoints);
        await using var two = new Instance(database, 2, checkpoints);
        await using var three = new Instance(database, 3, checkpoints);
        Instance[] instances = [one, two, three];
        // One after another, as a rolling start does; Development's demo users are seeded by the first.
        foreach (var instance in instances)
        {
            instance.StartServer();
        }
        var api = instances.Select(i => i.Client(cookies: null)).ToArray();
        try
        {
            foreach (var client in api)
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);
                ready.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            var admin = await Callers.ForAsync(one, "admin@privacydesk.test");
            var keys = new List<string>();
            for (var k = 0; k < TrafficKeys; k++)
            {
                keys.Add((await one.Services.GetRequiredService<ApiKeys>().CreateAsync(admin, $"Web form {k}", Ct)).Value.Key);
            }
            var officers = new[] { await Callers.ForAsync(one, "officer@privacydesk.test"), await Callers.ForAsync(one, "lead@privacydesk.test") };

            var intakeCalls = new ConcurrentBag<IntakeCall>();
            var caseCalls = new ConcurrentBag<CaseCall>();
            var clock = Stopwatch.StartNew();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            stop.CancelAfter(LoadFor);

            var intake = Enumerable.Range(0, 6).Select(w => Task.Run(() => IntakeWorkerAsync(w, api, keys, intakeCalls, stop.Token), Ct));
            var caseWork = Enumerable.Range(0, 6).Select(w => Task.Run(() => OfficerWorkerAsync(w, instances[w % 3], officers[w % 2], seesAll: w % 2 == 1, caseCalls, stop.Token), Ct));
            // Meanwhile, on the same instances: the shared key ring and the shared intake limit.
            var keyRing = Task.Run(() => SignInAcrossInstancesAsync(instances), Ct);
            var limit = Task.Run(() => ProbeSharedLimitAsync(api), Ct);
            await Task.WhenAll(intake.Concat(caseWork));
            var loadSeconds = clock.Elapsed.TotalSeconds;
            var (formAccepted, cookieAccepted, withoutCookie) = await keyRing;
            var (passed, refused) = await limit;

            // The background work the load left: every acknowledgement, run by whichever instance claimed it.
            await DrainOutboxAsync(one);
            var drained = clock.Elapsed.TotalSeconds;

            await using var scope = one.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var requests = (await db.Requests.AsNoTracking().Include(r => r.Notes).ToListAsync(Ct))
                .Select(r => new { r.Id, Reference = r.Reference.ToString(), r.HandlerId, r.Notes }).ToList();
            var created = intakeCalls.Where(c => c.Status == HttpStatusCode.Created).ToList();
            var changes = caseCalls.Where(c => c.Succeeded).ToList();
            var conflicts = caseCalls.Where(c => c.Error is StaleEdit.Code or CaseUnitOfWork.TakenByOtherCode).ToList();
            var letters = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == AcknowledgementLetters.OutboxKind).ToListAsync(Ct);
            var acknowledgements = await db.GeneratedDocuments.AsNoTracking().Where(d => d.Kind == DocumentKind.Acknowledgement)
                .GroupBy(d => d.RequestId).Select(g => new { RequestId = g.Key, Count = g.Count() }).ToListAsync(Ct);
            var audit = await scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>().VerifyAllAsync(Ct);
            var auditRows = await db.AuditEvents.CountAsync(Ct);

            var refusals = string.Join(", ", caseCalls.Where(c => c.Error is not null).GroupBy(c => c.Error).Select(g => $"{g.Key} {g.Count()}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Load {loadSeconds:0.0} s (outbox drained at {drained:0.0} s), 3 instances, 6 intake and 6 officer workers."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Intake: {intakeCalls.Count} calls, {created.Count} answered 201 ({created.Select(c => c.IdempotencyKey).Distinct().Count()} keys), " +
                $"{intakeCalls.Count(c => c.Status == HttpStatusCode.TooManyRequests)} × 429, {requests.Count} requests stored ({requests.Count / loadSeconds:0.0}/s)."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Case work: {caseCalls.Count} changes tried, {changes.Count} saved ({changes.Count / loadSeconds:0.0}/s), {conflicts.Count} refused as stale or taken; " +
                $"{caseCalls.Count(c => c.Action == "take" && c.Succeeded)} takes, {caseCalls.Count(c => c.Action == "note" && c.Succeeded)} notes; refusals: {refusals}."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Outbox: {letters.Count} acknowledgements, by {string.Join(", ", letters.GroupBy(l => l.ClaimedBy).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}. " +
                $"Audit trail: {auditRows} entries. Limit probe: {passed} passed, {refused} refused."));

            // Every call answered as the API promises: 201, or 429 past a key's minute; never a server error or a 409 for its own retry.
            intakeCalls.Select(c => c.Status).Distinct().ShouldBeSubsetOf([HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
            created.Count.ShouldBeGreaterThan(0);

            // One reference per request, counted without a gap; the same Idempotency-Key always answered with the one request.
            requests.Select(r => r.Reference).Distinct(StringComparer.Ordinal).Count().ShouldBe(requests.Count);
            (await db.RequestReferenceCounters.SumAsync(c => c.LastSequence, Ct)).ShouldBe(requests.Count);
            created.GroupBy(c => c.IdempotencyKey).ShouldAllBe(g => g.Select(c => c.Reference).Distinct().Count() == 1);
            requests.Count.ShouldBe(created.Select(c => c.IdempotencyKey).Distinct().Count(), "every registered call stored once, nothing else stored");
            created.Select(c => c.Reference).ShouldBeSubsetOf(requests.Select(r => r.Reference));

            // No lost update: no two saves from one read of a case, every saved note is there, the one who took a case handles it.
            caseCalls.Where(c => c.Error is not null).Select(c => c.Error!).Distinct()
                .ShouldBeSubsetOf([StaleEdit.Code, CaseUnitOfWork.TakenByOtherCode], "a collision is refused as stale, never an error");
            changes.GroupBy(c => (c.RequestId, c.Stamp)).ShouldAllBe(g => g.Count() == 1);
            conflicts.Count.ShouldBeGreaterThan(0, "officers on the same cases from three instances collide");
            foreach (var request in requests)
            {
                request.Notes.Count.ShouldBe(changes.Count(c => c.RequestId == request.Id && c.Action == "note"));
                var taken = changes.Where(c => c.RequestId == request.Id && c.Action == "take").ToList();
                taken.Count.ShouldBeLessThanOrEqualTo(1);
                request.HandlerId.ShouldBe(taken.SingleOrDefault()?.ActorId);
            }

            // The audit chain of all three instances' writes is one intact chain.
            audit.IsIntact.ShouldBeTrue(audit.Detail);
            audit.EntriesChecked.ShouldBe(auditRows);

            // Every acknowledgement ran once, on one instance: one claim, done, one letter per request.
            letters.Count.ShouldBe(requests.Count);
            letters.ShouldAllBe(l => l.CompletedAt != null && l.Attempts == 1);
            acknowledgements.Count.ShouldBe(requests.Count);
            acknowledgements.ShouldAllBe(a => a.Count == 1);

            // One key ring: instance 2 accepted instance 1's antiforgery token; instance 3 accepted instance 2's sign-in cookie.
            formAccepted.ShouldBe(HttpStatusCode.Redirect);
            cookieAccepted.ShouldBe(HttpStatusCode.OK);
            withoutCookie.ShouldBe(HttpStatusCode.Redirect, "the queue is for signed-in staff only: the 200 above is the cookie's");

            // One limit: the three instances together let the allowance through, not three allowances.
            passed.ShouldBe(PermitsPerMinute);
            refused.ShouldBe(2 * PermitsPerMinute);
        }
        finally
        {
            foreach (var client in api)
            {
                client.Dispose();
            }
        }
    }

    private sealed record IntakeCall(string IdempotencyKey, HttpStatusCode Status, string? Reference);

    private sealed record CaseCall(Guid RequestId, Guid Stamp, string Action, string ActorId, bool Succeeded, string? Error);

    /// <summary>The web form: a new request per call, on the worker's instance; one call in five is also sent to the next instance at once.</summary>
    private static async Task IntakeWorkerAsync(int worker, HttpClient[] api, List<string> keys, ConcurrentBag<IntakeCall> calls, CancellationToken stop)
    {
        var random = new Random(worker);
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var key = keys[(worker + 6 * n++) % keys.Count];
            var idempotencyKey = Guid.NewGuid().ToString();
            var body = Body(random);
            var targets = random.Next(5) == 0 ? new[] { api[worker % 3], api[(worker + 1) % 3] } : [api[worker % 3]];
            var answers = await Task.WhenAll(targets.Select(async client =>
            {
                using var response = await client.SendAsync(IntakeApiFactory.Post(body, key, idempotencyKey), CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                var reference = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(text).RootElement.GetProperty("reference").GetString() : null;
                return new IntakeCall(idempotencyKey, response.StatusCode, reference);
            }));
            foreach (var answer in answers)
            {
                calls.Add(answer);
            }
        }
    }

    private static string Body(Random random) => new JsonObject
    {
        ["type"] = random.Next(3) switch { 0 => "access", 1 => "erasure", _ => "rectification" },
        ["language"] = random.Next(2) == 0 ? "nl" : "en",
        ["subject"] = new JsonObject { ["fullName"] = "Anna de Vries", ["email"] = $"anna.{Guid.NewGuid():N}@example.com" },
        ["description"] = "Please handle my request.",
    }.ToJsonString();

    /// <summary>
    /// An officer (or the team lead) on one instance, on the same few acknowledged cases as everyone else: reads the case as a page
    /// would, thinks a moment, then takes it if nobody handles it, else adds a note, presenting the stamp it read.
    /// </summary>
    private static async Task OfficerWorkerAsync(
        int worker, Instance instance, System.Security.Claims.ClaimsPrincipal officer, bool seesAll, ConcurrentBag<CaseCall> calls, CancellationToken stop)
    {
        var random = new Random(100 + worker);
        var actorId = officer.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        while (!stop.IsCancellationRequested)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var hot = await db.Requests.AsNoTracking()
                .Where(r => db.GeneratedDocuments.Any(d => d.RequestId == r.Id && d.Kind == DocumentKind.Acknowledgement))
                .OrderBy(r => r.Id).Take(HotCases)
                .Select(r => new { r.Id, r.HandlerId, Stamp = EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp) })
                .ToListAsync(CancellationToken.None);
            // What this person's queue shows: a team lead sees every case, an officer the unassigned ones and their own.
            var visible = hot.Where(c => seesAll || c.HandlerId is null || c.HandlerId == actorId).ToList();
            if (visible.Count == 0)
            {
                await Task.Delay(200, CancellationToken.None);
                continue;
            }
            var seen = visible[random.Next(visible.Count)];
            await Task.Delay(random.Next(0, 20), CancellationToken.None);
            var workspace = scope.ServiceProvider.GetRequiredService<CaseWorkspace>();
            var action = seen.HandlerId is null ? "take" : "note";
            try
            {
                var result = action == "take"
                    ? await workspace.TakeAsync(officer, seen.Id, seen.Stamp, CancellationToken.None)
                    : await workspace.AddNoteAsync(officer, seen.Id, seen.Stamp, $"Checked by worker {worker}.", CancellationToken.None);
                calls.Add(new CaseCall(seen.Id, seen.Stamp, action, actorId, result.IsSuccess, result.IsSuccess ? null : result.Errors[0].Code));
            }
#pragma warning disable CA1031 // Recorded and asserted: a collision must come back as a refusal, never as an exception.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                calls.Add(new CaseCall(seen.Id, seen.Stamp, action, actorId, false, "exception:" + exception.GetType().Name));
            }
        }
    }

    /// <summary>The sign-in form read from instance 1 and posted to instance 2; the cookie instance 2 set, shown to instance 3 (the queue; "/" only redirects there).</summary>
    private static async Task<(HttpStatusCode Form, HttpStatusCode Cookie, HttpStatusCode NoCookie)> SignInAcrossInstancesAsync(Instance[] instances)
    {
        var cookies = new CookieContainer();
        using var onOne = instances[0].Client(cookies);
        using var onTwo = instances[1].Client(cookies);
        using var onThree = instances[2].Client(cookies);
        using var signedIn = await SignedInClient.PostLoginAsync(onOne, "officer@privacydesk.test", DemoStaff.Password, postTo: onTwo);
        using var queue = await onThree.GetAsync(new Uri("/requests", UriKind.Relative), CancellationToken.None);
        using var anonymous = instances[2].Client(new CookieContainer());
        using var withoutCookie = await anonymous.GetAsync(new Uri("/requests", UriKind.Relative), CancellationToken.None);
        return (signedIn.StatusCode, queue.StatusCode, withoutCookie.StatusCode);
    }

    /// <summary>
    /// Three times the allowance of calls without a key (counted per address), spread over the three instances at once, within one
    /// minute (the window): started in a minute's first half, and tried again in a fresh minute if a slow burst ran past its end.
    /// </summary>
    private static async Task<(int Passed, int Refused)> ProbeSharedLimitAsync(HttpClient[] api)
    {
        for (var attempt = 0; ; attempt++)
        {
            var started = DateTimeOffset.UtcNow;
            if (attempt > 0 || started.Second >= 30)
            {
                // The next minute's start: a window none of this partition's calls has touched yet.
                await Task.Delay(TimeSpan.FromSeconds(61 - started.Second), CancellationToken.None);
                started = DateTimeOffset.UtcNow;
            }
            var statuses = await Task.WhenAll(Enumerable.Range(0, 3 * PermitsPerMinute).Select(async i =>
            {
                using var response = await api[i % 3].SendAsync(IntakeApiFactory.Get("DSR-2026-000001", key: null), CancellationToken.None);
                return response.StatusCode;
            }));
            var ended = DateTimeOffset.UtcNow;
            if (ended.ToUnixTimeSeconds() / 60 != started.ToUnixTimeSeconds() / 60 && attempt < 2)
            {
                continue;
            }
            statuses.Distinct().ShouldBeSubsetOf([HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
            return (statuses.Count(s => s == HttpStatusCode.Unauthorized), statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        }
    }

    private static async Task DrainOutboxAsync(Instance instance)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            if (!await db.OutboxMessages.AnyAsync(m => m.Kind == AcknowledgementLetters.OutboxKind && m.CompletedAt == null, Ct))
            {
                return;
            }
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), "the instances' outbox runners finish the acknowledgements");
            await Task.Delay(500, Ct);
        }
    }

    /// <summary>One app instance: its own Kestrel on a loopback port, outbox runner, pool and write gate; the shared database and checkpoint folder.</summary>
    private sealed class Instance : IntakeApiFactory
    {
        public Instance(string database, int number, string checkpoints)
        {
            Provider = DatabaseProvider.PostgreSql;
            // Its own application name makes its own connection string, so its own in-process write gate, as in a process of its own.
            SharedPostgreSqlConnectionString = new NpgsqlConnectionStringBuilder(database)
            {
                ApplicationName = $"privacydesk-instance-{number}",
                MaxPoolSize = 10,
            }.ConnectionString;
            RunOutbox = true;
            PermitsPerMinute = ScaleOutTests.PermitsPerMinute;
            ExtraSettings["Outbox:PollInterval"] = "00:00:01";
            ExtraSettings["Outbox:InstanceName"] = $"instance-{number}";
            ExtraSettings["AuditAnchor:CheckpointFolder"] = checkpoints;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        /// <summary>A client of this instance over its loopback port; with a cookie container shared by clients of other instances, one browser behind a balancer.</summary>
        public HttpClient Client(CookieContainer? cookies) =>
            new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = cookies is not null, CookieContainer = cookies ?? new CookieContainer() })
            {
                BaseAddress = Address,
            };
    }
}
