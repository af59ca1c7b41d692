using System.Globalization;
using System.Text;

namespace PrivacyDesk.Domain.Controller;

/// <summary>
/// When the privacy office answers the phone and receives visitors: the same opening and closing time on
/// each of its days. Structured rather than free text, so a letter can state it in Dutch and in English.
/// </summary>
/// <param name="Days">The days the office is open, Monday first.</param>
public sealed record OfficeHours(IReadOnlyList<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>Monday to Friday, 09:00 to 17:00.</summary>
    public static OfficeHours Weekdays { get; } = new(
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new TimeOnly(9, 0), new TimeOnly(17, 0));

    /// <summary>The week in the order people read it: Monday first, Sunday last.</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
        DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    /// <summary>The same days without repeats, Monday first.</summary>
    public OfficeHours Normalised() => this with { Days = [.. Week.Where((Days ?? []).Contains)] };

    public bool SameAs(OfficeHours? other) =>
        other is not null && Opens == other.Opens && Closes == other.Closes && Normalised().Days.SequenceEqual(other.Normalised().Days);

    /// <summary>
    /// The hours in the reader's language, consecutive days as a range: "ma–vr 09:00–17:00" in Dutch,
    /// "Mon–Fri 09:00–17:00" in English.
    /// </summary>
    public string Describe(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var names = culture.DateTimeFormat.AbbreviatedDayNames;
        var days = Normalised().Days;
        var text = new StringBuilder();
        for (var i = 0; i < days.Count; i++)
        {
            var start = i;
            while (i + 1 < days.Count && Position(days[i + 1]) == Position(days[i]) + 1)
            {
                i++;
            }
            if (text.Length > 0)
            {
                text.Append(", ");
            }
            text.Append(Short(names[(int)days[start]]));
            if (i > start)
            {
                text.Append(i == start + 1 ? ", " : "–").Append(Short(names[(int)days[i]]));
            }
        }
        return FormattableString.Invariant($"{text} {Opens:HH\\:mm}–{Closes:HH\\:mm}");
    }

    private static int Position(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    // Dutch abbreviations carry a dot ("ma."); in a range it only adds noise.
    private static string Short(string name) => name.TrimEnd('.');
}
