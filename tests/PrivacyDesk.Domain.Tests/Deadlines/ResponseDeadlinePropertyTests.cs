using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Tests.Deadlines;

/// <summary>Instants of receipt from 2026 to 2035, written in any offset from UTC-12 to UTC+14.</summary>
public static class ReceiptInstants
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly int Seconds = (int)(new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero) - Start).TotalSeconds - 1;

    public static Arbitrary<DateTimeOffset> Instants() =>
        (from second in Gen.Choose(0, Seconds)
         from offsetHours in Gen.Choose(-12, 14)
         select Start.AddSeconds(second).ToOffset(TimeSpan.FromHours(offsetHours)))
        .ToArbitrary();
}

public sealed class ResponseDeadlinePropertyTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly HolidayCalendar Calendar = HolidayCalendar.LegalOnly;
    private static readonly ResponseDeadlineCalculator Calculator = new(Calendar, DeadlinePolicy.Default);

    [Property(Arbitrary = [typeof(ReceiptInstants)], MaxTest = 2000)]
    public void TakesTheAmsterdamDateOfTheInstantAsTheReceiptDate(DateTimeOffset receivedAt)
    {
        var amsterdam = TimeZoneInfo.ConvertTimeFromUtc(receivedAt.UtcDateTime, Amsterdam);

        Calculator.ForReceiptAt(receivedAt).ReceivedOn.ShouldBe(new DateOnly(amsterdam.Year, amsterdam.Month, amsterdam.Day));
    }

    [Property(Arbitrary = [typeof(ReceiptInstants)], MaxTest = 2000)]
    public void NeverEndsOnASaturdaySundayOrLegalHoliday(DateTimeOffset receivedAt)
    {
        var deadline = Calculator.ForReceiptAt(receivedAt);

        foreach (var due in new[] { deadline.DueOn, deadline.ExtendedDueOn })
        {
            due.DayOfWeek.ShouldNotBe(DayOfWeek.Saturday);
            due.DayOfWeek.ShouldNotBe(DayOfWeek.Sunday);
            DutchPublicHolidays.In(due.Year).ShouldNotContain(holiday => holiday.Date == due);
        }
    }

    [Property(Arbitrary = [typeof(ReceiptInstants)], MaxTest = 2000)]
    public void EndsOnTheFirstWorkingDayFromTheSameDateNextMonth(DateTimeOffset receivedAt)
    {
        var deadline = Calculator.ForReceiptAt(receivedAt);
        var received = deadline.ReceivedOn;
        var nextMonth = new DateOnly(received.Year, received.Month, 1).AddMonths(1);
        var sameDateNextMonth = new DateOnly(nextMonth.Year, nextMonth.Month, Math.Min(received.Day, DateTime.DaysInMonth(nextMonth.Year, nextMonth.Month)));

        deadline.DueOn.ShouldBeGreaterThanOrEqualTo(sameDateNextMonth);
        for (var day = sameDateNextMonth; day < deadline.DueOn; day = day.AddDays(1))
        {
            Calendar.IsWorkingDay(day).ShouldBeFalse($"{day} is a working day before the deadline {deadline.DueOn}");
        }
    }

    [Property(Arbitrary = [typeof(ReceiptInstants)], MaxTest = 2000)]
    public void NeverEndsTheExtendedPeriodBeforeTheNormalOne(DateTimeOffset receivedAt)
    {
        var deadline = Calculator.ForReceiptAt(receivedAt);

        deadline.ExtendedDueOn.ShouldBeGreaterThan(deadline.DueOn);
        deadline.ExtendedDueOn.ShouldBeGreaterThanOrEqualTo(deadline.ReceivedOn.AddMonths(3));
    }
}
