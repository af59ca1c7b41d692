using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Settings;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Settings;

/// <summary>The calendar page against the real service and a real SQLite database, in Dutch.</summary>
public sealed class CompanyCalendarPageTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_factory.Services.GetRequiredService<ControllerSettings>());
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CompanyCalendar>(_factory.Services));
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public void ATeamLeadSeesThatClosingDaysDoNotMoveLegalDeadlinesAndTheLegalHolidays()
    {
        SignIn("Fatima El Amrani", StaffRole.TeamLead);
        RenderProviders();

        var page = Render<CompanyCalendarPage>();

        page.Find("[data-testid=closing-day-rule]").TextContent.ShouldContain("Sluitingsdagen van het bedrijf verschuiven geen wettelijke termijnen.");
        page.WaitForAssertion(() => page.FindAll("[data-testid=legal-holiday]").ShouldNotBeEmpty());
        page.Find("[data-testid=legal-holidays]").TextContent.ShouldContain("Koningsdag");
        page.Find("[data-testid=closing-days]").TextContent.ShouldContain("Geen sluitingsdagen gepland");
    }

    [Fact]
    public async Task ListsAPlannedClosingDayWithADutchDateAndWhoAddedIt()
    {
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var today = (await _factory.Services.GetRequiredService<ControllerSettings>().CurrentAsync()).Today(TimeProvider.System);
        var date = HolidayCalendar.LegalOnly.FirstWorkingDayOnOrAfter(today.AddDays(20));
        var calendar = ActivatorUtilities.CreateInstance<CompanyCalendar>(_factory.Services);
        (await calendar.AddAsync(lead, date, "Brugdag")).IsSuccess.ShouldBeTrue();
        SignIn("Noor Visser", StaffRole.Administrator);
        RenderProviders();

        var page = Render<CompanyCalendarPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=closing-day-table]").TextContent.ShouldContain("Brugdag"));
        var table = page.Find("[data-testid=closing-day-table]").TextContent;
        // Dutch months are abbreviated with a full stop, as on every page ("di 15 dec. 2026", but "mei").
        string[] months = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
        var weekday = date.ToString("ddd", new System.Globalization.CultureInfo("nl-NL"));
        table.ShouldContain($"{weekday} {date.Day} {months[date.Month - 1]} {date.Year}");
        table.ShouldContain("Toegevoegd door Fatima El Amrani");
        table.ShouldContain("Gepland");
        page.FindAll("[data-testid=remove-closing-day]").Count.ShouldBe(1);
    }

    [Fact]
    public void AnOfficerWhoReachesThePageIsRefusedByTheService()
    {
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
        RenderProviders();

        var page = Render<CompanyCalendarPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=load-error]").TextContent.ShouldContain("U mag dit niet doen"));
        page.FindAll("[data-testid=add-closing-day]").ShouldBeEmpty();
    }

    [Fact]
    public async Task APageThatCannotLoadShowsACorrelationIdThatTheLogHolds()
    {
        var log = new CapturedLog<PageLoadFailures>();
        Services.AddSingleton(new PageLoadFailures(log));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Database
                .ExecuteSqlRawAsync("ALTER TABLE CompanyClosingDays RENAME TO CompanyClosingDaysGone;", Xunit.TestContext.Current.CancellationToken);
        }
        SignIn("Noor Visser", StaffRole.Administrator);
        RenderProviders();

        var page = Render<CompanyCalendarPage>();

        page.WaitForElement("[data-testid=load-error] [data-testid=load-failure-id]", TimeSpan.FromSeconds(15));
        var id = page.Find("[data-testid=load-failure-id] code").TextContent.Trim();
        log.Lines.ShouldContain(line => line.Contains(id) && line.Contains("Page calendar could not be loaded"));
    }
}
