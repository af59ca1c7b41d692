using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Benchmarks;

/// <summary>What the queue and dashboard benchmarks share: the data services on a bench database, with every SQL command captured, and a signed-in caller.</summary>
internal static class BenchServices
{
    public static ServiceProvider Build(string path, out CommandCapture capture)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:SqlitePath"] = path })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataServices(configuration, Path.GetDirectoryName(path)!);
        var commands = new CommandCapture();
        services.ConfigureDbContext<PrivacyDeskDbContext>(options => options.AddInterceptors(commands));
        capture = commands;
        return services.BuildServiceProvider();
    }

    public static ClaimsPrincipal Principal(string id, string role) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(IdentitySetup.DisplayNameClaim, id), new Claim(ClaimTypes.Role, role)], "Bench"));
}
