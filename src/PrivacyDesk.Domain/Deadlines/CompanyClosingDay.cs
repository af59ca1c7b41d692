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
