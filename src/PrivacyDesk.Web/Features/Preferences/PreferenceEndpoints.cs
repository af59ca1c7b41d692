using Microsoft.AspNetCore.Localization;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Preferences;

/// <summary>Language choice: a cookie, then a reload so every component renders in the new culture.</summary>
public static class PreferenceEndpoints
{
    public const string ThemeCookie = "PrivacyDesk.Theme";

    public static IEndpointRouteBuilder MapPreferenceEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/preferences/culture", (HttpContext context, string? culture, string? returnUrl) =>
        {
            var supported = LocalizationSetup.ToSupportedCulture(culture);
            if (supported is null)
            {
                return Results.BadRequest();
            }
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    public static bool IsDarkMode(HttpContext? context) =>
        context?.Request.Cookies[ThemeCookie] == "dark";
}
