using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Dashboard;

public sealed record DashboardExportFile(string FileName, byte[] Content);

/// <summary>The dashboard's CSV export: the same figures the page shows for the same filters; every download audited.</summary>
public sealed class DashboardExport(
    SlaFigures figures, IServiceScopeFactory scopes, ControllerSettings settings,
    IStringLocalizer<DashboardText> text, TimeProvider clock)
{
    public const string ExportedAction = "dashboard.exported";
    public const string EntityType = "SlaDashboard";
    public const string EntityId = "sla";

    public async Task<Result<DashboardExportFile>> ExportCsvAsync(ClaimsPrincipal caller, DashboardQuery query, CancellationToken cancellationToken = default)
    {
        var read = await figures.ReadAsync(caller, query, cancellationToken);
        if (read.IsFailure)
        {
            return Result<DashboardExportFile>.Failure(read.Errors);
        }
        var content = DashboardCsv.Build(read.Value, text, Terms.Language);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var now = clock.GetUtcNow();
        var q = read.Value.Query;
        db.AuditEvents.Add(AuditEvent.Record(now, caller.FindFirstValue(ClaimTypes.NameIdentifier), caller.DisplayName(), ExportedAction, EntityType, EntityId,
            AuditDetails.Of(("format", "csv"), ("period", q.PeriodDays), ("type", q.Type), ("ownFiguresOnly", read.Value.OwnFiguresOnly))));
        await db.SaveChangesAsync(cancellationToken);
        var zone = (await settings.CurrentAsync(cancellationToken)).TimeZone;
        var date = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Result.Success(new DashboardExportFile($"sla-dashboard-{date}.csv", content));
    }
}

/// <summary>Registration and the download route of the dashboard.</summary>
public static class DashboardEndpoints
{
    public const string CsvPath = "/dashboard/export/sla.csv";

    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.AddScoped<SlaFigures>();
        services.AddScoped<DashboardExport>();
        return services;
    }

    /// <summary>The export's address for the page's filters (no personal data: a period and a request type).</summary>
    public static string CsvUrl(DashboardQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var url = CsvPath + "?period=" + query.PeriodDays.ToString(CultureInfo.InvariantCulture);
        return query.Type is { } type ? url + "&type=" + QueueLinks.TypeSlug(type) : url;
    }

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(CsvPath, async (HttpContext http, DashboardExport export, string? period, string? type, CancellationToken cancellationToken) =>
            {
                var query = new DashboardQuery(
                    int.TryParse(period, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : 90,
                    QueueLinks.ParseType(type));
                var file = await export.ExportCsvAsync(http.User, query, cancellationToken);
                if (file.IsFailure)
                {
                    return Results.Forbid();
                }
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Value.Content, "text/csv; charset=utf-8", file.Value.FileName);
            })
            .RequireAuthorization(nameof(Permission.ViewDashboard));
        return app;
    }
}
