namespace PrivacyDesk.Domain.Deadlines;

/// <summary>
/// Computes the response deadlines of deadlines.md under Regulation 1182/71: the day of receipt does not
/// count, the period ends on the same date number months later (or that month's last day), rolled
/// forward past weekends and legal holidays.
/// </summary>
public sealed class ResponseDeadlineCalculator
{
    /// <summary>"Within one month of receipt" (Art. 12(3)).</summary>
    public const int ResponseMonths = 1;

    /// <summary>One month plus the extension by two further months.</summary>
    public const int ExtendedResponseMonths = 3;

    private readonly HolidayCalendar _calendar;
    private readonly DeadlinePolicy _policy;

    public ResponseDeadlineCalculator(HolidayCalendar calendar, DeadlinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        _calendar = calendar;
        _policy = policy;
    }

    /// <summary>The deadlines of a request received at <paramref name="receivedAt"/> (any offset; the controller's date counts).</summary>
    public ResponseDeadline ForReceiptAt(DateTimeOffset receivedAt, IdentityPause? identityPause = null) =>
        ForReceiptOn(_policy.DateOf(receivedAt), identityPause);

    /// <summary>The deadlines of a request received on <paramref name="receivedOn"/>, a date in the controller's time zone.</summary>
    /// <param name="identityPause">Ignored unless the policy lets identity verification pause the clock.</param>
    public ResponseDeadline ForReceiptOn(DateOnly receivedOn, IdentityPause? identityPause = null)
    {
        var pausedDays = _policy.IdentityVerificationPausesClock && identityPause is not null
            ? identityPause.DaysAfter(receivedOn)
            : 0;
        // The pause lengthens the period itself; the roll to a working day applies to its new last day.
        var dueOn = _calendar.FirstWorkingDayOnOrAfter(EndOfPeriod(receivedOn, ResponseMonths).AddDays(pausedDays));
        var extendedDueOn = _calendar.FirstWorkingDayOnOrAfter(EndOfPeriod(receivedOn, ExtendedResponseMonths).AddDays(pausedDays));
        return new ResponseDeadline(receivedOn, dueOn, extendedDueOn, pausedDays);
    }

    /// <summary>
    /// The last day of a period of <paramref name="months"/> months before any roll forward: the same date
    /// number, or the last day of the month that has no such date (31 January → 28 or 29 February).
    /// </summary>
    public static DateOnly EndOfPeriod(DateOnly receivedOn, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        // DateOnly.AddMonths keeps the date number and clamps to the month's last day: exactly rules 2 and 3.
        return receivedOn.AddMonths(months);
    }
}
