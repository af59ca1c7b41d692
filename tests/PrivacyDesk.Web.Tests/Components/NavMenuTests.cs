using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Interfaces;
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

    [Fact]
    public void TheEntriesArePlainLinksNotAComponentEach()
    {
        SignIn("Test User", StaffRole.TeamLead, StaffRole.Administrator);

        var menu = Render<NavMenu>();

        // Issue 17 (ADR 0059): a MudNavLink was an AuthorizeView, a MudNavLink, a NavLink and a MudIcon in every open page.
        menu.FindComponents<AuthorizeView>().ShouldBeEmpty();
        menu.FindComponents<MudNavLink>().ShouldBeEmpty();
        menu.FindComponents<NavLink>().ShouldBeEmpty();
        menu.FindComponents<MudIcon>().ShouldBeEmpty();
        var entries = menu.FindAll("[data-testid^=nav-]");
        entries.Count.ShouldBe(NavEntry.All.Count);
        entries.ShouldAllBe(e => e.TagName == "A" && e.ClassList.Contains("mud-nav-link") && !string.IsNullOrEmpty(e.GetAttribute("href")));
        entries.ShouldAllBe(e => e.QuerySelector("svg.mud-nav-link-icon") != null);
    }

    [Theory]
    [InlineData("requests", "nav-queue")]
    [InlineData("requests/DSR-2026-00001?tab=letters", "nav-queue")]
    [InlineData("requests?filter=overdue", "nav-queue")]
    [InlineData("administration", "nav-administration")]
    [InlineData("administration/controller", "nav-controller")]
    [InlineData("administration/calendar#2027", "nav-calendar")]
    public void MarksTheEntryOfTheCurrentPageAsActive(string address, string active)
    {
        SignIn("Test User", StaffRole.TeamLead, StaffRole.Administrator);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var menu = Render<NavMenu>();

        menu.FindAll("a.active").Select(e => e.GetAttribute("data-testid")).ShouldBe([active]);
        menu.Find($"[data-testid={active}]").GetAttribute("aria-current").ShouldBe("page");
        menu.FindAll("[aria-current]").Count.ShouldBe(1);
    }

    [Fact]
    public void TheActiveEntryFollowsNavigation()
    {
        SignIn("Test User", StaffRole.TeamLead);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("requests");
        var menu = Render<NavMenu>();

        navigation.NavigateTo("register");

        menu.WaitForAssertion(() => menu.FindAll("a.active").Select(e => e.GetAttribute("data-testid")).ShouldBe(["nav-register"]));
        navigation.NavigateTo("registers");
        menu.WaitForAssertion(() => menu.FindAll("a.active").ShouldBeEmpty("a prefix counts only up to a slash"));
    }

    [Fact]
    public void AClickOnAnEntryTellsTheDrawerAsMudNavLinkDid()
    {
        SignIn("Test User", StaffRole.PrivacyOfficer);
        var drawer = new DrawerSpy();

        var menu = Render<NavMenu>(p => p.AddCascadingValue<INavigationEventReceiver>(drawer));
        menu.Find("[data-testid=nav-subjects]").Click();

        drawer.Navigations.ShouldBe(1);
    }

    [Fact]
    public void ANewSignInStateChangesTheEntries()
    {
        var officer = new AuthenticationState(SignIn("Test User", StaffRole.PrivacyOfficer));
        var administrator = new AuthenticationState(Callers.Principal(Guid.NewGuid().ToString(), "Test User", [StaffRole.Administrator]));
        var menu = Render<CascadingValue<Task<AuthenticationState>>>(p => p
            .Add(c => c.Value, Task.FromResult(officer))
            .AddChildContent<NavMenu>());
        menu.FindAll("[data-testid=nav-queue]").ShouldHaveSingleItem();

        menu.Render(p => p.Add(c => c.Value, Task.FromResult(administrator)).AddChildContent<NavMenu>());

        menu.FindAll("[data-testid=nav-queue]").ShouldBeEmpty();
        menu.FindAll("[data-testid=nav-administration]").ShouldHaveSingleItem();
        menu.Render(p => p.Add(c => c.Value, Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())))).AddChildContent<NavMenu>());
        menu.FindAll("[data-testid^=nav-]").ShouldBeEmpty("signed out");
    }

    private sealed class DrawerSpy : INavigationEventReceiver
    {
        public int Navigations { get; private set; }

        public Task OnNavigation()
        {
            Navigations++;
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Each entry's permission is the page's own policy, read from the page: the menu's table (ADR 0059) must never offer a page
    /// to a role the page refuses, nor hide one from a role it admits.
    /// </summary>
    [Fact]
    public void EachEntryIsShownWithThePermissionItsPageRequires()
    {
        var pages = typeof(PrivacyDesk.Web.Components.Layout.NavEntry).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false)
                .Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Select(route => (route.Template, Type: type)))
            .ToDictionary(page => page.Template.TrimStart('/'), page => page.Type, StringComparer.OrdinalIgnoreCase);

        foreach (var entry in PrivacyDesk.Web.Components.Layout.NavEntry.All)
        {
            pages.ShouldContainKey(entry.Href, $"{entry.TestId} leads to no page");
            var policy = pages[entry.Href].GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true)
                .Cast<Microsoft.AspNetCore.Authorization.AuthorizeAttribute>().ShouldHaveSingleItem($"{entry.Href} has one policy").Policy;
            policy.ShouldBe(entry.Permission.ToString(), $"{entry.TestId}: the menu's permission is the page's policy");
        }
    }
}
