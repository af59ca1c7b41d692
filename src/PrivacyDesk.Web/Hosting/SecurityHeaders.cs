using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// The headers every answer carries (pages, API, downloads, static files, errors): a Content-Security-Policy
/// without inline or evaluated script, nosniff, a same-origin referrer and no Server header (ADR 0027).
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// The staff app's policy. Blazor Server and MudBlazor need nothing inline for script; MudBlazor sets inline
    /// style attributes and a theme &lt;style&gt; element, hence style-src 'unsafe-inline' (styles cannot run code).
    /// </summary>
    public const string AppPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Scalar API reference page: its inline start-up scripts are allowed by their hashes, computed from the page itself.</summary>
    public const string ApiReferencePath = "/api/reference";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        // Which server software answers is nobody's business.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            // Only the page itself: its scripts and styles below it are files, sent by the static-file path that bypasses a swapped body.
            if (IsApiReferencePage(context.Request.Path))
            {
                await WithHashedInlineScriptsAsync(context, next);
                return;
            }
            context.Response.OnStarting(() =>
            {
                Apply(context.Response, AppPolicy);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    private static bool IsApiReferencePage(PathString path) =>
        path.Equals(ApiReferencePath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(ApiReferencePath + "/", StringComparison.OrdinalIgnoreCase)
        || path.Equals(ApiReferencePath + "/index.html", StringComparison.OrdinalIgnoreCase);

    private static void Apply(HttpResponse response, string policy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers.Remove("Server");
    }

    /// <summary>
    /// The reference page is the package's HTML with inline start-up scripts; it is buffered (a few KB) so each inline
    /// script can be allowed by its SHA-256 instead of opening script-src to every inline script.
    /// </summary>
    private static async Task WithHashedInlineScriptsAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var hashes = "";
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            hashes = string.Concat(InlineScripts().Matches(html).Select(m =>
                $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups["body"].Value)))}'"));
        }
        Apply(context.Response, $"default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScripts();
}
