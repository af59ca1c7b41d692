using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Deadlines;

/// <summary>The controller's settings for deadlines: its time zone, whether identity checks pause the clock, when a case is due soon.</summary>
public sealed record DeadlinePolicy
{
    public const string DefaultTimeZoneId = "Europe/Amsterdam";
    public const int DefaultDueSoonDays = 7;

    private DeadlinePolicy(TimeZoneInfo timeZone, bool identityVerificationPausesClock, int dueSoonDays)
    {
        TimeZone = timeZone;
        IdentityVerificationPausesClock = identityVerificationPausesClock;
        DueSoonDays = dueSoonDays;
    }

    /// <summary>Amsterdam time, the clock runs from receipt (the conservative reading), due soon within 7 calendar days.</summary>
    public static DeadlinePolicy Default { get; } =
        new(TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId), identityVerificationPausesClock: false, DefaultDueSoonDays);

    /// <summary>The time zone whose calendar date counts as the date of receipt.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>When on, the days between the identity request and the proof are added to the deadline.</summary>
    public bool IdentityVerificationPausesClock { get; }

    /// <summary>A case is due soon from this many calendar days before its deadline.</summary>
    public int DueSoonDays { get; }

    /// <param name="timeZoneId">An IANA (or Windows) time zone id such as "Europe/Amsterdam".</param>
    public static Result<DeadlinePolicy> Create(string? timeZoneId, bool identityVerificationPausesClock, int dueSoonDays)
    {
        var errors = new List<Error>();
        TimeZoneInfo? timeZone = null;
        if (string.IsNullOrWhiteSpace(timeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId.Trim(), out timeZone))
        {
            errors.Add(DeadlineErrors.TimeZoneUnknown);
        }
        if (dueSoonDays < 0)
        {
            errors.Add(DeadlineErrors.DueSoonDaysNegative);
        }
        return errors.Count > 0
            ? Result<DeadlinePolicy>.Failure(errors)
            : Result.Success(new DeadlinePolicy(timeZone!, identityVerificationPausesClock, dueSoonDays));
    }

    /// <summary>The controller's calendar date at <paramref name="instant"/> (23:30 UTC can be tomorrow in Amsterdam).</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Today in the controller's time zone.</summary>
    public DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }
}
