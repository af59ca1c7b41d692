using Microsoft.Extensions.Options;
using PrivacyDesk.Connectors;
using PrivacyDesk.Web.Features.SourceChanges;

namespace PrivacyDesk.Web.Features.SourceSystems;

public static class SourceSystemSetup
{
    /// <summary>Source systems (issue 14): the engines' connectors, the lookup by kind, connection strings, administration; carrying out a case's changes in them (issue 15).</summary>
    public static IServiceCollection AddSourceSystems(this IServiceCollection services)
    {
        services.AddSourceConnectors();
        services.AddSingleton<ConnectorLookup>();
        services.AddSingleton<SourceSystemConnections>();
        services.AddScoped<SourceSystemAdministration>();
        services.AddSingleton<DemoSourceSystems>();
        // Carrying out erasure, restriction and rectification (issue 15): the hash key is checked at start-up, not at the first erasure.
        services.AddOptions<SourceChangeOptions>().BindConfiguration(SourceChangeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SourceChangeOptions>, SourceChangeOptionsValidation>();
        services.AddSingleton<SourceChangeSystems>();
        services.AddScoped<CaseSourceChanges>();
        return services;
    }
}
