using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Web.Components;
using PrivacyDesk.Web.Components.Account;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Inbox;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Preferences;
using PrivacyDesk.Web.Features.Register;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.SourceSystems;

namespace PrivacyDesk.Web.Hosting;

public static class Pipeline
{
    /// <summary>Migrations, roles and (in demo mode) demo users, before the first request.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Without the key, someone with the database could rewrite the trail unseen: no start outside Development.
        if (!app.Environment.IsDevelopment() && app.Services.GetRequiredService<AuditAnchor>().Key is null)
        {
            throw new InvalidOperationException(
                $"{AuditAnchorOptions.SectionName}:Key is not set (at least {AuditSealKey.MinimumLength} characters, kept out of the database; " +
                "environment variable AuditAnchor__Key). See docs/operations.md.");
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        // The demo key is public (it is in the repository): honoured in Development only, whatever the configuration
        // says, and revoked when a database that had it starts anywhere else.
        var intake = app.Configuration.GetSection(IntakeApiOptions.SectionName).Get<IntakeApiOptions>();
        var keys = app.Services.GetRequiredService<ApiKeys>();
        if (app.Environment.IsDevelopment())
        {
            await keys.SeedDemoKeyAsync(intake?.DemoKey);
            // The demo's connected source systems: SQLite files beside the database, so fetching works with no server.
            await app.Services.GetRequiredService<DemoSourceSystems>().ConnectAsync(app.Configuration, app.Environment.ContentRootPath);
        }
        else
        {
            await keys.RevokePublicDemoKeysAsync(intake?.DemoKey);
        }
    }

    public static WebApplication UsePrivacyDeskPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First, so that every answer (errors and static files included) carries the headers.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        // The intake API's limit comes before its key check (ADR 0021), so refused guesses are limited too.
        app.UseIntakeRateLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPrivacyDeskEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapPreferenceEndpoints();
        app.MapRegisterEndpoints();
        app.MapDashboardEndpoints();
        app.MapCaseAttachmentEndpoints();
        app.MapInboxEndpoints();
        app.MapDocumentEndpoints();
        app.MapIntakeApi();
        app.MapPrivacyPortal();
        app.MapHealthEndpoints();
        return app;
    }
}
