using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Documents.Fonts;

namespace PrivacyDesk.Documents;

public static class DependencyInjection
{
    /// <summary>
    /// Finds the document font at start-up, so a machine without one fails at once with a message
    /// naming the package to install, not on the first letter a privacy officer generates.
    /// </summary>
    public static IServiceCollection AddDocumentServices(this IServiceCollection services)
    {
        var resolver = OperatingSystemFontResolver.InstallOnce(() => FontCatalog.Discover(FontCatalog.DefaultFolders()));
        services.AddSingleton(resolver.Catalog);
        return services;
    }
}
