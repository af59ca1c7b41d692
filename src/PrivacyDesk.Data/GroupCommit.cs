using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Data;

/// <summary>
/// Group commit for small units of one kind (ADR 0058): units that arrive while another of their lane is being written wait,
/// and the next writer writes all of them in one turn of the write gate and one transaction, each in order and behind a
/// savepoint of its own, committing once. A unit is the same delegate <see cref="TransactionExtensions.InTransactionAsync"/>
/// runs: it reads what it needs, changes, and saves; it never commits. A unit that fails with a <see cref="Result"/> is rolled
/// back to its savepoint and answered with its failure, the others go on. A unit that throws (or a commit that fails) rolls the
/// whole group back and every unit of it is written again on its own, each in its own <c>InTransactionAsync</c> by its own caller
/// (its flow, its token), so one bad unit cannot fail another and a failing group does not hold the lane. One unit arriving alone
/// is written exactly as <c>InTransactionAsync</c> writes it. A unit whose caller gave up before its group is written is answered
/// cancelled. SQLite and PostgreSQL only; on SQL Server every unit is written alone.
/// </summary>
public static class GroupCommit
{
    /// <summary>
    /// At most this many units share a transaction; the rest wait for the next turn. Each unit takes a savepoint on PostgreSQL
    /// (the group's; EF Core's own are off while a group is written), and 64 is where a backend's subtransaction cache overflows.
    /// </summary>
    public const int MaxUnits = 16;

    private const string Savepoint = "group_commit_unit";

    private static readonly ConcurrentDictionary<string, Lane> Lanes = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="work"/> as <see cref="TransactionExtensions.InTransactionAsync"/> would, possibly in one transaction
    /// with other units of the same <paramref name="lane"/> on the same database. <paramref name="work"/> must use the context it
    /// is given (which may be another unit's) and nothing else of the database, and may run more than once (a retry, or the group
    /// failing). <paramref name="db"/> must stay usable until the returned task ends; another unit's group may be written with it,
    /// and it must track nothing when it joins. A unit whose save fails must let the failure through: in a group there is no
    /// savepoint around each save, so a unit that catches it and goes on sends its whole group back to be written unit by unit.
    /// </summary>
    public static async Task<T> InGroupCommitAsync<T>(
        this PrivacyDeskDbContext db, string lane, Func<PrivacyDeskDbContext, Task<T>> work, CancellationToken cancellationToken = default)
        where T : Result
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (WriteGate.IsHeldByThisFlow(db))
        {
            // Inside another unit (re-entrant): waiting for a group would wait for the gate this flow holds.
            return await db.InTransactionAsync(() => work(db), cancellationToken);
        }
        if (db.ChangeTracker.Entries().Any())
        {
            // The unit may run in another caller's context, and this one may write other callers' units (clearing it after each):
            // what it tracks would be saved with someone else's unit, or silently dropped. Checked on SQL Server as well, where
            // units are written alone, so the same mistake fails on every provider.
            throw new InvalidOperationException("A context that tracks entities cannot join a group commit (ADR 0058): use a fresh one.");
        }
        if (!db.Database.ProviderName.IsGroupable())
        {
            // SQL Server (never run here; explicit savepoints fail under MARS): every unit alone, as before ADR 0058.
            return await db.InTransactionAsync(() => work(db), cancellationToken);
        }
        var unit = new Unit<T>(db, work, cancellationToken);
        var queue = Lanes.GetOrAdd(lane + "\n" + db.Database.GetConnectionString(), _ => new Lane());
        if (queue.Join(unit))
        {
            await queue.LeadAsync(unit);
        }
        // Null: the group failed (or was not written); the unit is written alone here, in its caller's own flow with its own token,
        // so a failing group never holds the lane while up to MaxUnits transactions retry one after another.
        return await unit.Answer.Task ?? await db.InTransactionAsync(() => work(db), cancellationToken);
    }

    /// <summary>SQLite and PostgreSQL, both tested with savepoints; SQL Server writes every unit alone.</summary>
    private static bool IsGroupable(this string? provider) =>
        provider is "Microsoft.EntityFrameworkCore.Sqlite" or "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>The units of one lane waiting to be written, and whether a writer is at work for them.</summary>
    private sealed class Lane
    {
        private readonly List<Unit> _waiting = [];
        private bool _leading;

        /// <summary>Queues the unit; true when its caller must write (no writer is at work for this lane).</summary>
        public bool Join(Unit unit)
        {
            lock (_waiting)
            {
                _waiting.Add(unit);
                if (_leading)
                {
                    return false;
                }
                _leading = true;
                return true;
            }
        }

        /// <summary>
        /// Writes the waiting units in groups until <paramref name="own"/> is answered; units still waiting then are written by a
        /// writer of their own on the thread pool, so a caller waits for its own group, not for everyone's.
        /// </summary>
        public async Task LeadAsync(Unit? own)
        {
            while (true)
            {
                List<Unit> group;
                lock (_waiting)
                {
                    if (_waiting.Count == 0)
                    {
                        _leading = false;
                        return;
                    }
                    if (own is not null && own.Answered)
                    {
                        // The next writer runs in no caller's context (its trace, log scope or circuit), as none of them owns it.
                        using (ExecutionContext.SuppressFlow())
                        {
                            _ = Task.Run(() => LeadAsync(null));
                        }
                        return;
                    }
                    group = _waiting.GetRange(0, Math.Min(MaxUnits, _waiting.Count));
                    _waiting.RemoveRange(0, group.Count);
                }
                try
                {
                    await WriteAsync(group);
                }
#pragma warning disable CA1031 // Whatever escapes, the lane goes on: the group's units are written alone by their callers.
                catch (Exception)
#pragma warning restore CA1031
                {
                    group.ForEach(unit => unit.WriteAlone());
                }
            }
        }
    }

    private static async Task WriteAsync(List<Unit> group)
    {
        // A caller that gave up is answered so (its token), not written into another caller's transaction.
        foreach (var cancelled in group.Where(unit => unit.CancelIfRequested()).ToList())
        {
            group.Remove(cancelled);
        }
        if (group.Count == 0)
        {
            return;
        }
        if (group.Count == 1)
        {
            // Written here, holding the lane: the units arriving meanwhile wait and form the next group.
            await group[0].WriteAloneHereAsync();
            return;
        }
        // The first unit's context writes the group: its caller waits for the group's answer, so the context lives until then.
        var db = group[0].Db;
        var outcomes = new Result[group.Count];
        // Each unit already has the group's savepoint around it; EF Core's own around every save would be two more statements a unit.
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        try
        {
            db.Database.AutoSavepointsEnabled = false;
            await db.InTransactionAsync(() => WriteInOneTransactionAsync(db, group, outcomes));
        }
#pragma warning disable CA1031 // Any failure of the group is answered unit by unit, each alone: the unit at fault fails with its own exception.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Set back before any caller is answered: the first unit's caller writes alone with this same context.
            db.Database.AutoSavepointsEnabled = autoSavepoints;
            db.ChangeTracker.Clear();
            group.ForEach(unit => unit.WriteAlone());
            return;
        }
        db.Database.AutoSavepointsEnabled = autoSavepoints;
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Complete(outcomes[i]);
        }
    }

    /// <summary>The group's units in the open transaction, each behind its own savepoint; a refused unit is rolled back to it.</summary>
    private static async Task<Result> WriteInOneTransactionAsync(PrivacyDeskDbContext db, List<Unit> group, Result[] outcomes)
    {
        var transaction = db.Database.CurrentTransaction!;
        for (var i = 0; i < group.Count; i++)
        {
            await transaction.CreateSavepointAsync(Savepoint);
            var outcome = await RunRefusingSwallowedSaveFailuresAsync(group[i], db);
            if (outcome.IsFailure)
            {
                await transaction.RollbackToSavepointAsync(Savepoint);
            }
            await transaction.ReleaseSavepointAsync(Savepoint);
            // The next unit reads what this one wrote from the database, not from this unit's tracked rows.
            db.ChangeTracker.Clear();
            outcomes[i] = outcome;
        }
        return Result.Success();
    }

    /// <summary>
    /// Runs the unit; if one of its saves failed and it went on anyway, throws, so the group is written again unit by unit. Without
    /// EF Core's savepoint around each save, a failed save can leave its first statements in the group's transaction (SQLite) and
    /// its rows still added; alone, the unit's own transaction has that savepoint and the unit behaves as it always did.
    /// </summary>
    private static async Task<Result> RunRefusingSwallowedSaveFailuresAsync(Unit unit, PrivacyDeskDbContext db)
    {
        var failed = false;
        void OnFailed(object? sender, Microsoft.EntityFrameworkCore.SaveChangesFailedEventArgs e) => failed = true;
        db.SaveChangesFailed += OnFailed;
        Result outcome;
        try
        {
            outcome = await unit.RunAsync(db);
        }
        finally
        {
            db.SaveChangesFailed -= OnFailed;
        }
        return failed
            ? throw new InvalidOperationException("A unit went on after a failed save; its group is written again unit by unit (ADR 0058).")
            : outcome;
    }

    private abstract class Unit(PrivacyDeskDbContext db)
    {
        public PrivacyDeskDbContext Db { get; } = db;

        public abstract bool Answered { get; }

        /// <summary>The unit's work in the group's context and transaction; it saves, never commits.</summary>
        public abstract Task<Result> RunAsync(PrivacyDeskDbContext db);

        /// <summary>Tells the unit's caller to write it in a transaction of its own (InTransactionAsync), in its own flow.</summary>
        public abstract void WriteAlone();

        /// <summary>The unit in a transaction of its own (InTransactionAsync) in the writer's flow, answered with its result or its exception.</summary>
        public abstract Task WriteAloneHereAsync();

        /// <summary>Answers the unit as cancelled when its caller's token is; true then.</summary>
        public abstract bool CancelIfRequested();

        public abstract void Complete(Result outcome);
    }

    private sealed class Unit<T>(PrivacyDeskDbContext db, Func<PrivacyDeskDbContext, Task<T>> work, CancellationToken cancellationToken) : Unit(db)
        where T : Result
    {
        /// <summary>The unit's answer: its result once its group committed, or null for "write it alone".</summary>
        /// <remarks>Asynchronous continuations: a caller answered here must not run on (and dispose its context in) the writer's flow.</remarks>
        public TaskCompletionSource<T?> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool Answered => Answer.Task.IsCompleted;

        public override async Task<Result> RunAsync(PrivacyDeskDbContext db) => await work(db);

        public override void WriteAlone() => Answer.TrySetResult(null);

        public override async Task WriteAloneHereAsync()
        {
            try
            {
                Answer.TrySetResult(await Db.InTransactionAsync(() => work(Db), cancellationToken));
            }
#pragma warning disable CA1031 // Handed to the unit's own caller, who sees it as InTransactionAsync would have thrown it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Answer.TrySetException(exception);
            }
        }

        public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && Answer.TrySetCanceled(cancellationToken);

        public override void Complete(Result outcome) => Answer.TrySetResult((T)outcome);
    }
}
