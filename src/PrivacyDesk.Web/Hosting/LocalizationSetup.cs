using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace PrivacyDesk.Web.Hosting;

/// <summary>Dutch (default) and English; the user's choice is kept in the standard culture cookie.</summary>
public static class LocalizationSetup
{
    public const string Dutch = "nl-NL";
    public const string English = "en-GB";

    public static IReadOnlyList<CultureInfo> SupportedCultures { get; } = [new(Dutch), new(English)];

    public static IServiceCollection AddPrivacyDeskLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Dutch);
            options.SupportedCultures = [.. SupportedCultures];
            options.SupportedUICultures = [.. SupportedCultures];
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Only the explicit choice and the browser's language; never a query string (URLs stay clean).
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new BrowserLanguageProvider()];
        });
        return services;
    }

    /// <summary>
    /// The browser's preferred languages mapped by language, not region: en-US or en gets English
    /// (en-GB), nl-BE gets Dutch (nl-NL). Anything else falls through to the Dutch default.
    /// </summary>
    private sealed class BrowserLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var languages = httpContext.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => ToSupportedCulture(l.Value.Value?.Split('-')[0]));
            var culture = languages.FirstOrDefault(c => c is not null);
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
        }
    }

    /// <summary>Maps a two-letter choice ("nl", "en") or a culture name to a supported culture, or null.</summary>
    public static string? ToSupportedCulture(string? choice) => choice?.ToLowerInvariant() switch
    {
        "nl" or "nl-nl" => Dutch,
        "en" or "en-gb" => English,
        _ => null,
    };
}
