using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Deadlines;

/// <summary>
/// A day the company is closed although it is not a legal public holiday (e.g. the day after Ascension).
/// It is shown on calendars but never moves a legal deadline: the law only knows weekends and public holidays.
/// </summary>
public sealed class CompanyClosingDay : AggregateRoot
{
    public const int DescriptionMaxLength = 200;
    public const string EntityType = nameof(CompanyClosingDay);

    private CompanyClosingDay()
    {
    }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>What the team lead called the day, e.g. "Dag na Hemelvaart".</summary>
    public string Description { get; private set; } = "";

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static Result<CompanyClosingDay> Add(DateOnly date, string? description, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var trimmed = description?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Result<CompanyClosingDay>.Failure(DeadlineErrors.ClosingDayDescriptionRequired);
        }
        if (trimmed.Length > DescriptionMaxLength)
        {
            return Result<CompanyClosingDay>.Failure(DeadlineErrors.ClosingDayDescriptionTooLong);
        }

        var day = new CompanyClosingDay
        {
            Id = Guid.CreateVersion7(now),
            Date = date,
            Description = trimmed,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = now,
        };
        day.Record(new DomainChange(
            "calendar.closing_day.added", EntityType, day.Id.ToString(), actor.Id, actor.Name, now,
            After: day.Snapshot()));
        return Result.Success(day);
    }

    /// <summary>
    /// Plans a closing day on the calendar: today or later (a closing day is planning, not history), not on a
    /// date that already has one, and not on a weekend or legal holiday, when the office is closed anyway.
    /// Every problem is returned at once.
    /// </summary>
    /// <param name="today">Today in the controller's time zone.</param>
    /// <param name="calendar">The calendar with the closing days already planned.</param>
    public static Result<CompanyClosingDay> Plan(
        DateOnly date, string? description, DateOnly today, HolidayCalendar calendar, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var errors = new List<Error>();
        if (date < today)
        {
            errors.Add(DeadlineErrors.ClosingDayInThePast);
        }
        else if (calendar.IsCompanyClosingDay(date))
        {
            errors.Add(DeadlineErrors.ClosingDayDuplicate);
        }
        else if (!calendar.IsWorkingDay(date))
        {
            errors.Add(DeadlineErrors.ClosingDayNotAWorkingDay);
        }
        var added = Add(date, description, actor, now);
        errors.AddRange(added.Errors);
        return errors.Count > 0 ? Result<CompanyClosingDay>.Failure(errors) : added;
    }

    /// <summary>Takes a planned closing day off the calendar; one that has passed stays as the record of when the office was closed.</summary>
    /// <param name="today">Today in the controller's time zone.</param>
    public Result Cancel(DateOnly today, Actor actor, DateTimeOffset now)
    {
        if (Date < today)
        {
            return Result.Failure(DeadlineErrors.ClosingDayPastCannotBeRemoved);
        }
        Remove(actor, now);
        return Result.Success();
    }

    /// <summary>Records the removal for the audit trail; persistence then deletes the row.</summary>
    public void Remove(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(new DomainChange(
            "calendar.closing_day.removed", EntityType, Id.ToString(), actor.Id, actor.Name, now,
            Before: Snapshot()));
    }

    private Dictionary<string, string?> Snapshot() => new(StringComparer.Ordinal)
    {
        [nameof(Date)] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [nameof(Description)] = Description,
    };
}
