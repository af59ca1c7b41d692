using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Settings;

public sealed record ClosingDayRow(Guid Id, DateOnly Date, string Description, string AddedBy, bool HasPassed, Guid ConcurrencyStamp);

/// <param name="Today">Today in the controller's time zone.</param>
/// <param name="ClosingDays">Closing days from the start of this year on, in date order.</param>
/// <param name="LegalHolidays">The legal public holidays from today to the end of next year, for reference.</param>
public sealed record CalendarOverview(DateOnly Today, IReadOnlyList<ClosingDayRow> ClosingDays, IReadOnlyList<PublicHoliday> LegalHolidays);

/// <summary>
/// Company closing days, for team leads and administrators (<see cref="Permission.ManageCalendar"/>,
/// checked here). Closing days are shown on calendars and never move a legal deadline. Each change runs in
/// its own scope and transaction with its audit entry, and refreshes <see cref="ControllerSettings"/>.
/// </summary>
public sealed class CompanyCalendar(IServiceScopeFactory scopes, ControllerSettings settings, TimeProvider clock)
{
    public static class Fields
    {
        public const string Date = "Date";
        public const string Description = "Description";
    }

    private static readonly Error Forbidden = new("auth.forbidden");

    public async Task<Result<CalendarOverview>> OverviewAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ManageCalendar))
        {
            return Result<CalendarOverview>.Failure(Forbidden);
        }
        var today = (await settings.CurrentAsync(cancellationToken)).Today(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var startOfYear = new DateOnly(today.Year, 1, 1);
        var days = await db.CompanyClosingDays.AsNoTracking()
            .Where(d => d.Date >= startOfYear)
            .OrderBy(d => d.Date)
            .Select(d => new { d.Id, d.Date, d.Description, d.CreatedByName, Stamp = EF.Property<Guid>(d, PrivacyDeskDbContext.ConcurrencyStamp) })
            .ToListAsync(cancellationToken);
        var holidays = DutchPublicHolidays.In(today.Year).Concat(DutchPublicHolidays.In(today.Year + 1)).Where(h => h.Date >= today).ToList();
        return Result.Success(new CalendarOverview(
            today,
            [.. days.Select(d => new ClosingDayRow(d.Id, d.Date, d.Description, d.CreatedByName, d.Date < today, d.Stamp))],
            holidays));
    }

    /// <summary>Adds a closing day; refused for a date that has passed, already has one, or is a weekend or legal holiday.</summary>
    public async Task<Result<ClosingDayRow>> AddAsync(ClaimsPrincipal caller, DateOnly? date, string? description, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ManageCalendar))
        {
            return Result<ClosingDayRow>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var today = (await settings.CurrentAsync(cancellationToken)).Today(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var added = await db.InTransactionAsync(async () =>
        {
            if (date is not { } day)
            {
                var described = CompanyClosingDay.Add(today, description, actor, clock.GetUtcNow());
                return Result<ClosingDayRow>.Failure([DeadlineErrors.ClosingDayDateRequired, .. described.Errors]);
            }
            var existing = await db.CompanyClosingDays.AsNoTracking().Where(d => d.Date == day).ToListAsync(cancellationToken);
            var planned = CompanyClosingDay.Plan(day, description, today, new HolidayCalendar(existing), actor, clock.GetUtcNow());
            if (planned.IsFailure)
            {
                return Result<ClosingDayRow>.Failure(planned.Errors);
            }
            db.CompanyClosingDays.Add(planned.Value);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another app instance added the same date a moment ago (the unique index on Date); anything else is a bug.
                db.ChangeTracker.Clear();
                if (await db.CompanyClosingDays.AsNoTracking().AnyAsync(d => d.Date == day, cancellationToken))
                {
                    return Result<ClosingDayRow>.Failure(DeadlineErrors.ClosingDayDuplicate);
                }
                throw;
            }
            var stamp = db.Entry(planned.Value).Property<Guid>(PrivacyDeskDbContext.ConcurrencyStamp).CurrentValue;
            return Result.Success(new ClosingDayRow(planned.Value.Id, day, planned.Value.Description, actor.Name, HasPassed: false, stamp));
        }, cancellationToken);
        if (added.IsSuccess)
        {
            settings.Invalidate();
        }
        return added;
    }

    /// <summary>Removes a planned closing day; one that has passed stays. Refused as stale when it changed or went since it was listed.</summary>
    public async Task<Result> RemoveAsync(ClaimsPrincipal caller, Guid id, Guid concurrencyStamp, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ManageCalendar))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var current = await settings.CurrentAsync(cancellationToken);
        var today = current.Today(clock);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var removed = await db.InTransactionAsync(async () =>
        {
            var day = await db.CompanyClosingDays.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            var stamp = day is null ? null : db.Entry(day).Property<Guid>(PrivacyDeskDbContext.ConcurrencyStamp);
            if (day is null || stamp!.CurrentValue != concurrencyStamp)
            {
                return Result.Failure(await StaleEdit.DescribeAsync(db, current.TimeZone, CompanyClosingDay.EntityType, id.ToString(), cancellationToken));
            }
            var cancelled = day.Cancel(today, actor, clock.GetUtcNow());
            if (cancelled.IsFailure)
            {
                return cancelled;
            }
            db.CompanyClosingDays.Remove(day);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Failure(await StaleEdit.DescribeAsync(db, current.TimeZone, CompanyClosingDay.EntityType, id.ToString(), cancellationToken));
            }
            return Result.Success();
        }, cancellationToken);
        if (removed.IsSuccess)
        {
            settings.Invalidate();
        }
        return removed;
    }
}
