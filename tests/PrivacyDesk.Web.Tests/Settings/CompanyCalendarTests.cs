using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Settings;

/// <summary>Company closing days through the service, on a real SQLite database, measured against today in Amsterdam.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class CompanyCalendarTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private CompanyCalendar _calendar = default!;
    private ControllerSettings _settings = default!;
    private ClaimsPrincipal _lead = default!;
    private DateOnly _today;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _calendar = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CompanyCalendar>();
        _settings = _factory.Services.GetRequiredService<ControllerSettings>();
        _lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        _today = (await _settings.CurrentAsync()).Today(TimeProvider.System);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    /// <summary>A working day some weeks ahead, so the test holds whatever day it runs.</summary>
    private DateOnly FutureWorkingDay(int daysAhead = 40) => HolidayCalendar.LegalOnly.FirstWorkingDayOnOrAfter(_today.AddDays(daysAhead));

    [Fact]
    public async Task ATeamLeadAddsAClosingDayAndItIsInTheAuditTrail()
    {
        var date = FutureWorkingDay();

        var added = await _calendar.AddAsync(_lead, date, "Brugdag");

        added.IsSuccess.ShouldBeTrue();
        var overview = (await _calendar.OverviewAsync(_lead)).Value;
        overview.ClosingDays.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            day => day.Date.ShouldBe(date), day => day.Description.ShouldBe("Brugdag"), day => day.AddedBy.ShouldBe("Fatima El Amrani"));
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "calendar.closing_day.added"));
        audit.ActorName.ShouldBe("Fatima El Amrani");
        audit.EntityId.ShouldBe(added.Value.Id.ToString());
    }

    [Fact]
    public async Task ListsTheLegalHolidaysFromTodayToTheEndOfNextYear()
    {
        var holidays = (await _calendar.OverviewAsync(_lead)).Value.LegalHolidays;

        holidays.ShouldAllBe(h => h.Date >= _today && h.Date.Year <= _today.Year + 1);
        holidays.Select(h => h.Key).ShouldContain(PublicHolidayKey.KingsDay);
        holidays[^1].Date.ShouldBe(new DateOnly(_today.Year + 1, 12, 26));
    }

    [Fact]
    public async Task RefusesASecondClosingDayOnTheSameDateAndAPastDateNextToTheDateField()
    {
        var date = FutureWorkingDay();
        await _calendar.AddAsync(_lead, date, "Brugdag");

        var duplicate = await _calendar.AddAsync(_lead, date, "Nog een brugdag");
        var past = await _calendar.AddAsync(_lead, _today.AddDays(-1), "Gisteren");
        var missing = await _calendar.AddAsync(_lead, null, "");

        duplicate.Errors.Single().ShouldBe(DeadlineErrors.ClosingDayDuplicate);
        past.Errors.Single().Code.ShouldBe("deadline.closing_day.in_the_past");
        past.Errors.Single().Field.ShouldBe(CompanyCalendar.Fields.Date);
        missing.Errors.Select(e => e.Code).ShouldBe(["deadline.closing_day.date_required", "deadline.closing_day.description_required"]);
        (await WithDbAsync(db => db.CompanyClosingDays.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task AClosingDayNeverChangesAComputedDeadline()
    {
        // A request received some weeks from now is due on the working day a month later; close the office on exactly that day.
        var receivedOn = _today.AddDays(30);
        var legalDue = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptOn(receivedOn);
        (await _calendar.AddAsync(_lead, legalDue.DueOn, "Personeelsuitje")).IsSuccess.ShouldBeTrue();

        var settings = await _settings.CurrentAsync();

        settings.Calendar.IsCompanyClosingDay(legalDue.DueOn).ShouldBeTrue();
        settings.DeadlineCalculator().ForReceiptOn(receivedOn).ShouldBe(legalDue);
        settings.SlaEvaluator().Evaluate(legalDue.DueOn, _today).WorkingDaysLeft
            .ShouldBe(HolidayCalendar.LegalOnly.WorkingDaysFromTo(_today, legalDue.DueOn));
    }

    [Fact]
    public async Task RemovesAPlannedDayWithAnAuditEntry()
    {
        var added = (await _calendar.AddAsync(_lead, FutureWorkingDay(), "Brugdag")).Value;
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");

        var removed = await _calendar.RemoveAsync(admin, added.Id, added.ConcurrencyStamp);

        removed.IsSuccess.ShouldBeTrue();
        (await WithDbAsync(db => db.CompanyClosingDays.CountAsync())).ShouldBe(0);
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == "calendar.closing_day.removed"));
        audit.ActorName.ShouldBe("Noor Visser");
        audit.Before!.ShouldContain("Brugdag");
        (await _settings.CurrentAsync()).Calendar.CompanyClosingDays.ShouldBeEmpty();
    }

    [Fact]
    public async Task RemovingADaySomeoneElseRemovedAlreadyIsReportedAsAStaleEdit()
    {
        var added = (await _calendar.AddAsync(_lead, FutureWorkingDay(), "Brugdag")).Value;
        await _calendar.RemoveAsync(_lead, added.Id, added.ConcurrencyStamp);
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");

        var again = await _calendar.RemoveAsync(admin, added.Id, added.ConcurrencyStamp);

        again.Errors.Single().Code.ShouldBe("edit.stale");
        again.Errors.Single().Arguments!["who"].ShouldBe("Fatima El Amrani");
    }

    [Theory]
    [InlineData("officer@privacydesk.test")]
    [InlineData("auditor@privacydesk.test")]
    public async Task OfficersAndAuditorsAreRefusedOnTheServer(string email)
    {
        var caller = await Callers.ForAsync(_factory, email);
        var added = (await _calendar.AddAsync(_lead, FutureWorkingDay(), "Brugdag")).Value;

        (await _calendar.OverviewAsync(caller)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _calendar.AddAsync(caller, FutureWorkingDay(50), "Nog een")).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _calendar.RemoveAsync(caller, added.Id, added.ConcurrencyStamp)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await WithDbAsync(db => db.CompanyClosingDays.CountAsync())).ShouldBe(1);
    }
}
