using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Web.Features.Common;

/// <summary>
/// What the second of two people editing the same thing is told: who changed it and when, so they
/// can reload and redo their change knowing what happened. Read from the audit trail, which every
/// change writes in the same transaction.
/// </summary>
public static class StaleEdit
{
    public const string Code = "edit.stale";

    /// <summary>
    /// The coded error for a save refused by the concurrency stamp, with <c>{who}</c> and <c>{when}</c>
    /// (ISO 8601 in the controller's time zone; <see cref="Components.Shared.ErrorMessages"/> shows it in the user's language).
    /// </summary>
    public static async Task<Error> DescribeAsync(
        PrivacyDeskDbContext db, TimeZoneInfo zone, string entityType, string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.ActorName, e.OccurredAt })
            .FirstOrDefaultAsync(cancellationToken);
        return new Error(Code, Arguments: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["who"] = latest?.ActorName ?? "?",
            ["when"] = latest is null ? "" : TimeZoneInfo.ConvertTime(latest.OccurredAt, zone).ToString("O", CultureInfo.InvariantCulture),
        });
    }
}
