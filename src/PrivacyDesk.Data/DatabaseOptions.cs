namespace PrivacyDesk.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (embedded default), <see cref="DatabaseProvider.PostgreSql"/> (the tested server provider) or <see cref="DatabaseProvider.SqlServer"/> (generated and checked, ADR 0047).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the app's content root.</summary>
    public string SqlitePath { get; set; } = "App_Data/privacydesk.db";

    /// <summary>Apply pending migrations when the app starts. Production operators may switch it off and run the script.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>The migrations assembly of each provider (one per provider, see ADR 0002).</summary>
public static class MigrationsAssemblies
{
    public const string Sqlite = "PrivacyDesk.Migrations.Sqlite";
    public const string SqlServer = "PrivacyDesk.Migrations.SqlServer";
    public const string PostgreSql = "PrivacyDesk.Migrations.PostgreSql";
}
