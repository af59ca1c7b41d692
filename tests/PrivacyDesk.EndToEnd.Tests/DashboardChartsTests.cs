using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// The dashboard's charts read at a desk and on a phone: axis ticks at text size, labels neither cut off nor on top of
/// each other, and every chart as wide as its card.
/// </summary>
public sealed class DashboardChartsTests(RunningApp app)
{
    /// <summary>Per chart: the smallest tick height, labels outside the chart, overlapping neighbours, and chart vs card width.</summary>
    private const string Measure = """
        () => [...document.querySelectorAll('[data-testid^=chart-]')].filter(c => c.querySelector('svg')).map(card => {
            const svg = card.querySelector('svg');
            const box = svg.getBoundingClientRect();
            const ticks = [...svg.querySelectorAll('.mud-charts-xaxis text, .mud-charts-yaxis text')].filter(t => t.textContent.trim());
            // Turned labels lie parallel: their bounding boxes overlap although the text does not, so only level ones are compared.
            const rects = ticks.map(t => ({ text: t.textContent.trim(), r: t.getBoundingClientRect(), x: t.closest('.mud-charts-xaxis') !== null && !/rotate\((?!0[ ,)])/.test(t.getAttribute('transform') || '') }));
            // Cut off means outside the card: a label may use the card's padding.
            const edge = card.getBoundingClientRect();
            const outside = rects.filter(t => t.r.left < edge.left + 1 || t.r.right > edge.right - 1).map(t => t.text);
            const xs = rects.filter(t => t.x).sort((a, b) => a.r.left - b.r.left);
            const overlapping = [];
            for (let i = 1; i < xs.length; i++) {
                const a = xs[i - 1].r, b = xs[i].r;
                if (a.right > b.left + 1 && a.bottom > b.top + 1 && b.bottom > a.top + 1) overlapping.push(xs[i - 1].text + ' / ' + xs[i].text);
            }
            // The drawing keeps its aspect ratio inside the svg box: its width is the viewBox scaled by the smaller factor.
            const vb = svg.viewBox.baseVal;
            const drawn = vb.width * Math.min(box.width / vb.width, box.height / vb.height);
            const room = svg.closest('.mud-chart');
            const style = getComputedStyle(room);
            const inner = room.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return {
                Chart: card.dataset.testid,
                SmallestFont: Math.min(...ticks.map(t => parseFloat(getComputedStyle(t).fontSize) * box.width / svg.viewBox.baseVal.width)),
                YTicks: svg.querySelectorAll('.mud-charts-yaxis text').length,
                Outside: outside, Overlapping: overlapping,
                WidthShare: drawn / inner,
            };
        })
        """;

    [Theory]
    [InlineData("nl-NL", 1440)]
    [InlineData("en-GB", 1440)]
    [InlineData("nl-NL", 390)]
    [InlineData("en-GB", 390)]
    public async Task EveryChartHasReadableTicksThatFitAndUsesItsCard(string culture, int width)
    {
        var page = await app.NewPageAsync(culture, width, width < 600 ? 844 : 900);
        await page.SignInAsync("lead@privacydesk.test");
        await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex("^/requests"), "sign-in");
        await page.GotoAsync("/dashboard");
        await page.WaitForSelectorAsync("[data-testid=chart-monthly] svg .mud-charts-xaxis text");

        var charts = await SettledAsync(page);
        await page.ScreenshotAsync($"dashboard-charts-{culture}-{width}");

        charts.Length.ShouldBe(5, "the retention card draws no chart while nothing in the ledger ends within a year");
        foreach (var chart in charts)
        {
            chart.SmallestFont.ShouldBeGreaterThanOrEqualTo(11, $"{chart.Chart}: tick text drawn at {chart.SmallestFont:0.#} px");
            chart.YTicks.ShouldBeGreaterThanOrEqualTo(3, $"{chart.Chart}: a scale needs more than its two ends");
            chart.Outside.ShouldBeEmpty($"{chart.Chart}: labels cut off at the chart's edge");
            chart.Overlapping.ShouldBeEmpty($"{chart.Chart}: labels drawn over each other");
            chart.WidthShare.ShouldBeGreaterThan(0.95, $"{chart.Chart}: the chart leaves its card half empty");
        }
    }

    /// <summary>The charts measure their card after the first render and draw again: measures once two readings agree.</summary>
    private static async Task<ChartLook[]> SettledAsync(Microsoft.Playwright.IPage page)
    {
        var last = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var charts = await page.EvaluateAsync<ChartLook[]>(Measure);
            var now = System.Text.Json.JsonSerializer.Serialize(charts);
            if (now == last)
            {
                return charts;
            }
            last = now;
            await Task.Delay(500);
        }
        throw new TimeoutException("The dashboard's charts kept changing size for 10 seconds.");
    }

    public sealed class ChartLook
    {
        public string Chart { get; set; } = "";
        public double SmallestFont { get; set; }
        public int YTicks { get; set; }
        public string[] Outside { get; set; } = [];
        public string[] Overlapping { get; set; } = [];
        public double WidthShare { get; set; }
    }
}
