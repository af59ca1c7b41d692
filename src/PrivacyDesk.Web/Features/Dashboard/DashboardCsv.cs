using System.Globalization;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Documents.Csv;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures as CSV, one row per figure or bar: section, item and up to three values.
/// Written by the product's one CSV writer (<see cref="CsvFile"/>: <c>;</c>, UTF-8 with a byte-order
/// mark, formula-safe cells). Percentages and days in the current culture; dates ISO.
/// </summary>
public static class DashboardCsv
{
    /// <param name="language">"nl" or "en": request types are the office's terms (<see cref="Glossary"/>).</param>
    public static byte[] Build(SlaDashboardFigures figures, IStringLocalizer<DashboardText> text, string language)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(text);
        var csv = new CsvFile();
        Line(csv, text["Csv.Section"], text["Csv.Item"], text["Csv.Value"], text["Csv.Value2"], text["Csv.Value3"]);
        var h = figures.Headline;
        var headline = text["Csv.Headline"].Value;
        Line(csv, headline, text["Card.Open"], Number(h.Open));
        Line(csv, headline, text["Card.Overdue"], Number(h.Overdue));
        Line(csv, headline, text["Card.DueWithinWeek"], Number(h.DueWithinWeek));
        Line(csv, headline, text["Card.AwaitingApproval"], Number(h.AwaitingApproval));
        Line(csv, headline, text["Card.OnTime30"], Percent(h.OnTime30), Number(h.Answered30));
        Line(csv, headline, text["Card.OnTime90"], Percent(h.OnTime90), Number(h.Answered90));
        Line(csv, headline, text["Card.MedianDays"], Number(h.MedianDays), Number(h.AnsweredInPeriod));
        Line(csv, headline, text["Card.Percentile90Days"], Number(h.Percentile90Days), Number(h.AnsweredInPeriod));
        Line(csv, headline, text["Card.ExtensionRate"], Percent(h.ExtensionRate), Number(h.AnsweredInPeriod));
        Line(csv, headline, text["Card.RefusalRate"], Percent(h.RefusalRate), Number(h.AnsweredInPeriod));
        foreach (var week in figures.Weeks)
        {
            Line(csv, text["Chart.Weekly"], Iso(week.WeekStart), Number(week.Received), Number(week.Answered));
        }
        foreach (var type in figures.OpenByType)
        {
            Line(csv, text["Chart.ByType"], Glossary.Name(type.Type, language), Number(type.Open));
        }
        foreach (var age in figures.Ageing)
        {
            Line(csv, text["Chart.Ageing"], text["Age." + age.Bucket], Number(age.Open));
        }
        foreach (var officer in figures.Workload)
        {
            Line(csv, text["Chart.Workload"], officer.HandlerName ?? text["Unassigned"], Number(officer.Open), Number(officer.DueSoon), Number(officer.Overdue));
        }
        foreach (var month in figures.OnTimeByMonth)
        {
            Line(csv, text["Chart.OnTimeByMonth"], string.Create(CultureInfo.InvariantCulture, $"{month.Year:D4}-{month.Month:D2}"),
                Number(month.Answered), Number(month.OnTime), Percent(month.OnTimePercent));
        }
        foreach (var risk in figures.Breaches)
        {
            Line(csv, text["Breach.Title"], risk.Reference, Iso(risk.DueOn), risk.HandlerName ?? text["Unassigned"], Glossary.Name(risk.Type, language));
        }
        return csv.ToBytes();
    }

    private static void Line(CsvFile csv, params string?[] cells) => csv.Row(cells);

    private static string Number(int? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "";

    private static string Percent(double? value) => value?.ToString("F1", CultureInfo.CurrentCulture) ?? "";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
