using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Web.Tests.Infrastructure;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// Take on a plain queue row (ADR 0054). A class of its own, so its own database: taking R1, the one unassigned case, empties
/// the officer's unassigned queue that <see cref="QueueRowsTests"/> reads (in a shared database the result hung on test order).
/// </summary>
public sealed class QueueRowTakeTests : MudBunitContext, IClassFixture<QueueDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly QueueSeed _seed;

    public QueueRowTakeTests(QueueDatabase database)
    {
        _seed = database.Seed;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(database.Factory.Services));
    }

    private IRenderedComponent<QueuePage> RenderQueue(System.Security.Claims.ClaimsPrincipal caller, string address)
    {
        SignIn(caller);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=open-request]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static IElement Row(IRenderedComponent<QueuePage> page, string reference) =>
        page.FindAll("tr").Single(row => row.QuerySelector("[data-testid=open-request]")?.TextContent == reference);

    [Fact]
    public void TakeOnARowPutsTheCaseOnTheOfficersName()
    {
        var page = RenderQueue(_seed.Officer, "/requests?filter=unassigned");
        var take = Row(page, _seed["R1"]).QuerySelector("button[data-testid=take]")!;
        take.GetAttribute("type").ShouldBe("button");
        take.GetAttribute("aria-label").ShouldBe("Oppakken: " + _seed["R1"]);
        take.TextContent.Trim().ShouldBe("Oppakken");

        take.Click();

        // Only a case that was taken leaves the unassigned filter (a refusal reloads the same rows).
        page.WaitForAssertion(() => page.FindAll("[data-testid=open-request]").Select(e => e.TextContent).ShouldNotContain(_seed["R1"]), Wait);
    }
}
