using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Retention;

/// <summary>Which messages the test handlers ran, and how often.</summary>
public sealed class OutboxRunLog
{
    public ConcurrentDictionary<Guid, int> Runs { get; } = new();
}

public sealed class CountingHandler(OutboxRunLog log) : IOutboxHandler
{
    public const string KindName = "test.count";

    public string Kind => KindName;

    public async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        log.Runs.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        // Gives the other runner room to try the same message while this one holds it.
        await Task.Delay(2, cancellationToken);
        return OutboxResult.Done;
    }
}

public sealed class FailingHandler(OutboxRunLog log) : IOutboxHandler
{
    public const string KindName = "test.fail";

    public string Kind => KindName;

    public Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        log.Runs.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        throw new InvalidOperationException("jan.devries@example.nl is not reachable");
    }
}

public sealed class RecurringHandler(OutboxRunLog log, TimeProvider clock) : IOutboxHandler
{
    public const string KindName = "test.daily";
    public static readonly Guid Id = new("7d1c1c8e-2f6a-4a59-9d0c-5b1f9f0e0a01");

    public string Kind => KindName;

    public Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        log.Runs.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        return Task.FromResult(OutboxResult.Recur(clock.GetUtcNow().AddDays(1)));
    }
}

/// <summary>The one outbox (ADR 0042) on the app's real SQLite database: two runners, a moving clock.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class OutboxRunnerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly OutboxRunLog _log = new();
    private PrivacyDeskAppFactory _app = default!;
    private WebApplicationFactory<Program> _services = default!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new PrivacyDeskAppFactory();
        _services = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(_log);
            s.AddSingleton<TimeProvider>(_clock);
            s.AddOutboxHandler<CountingHandler>();
            s.AddOutboxHandler<FailingHandler>();
            s.AddOutboxHandler<RecurringHandler>();
        }));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private OutboxRunner Runner(string name, params RecurringOutboxMessage[] recurring) => new(
        _services.Services.GetRequiredService<IServiceScopeFactory>(), recurring,
        new OutboxOptions { InstanceName = name, Lease = TimeSpan.FromMinutes(10), BatchSize = 100, MaxAttempts = 3 }, _clock, NullLogger<OutboxRunner>.Instance);

    private async Task<List<Guid>> EnqueueAsync(string kind, int count)
    {
        await using var scope = _services.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var messages = Enumerable.Range(0, count).Select(_ => OutboxMessage.Create(kind, new { caseId = Guid.NewGuid() }, _clock.GetUtcNow())).ToList();
        db.OutboxMessages.AddRange(messages);
        await db.SaveChangesAsync(Cancel);
        return [.. messages.Select(m => m.Id)];
    }

    private async Task<OutboxMessage> ReadAsync(Guid id)
    {
        await using var scope = _services.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Cancel);
    }

    [Fact]
    public async Task TwoRunnersOnOneDatabaseRunEachMessageOnce()
    {
        var ids = await EnqueueAsync(CountingHandler.KindName, 40);
        var first = Runner("instance-a");
        var second = Runner("instance-b");

        var ran = await Task.WhenAll(Task.Run(() => first.RunDueAsync(Cancel), Cancel), Task.Run(() => second.RunDueAsync(Cancel), Cancel));

        ran.Sum().ShouldBe(40);
        _log.Runs.Keys.ShouldBe(ids, ignoreOrder: true);
        _log.Runs.Values.ShouldAllBe(n => n == 1);
        foreach (var id in ids)
        {
            var message = await ReadAsync(id);
            message.CompletedAt.ShouldNotBeNull();
            message.Attempts.ShouldBe(1);
        }
        (await first.RunDueAsync(Cancel) + await second.RunDueAsync(Cancel)).ShouldBe(0, "done is done");
    }

    [Fact]
    public async Task AMessageHeldByAnotherInstanceWaitsUntilItsLeaseRunsOut()
    {
        var id = (await EnqueueAsync(CountingHandler.KindName, 1)).Single();
        await using (var scope = _services.Services.CreateAsyncScope())
        {
            // An instance claimed it and died before finishing.
            var until = _clock.GetUtcNow().AddMinutes(10);
            await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().OutboxMessages.Where(m => m.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, "crashed").SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, 1), Cancel);
        }
        var runner = Runner("instance-b");

        (await runner.RunDueAsync(Cancel)).ShouldBe(0);
        _clock.Advance(TimeSpan.FromMinutes(11));
        (await runner.RunDueAsync(Cancel)).ShouldBe(1);

        _log.Runs[id].ShouldBe(1);
        var message = await ReadAsync(id);
        message.CompletedAt.ShouldNotBeNull();
        message.Attempts.ShouldBe(2, "the crashed claim counts");
    }

    [Fact]
    public async Task AFailureBacksOffAndKeepsACodeButNeverTheExceptionsText()
    {
        var id = (await EnqueueAsync(FailingHandler.KindName, 1)).Single();
        var runner = Runner("instance-a");
        var start = _clock.GetUtcNow();

        await runner.RunDueAsync(Cancel);
        var failed = await ReadAsync(id);
        failed.CompletedAt.ShouldBeNull();
        failed.LastErrorCode.ShouldBe("exception.InvalidOperationException");
        failed.DueAt.ShouldBe(start.AddMinutes(1));
        failed.ClaimedUntil.ShouldBeNull();

        (await runner.RunDueAsync(Cancel)).ShouldBe(0, "not before its time");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await runner.RunDueAsync(Cancel);

        var again = await ReadAsync(id);
        _log.Runs[id].ShouldBe(2);
        again.Attempts.ShouldBe(2);
        again.DueAt.ShouldBe(start.AddMinutes(1 + 2), "the wait doubles");
    }

    [Fact]
    public async Task AMessageThatKeepsFailingIsGivenUpAfterMaxAttemptsAndNoRunnerClaimsItAgain()
    {
        var id = (await EnqueueAsync(FailingHandler.KindName, 1)).Single();
        var runner = Runner("instance-a");

        for (var pass = 0; pass < 6; pass++)
        {
            await runner.RunDueAsync(Cancel);
            _clock.Advance(TimeSpan.FromHours(7));
        }

        _log.Runs[id].ShouldBe(3, "three attempts, then the dead letter");
        var givenUp = await ReadAsync(id);
        givenUp.Attempts.ShouldBe(3);
        givenUp.CompletedAt.ShouldBeNull();
        givenUp.LastErrorCode.ShouldBe("exception.InvalidOperationException");
        (await Runner("instance-b").RunDueAsync(Cancel)).ShouldBe(0, "another instance does not take it up either");
    }

    [Fact]
    public async Task RecurringWorkThatKeepsFailingIsNeverGivenUpSoTheMailboxPollComesBackAfterAnOutage()
    {
        var id = new Guid("0c5e3c1a-6b1d-4d8e-9a51-3f1f0b6a7c02");
        var poll = new RecurringOutboxMessage(id, FailingHandler.KindName, now => now);
        var runner = Runner("instance-a", poll);

        for (var pass = 0; pass < 6; pass++)
        {
            await runner.RunDueAsync(Cancel);
            _clock.Advance(TimeSpan.FromHours(7));
        }

        _log.Runs[id].ShouldBe(6, "recurring work keeps its place past MaxAttempts (3): it is the only one of its kind");
        (await ReadAsync(id)).CompletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task AMessageOfAnUnknownKindFailsWithACode()
    {
        var id = (await EnqueueAsync("test.nobody", 1)).Single();

        await Runner("instance-a").RunDueAsync(Cancel);

        (await ReadAsync(id)).LastErrorCode.ShouldBe("outbox.unknown_kind");
    }

    [Fact]
    public async Task RecurringWorkExistsOnceForTwoInstancesAndEnqueuesItselfAgain()
    {
        var daily = new RecurringOutboxMessage(RecurringHandler.Id, RecurringHandler.KindName, now => now);
        var first = Runner("instance-a", daily);
        var second = Runner("instance-b", daily);

        await Task.WhenAll(first.RunDueAsync(Cancel), second.RunDueAsync(Cancel));
        _log.Runs[RecurringHandler.Id].ShouldBe(1);
        var next = await ReadAsync(RecurringHandler.Id);
        next.CompletedAt.ShouldBeNull();
        next.DueAt.ShouldBe(_clock.GetUtcNow().AddDays(1));

        _clock.Advance(TimeSpan.FromHours(23));
        (await first.RunDueAsync(Cancel) + await second.RunDueAsync(Cancel)).ShouldBe(0);
        _clock.Advance(TimeSpan.FromHours(1));
        (await first.RunDueAsync(Cancel) + await second.RunDueAsync(Cancel)).ShouldBe(1);
        _log.Runs[RecurringHandler.Id].ShouldBe(2);

        await using var scope = _services.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().OutboxMessages.CountAsync(m => m.Kind == RecurringHandler.KindName, Cancel)).ShouldBe(1);
    }
}
