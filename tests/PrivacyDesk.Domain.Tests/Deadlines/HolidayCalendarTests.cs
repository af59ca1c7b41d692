using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class HolidayCalendarTests
{
    private static readonly Actor TeamLead = new("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]);
    private static readonly DateOnly DayAfterAscension = new(2026, 5, 15);

    private static HolidayCalendar WithDayAfterAscension() =>
        new([CompanyClosingDay.Add(DayAfterAscension, "Dag na Hemelvaart", TeamLead, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)).Value]);

    [Theory]
    [InlineData(2026, 5, 14)] // Ascension Day
    [InlineData(2026, 4, 27)] // King's Day
    [InlineData(2026, 5, 5)] // Liberation Day, a Tuesday
    [InlineData(2026, 3, 14)] // Saturday
    [InlineData(2026, 3, 15)] // Sunday
    public void IsNoWorkingDayOnAWeekendOrLegalHoliday(int year, int month, int day)
    {
        HolidayCalendar.LegalOnly.IsWorkingDay(new DateOnly(year, month, day)).ShouldBeFalse();
    }

    [Fact]
    public void IsAWorkingDayOnAnOrdinaryWeekday()
    {
        HolidayCalendar.LegalOnly.IsWorkingDay(new DateOnly(2026, 3, 10)).ShouldBeTrue();
    }

    [Fact]
    public void KeepsACompanyClosingDayALegalWorkingDay()
    {
        var calendar = WithDayAfterAscension();

        calendar.IsCompanyClosingDay(DayAfterAscension).ShouldBeTrue();
        calendar.IsWorkingDay(DayAfterAscension).ShouldBeTrue();
        calendar.IsLegalHoliday(DayAfterAscension).ShouldBeFalse();
        calendar.LegalHolidaysIn(2026).ShouldNotContain(holiday => holiday.Date == DayAfterAscension);
    }

    [Fact]
    public void ShowsTheCompanyClosingDaysForTheUserInterface()
    {
        var calendar = WithDayAfterAscension();

        calendar.CompanyClosingDaysOn(DayAfterAscension).Single().Description.ShouldBe("Dag na Hemelvaart");
        calendar.IsCompanyClosingDay(new DateOnly(2026, 5, 14)).ShouldBeFalse();
    }

    [Fact]
    public void NamesTheLegalHolidayOnADate()
    {
        HolidayCalendar.LegalOnly.LegalHolidaysOn(new DateOnly(2026, 12, 26)).Single().Name.In("nl").ShouldBe("Tweede kerstdag");
        HolidayCalendar.LegalOnly.LegalHolidaysOn(new DateOnly(2026, 12, 27)).ShouldBeEmpty();
    }

    [Fact]
    public void RollsForwardOverKingsDayOnAMondayAfterTheWeekend()
    {
        HolidayCalendar.LegalOnly.FirstWorkingDayOnOrAfter(new DateOnly(2026, 4, 25)).ShouldBe(new DateOnly(2026, 4, 28));
    }

    [Fact]
    public void RollsForwardOverKingsDayOnASaturdayWhenTheTwentySeventhIsASunday()
    {
        // 2031: King's Day is Saturday 26 April, the 27th a Sunday.
        HolidayCalendar.LegalOnly.FirstWorkingDayOnOrAfter(new DateOnly(2031, 4, 26)).ShouldBe(new DateOnly(2031, 4, 28));
    }

    [Fact]
    public void StaysOnAWorkingDay()
    {
        HolidayCalendar.LegalOnly.FirstWorkingDayOnOrAfter(new DateOnly(2026, 3, 10)).ShouldBe(new DateOnly(2026, 3, 10));
    }

    [Theory]
    [InlineData("2026-03-10", "2026-03-10", 0)]
    [InlineData("2026-03-06", "2026-03-10", 2)] // Fri to Tue: Mon, Tue
    [InlineData("2026-03-10", "2026-03-06", -2)]
    [InlineData("2026-03-13", "2026-03-15", 0)] // Friday to Sunday
    [InlineData("2026-12-24", "2026-12-29", 2)] // Christmas, Boxing Day on Saturday, Sunday: Mon 28, Tue 29
    public void CountsWorkingDaysAfterTheFirstDateUpToAndIncludingTheSecond(string from, string to, int expected)
    {
        HolidayCalendar.LegalOnly.WorkingDaysFromTo(Date(from), Date(to)).ShouldBe(expected);
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
