using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Web.Features.Settings;

namespace PrivacyDesk.Web.Features.Retention;

/// <summary>
/// The daily retention scan as an outbox message (ADR 0042): due ledger entries become follow-up plans, then the message
/// is due again the next day at <see cref="HourOfDay"/> in the controller's time zone. An entry that cannot be counted now
/// (a source system down) stays running and is tried again at the next scan.
/// </summary>
public sealed class RetentionScan(RetentionFollowUps followUps, ControllerSettings controllerSettings, TimeProvider clock) : IOutboxHandler
{
    public const string KindName = "retention.scan";

    /// <summary>The one recurring scan's fixed id: every instance enqueues the same row.</summary>
    public static readonly Guid MessageId = new("5e7a1d0c-4b1e-4d8a-9c1a-0f2b6a9e4215");

    /// <summary>At night, when the source systems are quiet.</summary>
    public const int HourOfDay = 2;

    public string Kind => KindName;

    public static RecurringOutboxMessage Recurring { get; } = new(MessageId, KindName, now => now);

    public async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await followUps.PlanDueAsync(cancellationToken);
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        return OutboxResult.Recur(NextRun(clock.GetUtcNow(), settings.TimeZone));
    }

    /// <summary>The next <see cref="HourOfDay"/> o'clock in the zone after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var next = local.Date.AddDays(local.Hour < HourOfDay ? 0 : 1).AddHours(HourOfDay);
        return new DateTimeOffset(next, zone.GetUtcOffset(next));
    }
}
