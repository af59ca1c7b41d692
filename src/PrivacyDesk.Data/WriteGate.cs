using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace PrivacyDesk.Data;

/// <summary>
/// One writer at a time per database within this process. Every write appends to the audit chain,
/// which must read the end of the trail and append to it atomically; SQLite serialises writers
/// anyway, so nothing is lost. Writers in other processes (scale-out on SQL Server) are kept apart
/// by the unique indexes on the chain and a retry (see <see cref="AuditTrailRace"/>).
/// Re-entrant within one async flow: a save made while the flow already holds the gate (e.g. Data
/// Protection storing a new key during a password reset) passes instead of waiting for itself.
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);
    private static readonly AsyncLocal<HashSet<string>?> Held = new();

    public static async Task<IDisposable> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        var key = db.Database.GetConnectionString() ?? "";
        if (Held.Value?.Contains(key) == true)
        {
            return Release.None;
        }
        var gate = Gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        Held.Value = [.. Held.Value ?? [], key];
        return new Release(gate, key);
    }

    public static IDisposable Enter(DbContext db) => EnterAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    private sealed class Release(SemaphoreSlim? gate, string key) : IDisposable
    {
        public static readonly Release None = new(null, "");

        public void Dispose()
        {
            if (gate is null)
            {
                return;
            }
            Held.Value?.Remove(key);
            gate.Release();
        }
    }
}
