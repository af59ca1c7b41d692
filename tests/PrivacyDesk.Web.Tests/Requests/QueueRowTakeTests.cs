namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// Take on a plain queue row (ADR 0054). A class of its own, so its own database: taking R1, the one unassigned case, empties
/// the officer's unassigned queue that <see cref="QueueRowsTests"/> reads (in a shared database the result hung on test order).
/// </summary>
public sealed class QueueRowTakeTests(QueueDatabase database) : QueueRowsContext(database)
{
    [Fact]
    public void TakeOnARowPutsTheCaseOnTheOfficersName()
    {
        var page = RenderQueue(Seed.Officer, "/requests?filter=unassigned");
        var take = Row(page, Seed["R1"]).QuerySelector("button[data-testid=take]")!;
        take.GetAttribute("type").ShouldBe("button");
        take.GetAttribute("aria-label").ShouldBe("Oppakken: " + Seed["R1"]);
        take.TextContent.Trim().ShouldBe("Oppakken");

        take.Click();

        // Only a case that was taken leaves the unassigned filter (a refusal reloads the same rows).
        page.WaitForAssertion(() => page.FindAll("[data-testid=open-request]").Select(e => e.TextContent).ShouldNotContain(Seed["R1"]), Wait);
    }
}
