using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Dashboard;

namespace PrivacyDesk.Web.Components.Pages.Dashboard;

/// <summary>A figure's label, count and the queue address behind it (the list under a chart, for keyboard and screen reader).</summary>
public sealed record FigureLink(string Label, int Count, string Url);

/// <summary>The dashboard's charts built from its figures: series, labels, and the links behind each bar.</summary>
public sealed class DashboardCharts
{
    // MudBlazor's default tick spacing is a fixed 20 (a 0–20 axis showed two ticks); 0 asks for round steps that fit the data.
    /// <summary>Bars whose category names are long: labels turned so each stays under its bar.</summary>
    public static readonly BarChartOptions Rotated = new() { XAxisLabelRotation = 40, YAxisTicks = 0, MaxNumYAxisTicks = 5, YAxisFormat = "N0" };

    /// <summary>Bars with a few short labels side by side.</summary>
    public static readonly BarChartOptions Bars = new() { YAxisTicks = 0, MaxNumYAxisTicks = 5, YAxisFormat = "N0" };

    /// <summary>26 weeks: every fourth week named, the rest left blank by the chart itself.</summary>
    public static readonly BarChartOptions Weekly = new() { XAxisLabelInterval = WeekLabelInterval, YAxisTicks = 0, MaxNumYAxisTicks = 5, YAxisFormat = "N0" };

    /// <summary>A percentage from 0 to 100 in steps of 20, whatever the months' values; every other month named (12 fit at 390 px no other way).</summary>
    public static readonly LineChartOptions Percentages = new() { YAxisTicks = 20, YAxisSuggestedMax = 100, YAxisRequireZeroPoint = true, XAxisLabelInterval = 2, YAxisFormat = "0' %'" };

    /// <summary>Three handlers' names fit side by side at 390 px (four overlapped); more are turned so each stays under its bars.</summary>
    public BarChartOptions WorkloadOptions { get; private init; } = Bars;

    private const int HandlersSideBySide = 3;

    private const int WeekLabelInterval = 4;

    public List<ChartSeries<double>> WeeklySeries { get; private init; } = [];
    public string[] WeeklyLabels { get; private init; } = [];
    public List<ChartSeries<double>> TypeSeries { get; private init; } = [];
    public string[] TypeLabels { get; private init; } = [];
    public IReadOnlyList<FigureLink> TypeLinks { get; private init; } = [];
    public List<ChartSeries<double>> AgeSeries { get; private init; } = [];
    public string[] AgeLabels { get; private init; } = [];
    public IReadOnlyList<FigureLink> AgeLinks { get; private init; } = [];
    public List<ChartSeries<double>> WorkloadSeries { get; private init; } = [];
    public string[] WorkloadLabels { get; private init; } = [];
    public List<ChartSeries<double>> MonthSeries { get; private init; } = [];
    public string[] MonthLabels { get; private init; } = [];

    public static DashboardCharts From(SlaDashboardFigures f, DashboardState state, IStringLocalizer<DashboardText> text, IStringLocalizer<QueueText> queue)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(queue);
        var top = f.Workload.Take(12).ToList();
        return new DashboardCharts
        {
            WeeklyLabels = [.. f.Weeks.Select(w => w.WeekStart.ToString("d MMM", CultureInfo.CurrentCulture))],
            WeeklySeries =
            [
                Series(text["Series.Received"], f.Weeks.Select(w => (double)w.Received)),
                Series(text["Series.Answered"], f.Weeks.Select(w => (double)w.Answered)),
            ],
            TypeLinks = [.. f.OpenByType.Select(t => new FigureLink(Terms.Of(t.Type), t.Open, state.Link(type: t.Type)))],
            TypeLabels = [.. f.OpenByType.Select(t => Clip(Terms.Of(t.Type)))],
            TypeSeries = [Series(text["Series.Open"], f.OpenByType.Select(t => (double)t.Open))],
            AgeLinks = [.. f.Ageing.Select(a => new FigureLink(queue["Age." + a.Bucket].Value, a.Open, state.Link(age: a.Bucket)))],
            AgeLabels = [.. f.Ageing.Select(a => queue["Age." + a.Bucket].Value)],
            AgeSeries = [Series(text["Series.Open"], f.Ageing.Select(a => (double)a.Open))],
            WorkloadLabels = [.. top.Select(w => Clip(w.HandlerName ?? text["Unassigned"]))],
            WorkloadOptions = top.Count > HandlersSideBySide ? Rotated : Bars,
            WorkloadSeries =
            [
                Series(text["Workload.Open"], top.Select(w => (double)w.Open)),
                Series(text["Workload.DueSoon"], top.Select(w => (double)w.DueSoon)),
                Series(text["Workload.Overdue"], top.Select(w => (double)w.Overdue)),
            ],
            MonthLabels = [.. f.OnTimeByMonth.Select(m => new DateOnly(m.Year, m.Month, 1).ToString("MMM yy", CultureInfo.CurrentCulture))],
            // A month without answers has no percentage: a gap in the line, not 0 %.
            MonthSeries = [Series(text["Series.OnTime"], f.OnTimeByMonth.Select(m => m.OnTimePercent))],
        };
    }

    private static ChartSeries<double> Series(string name, IEnumerable<double> data) => new() { Name = name, Data = new ChartData<double>([.. data]) };

    private static ChartSeries<double> Series(string name, IEnumerable<double?> data) => new() { Name = name, Data = new ChartData<double>([.. data]) };

    /// <summary>A bar's label is cut to fit under it; the list beneath has the whole name.</summary>
    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= 14 ? text : text[..13] + "…";
    }

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>The on-time colour: 95 % and up is good, 80 % and up a warning, below that an error; no figure, no colour.</summary>
    public static Color Quality(double? percent) => percent switch
    {
        null => Color.Default,
        >= 95 => Color.Success,
        >= 80 => Color.Warning,
        _ => Color.Error,
    };
}
