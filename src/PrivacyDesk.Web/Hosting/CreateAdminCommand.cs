using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Administration;

namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// <c>create-admin --email a@b.nl --name "Name"</c>: creates the first administrator of a new
/// installation, with the same validation and audit event as the Administration page. The password
/// comes from PRIVACYDESK_ADMIN_PASSWORD or is typed without echo, never from the command line
/// (which ends up in shell history and process lists).
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
            await Console.Error.WriteLineAsync($"Usage: {Verb} --email <address> [--name \"Display name\"]; the password is read from {PasswordVariable} or typed at the prompt.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password for the new administrator: ");
            password = ReadHidden();
        }

        CultureInfo.CurrentUICulture = new CultureInfo(LocalizationSetup.English);
        await using var scope = app.Services.CreateAsyncScope();
        var staff = scope.ServiceProvider.GetRequiredService<StaffAdministration>();
        var localizer = scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>();
        var created = await staff.CreateAsync(CommandLineCaller(), new NewStaffMember(name!, email, password ?? "", [StaffRole.Administrator]));
        if (created.IsFailure)
        {
            await Console.Error.WriteLineAsync("The administrator was not created:");
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error.Field is null ? $"  {localizer.Message(error)}" : $"  {error.Field}: {localizer.Message(error)}");
            }
            return 1;
        }
        Console.WriteLine($"Administrator {email} created. Sign in and add the rest of the team under Administration.");
        return 0;
    }

    /// <summary>Whoever can run the app's binary on the server may create an administrator; the audit trail says it came from here.</summary>
    private static ClaimsPrincipal CommandLineCaller() => new(new ClaimsIdentity(
        [new Claim(IdentitySetup.DisplayNameClaim, "create-admin (command line)"), new Claim(ClaimTypes.Role, StaffRole.Administrator)],
        authenticationType: "CommandLine"));

    private static string? ReadHidden()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine();
        }
        var password = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.WriteLine();
        return password.ToString();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
