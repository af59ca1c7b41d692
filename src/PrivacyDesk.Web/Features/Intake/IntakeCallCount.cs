using PrivacyDesk.Data;
using PrivacyDesk.Data.RateLimiting;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Web.Features.Intake;

/// <summary>
/// The rate-window count a registration call still owes (ADR 0052): set by <see cref="IntakeEndpoints.UseIntakeRateLimit"/> on
/// <c>POST /api/v1/requests</c> with a recognised key instead of counting up front. The registration counts it as the first
/// statement of its own transaction, so one commit serves both; every other answer to the call counts it before it is sent
/// (<see cref="TakeAsync"/>), so a call over the limit is answered 429 whatever it would have been. Each call is counted once.
/// </summary>
public sealed class IntakeCallCount(string partition, int limit)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Counted (or refused) in a committed unit or on its own; nothing is owed any more.</summary>
    public bool Taken { get; private set; }

    /// <summary>The refusal of the count taken in the registration's transaction, which that transaction rolled back.</summary>
    public RateWindowDecision? Refused { get; private set; }

    /// <summary>The count as a statement of the registration's transaction: a refusal fails the unit, which stores nothing.</summary>
    public async Task<Result> TakeInAsync(RateWindows windows, PrivacyDeskDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        // The unit may run more than once (a retry, or its group written again one by one, ADR 0058): only the last run's refusal stands.
        Refused = null;
        var decision = await windows.TryTakeAsync(db, partition, limit, Window, cancellationToken);
        if (decision.Permitted)
        {
            return Result.Success();
        }
        Refused = decision;
        return Result.Failure(IntakeApiErrors.RateLimited);
    }

    /// <summary>The registration committed, and with it the count.</summary>
    public void Committed() => Taken = true;

    /// <summary>The count on its own (the call did not register, or its unit rolled back), unless it is taken already.</summary>
    public async Task<RateWindowDecision> TakeAsync(RateWindows windows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (Taken)
        {
            return Refused ?? new RateWindowDecision(true, TimeSpan.Zero);
        }
        if (Refused is { } refused)
        {
            // A refusal changed nothing (the window was full) and stays a refusal.
            Taken = true;
            return refused;
        }
        // Taken once the count is in: a call whose count failed is not marked as counted.
        var decision = await windows.TryTakeAsync(partition, limit, Window, cancellationToken);
        Taken = true;
        return decision;
    }
}
