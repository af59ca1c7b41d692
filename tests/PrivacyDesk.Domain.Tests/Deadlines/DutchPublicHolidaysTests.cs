using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Tests.Deadlines;

public sealed class DutchPublicHolidaysTests
{
    // Year, Easter Monday, Ascension Day, Whit Monday, King's Day: from published calendars.
    public static TheoryData<int, DateOnly, DateOnly, DateOnly, DateOnly> KnownYears => new()
    {
        { 2024, new(2024, 4, 1), new(2024, 5, 9), new(2024, 5, 20), new(2024, 4, 27) },
        { 2025, new(2025, 4, 21), new(2025, 5, 29), new(2025, 6, 9), new(2025, 4, 26) },
        { 2026, new(2026, 4, 6), new(2026, 5, 14), new(2026, 5, 25), new(2026, 4, 27) },
        { 2027, new(2027, 3, 29), new(2027, 5, 6), new(2027, 5, 17), new(2027, 4, 27) },
        { 2028, new(2028, 4, 17), new(2028, 5, 25), new(2028, 6, 5), new(2028, 4, 27) },
        { 2029, new(2029, 4, 2), new(2029, 5, 10), new(2029, 5, 21), new(2029, 4, 27) },
        { 2030, new(2030, 4, 22), new(2030, 5, 30), new(2030, 6, 10), new(2030, 4, 27) },
        { 2031, new(2031, 4, 14), new(2031, 5, 22), new(2031, 6, 2), new(2031, 4, 26) },
        { 2032, new(2032, 3, 29), new(2032, 5, 6), new(2032, 5, 17), new(2032, 4, 27) },
    };

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 1)]
    [InlineData(2030, 4, 21)]
    [InlineData(2031, 4, 13)]
    [InlineData(2032, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void ComputesEasterSundayByTheGregorianComputus(int year, int month, int day)
    {
        DutchPublicHolidays.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));
    }

    [Theory]
    [MemberData(nameof(KnownYears))]
    public void ListsEveryLegalHolidayOfTheYearOnItsDate(
        int year, DateOnly easterMonday, DateOnly ascensionDay, DateOnly whitMonday, DateOnly kingsDay)
    {
        var byKey = DutchPublicHolidays.In(year).ToDictionary(holiday => holiday.Key, holiday => holiday.Date);

        byKey.ShouldBe(new Dictionary<string, DateOnly>
        {
            [PublicHolidayKey.NewYearsDay] = new(year, 1, 1),
            [PublicHolidayKey.EasterMonday] = easterMonday,
            [PublicHolidayKey.AscensionDay] = ascensionDay,
            [PublicHolidayKey.WhitMonday] = whitMonday,
            [PublicHolidayKey.KingsDay] = kingsDay,
            [PublicHolidayKey.LiberationDay] = new(year, 5, 5),
            [PublicHolidayKey.ChristmasDay] = new(year, 12, 25),
            [PublicHolidayKey.BoxingDay] = new(year, 12, 26),
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2031)]
    public void MovesKingsDayToTheTwentySixthWhenTheTwentySeventhIsASunday(int year)
    {
        new DateOnly(year, 4, 27).DayOfWeek.ShouldBe(DayOfWeek.Sunday);

        DutchPublicHolidays.KingsDay(year).ShouldBe(new DateOnly(year, 4, 26));
    }

    [Fact]
    public void KeepsKingsDayOnTheTwentySeventhWhenItIsASaturday()
    {
        DutchPublicHolidays.KingsDay(2024).ShouldBe(new DateOnly(2024, 4, 27));
    }

    [Fact]
    public void CountsLiberationDayEveryYearAsTheSpecLists()
    {
        DutchPublicHolidays.In(2027).ShouldContain(holiday => holiday.Key == PublicHolidayKey.LiberationDay && holiday.Date == new DateOnly(2027, 5, 5));
    }

    [Fact]
    public void NamesEveryHolidayInDutchAndEnglish()
    {
        var holidays = DutchPublicHolidays.In(2026);

        holidays.Count.ShouldBe(8);
        holidays.Select(holiday => holiday.Key).Distinct().Count().ShouldBe(8);
        holidays.Single(holiday => holiday.Key == PublicHolidayKey.KingsDay).Name.In("nl").ShouldBe("Koningsdag");
        holidays.Single(holiday => holiday.Key == PublicHolidayKey.AscensionDay).Name.In("en").ShouldBe("Ascension Day");
        holidays.ShouldAllBe(holiday => holiday.Name.Nl.Length > 0 && holiday.Name.En.Length > 0);
    }

    [Fact]
    public void ListsTheHolidaysInDateOrder()
    {
        var dates = DutchPublicHolidays.In(2030).Select(holiday => holiday.Date).ToList();

        dates.ShouldBe(dates.Order().ToList());
    }

    [Fact]
    public void KeepsBothHolidaysWhenAscensionDayFallsOnLiberationDay()
    {
        // Easter 2016 was 27 March, so Ascension Day was 5 May.
        var holidays = DutchPublicHolidays.In(2016).Where(holiday => holiday.Date == new DateOnly(2016, 5, 5));

        holidays.Select(holiday => holiday.Key).ShouldBe([PublicHolidayKey.AscensionDay, PublicHolidayKey.LiberationDay], ignoreOrder: true);
    }

    [Theory]
    [InlineData(1582)]
    [InlineData(10000)]
    public void RefusesYearsOutsideTheGregorianCalendar(int year)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DutchPublicHolidays.In(year));
    }
}
