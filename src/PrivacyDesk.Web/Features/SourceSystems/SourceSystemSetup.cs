using PrivacyDesk.Connectors;

namespace PrivacyDesk.Web.Features.SourceSystems;

public static class SourceSystemSetup
{
    /// <summary>Source systems (issue 14): the engines' connectors, the lookup by kind, connection strings, administration.</summary>
    public static IServiceCollection AddSourceSystems(this IServiceCollection services)
    {
        services.AddSourceConnectors();
        services.AddSingleton<ConnectorLookup>();
        services.AddSingleton<SourceSystemConnections>();
        services.AddScoped<SourceSystemAdministration>();
        return services;
    }
}
