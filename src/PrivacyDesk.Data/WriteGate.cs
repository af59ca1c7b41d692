using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace PrivacyDesk.Data;

/// <summary>
/// One writer at a time per database within this process. Every write appends to the audit chain,
/// which must read the end of the trail and append to it atomically; SQLite serialises writers
/// anyway, so nothing is lost. Writers in other processes (several instances on PostgreSQL or SQL Server)
/// are kept apart by the gate's second half in the database: the unit that entered the gate takes
/// <see cref="DatabaseWriteLock"/> first thing in its transaction (<see cref="Held.HoldAcrossInstancesAsync"/>, ADR 0053).
/// The unique indexes on the chain and a retry (see <see cref="AuditTrailRace"/>) remain the last line.
/// Re-entrant within one async flow: a save made while the flow already holds the gate (e.g. Data
/// Protection storing a new key during a unit of work) passes instead of waiting for itself, and
/// takes no database lock either (the outer unit holds it; waiting for it would wait for itself).
/// The flow's mark is set synchronously, before the first await, so it is set in the caller's flow (a value set
/// inside an async method is discarded when it returns); it counts only while the gate is held, and leaving the
/// gate ends it for every flow that copied it, so a task started inside a unit that outlives it waits like any other.
/// A task started inside a unit that saves while the unit still holds the gate passes beside it (the flow's copy
/// cannot tell a child from the unit); nothing does that, and the unique indexes on the chain remain the last line.
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<Mark?> Marks = new();

    /// <summary>Not async on purpose: the mark must be set in the caller's flow (see the class's summary).</summary>
    public static Task<Held> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (Begin(db) is not (var gate, var mark))
        {
            return Task.FromResult(Held.None);
        }
        return TakeAsync(gate, mark, cancellationToken);

        static async Task<Held> TakeAsync(SemaphoreSlim gate, Mark mark, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            mark.Holding = true;
            return new Held(gate, mark);
        }
    }

    public static Held Enter(DbContext db)
    {
        if (Begin(db) is not (var gate, var mark))
        {
            return Held.None;
        }
        gate.Wait();
        mark.Holding = true;
        return new Held(gate, mark);
    }

    /// <summary>Whether this flow holds the gate of <paramref name="db"/>'s database (a save now would pass re-entrantly).</summary>
    public static bool IsHeldByThisFlow(DbContext db)
    {
        var key = db.Database.GetConnectionString() ?? "";
        for (var mark = Marks.Value; mark is not null; mark = mark.Outer)
        {
            if (mark.Holding && mark.Key == key)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Null when this flow holds the gate already; else the gate and this flow's new mark, not holding yet.</summary>
    private static (SemaphoreSlim Gate, Mark Mark)? Begin(DbContext db)
    {
        if (IsHeldByThisFlow(db))
        {
            return null;
        }
        var key = db.Database.GetConnectionString() ?? "";
        var entered = new Mark(key, Marks.Value);
        Marks.Value = entered;
        return (Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1)), entered);
    }

    /// <summary>
    /// That a flow holds the gate of one database. Shared by every flow that copied it, so leaving the gate ends it
    /// everywhere; a wait given up (cancelled) never held it.
    /// </summary>
    internal sealed class Mark(string key, Mark? outer)
    {
        public string Key { get; } = key;
        public Mark? Outer { get; } = outer;
        public volatile bool Holding;
    }

    /// <summary>The gate as one unit holds it; disposing leaves it.</summary>
    public sealed class Held : IDisposable
    {
        public static readonly Held None = new(null, null);
        private readonly SemaphoreSlim? gate;
        private readonly Mark? mark;

        internal Held(SemaphoreSlim? gate, Mark? mark)
        {
            this.gate = gate;
            this.mark = mark;
        }

        /// <summary>
        /// Called first thing in the unit's transaction: on a server database, takes the same gate across every instance
        /// (<see cref="DatabaseWriteLock"/>), released with the transaction. Nothing for a re-entrant pass or on SQLite.
        /// </summary>
        public Task HoldAcrossInstancesAsync(DbContext db, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(db);
            return gate is null ? Task.CompletedTask : DatabaseWriteLock.TakeAsync(db.Database, cancellationToken);
        }

        /// <inheritdoc cref="HoldAcrossInstancesAsync"/>
        public void HoldAcrossInstances(DbContext db)
        {
            ArgumentNullException.ThrowIfNull(db);
            if (gate is not null)
            {
                DatabaseWriteLock.Take(db.Database);
            }
        }

        public void Dispose()
        {
            if (gate is null)
            {
                return;
            }
            mark!.Holding = false;
            if (ReferenceEquals(Marks.Value, mark))
            {
                // Disposed in the flow that entered (a using): that flow's chain drops the mark.
                Marks.Value = mark.Outer;
            }
            gate.Release();
        }
    }
}
