using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor.Services;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using PrivacyDesk.Web.Features.Administration;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Register;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Features.Subjects;

namespace PrivacyDesk.Web.Hosting;

public static class UserInterfaceSetup
{
    /// <summary>Interactive server components, MudBlazor, localisation and the feature services behind the pages.</summary>
    public static IServiceCollection AddUserInterface(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            // A dropped connection keeps its circuit for a reconnect; a closed laptop or a killed tab otherwise holds its
            // memory for 3 minutes and 100 of them may wait (the defaults). ADR 0049: one minute, at most 30 waiting.
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
            options.DisconnectedCircuitMaxRetained = 30;
        });
        // Memory back to the machine after a wave of pages closed and the instance went quiet (ADR 0049).
        services.AddSingleton<OpenCircuits>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());
        services.AddHostedService<IdleMemoryTrim>();
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.AddPrivacyDeskLocalization();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PageLoadFailures>();
        services.AddScoped<StaffAdministration>();
        services.AddScoped<AuditTrailIntegrity>();
        services.AddScoped<StaffAccountAudit>();
        services.AddScoped<RequestRegistration>();
        services.AddScoped<SubjectDirectory>();
        services.AddScoped<SubjectRelationship>();
        services.AddScoped<SubjectSearchMemory>();
        services.AddSingleton<ControllerSettings>();
        services.AddScoped<ControllerProfileAdministration>();
        services.AddScoped<CompanyCalendar>();
        services.AddScoped<CaseObligations>();
        services.AddScoped<CaseFetching>();
        services.AddRegisterFeature();
        services.AddDashboardFeature();
        services.AddSingleton<CaseUnitOfWork>();
        services.AddScoped<CaseWorkspace>();
        services.AddScoped<CaseAttachments>();
        services.AddDocumentsFeature();
        services.AddScoped<RequestQueue>();
        return services;
    }
}
