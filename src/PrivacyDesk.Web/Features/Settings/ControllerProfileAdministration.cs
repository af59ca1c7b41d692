using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Settings;

/// <summary>The profile as the form shows it; <see cref="ConcurrencyStamp"/> is the version it was read at.</summary>
public sealed record ControllerProfileForm(ControllerContact Contact, ControllerDeadlineSettings Settings, bool IsExample, Guid ConcurrencyStamp);

/// <summary>
/// Reads and saves the controller profile, for administrators only (checked here, not only by the page).
/// A save runs in its own scope and transaction with its audit entries, is refused whole when any field
/// is invalid, and is refused with "who changed it when" when someone saved since the form was read.
/// </summary>
public sealed class ControllerProfileAdministration(IServiceScopeFactory scopes, ControllerSettings settings, TimeProvider clock)
{
    private static readonly Error Forbidden = new("auth.forbidden");

    public async Task<Result<ControllerProfileForm>> GetAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.Administer))
        {
            return Result<ControllerProfileForm>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var profile = await db.ControllerProfiles.SingleOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            // Not seeded (start-up preparation skipped): an empty form whose first save creates the profile.
            return Result.Success(new ControllerProfileForm(
                new ControllerContact("", "", "", "", "", "", OfficeHours.Weekdays), ControllerDeadlineSettings.Default, IsExample: false, Guid.Empty));
        }
        return Result.Success(Form(db, profile));
    }

    /// <returns>The saved profile with its new version, or every problem at once (each with its field), or the stale-edit error.</returns>
    public async Task<Result<ControllerProfileForm>> SaveAsync(ClaimsPrincipal caller, ControllerProfileForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!caller.Has(Permission.Administer))
        {
            return Result<ControllerProfileForm>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var zone = (await settings.CurrentAsync(cancellationToken)).TimeZone;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var saved = await db.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var profile = await db.ControllerProfiles.SingleOrDefaultAsync(cancellationToken);
            if (profile is null)
            {
                var created = ControllerProfile.Create(form.Contact, form.Settings, actor, now);
                if (created.IsFailure)
                {
                    return Result<ControllerProfileForm>.Failure(created.Errors);
                }
                db.ControllerProfiles.Add(created.Value);
                return await SaveOrStaleAsync(db, created.Value, zone, cancellationToken);
            }

            var stamp = db.Entry(profile).Property<Guid>(PrivacyDeskDbContext.ConcurrencyStamp);
            if (stamp.CurrentValue != form.ConcurrencyStamp)
            {
                return Result<ControllerProfileForm>.Failure(await StaleAsync(db, zone, cancellationToken));
            }
            var revised = profile.Revise(form.Contact, form.Settings, actor, now);
            if (revised.IsFailure)
            {
                return Result<ControllerProfileForm>.Failure(revised.Errors);
            }
            return await SaveOrStaleAsync(db, profile, zone, cancellationToken);
        }, cancellationToken);
        if (saved.IsSuccess)
        {
            settings.Invalidate();
        }
        return saved;
    }

    private static async Task<Result<ControllerProfileForm>> SaveOrStaleAsync(
        PrivacyDeskDbContext db, ControllerProfile profile, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator saved between our read and our write.
            return Result<ControllerProfileForm>.Failure(await StaleAsync(db, zone, cancellationToken));
        }
        catch (DbUpdateException) when (db.Entry(profile).State == EntityState.Added)
        {
            // Two first saves raced to create the one profile; the other one won.
            return Result<ControllerProfileForm>.Failure(await StaleAsync(db, zone, cancellationToken));
        }
        return Result.Success(Form(db, profile));
    }

    private static Task<Error> StaleAsync(PrivacyDeskDbContext db, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        StaleEdit.DescribeAsync(db, zone, ControllerProfile.EntityType, ControllerProfile.SingletonId.ToString(), cancellationToken);

    private static ControllerProfileForm Form(PrivacyDeskDbContext db, ControllerProfile profile) =>
        new(profile.Contact, profile.DeadlineSettings, profile.IsExample,
            db.Entry(profile).Property<Guid>(PrivacyDeskDbContext.ConcurrencyStamp).CurrentValue);
}
