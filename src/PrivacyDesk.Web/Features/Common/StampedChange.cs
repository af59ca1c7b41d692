using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Web.Features.Common;

/// <summary>
/// Where one stamped change finds its row: the audit stream that names who changed it last, how to load
/// it (tracked), and the error for a row that is not there.
/// </summary>
public sealed record StampedTarget<TEntity>(
    string AuditEntityType, Guid Id, Func<PrivacyDeskDbContext, CancellationToken, Task<TEntity?>> Load, Error NotFound)
    where TEntity : class;

/// <summary>
/// The one shape of a change to a stored aggregate that two people may edit (ADR 0028): load it in one
/// transaction, let the caller refuse it (permission, visibility), compare the stamp the caller read with
/// the row's, run the change, save, and answer a stale stamp or a lost race with <see cref="StaleEdit"/>.
/// The caller owns the context (its own scope); the case unit of work and the register build on this.
/// </summary>
public static class StampedChange
{
    /// <summary>Marks a refusal as stale inside the transaction; described (who, when) once it has rolled back.</summary>
    private static readonly Error Stale = new(StaleEdit.Code);

    /// <param name="seenStamp">The stamp the caller read with the row; null only for a row nobody could have read yet (a system step on a new case).</param>
    /// <param name="admit">Refusals before the stamp (permission, visibility); told whether the row changed since the caller read it.</param>
    /// <param name="change">The domain call; its failure rolls everything back.</param>
    public static async Task<Result<T>> RunAsync<TEntity, T>(
        PrivacyDeskDbContext db, TimeZoneInfo zone, StampedTarget<TEntity> target, Guid? seenStamp,
        Func<TEntity, bool, Task<Result>> admit, Func<TEntity, Task<Result<T>>> change, CancellationToken cancellationToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(admit);
        ArgumentNullException.ThrowIfNull(change);
        Result<T> result;
        try
        {
            result = await db.InTransactionAsync(async () =>
            {
                var entity = await target.Load(db, cancellationToken);
                if (entity is null)
                {
                    return Result<T>.Failure(target.NotFound);
                }
                var refusal = await CheckAsync(db, entity, seenStamp, admit);
                if (refusal.IsFailure)
                {
                    return Result<T>.Failure(refusal.Errors);
                }
                var changed = await change(entity);
                if (changed.IsFailure)
                {
                    return changed;
                }
                await db.SaveChangesAsync(cancellationToken);
                return changed;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A save that won the race between our read and our UPDATE: the same answer as a stale stamp.
            result = Result<T>.Failure(Stale);
        }
        return result.Errors.Contains(Stale)
            ? Result<T>.Failure(await DescribeAsync(db, zone, target.AuditEntityType, target.Id, cancellationToken))
            : result;
    }

    /// <summary>
    /// The checks of one row inside an open transaction: the caller's refusals, then the stamp. A matching stamp
    /// becomes the UPDATE's original value, so a concurrent save that lands first makes ours fail.
    /// </summary>
    public static async Task<Result> CheckAsync<TEntity>(PrivacyDeskDbContext db, TEntity entity, Guid? seenStamp, Func<TEntity, bool, Task<Result>> admit)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(admit);
        var stamp = db.Entry(entity).Property<Guid>(PrivacyDeskDbContext.ConcurrencyStamp);
        var changedSinceSeen = seenStamp is { } seen && stamp.CurrentValue != seen;
        var admitted = await admit(entity, changedSinceSeen);
        if (admitted.IsFailure)
        {
            return admitted;
        }
        if (changedSinceSeen)
        {
            return Result.Failure(Stale);
        }
        if (seenStamp is { } original)
        {
            stamp.OriginalValue = original;
        }
        return Result.Success();
    }

    /// <summary>Whether <paramref name="result"/> is a stale refusal still to be described.</summary>
    public static bool IsUndescribedStale(Result result) => result?.Errors.Contains(Stale) == true;

    /// <summary>Who changed the row last and when, read after the rolled-back attempt (<see cref="StaleEdit.DescribeAsync"/>).</summary>
    public static Task<Error> DescribeAsync(PrivacyDeskDbContext db, TimeZoneInfo zone, string auditEntityType, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.ChangeTracker.Clear();
        return StaleEdit.DescribeAsync(db, zone, auditEntityType, id.ToString(), cancellationToken);
    }
}
