using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Data.Seeding;

/// <summary>
/// Creates the controller profile at first start: the time zone from <c>Controller:TimeZoneId</c>, the
/// conservative deadline defaults, and contact details that are visibly examples (marked
/// <see cref="ControllerProfile.IsExample"/> until an administrator saves the profile). An existing
/// profile is never touched, so the administrator's values stay.
/// </summary>
public sealed class ControllerProfileSeeder(PrivacyDeskDbContext db, ControllerOptions controller, TimeProvider clock)
{
    /// <summary>Example contact details: placeholder names, a PO box and the reserved .example domain.</summary>
    public static ControllerContact ExampleContact { get; } = new(
        Name: "Voorbeeldbank N.V. (voorbeeld, wijzigen)",
        Address: "Postbus 12345\n1000 AB Amsterdam",
        Phone: "+31 20 000 0000",
        Email: "privacy@voorbeeldbank.example",
        DpoName: "Functionaris gegevensbescherming (voorbeeld)",
        DpoEmail: "fg@voorbeeldbank.example",
        OfficeHours: OfficeHours.Weekdays);

    /// <returns>True when the profile was created now.</returns>
    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.ControllerProfiles.AnyAsync(cancellationToken))
        {
            return false;
        }
        var settings = ControllerDeadlineSettings.Default with { TimeZoneId = controller.TimeZoneId };
        var created = ControllerProfile.Create(ExampleContact, settings, Actor.System, clock.GetUtcNow(), isExample: true);
        if (created.IsFailure)
        {
            // Only the configured time zone can be wrong here: a configuration error to fix, not a state to start in.
            throw new InvalidOperationException(
                $"The controller profile could not be created from Controller:TimeZoneId '{controller.TimeZoneId}': {string.Join(", ", created.Errors)}");
        }
        db.ControllerProfiles.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
