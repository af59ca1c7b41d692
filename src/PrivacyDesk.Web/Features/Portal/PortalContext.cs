using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>What every portal page needs from its request: where the portal lives (proxy path base included), the language, and the form token.</summary>
public sealed record PortalContext(string BasePath, string Language, string AntiforgeryField, string AntiforgeryToken)
{
    /// <summary>The portal's own address for <paramref name="path"/> (e.g. "/code"), under the path base and the configured base path.</summary>
    public string Url(string path = "") => BasePath + path;

    public static PortalContext For(HttpContext context, IAntiforgery antiforgery, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(options);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new PortalContext(BaseOf(context, options), CurrentLanguage, tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    /// <summary>"nl" or "en": the request localization's choice (the portal's switch, else the browser's language).</summary>
    public static string CurrentLanguage => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    public static string BaseOf(HttpContext context, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return context.Request.PathBase.Add(options.BasePath).Value ?? options.BasePath;
    }

    /// <summary>
    /// The address of status links in e-mails: <see cref="PortalOptions.PublicBaseUrl"/> when set (the portal's own host name behind a
    /// proxy), else this request's scheme, host and base path.
    /// </summary>
    public static string StatusLinkBase(HttpContext context, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var root = string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? $"{context.Request.Scheme}://{context.Request.Host}{BaseOf(context, options)}"
            : options.PublicBaseUrl.Trim().TrimEnd('/');
        return root + "/status/";
    }
}
