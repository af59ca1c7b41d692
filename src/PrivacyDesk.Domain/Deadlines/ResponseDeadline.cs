namespace PrivacyDesk.Domain.Deadlines;

/// <summary>
/// The deadlines of one request (GDPR Art. 12(3)): the answer is due on <see cref="DueOn"/>, or on
/// <see cref="ExtendedDueOn"/> once extended; both include <see cref="PausedDays"/> of identity verification.
/// </summary>
public sealed record ResponseDeadline(DateOnly ReceivedOn, DateOnly DueOn, DateOnly ExtendedDueOn, int PausedDays)
{
    /// <summary>The case shows that its clock was paused for identity verification.</summary>
    public bool WasPaused => PausedDays > 0;

    /// <summary>The deadline that holds: the extended one when the case was extended.</summary>
    public DateOnly EffectiveDueOn(bool extended) => extended ? ExtendedDueOn : DueOn;
}
