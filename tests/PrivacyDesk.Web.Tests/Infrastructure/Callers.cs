using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>Principals as the sign-in cookie would carry them, for calling feature services directly.</summary>
public static class Callers
{
    public static async Task<ClaimsPrincipal> ForAsync(PrivacyDeskAppFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        var roles = await users.GetRolesAsync(user);
        return Principal(user.Id, user.DisplayName, roles);
    }

    public static ClaimsPrincipal Principal(string id, string displayName, IEnumerable<string> roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, displayName), new(IdentitySetup.DisplayNameClaim, displayName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
