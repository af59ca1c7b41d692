using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public void TheDevelopmentSettingsLiveOnceAtTheRepositoryRoot()
    {
        var root = RepositoryConfiguration.FindRepositoryRoot(AppContext.BaseDirectory);

        root.ShouldNotBeNull();
        File.Exists(Path.Combine(root, "PrivacyDesk.sln")).ShouldBeTrue();
        File.Exists(Path.Combine(root, "src", "PrivacyDesk.Web", "appsettings.Development.json")).ShouldBeFalse("no second, diverging copy");
    }

    [Fact]
    public async Task InDevelopmentTheRootSettingsAreLoadedAndTheDemoUsersExist()
    {
        await using var factory = new PrivacyDeskAppFactory { Environment = "Development" };
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var emails = await db.Users.Select(u => u.Email).ToListAsync(Xunit.TestContext.Current.CancellationToken);

        emails.ShouldBe(DemoStaff.Users.Select(u => u.Email), ignoreOrder: true);
        File.Exists(factory.DatabasePath).ShouldBeTrue("the test database, not the developer's, was used");
    }

    [Fact]
    public async Task OutsideDevelopmentNoDemoUsersAreCreated()
    {
        await using var factory = new PrivacyDeskAppFactory { Environment = "Production" };
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();

        (await db.Users.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(0);
        (await db.Roles.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(4, "the four roles always exist");
    }

    [Fact]
    public async Task OutsideDevelopmentTheAppRefusesToStartWithoutAnAuditAnchorKey()
    {
        await using var factory = new PrivacyDeskAppFactory { Environment = "Production", AnchorKey = "" };

        var failure = Should.Throw<InvalidOperationException>(() => factory.Server);

        failure.Message.ShouldContain("AuditAnchor:Key");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("dG9vLXNob3J0")]
    public async Task OutsideDevelopmentTheAppRefusesToStartWithoutAUsableErasureHashKey(string? hashKey)
    {
        await using var factory = new PrivacyDeskAppFactory { Environment = "Production", ErasureHashKey = hashKey };

        var failure = Should.Throw<Exception>(() => factory.Server);

        failure.ToString().ShouldContain("SourceSystems:Erasure:HashKey");
    }

    [Fact]
    public async Task TheDevelopmentErasureHashKeyIsUsable()
    {
        await using var factory = new PrivacyDeskAppFactory();

        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.SourceChanges.SourceChangeOptions>>().Value;

        options.HashKeyBytes().ShouldNotBeNull().Length.ShouldBeGreaterThanOrEqualTo(Features.SourceChanges.SourceChangeOptions.HashKeyMinimumBytes);
        options.MaxRowsPerTable.ShouldBe(10_000);
    }

    [Fact]
    public async Task TheProductStoresPasswordsWithIdentitysFullPbkdf2Rounds()
    {
        // Test apps hash with fewer rounds to start faster; the product itself must not.
        await using var factory = new PrivacyDeskAppFactory { Environment = "Development", FastPasswordHashing = false };
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var hash = Convert.FromBase64String((await db.Users.Select(u => u.PasswordHash).FirstAsync(Xunit.TestContext.Current.CancellationToken))!);

        // Identity's v3 format: 0x01, the PRF (4 bytes), then the iteration count (4 bytes, big-endian).
        hash[0].ShouldBe((byte)0x01);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4)).ShouldBeGreaterThanOrEqualTo(100_000);
    }
}
