using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;
using DashboardPage = PrivacyDesk.Web.Components.Pages.Dashboard.SlaDashboard;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.Dashboard;

/// <summary>The dashboard page against the real service and the seeded SQLite database, in Dutch.</summary>
public sealed class SlaDashboardPageTests : MudBunitContext, IClassFixture<DashboardDatabase>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly DashboardSeed _seed;

    public SlaDashboardPageTests(DashboardDatabase database)
    {
        _seed = database.Seed;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<SlaFigures>(database.Factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(database.Factory.Services));
    }

    private IRenderedComponent<DashboardPage> RenderDashboard(System.Security.Claims.ClaimsPrincipal user, string address = "/dashboard")
    {
        SignIn(user);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<DashboardPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=headline]"), Wait);
        return page;
    }

    private static string Value(IRenderedComponent<DashboardPage> page, string card) =>
        page.Find($"[data-testid=card-{card}] [data-testid=card-value]").TextContent.Trim();

    private static string Href(IRenderedComponent<DashboardPage> page, string selector) =>
        page.Find(selector).GetAttribute("href") ?? "";

    [Fact]
    public void CardsShowTheHeadlineFiguresAndOpenTheQueueOnTheirCases()
    {
        var page = RenderDashboard(_seed.Lead);

        Value(page, "open").ShouldBe("6");
        Value(page, "overdue").ShouldBe("1");
        Value(page, "due-soon").ShouldBe("2");
        Value(page, "awaiting-approval").ShouldBe("1");
        Value(page, "on-time-30").ShouldBe("75 %");
        Value(page, "on-time-90").ShouldBe("80 %");
        Value(page, "median").ShouldBe("29 dagen");
        Value(page, "p90").ShouldBe("60 dagen");
        Value(page, "extension-rate").ShouldBe("20 %");
        Href(page, "[data-testid=card-open]").ShouldBe("/requests");
        Href(page, "[data-testid=card-overdue]").ShouldBe("/requests?filter=overdue");
        Href(page, "[data-testid=card-due-soon]").ShouldBe("/requests?filter=due-soon");
        Href(page, "[data-testid=card-awaiting-approval]").ShouldBe("/requests?status=awaiting-approval");
        Href(page, "[data-testid=card-on-time-30]").ShouldBe("/requests?filter=closed");
    }

    [Fact]
    public void EveryBarHasALinkIntoTheQueueWithItsCount()
    {
        var page = RenderDashboard(_seed.Lead);

        var ages = page.FindAll("[data-testid=links-age] li");
        ages.Count.ShouldBe(6);
        ages[1].QuerySelector("a")!.GetAttribute("href").ShouldBe("/requests?age=8-14");
        ages[1].TextContent.ShouldContain("8–14 dagen");
        ages[5].QuerySelector("a")!.GetAttribute("href").ShouldBe("/requests?age=extended");
        page.FindAll("[data-testid=links-type] a").Select(a => a.GetAttribute("href")).ShouldContain("/requests?type=automated-decision-review");
        page.FindAll("[data-testid=links-type] li").Single(li => li.TextContent.Contains("Inzage", StringComparison.Ordinal)).TextContent.ShouldContain("3");

        var daan = _seed.Officer2.ToActor().Id;
        var rows = page.FindAll("[data-testid=workload-row]");
        rows.Count.ShouldBe(3);
        rows[0].QuerySelector("[data-testid=workload-overdue]")!.GetAttribute("href").ShouldBe("/requests?filter=overdue&handler=" + Uri.EscapeDataString(daan));
        rows[2].TextContent.ShouldContain("Niet toegewezen");
        rows[2].QuerySelector("[data-testid=workload-open]")!.GetAttribute("href").ShouldBe("/requests?filter=unassigned");
    }

    [Fact]
    public void EveryWeekAndMonthLinksToItsReceivedAndAnsweredCases()
    {
        var page = RenderDashboard(_seed.Lead);

        var weeks = page.FindAll("[data-testid=week-row]");
        weeks.Count.ShouldBe(26);
        var received = weeks[0].QuerySelector("[data-testid=week-received]")!.GetAttribute("href")!;
        received.ShouldMatch(@"^/requests\?received=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$");
        var span = QueueLinks.ParseRange(received[(received.IndexOf('=') + 1)..])!;
        span.From.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        (span.To.DayNumber - span.From.DayNumber).ShouldBe(6);
        weeks[0].QuerySelector("[data-testid=week-answered]")!.GetAttribute("href").ShouldStartWith("/requests?answered=");
        var months = page.FindAll("[data-testid=month-row]");
        months.Count.ShouldBe(12);
        months[0].QuerySelector("[data-testid=month-answered]")!.GetAttribute("href")!.ShouldMatch(@"^/requests\?answered=\d{4}-\d{2}-01\.\.");
    }

    [Fact]
    public void TheBreachForecastListsTheQuietCaseWithItsHandler()
    {
        var page = RenderDashboard(_seed.Lead);

        var row = page.Find("[data-testid=breach-row]");
        row.QuerySelector("[data-testid=breach-link]")!.GetAttribute("href").ShouldBe("/requests/" + _seed["O4"]);
        row.TextContent.ShouldContain("Sanne de Vries");
        row.TextContent.ShouldContain("Nog 5 dagen");
    }

    [Fact]
    public void OfficersSeeTheirOwnFiguresAndTheirLinksStayOnTheirCases()
    {
        var page = RenderDashboard(_seed.Officer);
        var me = Uri.EscapeDataString(_seed.Officer.ToActor().Id);

        page.Markup.ShouldContain("Uw eigen verzoeken");
        Value(page, "open").ShouldBe("2");
        Value(page, "on-time-30").ShouldBe("100 %");
        Href(page, "[data-testid=card-open]").ShouldBe("/requests?handler=" + me);
        Href(page, "[data-testid=card-overdue]").ShouldBe("/requests?filter=overdue&handler=" + me);
        page.FindAll("[data-testid=workload-row]").Count.ShouldBe(1);
    }

    [Fact]
    public void TheTypeFilterFromTheAddressNarrowsFiguresLinksAndExport()
    {
        var page = RenderDashboard(_seed.Lead, "/dashboard?type=erasure&period=30");

        page.WaitForAssertion(() => Value(page, "open").ShouldBe("1"), Wait);
        Value(page, "on-time-30").ShouldBe("–", "no erasure was answered: no percentage");
        Href(page, "[data-testid=card-overdue]").ShouldBe("/requests?filter=overdue&type=erasure");
        Href(page, "[data-testid=export-csv]").ShouldBe("/dashboard/export/sla.csv?period=30&type=erasure");
    }

    [Fact]
    public void AnAddressWithWordsWhereNumbersBelongShowsTheDefaultFigures()
    {
        var page = RenderDashboard(_seed.Lead, "/dashboard?period=ninety&quiet=x&horizon=99999999999&type=unknown");

        Value(page, "open").ShouldBe("6", "all types, as without the address");
        page.Find("[data-testid=breach-forecast]").TextContent.ShouldContain("7");
        Href(page, "[data-testid=export-csv]").ShouldBe("/dashboard/export/sla.csv?period=90");
    }

    [Fact]
    public void TheQueueOpensOnADrillDownAndSaysSo()
    {
        SignIn(_seed.Lead);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/requests?age=extended");
        var queue = Render<QueuePage>();

        queue.WaitForAssertion(() => queue.FindAll("[data-testid=open-request]").Select(e => e.TextContent).ShouldBe([_seed["O6"]]), Wait);
        queue.Find("[data-testid=narrowed-age]").TextContent.ShouldContain("Verlengd");
        queue.Find("[data-testid=clear-narrowing]").GetAttribute("href").ShouldBe("/requests");
    }

    [Fact]
    public void AnAnsweredDaySpanShowsTheRefusedCaseOfThatDayWithNoQuickFilterInForce()
    {
        SignIn(_seed.Lead);
        RenderProviders();
        var day = QueueLinks.RangeSlug(new DaySpan(DashboardSeed.Today.AddDays(-1), DashboardSeed.Today.AddDays(-1)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/requests?answered=" + day);
        var queue = Render<QueuePage>();

        queue.WaitForAssertion(() => queue.FindAll("[data-testid=open-request]").Select(e => e.TextContent).ShouldBe([_seed["C4"]]), Wait);
        queue.Find("[data-testid=narrowed-answered]").TextContent.ShouldStartWith("Beantwoord");
        queue.FindAll("[data-testid=quick-filters] [aria-pressed=true]").ShouldBeEmpty();
    }
}

/// <summary>The page with nothing to count, and the permission behind it.</summary>
public sealed class EmptyDatabase : IAsyncLifetime
{
    public PrivacyDeskAppFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class SlaDashboardEmptyTests : MudBunitContext, IClassFixture<EmptyDatabase>
{
    private readonly PrivacyDeskAppFactory _factory;

    public SlaDashboardEmptyTests(EmptyDatabase database)
    {
        _factory = database.Factory;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<SlaFigures>(_factory.Services));
    }

    [Fact]
    public async Task WithoutRequestsThePageShowsItsEmptyState()
    {
        SignIn(await Callers.ForAsync(_factory, "lead@privacydesk.test"));
        RenderProviders();

        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("Nog niets te meten"), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=headline]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StaffRole.PrivacyOfficer, true)]
    [InlineData(StaffRole.TeamLead, true)]
    [InlineData(StaffRole.Auditor, true)]
    [InlineData(StaffRole.Administrator, false)]
    public void OfficersLeadsAndAuditorsMaySeeTheDashboard(string role, bool allowed) =>
        AccessPolicy.Allows([role], Permission.ViewDashboard).ShouldBe(allowed);
}

/// <summary>The CSV download through the real app: who may, what it holds, and that it is audited.</summary>
public sealed class DashboardExportTests(DashboardDatabase database) : IClassFixture<DashboardDatabase>
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheExportIsSemicolonSeparatedUtf8WithTheFiguresAndIsAudited()
    {
        using var client = await SignedInClient.CreateAsync(database.Factory, "lead@privacydesk.test");

        using var response = await client.GetAsync(new Uri("/dashboard/export/sla.csv?period=90", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Onderdeel;Onderwerp;Waarde;Waarde 2;Waarde 3");
        lines.ShouldContain("Kerncijfers;Open;6");
        lines.ShouldContain("Kerncijfers;Op tijd, laatste 30 dagen;75,0;4");
        lines.ShouldContain(l => l.StartsWith("Dreigende termijnoverschrijdingen;" + database.Seed["O4"] + ";", StringComparison.Ordinal));
        lines.Count(l => l.StartsWith("Ontvangen en beantwoord per week", StringComparison.Ordinal)).ShouldBe(SlaFigures.Weeks);

        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var audit = await db.AuditEvents.AsNoTracking().Where(e => e.Action == DashboardExport.ExportedAction).ToListAsync(Cancel);
        audit.ShouldHaveSingleItem().ActorName.ShouldBe("Fatima El Amrani");
    }

    [Fact]
    public async Task AdministratorsMayNotDownloadIt()
    {
        using var client = await SignedInClient.CreateAsync(database.Factory, "admin@privacydesk.test");

        using var response = await client.GetAsync(new Uri("/dashboard/export/sla.csv", UriKind.Relative), Cancel);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}
