using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace PrivacyDesk.Data;

/// <summary>
/// One writer at a time per database within this process. Every write appends to the audit chain,
/// which must read the end of the trail and append to it atomically; SQLite serialises writers
/// anyway, so nothing is lost. Writers in other processes (scale-out on SQL Server) are kept apart
/// by the unique indexes on the chain and a retry (see <see cref="AuditTrailRace"/>).
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(DbContext db) =>
        Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
}
