using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class SlaEvaluatorTests
{
    private static readonly DateOnly TuesdayDeadline = new(2026, 3, 10);
    private static readonly SlaEvaluator Evaluator = new(HolidayCalendar.LegalOnly, DeadlinePolicy.Default);

    [Fact]
    public void IsOnTrackWellBeforeTheDeadline()
    {
        Evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 2)).ShouldBe(new SlaStatus(SlaState.OnTrack, 8, 6));
    }

    [Fact]
    public void IsDueSoonSevenCalendarDaysBefore()
    {
        // Working days after Tue 3 Mar up to and including Tue 10 Mar: 4, 5, 6, 9, 10.
        Evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 3)).ShouldBe(new SlaStatus(SlaState.DueSoon, 7, 5));
    }

    [Fact]
    public void IsDueSoonOnTheDeadlineItselfWithNothingLeft()
    {
        Evaluator.Evaluate(TuesdayDeadline, TuesdayDeadline).ShouldBe(new SlaStatus(SlaState.DueSoon, 0, 0));
    }

    [Fact]
    public void IsOverdueTheDayAfter()
    {
        Evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 11)).ShouldBe(new SlaStatus(SlaState.Overdue, -1, -1));
    }

    [Fact]
    public void CountsNoLostWorkingDayOnTheWeekendAfterAFridayDeadline()
    {
        var friday = new DateOnly(2026, 3, 13);

        Evaluator.Evaluate(friday, new DateOnly(2026, 3, 14)).ShouldBe(new SlaStatus(SlaState.Overdue, -1, 0));
        Evaluator.Evaluate(friday, new DateOnly(2026, 3, 16)).ShouldBe(new SlaStatus(SlaState.Overdue, -3, -1));
    }

    [Fact]
    public void SkipsTheWeekendAndKingsDayInWorkingDaysLeft()
    {
        // Fri 24 Apr 2026 to Tue 28 Apr: Saturday, Sunday and King's Day on Monday do not count.
        Evaluator.Evaluate(new DateOnly(2026, 4, 28), new DateOnly(2026, 4, 24)).ShouldBe(new SlaStatus(SlaState.DueSoon, 4, 1));
    }

    [Fact]
    public void UsesTheConfiguredDueSoonThreshold()
    {
        var evaluator = new SlaEvaluator(HolidayCalendar.LegalOnly, DeadlinePolicy.Create("Europe/Amsterdam", false, dueSoonDays: 3).Value);

        evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 3)).State.ShouldBe(SlaState.OnTrack);
        evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 7)).State.ShouldBe(SlaState.DueSoon);
    }

    [Fact]
    public void IsAnsweredOnTimeWithTheMarginItWasAnsweredWith()
    {
        var status = Evaluator.Evaluate(TuesdayDeadline, today: new DateOnly(2026, 3, 20), answeredOn: new DateOnly(2026, 3, 9));

        status.ShouldBe(new SlaStatus(SlaState.AnsweredOnTime, 1, 1));
        status.IsAnswered.ShouldBeTrue();
    }

    [Fact]
    public void IsAnsweredOnTimeOnTheDeadlineItself()
    {
        Evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 20), answeredOn: TuesdayDeadline).State.ShouldBe(SlaState.AnsweredOnTime);
    }

    [Fact]
    public void IsAnsweredLateAfterTheDeadline()
    {
        var status = Evaluator.Evaluate(TuesdayDeadline, new DateOnly(2026, 3, 20), answeredOn: new DateOnly(2026, 3, 12));

        status.ShouldBe(new SlaStatus(SlaState.AnsweredLate, -2, -2));
    }

    [Fact]
    public void TakesTodayFromTheClockInAmsterdam()
    {
        // 23:30 UTC on 9 March is already the deadline day in Amsterdam.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 23, 30, 0, TimeSpan.Zero));

        Evaluator.Evaluate(TuesdayDeadline, clock).ShouldBe(new SlaStatus(SlaState.DueSoon, 0, 0));

        clock.Advance(TimeSpan.FromDays(1));
        Evaluator.Evaluate(TuesdayDeadline, clock).State.ShouldBe(SlaState.Overdue);
    }
}
