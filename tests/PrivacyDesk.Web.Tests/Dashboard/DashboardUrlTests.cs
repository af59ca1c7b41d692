using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Dashboard;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Dashboard;

public sealed class DashboardUrlTests
{
    private static DashboardUrl Read(string address) => DashboardUrl.Parse(QueueUrlTests.QueryOf(address));

    [Fact]
    public void EveryAddressReadsBackAsItWasWritten()
    {
        DashboardUrl[] addresses =
        [
            new(),
            new(30),
            new(365, RequestType.AutomatedDecisionReview),
            new(Type: RequestType.Erasure, QuietDays: 14, HorizonDays: 0),
            new(180, QuietDays: 1, HorizonDays: 60),
        ];
        foreach (var url in addresses)
        {
            Read(url.ToString()).ShouldBe(url, url.ToString());
        }
    }

    [Fact]
    public void DefaultsAreLeftOutOfTheAddress()
    {
        new DashboardUrl().ToString().ShouldBe("/dashboard");
        new DashboardUrl(30, RequestType.Erasure, 3, 21).ToString().ShouldBe("/dashboard?period=30&type=erasure&quiet=3&horizon=21");
        new DashboardUrl(HorizonDays: 14).ToString().ShouldBe("/dashboard?horizon=14");
    }

    [Theory]
    [InlineData("/dashboard?period=ninety&type=parking&quiet=x&horizon=")]
    [InlineData("/dashboard?period=45&quiet=99999999999&horizon=7.5")]
    [InlineData("/dashboard?period=&type=")]
    public void UnknownOrMalformedValuesAreIgnoredForTheirDefaults(string address)
    {
        Read(address).ShouldBe(new DashboardUrl());
    }

    [Fact]
    public void TheForecastsDaysAreKeptWithinBounds()
    {
        Read("/dashboard?quiet=0&horizon=-4").ShouldBe(new DashboardUrl(QuietDays: 1, HorizonDays: 0));
        Read("/dashboard?quiet=500&horizon=500").ShouldBe(new DashboardUrl(QuietDays: 90, HorizonDays: 60));
    }

    [Fact]
    public void TheFiguresAreAskedForWhatTheAddressSays()
    {
        Read("/dashboard?period=365&type=erasure&quiet=3&horizon=14").Query.ShouldBe(new DashboardQuery(365, RequestType.Erasure, 3, 14));
    }

    [Fact]
    public void ATypeIsChosenByItsCodeAndTheEmptyCodeMeansAllTypes()
    {
        var url = new DashboardUrl(30);

        url.WithType("erasure").ShouldBe(new DashboardUrl(30, RequestType.Erasure));
        url.WithType("erasure").TypeSlug.ShouldBe("erasure");
        url.WithType("erasure").WithType("").ShouldBe(url);
        url.WithType(null).TypeSlug.ShouldBe("");
    }
}
