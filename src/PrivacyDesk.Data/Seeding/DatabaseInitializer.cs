using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Auditing;
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
    ControllerProfileSeeder controllerProfile,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (databaseOptions.MigrateOnStartup)
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
        await controllerProfile.SeedAsync(cancellationToken);

        if (demoOptions.Value.SeedUsers)
        {
            await SeedDemoUsersAsync(cancellationToken);
        }

        if (!await db.Users.AnyAsync(cancellationToken))
        {
            LogNoUsers(logger);
        }
    }

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

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "PrivacyDesk has no users yet. Create the first administrator with: " +
        "dotnet PrivacyDesk.Web.dll create-admin --email <address> --name \"<display name>\" " +
        "(the password is read from standard input or the PRIVACYDESK_ADMIN_PASSWORD environment variable).")]
    private static partial void LogNoUsers(ILogger logger);
}
