using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Data;

public static class TransactionExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction through the provider's execution strategy, so
    /// a transient failure retries the whole unit. A successful result commits; a failed result
    /// (an expected business refusal) rolls everything back, so a refusal never changes anything.
    /// The unit passes the write gate, so its audit entries append to the trail without a race; on a server database the
    /// gate's lock is taken in the transaction too, so units on other instances wait for it as well (ADR 0053).
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
        where T : Result
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            using var gate = await WriteGate.EnterAsync(db, cancellationToken);
            if (attempt++ > 0)
            {
                // A retried attempt starts from what is in the database, not from the failed attempt's changes.
                db.ChangeTracker.Clear();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await gate.HoldAcrossInstancesAsync(db, cancellationToken);
            var result = await work();
            if (result.IsSuccess)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                // Rolled back: what the tracker holds no longer matches the database.
                db.ChangeTracker.Clear();
            }
            return result;
        });
    }
}
