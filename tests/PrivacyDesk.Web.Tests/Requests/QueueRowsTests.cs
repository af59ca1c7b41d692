using AngleSharp.Dom;
using MudBlazor;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// The queue's rows are plain markup with MudBlazor's classes (issue 17: a component per cell made the circuit heavy):
/// the link, check box and Take button still work, say which request they are for, and no cell holds a component.
/// Its own database, because taking a case changes the queue the other page tests read.
/// </summary>
public sealed class QueueRowsTests(QueueDatabase database) : QueueRowsContext(database)
{
    [Fact]
    public void TheRowsLinkIsAPlainLinkToTheCaseByReference()
    {
        var page = RenderQueue(Seed.Lead);

        var link = Row(page, Seed["R2"]).QuerySelector("[data-testid=open-request]")!;
        link.TagName.ShouldBe("A");
        link.GetAttribute("href").ShouldBe("/requests/" + Seed["R2"]);
        Row(page, Seed["R2"]).QuerySelector("[data-testid=status-chip]")!.ClassList.ShouldContain("mud-chip-outlined");
        Row(page, Seed["R3"]).QuerySelector("[data-testid=sla-chip]")!.ClassList.ShouldContain("mud-chip-color-error");
        Row(page, Seed["R3"]).QuerySelector("[data-testid=sla-chip] svg")!.GetAttribute("aria-hidden").ShouldBe("true");
    }

    [Fact]
    public void ARowsCheckBoxSelectsThatRequestAndTheHeaderSelectsThePage()
    {
        var page = RenderQueue(Seed.Lead);
        var box = Row(page, Seed["R1"]).QuerySelector("input[type=checkbox]")!;
        box.GetAttribute("aria-label").ShouldBe(Seed["R1"] + " selecteren");

        box.Change(true);

        page.WaitForAssertion(() => page.Find("[data-testid=bulk-bar]").TextContent.ShouldContain("1 geselecteerd"), Wait);
        Row(page, Seed["R1"]).QuerySelector("input[type=checkbox]")!.IsChecked().ShouldBeTrue();
        Row(page, Seed["R2"]).QuerySelector("input[type=checkbox]")!.IsChecked().ShouldBeFalse();

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
        var page = RenderQueue(who == "lead" ? Seed.Lead : Seed.Officer, address);
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
