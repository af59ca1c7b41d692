using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Data.Seeding;

/// <summary>
/// Makes every source system a record (issue 14, ADR 0036): each name a Draft or Active purpose uses that no system
/// has becomes a Manual system, so existing databases and the default register migrate without a data script.
/// Idempotent: names are compared as the unique index does (trimmed, case-insensitive); existing systems are never touched.
/// </summary>
public sealed class SourceSystemSeeder(PrivacyDeskDbContext db, TimeProvider clock)
{
    /// <returns>How many systems were added.</returns>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var added = await AddMissingAsync(Actor.System, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Adds the missing systems as <paramref name="actor"/>; the caller saves (in its transaction).</summary>
    public async Task<int> AddMissingAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        // Retired purposes are frozen records: a name only they use is history, not a system to create.
        var purposes = await db.Purposes.AsNoTracking().Where(p => p.Status != PurposeStatus.Retired).ToListAsync(cancellationToken);
        var existing = (await db.SourceSystems.AsNoTracking().Select(s => s.NormalizedName).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var name in purposes.SelectMany(p => p.SourceSystems).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()))
        {
            if (!existing.Add(SourceSystem.Normalize(name)))
            {
                continue;
            }
            var created = SourceSystem.Create(name, owner: null, description: null, ConnectorKind.Manual, actor, now);
            if (created.IsFailure)
            {
                // A register name that cannot be a system name (too long, a semicolon) is a bug in the data to see, not to hide.
                throw new InvalidOperationException($"The register names a source system that cannot be recorded: {string.Join(", ", created.Errors)}");
            }
            db.SourceSystems.Add(created.Value);
            added++;
        }
        return added;
    }
}
