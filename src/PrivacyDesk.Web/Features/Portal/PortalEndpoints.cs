using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Components.Portal;
using PrivacyDesk.Web.Features.Delivery;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// The public privacy portal's pages (issue 16, ADR 0044): plain HTML forms rendered on the server per request, no circuit and no
/// script, under the configured base path. Each POST reads a bounded form, checks its antiforgery token and answers a page; bad
/// input of any kind is a 4xx page in the visitor's language, never a 5xx, and stores nothing.
/// </summary>
public static class PortalEndpoints
{
    /// <summary>The largest form body the portal reads (a description of 10,000 characters, percent-encoded, fits).</summary>
    public const int MaxBodyBytes = 128 * 1024;

    public const string HoneypotField = "Website";
    public const string StampField = "Started";
    public const string CodeField = "Code";
    public const string MessageField = "Message";
    public const string ConfirmField = "Confirm";

    public static IEndpointRouteBuilder MapPrivacyPortal(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var basePath = endpoints.ServiceProvider.GetRequiredService<IOptions<PortalOptions>>().Value.BasePath;
        var portal = endpoints.MapGroup(basePath).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (invocation, next) =>
            {
                // Pages with a person's request on them are never kept by a browser or a proxy.
                // The same values the antiforgery token sets, so it has nothing to override (and nothing to warn about).
                invocation.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
                invocation.HttpContext.Response.Headers.Pragma = "no-cache";
                invocation.HttpContext.Response.Headers["X-Robots-Tag"] = "noindex";
                return await next(invocation);
            });
        portal.MapGet("/", ShowForm);
        portal.MapPost("/", SubmitAsync);
        portal.MapGet("/code", ShowCode);
        portal.MapPost("/code", VerifyCodeAsync);
        portal.MapGet("/status/{token}", ShowStatusAsync);
        portal.MapPost("/status/{token}/send-code", SendStatusCodeAsync);
        portal.MapGet("/status/{token}/code", ShowStatusCode);
        portal.MapPost("/status/{token}/code", VerifyStatusCodeAsync);
        portal.MapPost("/status/{token}/withdraw", WithdrawAsync);
        portal.MapPost("/status/{token}/message", SendMessageAsync);
        portal.MapAnswerPages();
        portal.MapGet("/language/{language}", ChooseLanguage);
        portal.MapFallback("{**rest}", NotFoundPage);
        return endpoints;
    }

    private static IResult ShowForm(HttpContext context, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var portal = PortalContext.For(context, antiforgery, options.Value);
        return FormPage(portal, PortalSubmission.Empty(portal.Language), [], session, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            return BadRequestPage(context, options.Value);
        }
        var portal = PortalContext.For(context, antiforgery, options.Value);
        var submission = PortalSubmission.From(form, portal.Language);
        if (!await IsValidAsync(context, antiforgery))
        {
            return FormPage(portal, submission, [new Error("portal.form.expired")], session, StatusCodes.Status400BadRequest);
        }
        // A bot fills every field and posts at once; a person leaves the hidden field empty and takes a few seconds.
        var stamp = session.CheckFormStamp(form[StampField]);
        if (stamp == FormStampCheck.Invalid)
        {
            return FormPage(portal, submission, [new Error("portal.form.expired")], session, StatusCodes.Status400BadRequest);
        }
        if (stamp == FormStampCheck.TooFast || !string.IsNullOrEmpty(form[HoneypotField]))
        {
            return FormPage(portal, submission, [new Error("portal.form.check_again")], session, StatusCodes.Status400BadRequest);
        }
        var submitted = await requests.SubmitAsync(submission, ClientAddress(context), context.RequestAborted);
        if (submitted.IsFailure)
        {
            var limited = submitted.Errors.Any(e => e.Code == PortalCodes.RateLimited.Code);
            return FormPage(portal, submission, submitted.Errors, session, limited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status422UnprocessableEntity);
        }
        session.StartCode(context, submitted.Value, requestId: null);
        return Results.Redirect(portal.Url("/code"), permanent: false, preserveMethod: false);
    }

    private static IResult ShowCode(HttpContext context, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var portal = PortalContext.For(context, antiforgery, options.Value);
        return session.CurrentCode(context) is { RequestId: null }
            ? CodeEntry(portal, portal.Url("/code"), portal.Url(), statusCode: false, [], StatusCodes.Status200OK)
            : SessionEnded(portal, portal.Url(), StatusCodes.Status200OK);
    }

    private static async Task<IResult> VerifyCodeAsync(
        HttpContext context, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            return BadRequestPage(context, options.Value);
        }
        var portal = PortalContext.For(context, antiforgery, options.Value);
        if (!await IsValidAsync(context, antiforgery) || session.CurrentCode(context) is not { RequestId: null } current)
        {
            return SessionEnded(portal, portal.Url(), StatusCodes.Status400BadRequest);
        }
        var verified = await requests.VerifySubmissionAsync(current.ChallengeId, form[CodeField], PortalContext.StatusLinkBase(context, options.Value),
            context.RequestAborted);
        if (verified.Receipt is { } receipt)
        {
            session.EndCode(context);
            return Page<DonePage>(StatusCodes.Status200OK, new Dictionary<string, object?> { ["Portal"] = portal, ["Receipt"] = receipt });
        }
        if (verified.Check == PortalCodeCheck.Wrong)
        {
            return CodeEntry(portal, portal.Url("/code"), portal.Url(), statusCode: false, [WrongCode(verified.AttemptsLeft)], StatusCodes.Status400BadRequest);
        }
        session.EndCode(context);
        return Notice(portal, verified.Failure ?? CodeError(verified.Check), portal.Url(), StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ShowStatusAsync(
        HttpContext context, string token, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var portal = PortalContext.For(context, antiforgery, options.Value);
        return await StatusOrLockedAsync(context, portal, token, requests, session, [], notice: null, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SendStatusCodeAsync(
        HttpContext context, string token, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            return BadRequestPage(context, options.Value);
        }
        var portal = PortalContext.For(context, antiforgery, options.Value);
        var statusUrl = StatusUrl(portal, token);
        if (!await IsValidAsync(context, antiforgery))
        {
            return Locked(portal, statusUrl, [new Error("portal.form.expired")], StatusCodes.Status400BadRequest);
        }
        var sent = await requests.SendStatusCodeAsync(token, portal.Language, ClientAddress(context), context.RequestAborted);
        if (sent.Errors.Contains(PortalRequests.LinkLocked))
        {
            return await LinkLockedAsync(portal, context);
        }
        if (sent.IsFailure)
        {
            return Locked(portal, statusUrl, sent.Errors, StatusCodes.Status429TooManyRequests);
        }
        session.StartCode(context, sent.Value, await requests.FindLinkAsync(token, context.RequestAborted) ?? Guid.Empty);
        return Results.Redirect(statusUrl + "/code");
    }

    private static IResult ShowStatusCode(HttpContext context, string token, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var portal = PortalContext.For(context, antiforgery, options.Value);
        var statusUrl = StatusUrl(portal, token);
        return session.CurrentCode(context) is { RequestId: not null }
            ? CodeEntry(portal, statusUrl + "/code", statusUrl, statusCode: true, [], StatusCodes.Status200OK)
            : Results.Redirect(statusUrl);
    }

    private static async Task<IResult> VerifyStatusCodeAsync(
        HttpContext context, string token, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            return BadRequestPage(context, options.Value);
        }
        var portal = PortalContext.For(context, antiforgery, options.Value);
        var statusUrl = StatusUrl(portal, token);
        if (!await IsValidAsync(context, antiforgery) || session.CurrentCode(context) is not { RequestId: not null } current)
        {
            return SessionEnded(portal, statusUrl, StatusCodes.Status400BadRequest);
        }
        var linked = await requests.FindLinkAsync(token, context.RequestAborted) ?? Guid.Empty;
        var verified = await requests.VerifyStatusAsync(current.ChallengeId, linked, form[CodeField], context.RequestAborted);
        if (verified.Check == PortalCodeCheck.Verified && verified.RequestId is { } requestId)
        {
            session.EndCode(context);
            session.StartStatus(context, requestId);
            return Results.Redirect(statusUrl);
        }
        if (verified.Check == PortalCodeCheck.Wrong)
        {
            return CodeEntry(portal, statusUrl + "/code", statusUrl, statusCode: true, [WrongCode(verified.AttemptsLeft)], StatusCodes.Status400BadRequest);
        }
        session.EndCode(context);
        if (verified.Check == PortalCodeCheck.LinkLocked)
        {
            return await LinkLockedAsync(portal, context);
        }
        return Locked(portal, statusUrl, [CodeError(verified.Check)], StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> WithdrawAsync(
        HttpContext context, string token, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        return await OnOpenStatusAsync(context, token, requests, session, antiforgery, options.Value, async (form, requestId) =>
        {
            if (form[ConfirmField] != "yes")
            {
                return ([new Error("portal.withdraw.confirm_required", ConfirmField)], null);
            }
            var withdrawn = await requests.WithdrawAsync(requestId, context.RequestAborted);
            return withdrawn.IsSuccess ? ([], "Status.Withdraw.Done") : (withdrawn.Errors, null);
        });
    }

    private static async Task<IResult> SendMessageAsync(
        HttpContext context, string token, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        return await OnOpenStatusAsync(context, token, requests, session, antiforgery, options.Value, async (form, requestId) =>
        {
            var sent = await requests.SendMessageAsync(requestId, form[MessageField], context.RequestAborted);
            return sent.IsSuccess ? ([], "Status.Message.Sent") : ([.. sent.Errors.Select(e => e with { Field = MessageField })], null);
        });
    }

    /// <summary>A change on the status page: only within this browser's verified session for the link's own request.</summary>
    private static async Task<IResult> OnOpenStatusAsync(
        HttpContext context, string token, PortalRequests requests, PortalSession session, IAntiforgery antiforgery, PortalOptions options,
        Func<IFormCollection, Guid, Task<(IReadOnlyList<Error> Errors, string? Notice)>> change)
    {
        var form = await ReadFormAsync(context);
        if (form is null)
        {
            return BadRequestPage(context, options);
        }
        var portal = PortalContext.For(context, antiforgery, options);
        var requestId = await requests.FindLinkAsync(token, context.RequestAborted);
        if (!await IsValidAsync(context, antiforgery) || requestId is null || session.CurrentStatus(context) != requestId)
        {
            return Locked(portal, StatusUrl(portal, token), [new Error("portal.session.missing")], StatusCodes.Status400BadRequest);
        }
        var (errors, notice) = await change(form, requestId.Value);
        var status = errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return await StatusOrLockedAsync(context, portal, token, requests, session, errors, notice, status,
            errors.Count == 0 ? "" : form[MessageField].ToString());
    }

    private static async Task<IResult> StatusOrLockedAsync(
        HttpContext context, PortalContext portal, string token, PortalRequests requests, PortalSession session,
        IReadOnlyList<Error> errors, string? notice, int statusCode, string message = "")
    {
        var statusUrl = StatusUrl(portal, token);
        var requestId = await requests.FindLinkAsync(token, context.RequestAborted);
        if (requestId is not null && await requests.IsLinkLockedAsync(requestId.Value, context.RequestAborted))
        {
            return await LinkLockedAsync(portal, context);
        }
        if (requestId is not null && session.CurrentStatus(context) == requestId
            && await requests.StatusAsync(requestId.Value, recordView: true, context.RequestAborted) is { } view)
        {
            return Page<StatusPage>(statusCode, new Dictionary<string, object?>
            {
                ["Portal"] = portal,
                ["StatusUrl"] = statusUrl,
                ["View"] = view,
                ["Errors"] = errors,
                ["Notice"] = notice,
                ["Message"] = message,
            });
        }
        // A known link and an unknown one look the same until a code is right.
        return Locked(portal, statusUrl, errors, statusCode);
    }

    private static IResult ChooseLanguage(HttpContext context, string language, string? returnUrl, IOptions<PortalOptions> options)
    {
        var home = PortalContext.BaseOf(context, options.Value);
        var culture = LocalizationSetup.ToSupportedCulture(language);
        if (culture is not null)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
        }
        // Back to a portal page only: never an open redirect.
        var back = returnUrl is { Length: > 0 and < 300 } && returnUrl.StartsWith(home, StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal)
            && !returnUrl.Contains('\\', StringComparison.Ordinal)
            // Printable ASCII only: a control or non-ASCII character in a Location header makes the server throw.
            && returnUrl.All(c => c is > ' ' and < '\x7f') ? returnUrl : home;
        return Results.Redirect(back);
    }

    private static IResult NotFoundPage(HttpContext context, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var portal = PortalContext.For(context, antiforgery, options.Value);
        return Page<PortalNoticePage>(StatusCodes.Status404NotFound, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["TitleKey"] = "NotFound.Title", ["TextKey"] = "NotFound.Text", ["LinkUrl"] = portal.Url(), ["LinkKey"] = "Portal.NewRequest",
        });
    }

    internal static IResult BadRequestPage(HttpContext context, PortalOptions options)
    {
        var portal = new PortalContext(PortalContext.BaseOf(context, options), PortalContext.CurrentLanguage, "", "");
        return Page<PortalNoticePage>(StatusCodes.Status400BadRequest, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["TitleKey"] = "BadRequest.Title", ["TextKey"] = "BadRequest.Text", ["LinkUrl"] = portal.Url(), ["LinkKey"] = "Portal.NewRequest",
        });
    }

    private static IResult FormPage(PortalContext portal, PortalSubmission form, IReadOnlyList<Error> errors, PortalSession session, int statusCode) =>
        Page<RequestFormPage>(statusCode, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["Form"] = form, ["Errors"] = errors, ["Stamp"] = session.NewFormStamp(),
        });

    private static IResult CodeEntry(PortalContext portal, string action, string backUrl, bool statusCode, IReadOnlyList<Error> errors, int status) =>
        Page<CodePage>(status, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["Action"] = action, ["BackUrl"] = backUrl, ["ForStatus"] = statusCode, ["Errors"] = errors,
        });

    private static IResult Locked(PortalContext portal, string statusUrl, IReadOnlyList<Error> errors, int status) =>
        Page<StatusLockedPage>(status, new Dictionary<string, object?> { ["Portal"] = portal, ["StatusUrl"] = statusUrl, ["Errors"] = errors });

    /// <summary>A link locked after too many wrong codes: whom to contact (the controller profile), no form.</summary>
    internal static async Task<IResult> LinkLockedAsync(PortalContext portal, HttpContext context)
    {
        var contact = (await context.RequestServices.GetRequiredService<Settings.ControllerSettings>().CurrentAsync(context.RequestAborted)).Contact;
        return Page<LinkLockedPage>(StatusCodes.Status423Locked, new Dictionary<string, object?> { ["Portal"] = portal, ["Contact"] = contact });
    }

    private static IResult SessionEnded(PortalContext portal, string backUrl, int status) =>
        Notice(portal, new Error("portal.session.missing"), backUrl, status);

    private static IResult Notice(PortalContext portal, Error error, string backUrl, int status) =>
        Page<PortalNoticePage>(status, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["TitleKey"] = "Code.Title", ["Error"] = error, ["LinkUrl"] = backUrl, ["LinkKey"] = "Code.StartAgain",
        });

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Every portal answer is an IResult; the page type is the caller's detail.")]
    internal static IResult Page<TPage>(int statusCode, IReadOnlyDictionary<string, object?> parameters)
        where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = statusCode, PreventStreamingRendering = true };

    private static string StatusUrl(PortalContext portal, string token) => portal.Url("/status/" + Uri.EscapeDataString(token));

    private static Error WrongCode(int left) =>
        new("portal.code.wrong", CodeField, new Dictionary<string, string>(StringComparer.Ordinal) { ["left"] = left.ToString(System.Globalization.CultureInfo.CurrentCulture) });

    private static Error CodeError(PortalCodeCheck check) => check switch
    {
        PortalCodeCheck.Expired => new Error("portal.code.expired"),
        PortalCodeCheck.TooManyAttempts => new Error("portal.code.too_many_attempts"),
        _ => new Error("portal.code.already_used"),
    };

    /// <summary>The client's address as the connection (or a configured proxy's forwarded header) gives it; stored only as a keyed hash.</summary>
    internal static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static async Task<bool> IsValidAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    /// <summary>A URL-encoded form of at most <see cref="MaxBodyBytes"/>, or null for anything else (too big, malformed, another type).</summary>
    internal static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType is not { } type || !type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBodyBytes;
        }
        context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            ValueCountLimit = 32,
            KeyLengthLimit = 64,
            ValueLengthLimit = MaxBodyBytes,
            BufferBodyLengthLimit = MaxBodyBytes,
            MultipartBodyLengthLimit = MaxBodyBytes,
        }));
        try
        {
            return await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
