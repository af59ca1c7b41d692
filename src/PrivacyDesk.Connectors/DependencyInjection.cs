using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Connectors.Engines;

namespace PrivacyDesk.Connectors;

public static class DependencyInjection
{
    /// <summary>Registers one <see cref="ISourceConnector"/> and one <see cref="ISourceChanger"/> per engine (PostgreSQL, SQL Server, MySQL/MariaDB, SQLite); pick one by its Kind.</summary>
    public static IServiceCollection AddSourceConnectors(this IServiceCollection services)
    {
        foreach (var connector in SourceConnectors.All)
        {
            services.AddSingleton(connector);
        }
        foreach (var changer in SourceChangers.All)
        {
            services.AddSingleton(changer);
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

/// <summary>
/// The changers (issue 15, ADR 0041), one per engine, sharing the connectors' dialects. PostgreSQL, SQLite and
/// MariaDB are tested against real engines; SQL Server and MySQL itself are written to their documented SQL but UNTESTED.
/// </summary>
public static class SourceChangers
{
    public static IReadOnlyList<ISourceChanger> All { get; } =
    [
        new RelationalChanger(new PostgreSqlDialect()),
        new RelationalChanger(new SqlServerDialect()),
        new RelationalChanger(new MySqlDialect()),
        new RelationalChanger(new SqliteDialect()),
    ];

    public static ISourceChanger? For(Domain.Sources.ConnectorKind kind) => All.FirstOrDefault(c => c.Kind == kind);
}
