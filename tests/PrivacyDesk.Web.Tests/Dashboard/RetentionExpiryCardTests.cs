using PrivacyDesk.Web.Components.Pages.Dashboard;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Dashboard;

/// <summary>The dashboard's retention card (issue 15): a sentence while nothing ends within a year, the bars once something does.</summary>
public sealed class RetentionExpiryCardTests : MudBunitContext
{
    private static IReadOnlyList<ExpiryMonth> Year(params int[] counts) =>
        [.. counts.Select((count, i) => new ExpiryMonth(2027, i + 1, count))];

    [Fact]
    public void NothingEndingWithinAYearIsSaidInASentenceAndDrawsNoChart()
    {
        UseCulture(LocalizationSetup.Dutch);

        var card = Render<RetentionExpiryCard>(p => p.Add(c => c.Figures, new RetentionExpiries(0, Year(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))));

        card.Find("[data-testid=retention-none-upcoming]").TextContent.ShouldBe("Niets in het bewaarregister verloopt in de komende twaalf maanden.");
        card.FindAll("svg").ShouldBeEmpty();
    }

    [Fact]
    public void EntriesEndingWithinAYearAreDrawnPerMonth()
    {
        UseCulture(LocalizationSetup.English);

        var card = Render<RetentionExpiryCard>(p => p.Add(c => c.Figures, new RetentionExpiries(1, Year(0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0))));

        card.FindAll("[data-testid=retention-none-upcoming]").ShouldBeEmpty();
        card.FindAll("svg").ShouldNotBeEmpty();
        card.Find("[data-testid=retention-upcoming]").TextContent.ShouldBe("5 in the next 12 months");
    }
}
