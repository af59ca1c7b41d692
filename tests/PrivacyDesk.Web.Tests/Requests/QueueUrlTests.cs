using Microsoft.AspNetCore.WebUtilities;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Tests.Requests;

public sealed class QueueUrlTests
{
    private static readonly QueueFilter[] Everything = Enum.GetValues<QueueFilter>();

    private static readonly DaySpan Week = new(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8));

    /// <summary>Writes the address, reads it back through a real query-string parser, as the browser and Blazor do.</summary>
    internal static Dictionary<string, string?> QueryOf(string address) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), address).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());

    private static QueueUrl Read(string address, params QueueFilter[] allowed) =>
        QueueUrl.Parse(QueryOf(address), allowed.Length == 0 ? Everything : allowed);

    private static readonly QueueUrl[] Addresses =
    [
        new QueueUrl(),
        new QueueUrl(QueueFilter.Overdue, Page: 3),
        new QueueUrl(QueueFilter.Closed, QueueSort.Received, true),
        new QueueUrl(QueueFilter.Closed, QueueSort.Deadline, false, 1),
        new QueueUrl(QueueFilter.Mine, QueueSort.Reference, true),
        new QueueUrl(QueueFilter.DueWithinWeek, Type: RequestType.AutomatedDecisionReview, Age: AgeBucket.Days29Plus, Handler: "staff 7/ä&x=1", Status: RequestStatus.AwaitingApproval),
        new QueueUrl(Received: Week, Answered: new DaySpan(Week.From, Week.From)),
    ];

    [Fact]
    public void EveryAddressReadsBackAsItWasWritten()
    {
        foreach (var url in Addresses)
        {
            Read(url.ToString()).ShouldBe(url, url.ToString());
        }
    }

    [Fact]
    public void DefaultsAreLeftOutOfTheAddress()
    {
        new QueueUrl().ToString().ShouldBe("/requests");
        new QueueUrl(QueueFilter.Closed, QueueSort.Received, true).ToString().ShouldBe("/requests?filter=closed", "closed work sorts by recency by default");
        new QueueUrl(QueueFilter.Closed, QueueSort.Deadline, false).ToString().ShouldBe("/requests?filter=closed&sort=due");
        new QueueUrl(QueueFilter.Overdue, Page: 1, Type: RequestType.Erasure, Received: Week).ToString()
            .ShouldBe("/requests?filter=overdue&page=2&type=erasure&received=2026-11-02..2026-11-08");
    }

    [Theory]
    [InlineData("/requests?filter=everything&sort=sideways&page=abc")]
    [InlineData("/requests?page=0&type=parking-ticket&age=100-200&status=lost")]
    [InlineData("/requests?page=-3&received=2026-11-08..2026-11-02&answered=yesterday")]
    [InlineData("/requests?page=99999999999&received=2025-01-01..2026-12-31&handler=%20%20")]
    [InlineData("/requests?sort=&filter=")]
    public void UnknownOrMalformedValuesAreIgnoredForTheirDefaults(string address)
    {
        Read(address).ShouldBe(new QueueUrl());
    }

    [Fact]
    public void SlugsAreReadWhateverTheirCase()
    {
        Read("/requests?filter=OVERDUE&type=Erasure&age=Extended").ShouldBe(new QueueUrl(QueueFilter.Overdue, Type: RequestType.Erasure, Age: AgeBucket.Extended));
    }

    [Fact]
    public void AQuickFilterTheCallerMayNotUseFallsBackToAllOpenRequestsSortedByUrgency()
    {
        var url = Read("/requests?filter=awaiting-approval&page=2", QueueFilter.Open, QueueFilter.Closed);

        url.ShouldBe(new QueueUrl(Page: 1));
    }

    [Fact]
    public void AnotherQuickFilterStartsAfreshWithItsOwnOrder()
    {
        var narrowed = new QueueUrl(QueueFilter.Open, QueueSort.Reference, false, 4, RequestType.Access, Handler: "h1");

        narrowed.WithFilter(QueueFilter.Closed).ShouldBe(new QueueUrl(QueueFilter.Closed, QueueSort.Received, true));
    }

    [Fact]
    public void ChoosingTheFilterInForceKeepsTheDrillDownButResetsOrderAndPage()
    {
        var narrowed = new QueueUrl(QueueFilter.Open, QueueSort.Reference, false, 4, RequestType.Access, Handler: "h1");

        narrowed.WithFilter(QueueFilter.Open).ShouldBe(new QueueUrl(QueueFilter.Open, QueueSort.Deadline, false, 0, RequestType.Access, Handler: "h1"));
    }

    [Fact]
    public void SortingStartsAtTheFirstPageAndKeepsTheDrillDown()
    {
        var url = new QueueUrl(QueueFilter.Overdue, Page: 3, Age: AgeBucket.Extended);

        url.WithSort("-received").ShouldBe(url with { Sort = QueueSort.Received, Descending = true, Page = 0 });
        url.WithSort("sideways").ShouldBe(url, "an unknown order changes nothing");
        url.WithPage(5).ShouldBe(url with { Page = 5 });
        url.WithPage(-1).Page.ShouldBe(0);
    }

    [Fact]
    public void EverySortOptionReadsBackAsItself()
    {
        foreach (var slug in QueueUrl.SortOptions)
        {
            new QueueUrl().WithSort(slug).SortSlug.ShouldBe(slug);
        }
    }

    [Fact]
    public void ADashboardDaySpanMeansNoQuickFilterIsInForce()
    {
        new QueueUrl(QueueFilter.Open).Shows(QueueFilter.Open).ShouldBeTrue();
        new QueueUrl(QueueFilter.Open).Shows(QueueFilter.Closed).ShouldBeFalse();
        new QueueUrl(QueueFilter.Open, Answered: Week).Shows(QueueFilter.Open).ShouldBeFalse();
        new QueueUrl(QueueFilter.Open, Type: RequestType.Access).Shows(QueueFilter.Open).ShouldBeTrue("a type narrows the quick filter, it does not replace it");
        new QueueUrl(Handler: "h1").Narrowed.ShouldBeTrue();
        new QueueUrl(QueueFilter.Closed).Narrowed.ShouldBeFalse();
    }
}
