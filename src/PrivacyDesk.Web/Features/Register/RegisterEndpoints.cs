using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>The download of the Art. 30 record; only for those who may read the register, and every download audited.</summary>
public static class RegisterEndpoints
{
    public const string Art30CsvPath = "/register/export/art30.csv";

    public static IServiceCollection AddRegisterFeature(this IServiceCollection services)
    {
        services.AddScoped<ProcessingRegisterService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Art30CsvPath, async (HttpContext http, ProcessingRegisterService register, CancellationToken cancellationToken) =>
            {
                var export = await register.ExportCsvAsync(http.User, cancellationToken);
                if (export.IsFailure)
                {
                    return Results.Forbid();
                }
                // The record describes the firm's processing, not a person, but it is internal: never cached.
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(export.Value.Content, "text/csv; charset=utf-8", export.Value.FileName);
            })
            .RequireAuthorization(nameof(Permission.ViewRegister));
        return app;
    }
}
