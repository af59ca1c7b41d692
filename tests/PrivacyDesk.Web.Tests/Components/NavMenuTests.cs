using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Layout;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Components;

public sealed class NavMenuTests : MudBunitContext
{
    public static TheoryData<string, string[]> EntriesPerRole => new()
    {
        { StaffRole.PrivacyOfficer, ["nav-queue", "nav-inbox", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-source-systems"] },
        { StaffRole.TeamLead, ["nav-queue", "nav-inbox", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-source-systems", "nav-outbox", "nav-calendar"] },
        { StaffRole.Auditor, ["nav-queue", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-source-systems", "nav-audit-trail"] },
        { StaffRole.Administrator, ["nav-administration", "nav-controller", "nav-api-keys", "nav-source-systems", "nav-erasures", "nav-outbox", "nav-audit-trail", "nav-calendar"] },
    };

    [Theory]
    [MemberData(nameof(EntriesPerRole))]
    public void ShowsExactlyTheEntriesTheRoleMayUse(string role, string[] expected)
    {
        SignIn("Test User", role);

        var menu = Render<NavMenu>();

        menu.FindAll("[data-testid^=nav-]").Select(e => e.GetAttribute("data-testid")).ShouldBe(expected);
    }

    [Fact]
    public void ACombinationOfRolesShowsTheUnionOfEntries()
    {
        SignIn("Test User", StaffRole.Auditor, StaffRole.Administrator);

        var menu = Render<NavMenu>();

        menu.FindAll("[data-testid^=nav-]").Select(e => e.GetAttribute("data-testid"))
            .ShouldBe(["nav-queue", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-administration", "nav-controller", "nav-api-keys", "nav-source-systems", "nav-erasures", "nav-outbox", "nav-audit-trail", "nav-calendar"]);
    }

    [Fact]
    public void LabelsTheEntriesInDutch()
    {
        SignIn("Test User", StaffRole.TeamLead);

        var menu = Render<NavMenu>();

        menu.Find("[data-testid=nav-queue]").TextContent.Trim().ShouldBe("Wachtrij");
        menu.Find("[data-testid=nav-subjects]").TextContent.Trim().ShouldBe("Betrokkenen");
        menu.Find("[data-testid=nav-calendar]").TextContent.Trim().ShouldBe("Kalender");
    }

    [Fact]
    public void ATeamLeadGetsTheCalendarButNotTheControllerProfile()
    {
        SignIn("Test User", StaffRole.TeamLead);

        var menu = Render<NavMenu>();

        menu.Find("[data-testid=nav-calendar]").GetAttribute("href").ShouldBe("administration/calendar");
        menu.FindAll("[data-testid=nav-controller]").ShouldBeEmpty();
    }
}
