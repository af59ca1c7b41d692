using System.Globalization;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Features.Documents;

/// <summary>
/// Downloads of stored documents by id (a GUID: never personal data in a URL) and the register's Art. 30
/// record as a PDF next to its CSV. Never cached; every download audited by <see cref="CaseDocuments"/>.
/// </summary>
public static class DocumentEndpoints
{
    public const string Art30PdfPath = "/register/export/art30.pdf";

    public static string DownloadPath(Guid documentId) => string.Create(CultureInfo.InvariantCulture, $"/documents/{documentId}");

    /// <summary>"Download case file": the request's id (a GUID) and the language; one click, one file.</summary>
    public static string CaseFilePath(Guid requestId, string language) =>
        string.Create(CultureInfo.InvariantCulture, $"/requests/{requestId}/case-file?lang={Uri.EscapeDataString(language)}");

    public static string Art30PdfUrl(string language) => $"{Art30PdfPath}?lang={Uri.EscapeDataString(language)}";

    public static IServiceCollection AddDocumentsFeature(this IServiceCollection services)
    {
        services.AddScoped<CaseDocuments>();
        services.AddOutboxHandler<AcknowledgementLetterHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/documents/{documentId:guid}", async (Guid documentId, HttpContext http, CaseDocuments documents, CancellationToken cancellationToken) =>
            {
                var file = await documents.DownloadAsync(http.User, documentId, cancellationToken);
                if (file.IsFailure)
                {
                    return file.Errors.Any(e => e == CaseDocuments.Forbidden) ? Results.Forbid() : Results.NotFound();
                }
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
            })
            .RequireAuthorization();

        app.MapGet("/requests/{requestId:guid}/case-file", async (Guid requestId, string? lang, HttpContext http, CaseDocuments documents, CancellationToken cancellationToken) =>
            {
                if (lang is not null and not ("nl" or "en"))
                {
                    return Results.BadRequest();
                }
                var file = await documents.DownloadCaseFileAsync(http.User, requestId, lang ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
                if (file.IsFailure)
                {
                    return file.Errors.Any(e => e == CaseDocuments.Forbidden) ? Results.Forbid()
                        : file.Errors.Any(e => e == CaseDocuments.NotFound) ? Results.NotFound() : Results.Problem(statusCode: StatusCodes.Status409Conflict);
                }
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
            })
            // Administrators never reach a case; the service then admits team leads and auditors only.
            .RequireAuthorization(nameof(Permission.ViewRequests));

        app.MapGet(Art30PdfPath, async (string? lang, HttpContext http, CaseDocuments documents, CancellationToken cancellationToken) =>
            {
                if (lang is not null and not ("nl" or "en"))
                {
                    return Results.BadRequest();
                }
                var language = lang ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
                var file = await documents.ProcessingRecordAsync(http.User, language, cancellationToken);
                if (file.IsFailure)
                {
                    return file.Errors.Any(e => e == CaseDocuments.Forbidden) ? Results.Forbid() : Results.Problem(statusCode: StatusCodes.Status409Conflict);
                }
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
            })
            .RequireAuthorization(nameof(Permission.ViewRegister));
        return app;
    }
}
