using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Dashboard;

/// <summary>The dashboard's card subtitles count their answers in the singular and plural of each language.</summary>
public sealed class DashboardTextTests : MudBunitContext
{
    [Theory]
    [InlineData(LocalizationSetup.Dutch, 1, "Laatste 90 dagen · 1 antwoord")]
    [InlineData(LocalizationSetup.Dutch, 3, "Laatste 90 dagen · 3 antwoorden")]
    [InlineData(LocalizationSetup.English, 1, "Last 90 days · 1 answer")]
    [InlineData(LocalizationSetup.English, 0, "Last 90 days · 0 answers")]
    public void AnswersInThePeriodReadRightForOneAndForMany(string culture, int answers, string expected)
    {
        UseCulture(culture);
        var text = Services.GetRequiredService<IStringLocalizer<DashboardText>>();

        text.Count("Card.InPeriod", answers, 90).ShouldBe(expected);
    }
}
