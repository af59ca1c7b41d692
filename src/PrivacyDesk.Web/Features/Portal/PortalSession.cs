using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// What the portal keeps in the browser, all protected by Data Protection and checked against the app's clock (issue 16): the
/// form's start time (a bot that posts at once is refused), the code being entered (a cookie, so no id travels in a URL) and the
/// short verified status session. Cookies are HttpOnly, SameSite=Strict and limited to the portal's path.
/// </summary>
public sealed class PortalSession(IDataProtectionProvider protection, TimeProvider clock, IOptions<PortalOptions> options)
{
    public const string ChallengeCookie = "PrivacyDesk.Portal.Code";
    public const string StatusCookie = "PrivacyDesk.Portal.Status";

    /// <summary>How long a verified status view and a code being entered last.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromMinutes(15);

    /// <summary>A form left open longer than this is refused (and shown again to send once more).</summary>
    public static readonly TimeSpan FormLifetime = TimeSpan.FromHours(4);

    /// <summary>The Data Protection purpose of the form's start time; tests make a stamp with it.</summary>
    public const string FormStampPurpose = "PrivacyDesk.Portal.FormStamp.v1";

    private IDataProtector FormStamps => protection.CreateProtector(FormStampPurpose);

    private IDataProtector Cookies => protection.CreateProtector("PrivacyDesk.Portal.Cookies.v1");

    /// <summary>The hidden field's value: now, protected.</summary>
    public string NewFormStamp() => FormStamps.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>A stamp for a form opened at <paramref name="openedAt"/> (tests: a form filled in like a person does).</summary>
    public static string FormStamp(IDataProtectionProvider protection, DateTimeOffset openedAt)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return protection.CreateProtector(FormStampPurpose).Protect(openedAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Whether the posted stamp is ours, old enough to be a person's and young enough to be this visit's.</summary>
    public FormStampCheck CheckFormStamp(string? stamp)
    {
        var opened = Unprotect(FormStamps, stamp);
        if (opened is null || !long.TryParse(opened, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return FormStampCheck.Invalid;
        }
        var age = clock.GetUtcNow().UtcTicks - ticks;
        if (age < 0 || age > FormLifetime.Ticks)
        {
            return FormStampCheck.Invalid;
        }
        return age < TimeSpan.FromSeconds(options.Value.MinimumSecondsToSubmit).Ticks ? FormStampCheck.TooFast : FormStampCheck.Valid;
    }

    /// <summary>Remembers the code being entered: the challenge, and for a status code the request its link names.</summary>
    public void StartCode(HttpContext context, Guid challengeId, Guid? requestId) =>
        Write(context, ChallengeCookie, $"{challengeId:N}|{requestId?.ToString("N") ?? ""}");

    /// <summary>The code being entered, if the cookie is ours and younger than <see cref="SessionLifetime"/>.</summary>
    public (Guid ChallengeId, Guid? RequestId)? CurrentCode(HttpContext context)
    {
        var parts = Read(context, ChallengeCookie)?.Split('|');
        if (parts is not { Length: 2 } || !Guid.TryParseExact(parts[0], "N", out var challengeId))
        {
            return null;
        }
        return (challengeId, Guid.TryParseExact(parts[1], "N", out var requestId) ? requestId : null);
    }

    public void EndCode(HttpContext context) => Delete(context, ChallengeCookie);

    /// <summary>Opens the status view of one request for <see cref="SessionLifetime"/>.</summary>
    public void StartStatus(HttpContext context, Guid requestId) => Write(context, StatusCookie, requestId.ToString("N"));

    /// <summary>The request whose status this browser may see now, if any.</summary>
    public Guid? CurrentStatus(HttpContext context) =>
        Guid.TryParseExact(Read(context, StatusCookie) ?? "", "N", out var requestId) ? requestId : null;

    private void Write(HttpContext context, string name, string value)
    {
        var expires = clock.GetUtcNow() + SessionLifetime;
        var payload = Cookies.Protect($"{expires.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{name}|{value}");
        context.Response.Cookies.Append(name, payload, CookieOptions(context));
    }

    private string? Read(HttpContext context, string name)
    {
        var plain = Unprotect(Cookies, context.Request.Cookies[name]);
        var parts = plain?.Split('|', 3);
        if (parts is not { Length: 3 } || parts[1] != name || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }
        return clock.GetUtcNow().UtcTicks < expires ? parts[2] : null;
    }

    private void Delete(HttpContext context, string name) => context.Response.Cookies.Delete(name, CookieOptions(context));

    private CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = context.Request.PathBase.Add(options.Value.BasePath).Value,
    };

    private static string? Unprotect(IDataProtector protector, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 2_000)
        {
            return null;
        }
        try
        {
            return protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

public enum FormStampCheck
{
    Valid,
    TooFast,
    Invalid,
}
