using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// The queue's rows are plain markup with MudBlazor's classes (issue 17: a component per cell made the circuit heavy):
/// the link, check box and Take button still work, say which request they are for, and no cell holds a component.
/// Its own database, because taking a case changes the queue the other page tests read.
/// </summary>
public sealed class QueueRowsTests : MudBunitContext, IClassFixture<QueueDatabase>
{
    // The first render of the class seeds and queries a real database; on a loaded two-core CI machine that took over 10 s once.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly QueueSeed _seed;

    public QueueRowsTests(QueueDatabase database)
    {
        _seed = database.Seed;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(database.Factory.Services));
    }

    private IRenderedComponent<QueuePage> RenderQueue(System.Security.Claims.ClaimsPrincipal caller, string address = "/requests")
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
    public void TheRowsLinkIsAPlainLinkToTheCaseByReference()
    {
        var page = RenderQueue(_seed.Lead);

        var link = Row(page, _seed["R2"]).QuerySelector("[data-testid=open-request]")!;
        link.TagName.ShouldBe("A");
        link.GetAttribute("href").ShouldBe("/requests/" + _seed["R2"]);
        Row(page, _seed["R2"]).QuerySelector("[data-testid=status-chip]")!.ClassList.ShouldContain("mud-chip-outlined");
        Row(page, _seed["R3"]).QuerySelector("[data-testid=sla-chip]")!.ClassList.ShouldContain("mud-chip-color-error");
        Row(page, _seed["R3"]).QuerySelector("[data-testid=sla-chip] svg")!.GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Fact]
    public void ARowsCheckBoxSelectsThatRequestAndTheHeaderSelectsThePage()
    {
        var page = RenderQueue(_seed.Lead);
        var box = Row(page, _seed["R1"]).QuerySelector("input[type=checkbox]")!;
        box.GetAttribute("aria-label").ShouldBe(_seed["R1"] + " selecteren");

        box.Change(true);

        page.WaitForAssertion(() => page.Find("[data-testid=bulk-bar]").TextContent.ShouldContain("1 geselecteerd"), Wait);
        Row(page, _seed["R1"]).QuerySelector("input[type=checkbox]")!.IsChecked().ShouldBeTrue();
        Row(page, _seed["R2"]).QuerySelector("input[type=checkbox]")!.IsChecked().ShouldBeFalse();

        page.Find("input[data-testid=select-all]").Change(true);

        var rows = page.FindAll("[data-testid=open-request]").Count;
        page.WaitForAssertion(() => page.Find("[data-testid=bulk-bar]").TextContent.ShouldContain(rows + " geselecteerd"), Wait);
        page.FindAll("tbody input[type=checkbox]").ShouldAllBe(b => b.IsChecked());
    }

    [Theory]
    [InlineData("officer", "/requests?filter=unassigned", "[data-testid=take]")]
    [InlineData("lead", "/requests", "tbody input[type=checkbox]")]
    public void NoCellOfTheGridIsAComponent(string who, string address, string action)
    {
        var page = RenderQueue(who == "lead" ? _seed.Lead : _seed.Officer, address);
        page.FindAll(action).ShouldNotBeEmpty();

        var grid = page.FindComponent<MudDataGrid<QueueRow>>();
        grid.FindComponents<MudLink>().ShouldBeEmpty();
        grid.FindComponents<MudText>().ShouldBeEmpty();
        grid.FindComponents<MudChip<string>>().ShouldBeEmpty();
        grid.FindComponents<MudButton>().ShouldBeEmpty();
        grid.FindComponents<MudCheckBox<bool>>().ShouldBeEmpty("the header's select-all is the grid's one check box component");
        grid.FindComponents<MudIcon>().Count.ShouldBeLessThanOrEqualTo(1, "the header check box's icon at most");
    }
}
