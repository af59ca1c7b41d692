namespace PrivacyDesk.Domain.Deadlines;

/// <summary>
/// The controller's calendar: legal public holidays (computed) and company closing days (data), kept apart.
/// Only weekends and legal holidays decide a legal deadline; closing days are there to be shown.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> _closingDates;
    private readonly IReadOnlyList<PublicHoliday> _additionalLegalHolidays;

    /// <param name="companyClosingDays">Days the company is closed; shown, never moving a legal deadline.</param>
    /// <param name="additionalLegalHolidays">
    /// Days the government has equated with a legal public holiday for one year only; they do move deadlines,
    /// so they are a different type from closing days and cannot be added by mistake as one.
    /// </param>
    public HolidayCalendar(
        IEnumerable<CompanyClosingDay>? companyClosingDays = null, IEnumerable<PublicHoliday>? additionalLegalHolidays = null)
    {
        CompanyClosingDays = [.. (companyClosingDays ?? []).OrderBy(day => day.Date)];
        _closingDates = [.. CompanyClosingDays.Select(day => day.Date)];
        _additionalLegalHolidays = [.. additionalLegalHolidays ?? []];
    }

    /// <summary>The legal public holidays only, with no company closing days.</summary>
    public static HolidayCalendar LegalOnly { get; } = new();

    public IReadOnlyList<CompanyClosingDay> CompanyClosingDays { get; }

    /// <summary>The legal public holidays of <paramref name="year"/> (Atw art. 3 and any additional ones), in date order.</summary>
    public IReadOnlyList<PublicHoliday> LegalHolidaysIn(int year) =>
        _additionalLegalHolidays.Count == 0
            ? DutchPublicHolidays.In(year)
            : [.. DutchPublicHolidays.In(year).Concat(_additionalLegalHolidays.Where(holiday => holiday.Date.Year == year)).OrderBy(holiday => holiday.Date)];

    /// <summary>The legal holidays on <paramref name="date"/>: usually none, two when Ascension Day meets King's or Liberation Day.</summary>
    public IReadOnlyList<PublicHoliday> LegalHolidaysOn(DateOnly date) =>
        [.. LegalHolidaysIn(date.Year).Where(holiday => holiday.Date == date)];

    public bool IsLegalHoliday(DateOnly date) =>
        DutchPublicHolidays.In(date.Year).Any(holiday => holiday.Date == date)
        || _additionalLegalHolidays.Any(holiday => holiday.Date == date);

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A working day for legal deadlines: not a Saturday, Sunday or legal holiday. Company closing days are working days here.</summary>
    public bool IsWorkingDay(DateOnly date) => !IsWeekend(date) && !IsLegalHoliday(date);

    public bool IsCompanyClosingDay(DateOnly date) => _closingDates.Contains(date);

    public IReadOnlyList<CompanyClosingDay> CompanyClosingDaysOn(DateOnly date) =>
        [.. CompanyClosingDays.Where(day => day.Date == date)];

    /// <summary>The date itself when it is a working day, else the next working day (rule 4 of deadlines.md).</summary>
    public DateOnly FirstWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }
        return date;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative,
    /// the working days after <paramref name="to"/> up to and including <paramref name="from"/>, when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysFromTo(DateOnly from, DateOnly to)
    {
        var (start, end, sign) = from <= to ? (from, to, 1) : (to, from, -1);
        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }
        return sign * count;
    }
}
