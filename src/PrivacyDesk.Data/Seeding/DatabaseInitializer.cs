using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Data.Seeding;

/// <summary>Prepares the database at start-up: migrations, the four roles and, in demo mode, the demo users.</summary>
public sealed partial class DatabaseInitializer(
    PrivacyDeskDbContext db,
    DatabaseOptions databaseOptions,
    IOptions<DemoDataOptions> demoOptions,
    UserManager<StaffUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    RegisterSeeder register,
    SourceSystemSeeder sourceSystems,
    ControllerOptions controller,
    ControllerProfileSeeder controllerProfile,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.MigrateOnStartup && await AnyMigrationPendingAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var role in StaffRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        await register.SeedAsync(cancellationToken);
        await sourceSystems.SeedAsync(cancellationToken);
        await controllerProfile.SeedAsync(cancellationToken);

        if (demoOptions.Value.SeedUsers)
        {
            await SeedDemoUsersAsync(cancellationToken);
            if (demoOptions.Value.SeedCases)
            {
                await SeedDemoCasesAsync(cancellationToken);
            }
        }

        if (!await db.Users.AnyAsync(cancellationToken))
        {
            LogNoUsers(logger);
        }
    }

    /// <summary>
    /// On SQLite, whether the history table lacks a migration: MigrateAsync would otherwise check the model against the
    /// migrations on every start, building the model from OnModelCreating (about 1.4 s) that the app no longer builds
    /// (ADR 0056); the tests check the model against the migrations instead. A server database always goes through
    /// MigrateAsync, which also creates a database that does not exist yet (and builds its model anyway).
    /// </summary>
    private async Task<bool> AnyMigrationPendingAsync(CancellationToken cancellationToken) =>
        databaseOptions.Provider != DatabaseProvider.Sqlite || (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();

    private async Task SeedDemoUsersAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in DemoStaff.Users)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }
            var user = new StaffUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
            };
            EnsureSucceeded(await users.CreateAsync(user, DemoStaff.Password), $"create demo user {demo.Email}");
            EnsureSucceeded(await users.AddToRoleAsync(user, demo.Role), $"add demo user {demo.Email} to {demo.Role}");
            db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), null, "system", "staff.user.demo_seeded", "StaffUser", user.Id));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedDemoCasesAsync(CancellationToken cancellationToken)
    {
        var officers = new List<Actor>();
        Actor? lead = null;
        foreach (var demo in DemoStaff.Users.Where(u => u.Role is StaffRole.PrivacyOfficer or StaffRole.TeamLead))
        {
            var user = await users.FindByEmailAsync(demo.Email);
            if (user is null)
            {
                return;
            }
            var actor = new Actor(user.Id, user.DisplayName, [demo.Role]);
            if (demo.Role == StaffRole.TeamLead)
            {
                lead = actor;
            }
            else
            {
                officers.Add(actor);
            }
        }
        // The profile seeded just before decides the zone; the configured zone only while there is none.
        var profile = await db.ControllerProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var policy = profile?.ToDeadlinePolicy()
            ?? DeadlinePolicy.Create(controller.TimeZoneId, identityVerificationPausesClock: false, DeadlinePolicy.DefaultDueSoonDays).Value;
        if (lead is not null && officers.Count > 0)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var added = await DemoCases.SeedAsync(db, new DemoCaseStaff(officers, lead), policy, clock.GetUtcNow(), DemoCases.DefaultSeed, cancellationToken);
            if (added > 0)
            {
                LogDemoCases(logger, added, watch.ElapsedMilliseconds);
            }
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo requests in {Milliseconds} ms.")]
    private static partial void LogDemoCases(ILogger logger, int count, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "PrivacyDesk has no users yet. Create the first administrator with: " +
        "dotnet PrivacyDesk.Web.dll create-admin --email <address> --name \"<display name>\" " +
        "(the password is read from standard input or the PRIVACYDESK_ADMIN_PASSWORD environment variable).")]
    private static partial void LogNoUsers(ILogger logger);
}
