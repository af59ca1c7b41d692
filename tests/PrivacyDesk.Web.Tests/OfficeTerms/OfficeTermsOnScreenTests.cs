using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Dashboard;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.OfficeTerms;

/// <summary>The queue names request types, statuses and channels with the glossary's words, in Dutch and in English.</summary>
public sealed class OfficeTermsInTheQueueTests : MudBunitContext, IClassFixture<QueueDatabase>
{
    private readonly QueueSeed _seed;

    public OfficeTermsInTheQueueTests(QueueDatabase database)
    {
        _seed = database.Seed;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(database.Factory.Services));
    }

    [Theory]
    [InlineData(LocalizationSetup.Dutch, "nl")]
    [InlineData(LocalizationSetup.English, "en")]
    public void TheQueueSaysTheRequestTypeAndStatusInTheGlossarysWords(string culture, string language)
    {
        UseCulture(culture);
        SignIn("Test lead", StaffRole.TeamLead);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/requests");
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=open-request]").ShouldNotBeEmpty(), TimeSpan.FromSeconds(10));

        // R2 is an erasure that is in progress (QueueSeed).
        var row = page.FindAll("tr").Single(r => r.QuerySelector("[data-testid=open-request]")?.TextContent == _seed["R2"]);
        row.QuerySelector("[data-testid=request-type]")!.TextContent.Trim().ShouldBe(Glossary.Term(RequestType.Erasure).In(language));
        var statuses = Enum.GetValues<RequestStatus>().Select(s => Glossary.Term(s).In(language)).ToList();
        page.FindAll("[data-testid=status-chip]").Select(c => c.TextContent.Trim()).ShouldAllBe(text => statuses.Contains(text));
    }
}

/// <summary>The dashboard's CSV names request types with the glossary's words, in the downloader's language.</summary>
public sealed class OfficeTermsInTheDashboardCsvTests(DashboardDatabase database) : IClassFixture<DashboardDatabase>
{
    [Theory]
    [InlineData("nl-NL", "nl", "Open per soort")]
    [InlineData("en-GB", "en", "Open by type")]
    public async Task TheOpenByTypeRowsUseTheGlossarysRequestTypes(string acceptLanguage, string language, string section)
    {
        using var client = await SignedInClient.CreateAsync(database.Factory, "lead@privacydesk.test");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await client.GetAsync(new Uri("/dashboard/export/sla.csv?period=90", UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync(Xunit.TestContext.Current.CancellationToken);
        var items = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(';'))
            .Where(cells => cells[0] == section)
            .Select(cells => cells[1])
            .ToList();
        items.ShouldNotBeEmpty();
        var types = Enum.GetValues<RequestType>().Select(t => Glossary.Term(t).In(language)).ToList();
        items.ShouldAllBe(item => types.Contains(item));
    }
}
