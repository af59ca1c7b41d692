using Microsoft.AspNetCore.Identity;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// <c>create-admin --email a@b.nl --name "Name"</c>: creates the first administrator of a new
/// installation. The password comes from PRIVACYDESK_ADMIN_PASSWORD or standard input, never from
/// the command line (which ends up in shell history and process lists).
/// </summary>
public static class CreateAdminCommand
{
    public const string Verb = "create-admin";
    public const string PasswordVariable = "PRIVACYDESK_ADMIN_PASSWORD";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync($"Usage: {Verb} --email <address> [--name \"Display name\"]; password from {PasswordVariable} or standard input.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password for the new administrator: ");
            password = Console.ReadLine();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name! };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("The administrator was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }
        await users.AddToRoleAsync(user, StaffRole.Administrator);
        db.AuditEvents.Add(AuditEvent.Record(TimeProvider.System.GetUtcNow(), null, "command line", "staff.user.created", "StaffUser", user.Id,
            "{\"roles\":[\"Administrator\"],\"via\":\"create-admin\"}"));
        await db.SaveChangesAsync();
        Console.WriteLine($"Administrator {email} created. Sign in and add the rest of the team under Administration.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
