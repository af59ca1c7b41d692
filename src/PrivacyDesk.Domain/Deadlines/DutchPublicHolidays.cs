using System.Collections.Concurrent;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Deadlines;

/// <summary>A legal public holiday on a date, with a stable key (for data and tests) and its name in Dutch and English.</summary>
public sealed record PublicHoliday(string Key, DateOnly Date, LocalizedText Name);

/// <summary>The stable keys of the Dutch legal public holidays.</summary>
public static class PublicHolidayKey
{
    public const string NewYearsDay = "new_years_day";
    public const string EasterMonday = "easter_monday";
    public const string AscensionDay = "ascension_day";
    public const string WhitMonday = "whit_monday";
    public const string KingsDay = "kings_day";
    public const string LiberationDay = "liberation_day";
    public const string ChristmasDay = "christmas_day";
    public const string BoxingDay = "boxing_day";
}

/// <summary>
/// The public holidays of the Algemene termijnenwet art. 3, as deadlines.md lists them, computed for
/// any Gregorian year. Liberation Day counts every year: the Atw names 5 May without the five-yearly rule of labour agreements.
/// </summary>
public static class DutchPublicHolidays
{
    /// <summary>The first year of the Gregorian calendar, from which the computus holds.</summary>
    public const int FirstYear = 1583;

    public const int LastYear = 9999;

    private static readonly ConcurrentDictionary<int, IReadOnlyList<PublicHoliday>> ByYear = new();

    /// <summary>The legal public holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<PublicHoliday> In(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        return ByYear.GetOrAdd(year, Compute);
    }

    /// <summary>Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>King's Day: 27 April, or the 26th when the 27th is a Sunday.</summary>
    public static DateOnly KingsDay(int year)
    {
        var kingsBirthday = new DateOnly(year, 4, 27);
        return kingsBirthday.DayOfWeek == DayOfWeek.Sunday ? kingsBirthday.AddDays(-1) : kingsBirthday;
    }

    private static IReadOnlyList<PublicHoliday> Compute(int year)
    {
        var easter = EasterSunday(year);
        PublicHoliday[] holidays =
        [
            new(PublicHolidayKey.NewYearsDay, new DateOnly(year, 1, 1), new("Nieuwjaarsdag", "New Year's Day")),
            new(PublicHolidayKey.EasterMonday, easter.AddDays(1), new("Tweede paasdag", "Easter Monday")),
            new(PublicHolidayKey.AscensionDay, easter.AddDays(39), new("Hemelvaartsdag", "Ascension Day")),
            new(PublicHolidayKey.WhitMonday, easter.AddDays(50), new("Tweede pinksterdag", "Whit Monday")),
            new(PublicHolidayKey.KingsDay, KingsDay(year), new("Koningsdag", "King's Day")),
            new(PublicHolidayKey.LiberationDay, new DateOnly(year, 5, 5), new("Bevrijdingsdag", "Liberation Day")),
            new(PublicHolidayKey.ChristmasDay, new DateOnly(year, 12, 25), new("Eerste kerstdag", "Christmas Day")),
            new(PublicHolidayKey.BoxingDay, new DateOnly(year, 12, 26), new("Tweede kerstdag", "Boxing Day")),
        ];
        // Ascension Day can fall on King's Day or Liberation Day; both stay listed, each under its own key.
        return [.. holidays.OrderBy(holiday => holiday.Date)];
    }
}
