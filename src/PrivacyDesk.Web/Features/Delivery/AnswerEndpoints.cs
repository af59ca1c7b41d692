using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Web.Components.Portal;
using PrivacyDesk.Web.Components.Portal.Answer;
using PrivacyDesk.Web.Features.Portal;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>
/// The subject's answer pages (issue 16, ADR 0045) in the portal's group under its base path, the portal's one pattern: a page
/// rendered per request, plain forms with the antiforgery token, no circuit, 4xx for any bad input. The link's token is in the
/// path; downloads need the session cookie a right code sets; never cached.
/// </summary>
public static class AnswerEndpoints
{
    /// <summary>The path of the answer pages under the portal's base path.</summary>
    public const string AnswerSegment = "/answer";

    public const string ChallengeField = "Challenge";

    /// <summary>Maps the answer's pages into the portal's group (its cache headers, anonymity and fallback apply).</summary>
    public static RouteGroupBuilder MapAnswerPages(this RouteGroupBuilder portal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        portal.MapGet(AnswerSegment + "/{token}", ShowAsync);
        portal.MapPost(AnswerSegment + "/{token}/send-code", SendCodeAsync);
        portal.MapPost(AnswerSegment + "/{token}/code", VerifyAsync);
        portal.MapGet(AnswerSegment + "/{token}/documents/{documentId:guid}", DownloadAsync);
        return portal;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, string token, AnswerPortal answers, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var portal = PortalContext.For(context, antiforgery, options.Value);
        var link = await answers.FindAsync(token, context.RequestAborted);
        if (link is null || link.IsExpired || link.IsLocked)
        {
            return await ClosedAsync(portal, token, link, answers, context.RequestAborted);
        }
        if (answers.HasSession(context.Request.Cookies[AnswerPortal.SessionCookie], link.DeliveryId))
        {
            var documents = await answers.DocumentsAsync(link.DeliveryId, context.RequestAborted);
            return AnswerPage(portal, token, link, StatusCodes.Status200OK, documents: documents);
        }
        return AnswerPage(portal, token, link, StatusCodes.Status200OK);
    }

    private static async Task<IResult> SendCodeAsync(HttpContext context, string token, AnswerPortal answers, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var (opened, refused) = await OpenPostAsync(context, token, answers, antiforgery, options.Value);
        if (opened is not { } open)
        {
            return refused!;
        }
        var (form, portal, link) = open;
        if (!await PortalEndpoints.IsValidAsync(context, antiforgery))
        {
            return AnswerPage(portal, token, link, StatusCodes.Status400BadRequest, message: Text(context, "Answer.Code.Expired"));
        }
        var sent = await answers.SendCodeAsync(token, PortalEndpoints.ClientAddress(context), portal.Language, context.RequestAborted);
        if (sent.IsSuccess)
        {
            return AnswerPage(portal, token, link, StatusCodes.Status200OK, challenge: sent.Value);
        }
        var limited = sent.Errors.Any(e => e == PortalCodes.RateLimited);
        return AnswerPage(portal, token, link, limited ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest,
            message: Text(context, limited ? "Answer.Code.RateLimited" : "Answer.Code.Expired"));
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, string token, AnswerPortal answers, IAntiforgery antiforgery, IOptions<PortalOptions> options)
    {
        var (opened, refused) = await OpenPostAsync(context, token, answers, antiforgery, options.Value);
        if (opened is not { } open)
        {
            return refused!;
        }
        var (form, portal, link) = open;
        if (!await PortalEndpoints.IsValidAsync(context, antiforgery) || !Guid.TryParse(form[ChallengeField], out var challengeId))
        {
            return AnswerPage(portal, token, link, StatusCodes.Status400BadRequest, message: Text(context, "Answer.Code.Expired"));
        }
        var check = await answers.VerifyAsync(token, challengeId, form[PortalEndpoints.CodeField], context.RequestAborted);
        switch (check)
        {
            case PortalCodeCheck.Verified:
                context.Response.Cookies.Append(AnswerPortal.SessionCookie, answers.ProtectSession(link.DeliveryId), new CookieOptions
                {
                    HttpOnly = true,
                    Secure = context.Request.IsHttps,
                    SameSite = SameSiteMode.Strict,
                    IsEssential = true,
                    Path = portal.Url(AnswerSegment),
                    MaxAge = AnswerPortal.SessionLifetime,
                });
                // Post, redirect, get: a reload does not post the code again.
                return Results.Redirect(AnswerUrl(portal, token));
            case PortalCodeCheck.LinkLocked:
                return await ClosedAsync(portal, token, link with { IsLocked = true }, answers, context.RequestAborted);
            case PortalCodeCheck.Wrong:
                // A wrong code keeps the same challenge (5 tries); expired, used or out of tries asks for a new one.
                return AnswerPage(portal, token, link, StatusCodes.Status400BadRequest, challenge: challengeId, message: Text(context, "Answer.Code.Wrong"));
            default:
                return AnswerPage(portal, token, link, StatusCodes.Status400BadRequest,
                    message: Text(context, check == PortalCodeCheck.TooManyAttempts ? "Answer.Code.TooMany" : "Answer.Code.Expired"));
        }
    }

    private static async Task<IResult> DownloadAsync(string token, Guid documentId, HttpContext context, AnswerPortal answers)
    {
        // Without a live session of this very link there is nothing here: the same answer as an unknown link.
        if (await answers.SessionDeliveryAsync(token, context.Request.Cookies[AnswerPortal.SessionCookie], context.RequestAborted) is null)
        {
            return Results.NotFound();
        }
        var file = await answers.DownloadAsync(token, documentId, context.RequestAborted);
        if (file.IsFailure)
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
    }

    /// <summary>A posted form on a live link: the bounded form, the page context and the link; else the page to answer instead.</summary>
    private static async Task<(PostedOnLink? Opened, IResult? Refused)> OpenPostAsync(
        HttpContext context, string token, AnswerPortal answers, IAntiforgery antiforgery, PortalOptions options)
    {
        var form = await PortalEndpoints.ReadFormAsync(context);
        if (form is null)
        {
            return (null, PortalEndpoints.BadRequestPage(context, options));
        }
        var portal = PortalContext.For(context, antiforgery, options);
        var link = await answers.FindAsync(token, context.RequestAborted);
        if (link is null || link.IsExpired || link.IsLocked)
        {
            return (null, await ClosedAsync(portal, token, link, answers, context.RequestAborted));
        }
        return (new PostedOnLink(form, portal, link), null);
    }

    private sealed record PostedOnLink(IFormCollection Form, PortalContext Portal, AnswerLink Link);

    /// <summary>An unknown or expired link (whom to contact), or a locked one (the same, saying why).</summary>
    private static async Task<IResult> ClosedAsync(PortalContext portal, string token, AnswerLink? link, AnswerPortal answers, CancellationToken cancellationToken)
    {
        var contact = await answers.ContactAsync(cancellationToken);
        if (link is { IsLocked: true, IsExpired: false })
        {
            return PortalEndpoints.Page<LinkLockedPage>(StatusCodes.Status423Locked, new Dictionary<string, object?> { ["Portal"] = portal, ["Contact"] = contact });
        }
        return PortalEndpoints.Page<AnswerPage>(StatusCodes.Status200OK, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["AnswerUrl"] = AnswerUrl(portal, token), ["Link"] = null, ["Contact"] = contact,
        });
    }

    private static IResult AnswerPage(
        PortalContext portal, string token, AnswerLink link, int status, IReadOnlyList<AnswerDocument>? documents = null, Guid? challenge = null, string? message = null) =>
        PortalEndpoints.Page<AnswerPage>(status, new Dictionary<string, object?>
        {
            ["Portal"] = portal, ["AnswerUrl"] = AnswerUrl(portal, token), ["Link"] = link, ["Documents"] = documents, ["Challenge"] = challenge, ["Message"] = message,
        });

    private static string AnswerUrl(PortalContext portal, string token) => portal.Url(AnswerSegment + "/" + Uri.EscapeDataString(token));

    private static string Text(HttpContext context, string key) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<DeliveryText>>()[key];
}
