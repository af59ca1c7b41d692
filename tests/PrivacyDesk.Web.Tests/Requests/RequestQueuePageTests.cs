using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Tests.Infrastructure;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The queue page against the real service and a seeded SQLite database, in Dutch.</summary>
public sealed class RequestQueuePageTests(QueueDatabase database) : QueueRowsContext(database)
{
    private IRenderedComponent<QueuePage> RenderQueue(string role, string? filter = null)
    {
        SignIn("Test " + role, role);
        return RenderQueueAt(filter is null ? "/requests" : "/requests?filter=" + filter,
            page => page.Find("[data-testid=queue-count]").TextContent.ShouldNotBeEmpty());
    }

    [Fact]
    public void RowsShowTheCaseWithItsDeadlineAndAnSlaChipInWords()
    {
        var page = RenderQueue(StaffRole.TeamLead);

        page.FindAll("[data-testid=open-request]").Count.ShouldBe(7);
        Row(page, Seed["R3"]).QuerySelector("[data-testid=sla-chip]")!.TextContent.Trim().ShouldBe("Te laat");
        Row(page, Seed["R2"]).QuerySelector("[data-testid=sla-chip]")!.TextContent.Trim().ShouldBe("Bijna verlopen");
        Row(page, Seed["R1"]).QuerySelector("[data-testid=sla-chip]")!.TextContent.Trim().ShouldBe("Op schema");
        Row(page, Seed["R2"]).TextContent.ShouldContain("Bram Visser");
        Row(page, Seed["R2"]).TextContent.ShouldContain("Verwijdering");
        Row(page, Seed["R3"]).QuerySelector("[data-testid=days-left]")!.TextContent.ShouldBe("5 dagen te laat");
        Row(page, Seed["R2"]).QuerySelector("[data-testid=open-request]")!.GetAttribute("href").ShouldBe("/requests/" + Seed["R2"]);
        page.Find("[data-testid=queue-count]").TextContent.ShouldBe("7 verzoeken");
    }

    [Fact]
    public void ChoosingAQuickFilterPutsItInTheAddress()
    {
        var page = RenderQueue(StaffRole.TeamLead);
        var navigation = Services.GetRequiredService<NavigationManager>();

        page.Find("[data-testid=filter-overdue]").Click();

        new Uri(navigation.Uri).PathAndQuery.ShouldBe("/requests?filter=overdue");
    }

    [Fact]
    public void TheQuickFiltersArePlainButtonsNotAChipComponentEach()
    {
        var page = RenderQueue(StaffRole.TeamLead, filter: "overdue");

        // Issue 17 (ADR 0059): a MudChip per filter was a component in every open queue.
        page.FindComponents<MudBlazor.MudChip<string>>().ShouldBeEmpty();
        var filters = page.FindAll("[data-testid=quick-filters] button");
        filters.Count.ShouldBeGreaterThan(1);
        filters.ShouldAllBe(f => f.GetAttribute("type") == "button" && f.ClassList.Contains("mud-chip"));
        page.FindAll("[data-testid=quick-filters] [aria-pressed=true]").Select(f => f.GetAttribute("data-testid")).ShouldBe(["filter-overdue"]);
        page.Find("[data-testid=filter-overdue]").ClassList.ShouldContain("mud-chip-filled");
        page.Find("[data-testid=filter-open]").ClassList.ShouldContain("mud-chip-outlined");
    }

    [Fact]
    public void AFilterFromTheAddressIsApplied()
    {
        var page = RenderQueue(StaffRole.TeamLead, filter: "awaiting-identity");

        page.WaitForAssertion(() => page.FindAll("[data-testid=open-request]").Select(e => e.TextContent).ShouldBe([Seed["R4"]]), Wait);
        page.Find("[data-testid=filter-awaiting-identity]").GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public void AnAddressWithAWordForAPageNumberShowsTheFirstPage()
    {
        var page = RenderQueue(StaffRole.TeamLead, "overdue&page=two&sort=sideways");

        page.FindAll("[data-testid=open-request]").Count.ShouldBeGreaterThan(0);
        page.Find("[data-testid=filter-overdue]").GetAttribute("aria-pressed").ShouldBe("true");
    }

    [Fact]
    public void TheSearchTextFiltersRowsButNeverReachesTheAddress()
    {
        var page = RenderQueue(StaffRole.TeamLead);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        page.Find("input[data-testid=queue-search]").Input("Anna");

        page.WaitForAssertion(() => page.FindAll("[data-testid=open-request]").Select(e => e.TextContent)
            .ShouldBe(Seed.References("R4", "R1")), Wait);
        navigation.Uri.ShouldBe(before);
        navigation.Uri.ShouldNotContain("anna", Case.Insensitive);
    }

    [Fact]
    public void TeamLeadsCanSelectRowsAndAssignThemInBulk()
    {
        var page = RenderQueue(StaffRole.TeamLead);

        page.FindAll("[data-testid=take]").ShouldBeEmpty();
        page.FindAll("[data-testid=bulk-assign]").ShouldBeEmpty("nothing is selected yet");
        Row(page, Seed["R1"]).QuerySelector("input[type=checkbox]")!.Change(true);

        page.WaitForAssertion(() => page.Find("[data-testid=bulk-bar]").TextContent.ShouldContain("1 geselecteerd"), Wait);
        page.Find("[data-testid=bulk-assign]").TextContent.ShouldContain("Toewijzen aan…");
    }

    [Fact]
    public void OfficersTakeUnassignedCasesInsteadOfAssigning()
    {
        var page = RenderQueue(StaffRole.PrivacyOfficer);

        page.FindAll("input[type=checkbox]").ShouldBeEmpty();
        page.FindAll("[data-testid=bulk-assign]").ShouldBeEmpty();
        Row(page, Seed["R1"]).QuerySelector("[data-testid=take]")!.TextContent.ShouldContain("Oppakken");
        page.FindAll("[data-testid=filter-awaiting-approval]").ShouldBeEmpty("approving is for team leads");
        page.FindAll("[data-testid=new-request]").Count.ShouldBe(1);
    }

    [Fact]
    public void AuditorsReadTheQueueWithoutActions()
    {
        var page = RenderQueue(StaffRole.Auditor);

        page.FindAll("[data-testid=open-request]").Count.ShouldBe(7);
        page.FindAll("[data-testid=new-request]").ShouldBeEmpty();
        page.FindAll("[data-testid=take]").ShouldBeEmpty();
        page.FindAll("input[type=checkbox]").ShouldBeEmpty();
        page.FindAll("[data-testid=filter-mine]").ShouldBeEmpty();
    }

    [Fact]
    public void AnEmptyFilterSaysSoInWords()
    {
        // A freshly signed-in officer has no cases of their own, and Daan's overdue case is not theirs to see.
        var page = RenderQueue(StaffRole.PrivacyOfficer, filter: "overdue");

        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("Geen verzoeken te laat — goed bezig"), Wait);
        page.FindAll("[data-testid=open-request]").ShouldBeEmpty();
    }
}

/// <summary>The queue of a new installation: no requests yet.</summary>
public sealed class EmptyQueuePageTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(_factory.Services));
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public void TheEmptyQueueSaysWhatWillAppearThere()
    {
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
        RenderProviders();

        var queue = Render<QueuePage>();

        queue.Find("h1").TextContent.ShouldBe("Verzoekenwachtrij");
        queue.WaitForAssertion(() => queue.Find("[data-testid=empty-state]").TextContent.ShouldContain("Geen verzoeken in de wachtrij"), TimeSpan.FromSeconds(10));
        queue.Find("[data-testid=queue-count]").TextContent.ShouldBe("0 verzoeken");
    }
}

/// <summary>When the database cannot be read, the queue says so and offers to try again.</summary>
public sealed class BrokenQueuePageTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(_factory.Services));
        // The database file disappears under the running app: the next query finds no tables.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_factory.DatabasePath + suffix);
        }
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public void AFailedLoadShowsAnErrorWithRetryInsteadOfAnEmptyQueue()
    {
        SignIn("Fatima El Amrani", StaffRole.TeamLead);
        RenderProviders();

        var queue = Render<QueuePage>();

        queue.WaitForAssertion(() => queue.Find("[data-testid=queue-error]").TextContent.ShouldContain("De wachtrij kon niet worden geladen"), TimeSpan.FromSeconds(10));
        queue.FindAll("[data-testid=queue-retry]").Count.ShouldBe(1);
        queue.FindAll("[data-testid=empty-state]").ShouldBeEmpty("an error is not an empty queue");
    }
}
