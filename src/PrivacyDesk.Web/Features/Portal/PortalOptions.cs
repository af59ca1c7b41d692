using Microsoft.Extensions.Options;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// The public privacy portal (issue 16, section <c>Portal</c>): where it lives, the key its one-time codes and hashes use,
/// the rate limits, and how long an answer's download link holds.
/// </summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";
    public const int CodeKeyMinimumBytes = 32;

    /// <summary>A fixed key for Development only, so the README's first command needs no set-up; refused elsewhere.</summary>
    internal const string DevelopmentCodeKey = "cHJpdmFjeWRlc2stZGV2ZWxvcG1lbnQtcG9ydGFsLWtleS0wMDAwMDAwMDAwMDA=";

    /// <summary>The path the portal's pages live under; behind a proxy on its own host name the proxy maps that host to it.</summary>
    public string BasePath { get; set; } = "/privacy";

    /// <summary>The portal's address as the subject reaches it (e.g. https://privacy.example.nl/privacy), for links in e-mails; the request's own host when empty.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Base64, at least <see cref="CodeKeyMinimumBytes"/> bytes: keys the code, address and client hashes (environment variable <c>Portal__CodeKey</c>).</summary>
    public string? CodeKey { get; set; }

    /// <summary>Codes one e-mail address may be sent per hour (a verified code does not give back the allowance).</summary>
    public int CodesPerAddressPerHour { get; set; } = 5;

    /// <summary>Codes one client address may ask for per hour.</summary>
    public int CodesPerClientPerHour { get; set; } = 20;

    /// <summary>A request form sent sooner than this after it was opened is taken for a bot's and sent back (nothing is stored).</summary>
    public int MinimumSecondsToSubmit { get; set; } = 3;

    /// <summary>How long an answer's download link holds unless an officer extends it.</summary>
    public int DeliveryLinkDays { get; set; } = 30;

    /// <summary>The decoded key, or null when missing, not base64 or too short.</summary>
    public byte[]? CodeKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(CodeKey))
        {
            return null;
        }
        var buffer = new byte[CodeKey.Length];
        return Convert.TryFromBase64String(CodeKey.Trim(), buffer, out var written) && written >= CodeKeyMinimumBytes ? buffer[..written] : null;
    }
}

/// <summary>Outside Development the app does not start without a usable code key; in Development a fixed key fills in.</summary>
public sealed class PortalOptionsSetup(IHostEnvironment environment) : IPostConfigureOptions<PortalOptions>, IValidateOptions<PortalOptions>
{
    public void PostConfigure(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.CodeKey))
        {
            options.CodeKey = PortalOptions.DevelopmentCodeKey;
        }
    }

    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.CodeKeyBytes() is null)
        {
            failures.Add($"{PortalOptions.SectionName}:CodeKey is not set or not base64 of at least {PortalOptions.CodeKeyMinimumBytes} bytes " +
                "(environment variable Portal__CodeKey). See docs/operations.md.");
        }
        if (!environment.IsDevelopment() && options.CodeKey == PortalOptions.DevelopmentCodeKey)
        {
            failures.Add($"{PortalOptions.SectionName}:CodeKey is the Development key; set a secret of your own.");
        }
        if (!options.BasePath.StartsWith('/') || options.BasePath.Length < 2 || options.BasePath.EndsWith('/'))
        {
            failures.Add($"{PortalOptions.SectionName}:BasePath must start with / and not end with one (e.g. /privacy).");
        }
        if (options.MinimumSecondsToSubmit < 0)
        {
            failures.Add($"{PortalOptions.SectionName}:MinimumSecondsToSubmit cannot be negative.");
        }
        if (options.CodesPerAddressPerHour < 1 || options.CodesPerClientPerHour < 1 || options.DeliveryLinkDays < 1)
        {
            failures.Add($"{PortalOptions.SectionName}: rate limits and the link lifetime must be at least 1.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
