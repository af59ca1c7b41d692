using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PrivacyDesk.Data;

namespace PrivacyDesk.Migrations.SqlServer;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQL Server model without a server: adding a migration or
/// generating the script never connects.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PrivacyDeskDbContext>
{
    public PrivacyDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(builder, DatabaseProvider.SqlServer,
            "Server=(design-time);Database=PrivacyDesk;Trusted_Connection=True;TrustServerCertificate=True");
        return new PrivacyDeskDbContext(builder.Options);
    }
}
