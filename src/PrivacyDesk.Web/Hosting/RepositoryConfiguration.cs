using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// The development configuration lives once, at the repository root (ADR 0005). In Development the
/// web app finds it by walking up from its content root to the folder that holds PrivacyDesk.sln,
/// and loads it where ASP.NET Core would load appsettings.Development.json: after appsettings.json,
/// before environment variables and the command line, so those still override it.
/// </summary>
public static class RepositoryConfiguration
{
    public const string SolutionFileName = "PrivacyDesk.sln";
    public const string DevelopmentSettingsFileName = "appsettings.Development.json";

    public static WebApplicationBuilder AddRepositoryDevelopmentSettings(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        var root = FindRepositoryRoot(builder.Environment.ContentRootPath);
        if (root is null)
        {
            return builder;
        }

        var source = new JsonConfigurationSource
        {
            Path = DevelopmentSettingsFileName,
            Optional = false,
            // As ASP.NET Core's own appsettings files: watched unless hostBuilder:reloadConfigOnChange says not to (tests do).
            ReloadOnChange = builder.Configuration.GetValue("hostBuilder:reloadConfigOnChange", defaultValue: true),
            FileProvider = new PhysicalFileProvider(root),
        };
        var sources = builder.Configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource json && json.Path?.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) == true);
        sources.Insert(lastJson.s is null ? 0 : lastJson.i + 1, source);
        return builder;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds PrivacyDesk.sln and the development settings.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName))
                && File.Exists(Path.Combine(dir.FullName, DevelopmentSettingsFileName)))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
