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
    /// <summary>The year's counter, tracked: compiled once, as every registration reads it inside the write gate (issue 17).</summary>
    private static readonly CompiledPerModel<Func<PrivacyDeskDbContext, int, CancellationToken, Task<RequestReferenceCounter?>>> CounterOf = new(() => EF.CompileAsyncQuery(
        (PrivacyDeskDbContext db, int year, CancellationToken _) => db.RequestReferenceCounters.SingleOrDefault(c => c.Year == year)));

    /// <summary>The next reference of the year. Call inside the unit's transaction (InTransactionAsync), which keeps writers apart: on a server database across instances too (ADR 0053).</summary>
    public static async Task<RequestReference> NextAsync(PrivacyDeskDbContext db, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counter = await CounterOf.For(db)(db, year, cancellationToken);
        if (counter is null)
        {
            counter = RequestReferenceCounter.Start(year);
            db.RequestReferenceCounters.Add(counter);
        }
        return RequestReference.Create(year, counter.Next()).Value;
    }
}
