using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Connectors.Engines;

namespace PrivacyDesk.Connectors;

public static class DependencyInjection
{
    /// <summary>Registers one <see cref="ISourceConnector"/> per engine (PostgreSQL, SQL Server, MySQL/MariaDB, SQLite); pick one by its <see cref="ISourceConnector.Kind"/>.</summary>
    public static IServiceCollection AddSourceConnectors(this IServiceCollection services)
    {
        foreach (var connector in SourceConnectors.All)
        {
            services.AddSingleton(connector);
        }
        return services;
    }
}

/// <summary>The connectors this project has, one per engine; stateless, so one instance each serves everyone.</summary>
public static class SourceConnectors
{
    public static IReadOnlyList<ISourceConnector> All { get; } =
    [
        new RelationalConnector(new PostgreSqlDialect()),
        new RelationalConnector(new SqlServerDialect()),
        new RelationalConnector(new MySqlDialect()),
        new RelationalConnector(new SqliteDialect()),
    ];

    public static ISourceConnector? For(Domain.Sources.ConnectorKind kind) => All.FirstOrDefault(c => c.Kind == kind);
}
