using System.Globalization;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>The subject's downloads: the link's token and a document id in the path, the session cookie after the code; never cached.</summary>
public static class DeliveryEndpoints
{
    public const string DownloadRoute = "/privacy/answer/{token}/documents/{documentId:guid}";

    public static string DownloadPath(string token, Guid documentId) =>
        string.Create(CultureInfo.InvariantCulture, $"/privacy/answer/{Uri.EscapeDataString(token)}/documents/{documentId}");

    public static IEndpointRouteBuilder MapAnswerDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet(DownloadRoute, async (string token, Guid documentId, HttpContext http, AnswerPortal portal, CancellationToken cancellationToken) =>
            {
                // Without a live session of this very link there is nothing here: the same answer as an unknown link.
                if (await portal.SessionDeliveryAsync(token, http.Request.Cookies[AnswerPortal.SessionCookie], cancellationToken) is null)
                {
                    return Results.NotFound();
                }
                var file = await portal.DownloadAsync(token, documentId, cancellationToken);
                if (file.IsFailure)
                {
                    return Results.NotFound();
                }
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
            })
            .AllowAnonymous();
        return app;
    }
}
