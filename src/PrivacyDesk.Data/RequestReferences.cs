using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data;

/// <summary>The last sequence number handed out per year, for references like DSR-2026-000123.</summary>
public sealed class RequestReferenceCounter
{
    private RequestReferenceCounter()
    {
    }

    public int Year { get; private set; }

    public int LastSequence { get; private set; }

    public static RequestReferenceCounter Start(int year) => new() { Year = year };

    public int Next() => ++LastSequence;
}

public static class RequestReferences
{
    /// <summary>The next reference of the year. Call inside the unit's transaction (InTransactionAsync), which keeps writers apart: on a server database across instances too (ADR 0053).</summary>
    public static async Task<RequestReference> NextAsync(PrivacyDeskDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counter = await db.RequestReferenceCounters.SingleOrDefaultAsync(c => c.Year == year, cancellationToken);
        if (counter is null)
        {
            counter = RequestReferenceCounter.Start(year);
            db.RequestReferenceCounters.Add(counter);
        }
        return RequestReference.Create(year, counter.Next()).Value;
    }
}
