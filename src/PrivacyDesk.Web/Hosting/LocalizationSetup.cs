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
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Maps a two-letter choice ("nl", "en") or a culture name to a supported culture, or null.</summary>
    public static string? ToSupportedCulture(string? choice) => choice?.ToLowerInvariant() switch
    {
        "nl" or "nl-nl" => Dutch,
        "en" or "en-gb" => English,
        _ => null,
    };
}
