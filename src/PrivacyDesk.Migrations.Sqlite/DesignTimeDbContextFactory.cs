using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PrivacyDesk.Data;

namespace PrivacyDesk.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PrivacyDeskDbContext>
{
    public PrivacyDeskDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PrivacyDeskDbContext>();
        DependencyInjection.UseProvider(builder, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new PrivacyDeskDbContext(builder.Options);
    }
}
