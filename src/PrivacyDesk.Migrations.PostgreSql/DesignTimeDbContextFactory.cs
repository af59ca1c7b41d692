using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PrivacyDesk.Data;

namespace PrivacyDesk.Migrations.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef</c> build the PostgreSQL model without a server: adding a migration or
/// generating the script never connects.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PrivacyDeskDbContext>
{
    public PrivacyDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(builder, DatabaseProvider.PostgreSql,
            "Host=design-time;Database=privacydesk;Username=privacydesk");
        return new PrivacyDeskDbContext(builder.Options);
    }
}
