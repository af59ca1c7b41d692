using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Web.Features.Settings;

/// <summary>
/// The controller's settings as every deadline, SLA chip and letter needs them, read once and shared.
/// </summary>
/// <param name="TimeZone">The controller's time zone: the receipt date is the calendar date here (deadlines.md rule 1).</param>
/// <param name="DueSoonDays">A case is due soon from this many calendar days before its deadline.</param>
/// <param name="IdentityVerificationPausesClock">Off by default (deadlines.md rule 7).</param>
/// <param name="Policy">The same three settings as the domain's <see cref="DeadlinePolicy"/>.</param>
/// <param name="Calendar">Legal holidays and the company closing days, kept apart: closing days never move a deadline.</param>
/// <param name="Contact">Name, address, DPO and office hours, as letters state them.</param>
/// <param name="ProfileIsExample">True while the profile holds the seeded example values; letters must not go out then.</param>
public sealed record ControllerSettingsSnapshot(
    TimeZoneInfo TimeZone,
    int DueSoonDays,
    bool IdentityVerificationPausesClock,
    DeadlinePolicy Policy,
    HolidayCalendar Calendar,
    ControllerContact Contact,
    bool ProfileIsExample)
{
    /// <summary>The calculator for a request's deadlines under these settings.</summary>
    public ResponseDeadlineCalculator DeadlineCalculator() => new(Calendar, Policy);

    /// <summary>The SLA evaluator (on track, due soon, overdue) under these settings.</summary>
    public SlaEvaluator SlaEvaluator() => new(Calendar, Policy);

    /// <summary>Today in the controller's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => Policy.Today(clock);
}

/// <summary>
/// The read side of the controller profile and the calendar for the rest of the app. Use it instead of
/// <see cref="ControllerOptions"/> wherever a deadline, an SLA state, "today" or the controller's
/// contact details are needed:
/// <code>
/// var settings = await controllerSettings.CurrentAsync(cancellationToken);
/// var deadline = settings.DeadlineCalculator().ForReceiptAt(receivedAt, identityPause);
/// var sla = settings.SlaEvaluator().Evaluate(deadline.EffectiveDueOn(extended), settings.Today(clock));
/// </code>
/// A singleton: the snapshot is cached, dropped by <see cref="Invalidate"/> when an administrator saves the
/// profile or a closing day changes in this process, and re-read at most <see cref="MaxAge"/> later in any
/// case, so another app instance sees a change within that time. <c>Controller:TimeZoneId</c> only seeds
/// the profile at first start (and serves as the fallback while no profile exists).
/// </summary>
public sealed class ControllerSettings(IDbContextFactory<PrivacyDeskDbContext> databases, ControllerOptions options, TimeProvider clock)
{
    /// <summary>How long a snapshot is used before it is read again, for changes made by another instance.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Cached(Task<ControllerSettingsSnapshot> Snapshot, DateTimeOffset LoadedAt);

    private Cached? _cached;

    public Task<ControllerSettingsSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cached = Volatile.Read(ref _cached);
        if (cached is null || cached.Snapshot.IsFaulted || cached.Snapshot.IsCanceled || now - cached.LoadedAt >= MaxAge)
        {
            // The load is shared by every caller, so one caller's cancellation must not cancel it.
            var fresh = new Cached(LoadAsync(CancellationToken.None), now);
            cached = Interlocked.CompareExchange(ref _cached, fresh, cached) == cached ? fresh : Volatile.Read(ref _cached) ?? fresh;
        }
        return cached.Snapshot.WaitAsync(cancellationToken);
    }

    /// <summary>Drops the cached snapshot; the next <see cref="CurrentAsync"/> reads the database again.</summary>
    public void Invalidate() => Volatile.Write(ref _cached, null);

    private async Task<ControllerSettingsSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var profile = await db.ControllerProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var closingDays = await db.CompanyClosingDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var calendar = new HolidayCalendar(closingDays);
        if (profile is null)
        {
            // Before the first start has seeded the profile: the configured zone and the conservative defaults.
            var fallback = DeadlinePolicy.Create(options.TimeZoneId, identityVerificationPausesClock: false, DeadlinePolicy.DefaultDueSoonDays).Value;
            return new ControllerSettingsSnapshot(
                fallback.TimeZone, fallback.DueSoonDays, false, fallback, calendar,
                new ControllerContact(null, null, null, null, null, null, OfficeHours.Weekdays), ProfileIsExample: true);
        }
        var policy = profile.ToDeadlinePolicy();
        return new ControllerSettingsSnapshot(
            policy.TimeZone, policy.DueSoonDays, policy.IdentityVerificationPausesClock, policy, calendar, profile.Contact, profile.IsExample);
    }
}
