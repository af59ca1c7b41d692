using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PrivacyDesk.Data.Identity;

namespace PrivacyDesk.Web.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>The one Identity endpoint the Account pages need besides themselves: sign-out.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (HttpContext http, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<StaffUser> signInManager) =>
        {
            // Checked here rather than by form binding, whose failure is an exception (500 and stack traces) instead of a 400.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            await signInManager.SignOutAsync();
            var target = "/" + form["returnUrl"].ToString().TrimStart('/', '\\');
            return Results.LocalRedirect(IsLocal(target) ? "~" + target : "~/");
        }).DisableAntiforgery();
        return accountGroup;
    }

    private static bool IsLocal(string path) => Uri.TryCreate(path, UriKind.Relative, out _) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
}
