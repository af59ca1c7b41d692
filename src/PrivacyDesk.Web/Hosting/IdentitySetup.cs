using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Account;

namespace PrivacyDesk.Web.Hosting;

public static class IdentitySetup
{
    public const string DisplayNameClaim = "privacydesk:display_name";

    /// <summary>
    /// Identity with EF stores and roles, a strict password and lockout policy, and one
    /// authorization policy per <see cref="Permission"/>. Anything not explicitly opened is
    /// closed: the fallback policy requires a signed-in user.
    /// </summary>
    public static IServiceCollection AddStaffIdentity(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "PrivacyDesk.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(9);
            cookie.Events.OnValidatePrincipal = ValidateSecurityStampInOwnScopeAsync;
        });

        // The sign-in cookie is checked against the security stamp every minute, so locking an account ends its sessions.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = StaffPasswordPolicy.MinimumLength;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = true;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = StaffPasswordPolicy.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PrivacyDeskDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        services.AddAuthorization(options => options.AddPermissionPolicies());
        return services;
    }

    /// <summary>
    /// Identity's security-stamp check (every minute, see above) in a scope of its own. Identity resolves its validator,
    /// and with it a user store and a <see cref="PrivacyDeskDbContext"/>, from the request's services; the request that
    /// carries a Blazor circuit's WebSocket lives as long as the circuit, so every open page kept a DbContext with its
    /// tracked user until the tab closed (ADR 0049). Same validator, same interval; its DbContext ends with the check.
    /// </summary>
    internal static async Task ValidateSecurityStampInOwnScopeAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var requestServices = http.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        finally
        {
            http.RequestServices = requestServices;
        }
    }

    /// <summary>One policy per <see cref="Permission"/>, named after it, and a fallback that requires sign-in.</summary>
    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var permission in Enum.GetValues<Permission>())
        {
            options.AddPolicy(permission.ToString(), policy => policy.RequireRole(AccessPolicy.RolesWith(permission)));
        }
    }

    public static bool Has(this ClaimsPrincipal user, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && StaffRole.All.Any(role => user.IsInRole(role) && AccessPolicy.PermissionsOf(role).Contains(permission));
    }

    /// <summary>The signed-in member of staff as the domain knows them: id, display name (for the audit trail) and roles.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not signed in.");
        var roles = StaffRole.All.Where(user.IsInRole).ToList();
        return new Actor(id, user.DisplayName(), roles);
    }

    public static string DisplayName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";
    }

    /// <summary>Adds the display name to the sign-in cookie so the app bar and audit trail need no query.</summary>
    private sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
            return identity;
        }
    }
}

public static class StaffPasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaxFailedAttempts = 5;
}
