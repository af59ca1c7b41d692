using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// Group commit (ADR 0058): units of one lane that wait while another is written share the next transaction; a unit refused with a
/// <see cref="Result"/> is rolled back alone, and a unit that throws sends every unit of its group back to be written on its own.
/// Each unit stores an outbox row (no audit, nothing else) and says in which transaction it ran.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class GroupCommitTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private static readonly Error Refused = new("test.refused");
    private readonly PrivacyDeskAppFactory _factory = new();
    private readonly string _lane = "test." + Guid.NewGuid().ToString("N");

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private enum Outcome
    {
        Stored,
        Refused,
        Throws,

        /// <summary>Saves a new row together with one whose key is taken, catches the failure and answers success.</summary>
        SwallowsAFailedSave,
    }

    /// <summary>A row stored before the units run, whose key <see cref="Outcome.SwallowsAFailedSave"/> tries to insert again.</summary>
    private static readonly Guid Taken = Guid.Parse("ffffffff-0000-0000-0000-000000000001");

    /// <summary>The new row of <see cref="Outcome.SwallowsAFailedSave"/>; ordered before <see cref="Taken"/>, so it is inserted first.</summary>
    private static readonly Guid FirstOfTheFailedSave = Guid.Parse("00000000-0000-0000-0000-000000000001");

    /// <summary>One unit in a scope of its own: joins the lane synchronously (before this returns), answers its transaction's id.</summary>
    private async Task<Result<Guid>> UnitAsync(Guid id, Outcome outcome, CancellationToken cancellationToken = default)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().InGroupCommitAsync(_lane, async db =>
        {
            if (outcome == Outcome.SwallowsAFailedSave)
            {
                db.OutboxMessages.Add(OutboxMessage.Create("test.group", new { id }, DateTimeOffset.UtcNow.AddYears(1), FirstOfTheFailedSave));
                db.OutboxMessages.Add(OutboxMessage.Create("test.group", new { id }, DateTimeOffset.UtcNow.AddYears(1), Taken));
                try
                {
                    await db.SaveChangesAsync();
                }
                catch (DbUpdateException)
                {
                    return Result.Success(db.Database.CurrentTransaction!.TransactionId);
                }
            }
            db.OutboxMessages.Add(OutboxMessage.Create("test.group", new { id }, DateTimeOffset.UtcNow.AddYears(1), id));
            await db.SaveChangesAsync();
            return outcome switch
            {
                Outcome.Refused => Result<Guid>.Failure(Refused),
                Outcome.Throws => throw new InvalidOperationException("unit " + id),
                _ => Result.Success(db.Database.CurrentTransaction!.TransactionId),
            };
        }, cancellationToken);
    }

    /// <summary>Units started while the write gate is held elsewhere: the first waits alone, the rest join the lane behind it.</summary>
    /// <param name="tokens">Each unit's caller's token by its place (none by default).</param>
    /// <param name="whileHeld">Runs after every unit joined, before the gate is let go.</param>
    private async Task<List<Task<Result<Guid>>>> WhileTheGateIsHeldAsync(
        IReadOnlyList<(Guid Id, Outcome Outcome)> units, Func<int, CancellationToken>? tokens = null, Action? whileHeld = null)
    {
        var entered = new TaskCompletionSource();
        var leave = new TaskCompletionSource();
        var holder = Task.Run(async () =>
        {
            await using var scope = _factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            using (await WriteGate.EnterAsync(db, CancellationToken.None))
            {
                entered.SetResult();
                await leave.Task;
            }
        });
        await entered.Task.WaitAsync(Bound);
        var started = units.Select((u, i) => UnitAsync(u.Id, u.Outcome, tokens?.Invoke(i) ?? default)).ToList();
        whileHeld?.Invoke();
        leave.SetResult();
        await holder.WaitAsync(Bound);
        await Task.WhenAll(started.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default))).WaitAsync(Bound);
        return started;
    }

    private static async Task<List<Result<Guid>>> AnswersAsync(IEnumerable<Task<Result<Guid>>> started)
    {
        var answers = new List<Result<Guid>>();
        foreach (var answer in started)
        {
            answers.Add(await answer);
        }
        return answers;
    }

    private async Task<List<Guid>> StoredAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "test.group").Select(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task UnitsThatWaitedAreWrittenInOneTransaction()
    {
        var units = Enumerable.Range(0, 6).Select(_ => (Guid.NewGuid(), Outcome.Stored)).ToList();

        var answers = await AnswersAsync(await WhileTheGateIsHeldAsync(units));

        var transactions = answers.Select(a => a.Value).ToList();
        transactions.Skip(1).Distinct().Count().ShouldBe(1, "the units that waited behind the first share one transaction");
        transactions[0].ShouldNotBe(transactions[1], "the first unit was already waiting for the gate on its own");
        (await StoredAsync()).ShouldBe(units.Select(u => u.Item1), ignoreOrder: true);
    }

    [Fact]
    public async Task AUnitRefusedInAGroupIsRolledBackAloneAndTheOthersCommit()
    {
        var units = Enumerable.Range(0, 6).Select(i => (Guid.NewGuid(), i == 3 ? Outcome.Refused : Outcome.Stored)).ToList();

        var answers = await AnswersAsync(await WhileTheGateIsHeldAsync(units));

        answers[3].Errors.ShouldBe([Refused]);
        answers.Where((_, i) => i != 3).ShouldAllBe(a => a.IsSuccess);
        answers.Where((_, i) => i is not (0 or 3)).Select(a => a.Value).Distinct().Count().ShouldBe(1, "one group despite the refusal");
        (await StoredAsync()).ShouldBe(units.Where((_, i) => i != 3).Select(u => u.Item1), ignoreOrder: true);
    }

    [Fact]
    public async Task AUnitThatThrowsFailsAloneTheOthersAreWrittenOneByOne()
    {
        var units = Enumerable.Range(0, 6).Select(i => (Guid.NewGuid(), i == 3 ? Outcome.Throws : Outcome.Stored)).ToList();

        var started = await WhileTheGateIsHeldAsync(units);

        (await Should.ThrowAsync<InvalidOperationException>(() => started[3])).Message.ShouldBe("unit " + units[3].Item1);
        var stored = (await AnswersAsync(started.Where((_, i) => i != 3))).Select(a => a.Value).ToList();
        stored.Distinct().Count().ShouldBe(stored.Count, "after the group failed each unit was written in a transaction of its own");
        (await StoredAsync()).ShouldBe(units.Where((_, i) => i != 3).Select(u => u.Item1), ignoreOrder: true);
    }

    [Fact]
    public async Task AUnitThatGoesOnAfterAFailedSaveKeepsNothingOfThatSaveInAGroupAsAlone()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            db.OutboxMessages.Add(OutboxMessage.Create("test.group", new { Taken }, DateTimeOffset.UtcNow.AddYears(1), Taken));
            await db.SaveChangesAsync();
        }
        var units = Enumerable.Range(0, 6).Select(i => (Guid.NewGuid(), i == 3 ? Outcome.SwallowsAFailedSave : Outcome.Stored)).ToList();

        var answers = await AnswersAsync(await WhileTheGateIsHeldAsync(units));

        answers.ShouldAllBe(a => a.IsSuccess);
        // Without a savepoint around its save, the failed save's first row stayed in the group's transaction and was committed.
        (await StoredAsync()).ShouldBe([Taken, .. units.Where((_, i) => i != 3).Select(u => u.Item1)], ignoreOrder: true);
    }

    [Fact]
    public async Task AContextThatAlreadyTracksChangesIsRefusedAndNothingIsWritten()
    {
        var stray = Guid.NewGuid();
        var id = Guid.NewGuid();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        db.OutboxMessages.Add(OutboxMessage.Create("test.group", new { stray }, DateTimeOffset.UtcNow.AddYears(1), stray));

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.InGroupCommitAsync(_lane, async unitDb =>
        {
            unitDb.OutboxMessages.Add(OutboxMessage.Create("test.group", new { id }, DateTimeOffset.UtcNow.AddYears(1), id));
            await unitDb.SaveChangesAsync();
            return Result.Success();
        }));

        refused.Message.ShouldContain("group commit");
        (await StoredAsync()).ShouldBeEmpty("neither the stray row nor the unit's was written");
    }

    [Fact]
    public async Task AUnitAloneIsWrittenAtOnce()
    {
        var id = Guid.NewGuid();

        var answer = await UnitAsync(id, Outcome.Stored).WaitAsync(Bound);

        answer.IsSuccess.ShouldBeTrue();
        (await StoredAsync()).ShouldBe([id]);
    }

    [Fact]
    public async Task AUnitWhoseCallerGaveUpWhileWaitingIsAnsweredCancelledAndNotStoredTheOthersShareTheGroup()
    {
        var units = Enumerable.Range(0, 6).Select(_ => (Guid.NewGuid(), Outcome.Stored)).ToList();
        using var gaveUp = new CancellationTokenSource();

        var started = await WhileTheGateIsHeldAsync(units, i => i == 3 ? gaveUp.Token : default, gaveUp.Cancel);

        (await Should.ThrowAsync<Exception>(() => started[3])).ShouldBeAssignableTo<OperationCanceledException>();
        var answers = await AnswersAsync(started.Where((_, i) => i != 3));
        answers.Skip(1).Select(a => a.Value).Distinct().Count().ShouldBe(1, "the others that waited still share one transaction");
        (await StoredAsync()).ShouldBe(units.Where((_, i) => i != 3).Select(u => u.Item1), ignoreOrder: true);
    }
}
