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
/// Protection storing a new key during a password reset) passes instead of waiting for itself, and
/// takes no database lock either (the outer unit holds it; waiting for it would wait for itself).
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<HashSet<string>?> HeldKeys = new();

    public static async Task<Held> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        var key = db.Database.GetConnectionString() ?? "";
        if (HeldKeys.Value?.Contains(key) == true)
        {
            return Held.None;
        }
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        HeldKeys.Value = [.. HeldKeys.Value ?? [], key];
        return new Held(gate, key);
    }

    public static Held Enter(DbContext db) => EnterAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The gate as one unit holds it; disposing leaves it.</summary>
    public sealed class Held(SemaphoreSlim? gate, string key) : IDisposable
    {
        public static readonly Held None = new(null, "");

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
            HeldKeys.Value?.Remove(key);
            gate.Release();
        }
    }
}
