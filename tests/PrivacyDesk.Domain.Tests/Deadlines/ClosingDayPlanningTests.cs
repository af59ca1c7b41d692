using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class ClosingDayPlanningTests
{
    private static readonly Actor TeamLead = new("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]);
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 1, 5);
    private static readonly DateOnly DayAfterAscension = new(2026, 5, 15);

    [Fact]
    public void PlansAClosingDayOnAFutureWorkingDay()
    {
        var day = CompanyClosingDay.Plan(DayAfterAscension, "Dag na Hemelvaart", Today, HolidayCalendar.LegalOnly, TeamLead, Now);

        day.IsSuccess.ShouldBeTrue();
        day.Value.PendingChanges.Single().Action.ShouldBe("calendar.closing_day.added");
    }

    [Fact]
    public void RefusesADateThatHasPassed()
    {
        CompanyClosingDay.Plan(Today.AddDays(-1), "Te laat", Today, HolidayCalendar.LegalOnly, TeamLead, Now)
            .Errors.Single().Code.ShouldBe("deadline.closing_day.in_the_past");
    }

    [Fact]
    public void RefusesASecondClosingDayOnTheSameDate()
    {
        var first = CompanyClosingDay.Plan(DayAfterAscension, "Dag na Hemelvaart", Today, HolidayCalendar.LegalOnly, TeamLead, Now).Value;

        CompanyClosingDay.Plan(DayAfterAscension, "Brugdag", Today, new HolidayCalendar([first]), TeamLead, Now)
            .Errors.Single().Code.ShouldBe("deadline.closing_day.duplicate");
    }

    [Theory]
    [InlineData(2026, 4, 27)] // King's Day
    [InlineData(2026, 5, 16)] // a Saturday
    public void RefusesADayTheOfficeIsClosedAnyway(int year, int month, int day)
    {
        CompanyClosingDay.Plan(new DateOnly(year, month, day), "Dicht", Today, HolidayCalendar.LegalOnly, TeamLead, Now)
            .Errors.Single().Code.ShouldBe("deadline.closing_day.not_a_working_day");
    }

    [Fact]
    public void ListsADateAndADescriptionProblemTogether()
    {
        CompanyClosingDay.Plan(Today.AddDays(-1), " ", Today, HolidayCalendar.LegalOnly, TeamLead, Now)
            .Errors.Select(e => e.Code).ShouldBe(["deadline.closing_day.in_the_past", "deadline.closing_day.description_required"]);
    }

    [Fact]
    public void CancelsAPlannedDayButKeepsOneThatHasPassed()
    {
        var day = CompanyClosingDay.Plan(DayAfterAscension, "Dag na Hemelvaart", Today, HolidayCalendar.LegalOnly, TeamLead, Now).Value;
        day.DequeueChanges();

        day.Cancel(DayAfterAscension.AddDays(1), TeamLead, Now).Errors.Single().Code.ShouldBe("deadline.closing_day.past_cannot_be_removed");
        day.PendingChanges.ShouldBeEmpty();

        day.Cancel(DayAfterAscension, TeamLead, Now).IsSuccess.ShouldBeTrue();
        day.PendingChanges.Single().Action.ShouldBe("calendar.closing_day.removed");
    }

    [Fact]
    public void AClosingDayNeverMovesALegalDeadline()
    {
        // Received Tue 14 Apr 2026: due Fri 15 May 2026 (deadlines.md). Closing that very Friday changes nothing.
        var closing = CompanyClosingDay.Plan(DayAfterAscension, "Dag na Hemelvaart", Today, HolidayCalendar.LegalOnly, TeamLead, Now).Value;
        var withClosingDay = new ResponseDeadlineCalculator(new HolidayCalendar([closing]), DeadlinePolicy.Default);
        var legalOnly = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default);

        withClosingDay.ForReceiptOn(new DateOnly(2026, 4, 14)).ShouldBe(legalOnly.ForReceiptOn(new DateOnly(2026, 4, 14)));
        withClosingDay.ForReceiptOn(new DateOnly(2026, 4, 14)).DueOn.ShouldBe(DayAfterAscension);
    }
}
