using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Deadlines;

/// <summary>The time the case waited for proof of identity: from the day it was asked for to the day the proof arrived.</summary>
public sealed record IdentityPause
{
    private IdentityPause(DateOnly requestedOn, DateOnly providedOn)
    {
        RequestedOn = requestedOn;
        ProvidedOn = providedOn;
    }

    public DateOnly RequestedOn { get; }

    public DateOnly ProvidedOn { get; }

    public static Result<IdentityPause> Between(DateOnly requestedOn, DateOnly providedOn) =>
        providedOn < requestedOn
            ? Result<IdentityPause>.Failure(DeadlineErrors.IdentityProofBeforeRequest)
            : Result.Success(new IdentityPause(requestedOn, providedOn));

    /// <summary>
    /// Calendar days from the request to the proof (asked Monday, proof Wednesday: 2). Days before
    /// <paramref name="receivedOn"/> do not count: the clock had not started.
    /// </summary>
    public int DaysAfter(DateOnly receivedOn)
    {
        var start = RequestedOn > receivedOn ? RequestedOn : receivedOn;
        return Math.Max(0, ProvidedOn.DayNumber - start.DayNumber);
    }
}
