namespace PrivacyDesk.Domain.Deadlines;

/// <summary>Where a case stands against its deadline.</summary>
public enum SlaState
{
    /// <summary>Open, more than the due-soon threshold before the deadline.</summary>
    OnTrack,

    /// <summary>Open, the deadline is today or within the due-soon threshold (calendar days).</summary>
    DueSoon,

    /// <summary>Open, the deadline has passed.</summary>
    Overdue,

    /// <summary>Answered on or before the deadline.</summary>
    AnsweredOnTime,

    /// <summary>Answered after the deadline.</summary>
    AnsweredLate,
}

/// <summary>
/// A case's SLA state and days left. Days are counted from today while the case is open and from the
/// answer date once answered (the margin it was answered with); negative means past the deadline.
/// </summary>
/// <param name="CalendarDaysLeft">The deadline's date minus the reference date, in calendar days: 0 on the deadline itself.</param>
/// <param name="WorkingDaysLeft">
/// The working days after the reference date up to and including the deadline: 0 on the deadline itself.
/// When the deadline has passed, minus the working days after the deadline up to and including the reference date
/// (so 0 on the weekend right after a Friday deadline, -1 on the Monday).
/// </param>
public sealed record SlaStatus(SlaState State, int CalendarDaysLeft, int WorkingDaysLeft)
{
    public bool IsAnswered => State is SlaState.AnsweredOnTime or SlaState.AnsweredLate;
}

/// <summary>Judges a case against its effective deadline (the extended one when extended).</summary>
public sealed class SlaEvaluator
{
    private readonly HolidayCalendar _calendar;
    private readonly DeadlinePolicy _policy;

    public SlaEvaluator(HolidayCalendar calendar, DeadlinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        _calendar = calendar;
        _policy = policy;
    }

    /// <param name="dueOn">The effective deadline.</param>
    /// <param name="today">Today in the controller's time zone (<see cref="DeadlinePolicy.Today"/>).</param>
    /// <param name="answeredOn">The controller's date the answer was sent, when the case is closed.</param>
    public SlaStatus Evaluate(DateOnly dueOn, DateOnly today, DateOnly? answeredOn = null)
    {
        var reference = answeredOn ?? today;
        var calendarDaysLeft = dueOn.DayNumber - reference.DayNumber;
        var workingDaysLeft = _calendar.WorkingDaysFromTo(reference, dueOn);
        var state = (answeredOn, calendarDaysLeft) switch
        {
            (not null, >= 0) => SlaState.AnsweredOnTime,
            (not null, _) => SlaState.AnsweredLate,
            (null, < 0) => SlaState.Overdue,
            (null, _) when calendarDaysLeft <= _policy.DueSoonDays => SlaState.DueSoon,
            _ => SlaState.OnTrack,
        };
        return new SlaStatus(state, calendarDaysLeft, workingDaysLeft);
    }

    /// <summary>As <see cref="Evaluate(DateOnly, DateOnly, DateOnly?)"/>, with today taken from <paramref name="clock"/> in the controller's time zone.</summary>
    public SlaStatus Evaluate(DateOnly dueOn, TimeProvider clock, DateOnly? answeredOn = null) =>
        Evaluate(dueOn, _policy.Today(clock), answeredOn);
}
