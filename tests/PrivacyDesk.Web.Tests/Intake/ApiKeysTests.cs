using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>Administrators create and revoke intake keys; the secret is stored only as a hash and every change is audited.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class ApiKeysTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _app = new();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private ApiKeys Keys => _app.Services.GetRequiredService<ApiKeys>();

    [Fact]
    public async Task CreatingAKeyShowsItOnceStoresOnlyItsHashAndAuditsIt()
    {
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");

        var created = await Keys.CreateAsync(admin, "  Privacy web form  ", Ct);

        created.IsSuccess.ShouldBeTrue();
        created.Value.Key.ShouldStartWith("pdk_" + created.Value.Row.Prefix + "_");
        created.Value.Row.Name.ShouldBe("Privacy web form");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Value.Row.Id, Ct);
        stored.SecretHash.ShouldBe(ApiKey.Hash(created.Value.Key));
        stored.SecretHash.ShouldNotContain(created.Value.Key[13..]);
        stored.Scope.ShouldBe("intake");
        var audit = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == stored.Id.ToString() && e.Action == ApiKeys.CreatedAction, Ct);
        audit.ActorName.ShouldBe("Noor Visser");
        (audit.Details ?? "").ShouldNotContain(created.Value.Key);
        (await Keys.ListAsync(admin, Ct)).Value.ShouldContain(r => r.Id == stored.Id && r.RevokedAt == null);
        (await Keys.RecogniseAsync(created.Value.Key, Ct))!.KeyId.ShouldBe(stored.Id);
    }

    [Fact]
    public async Task RevokingAKeyIsAuditedAndCannotBeRepeated()
    {
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");
        var created = (await Keys.CreateAsync(admin, "Partner", Ct)).Value;

        (await Keys.RevokeAsync(admin, created.Row.Id, Ct)).IsSuccess.ShouldBeTrue();
        (await Keys.RevokeAsync(admin, created.Row.Id, Ct)).Errors.ShouldBe([ApiKeyErrors.AlreadyRevoked]);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        (await db.AuditEvents.CountAsync(e => e.EntityId == created.Row.Id.ToString() && e.Action == ApiKeys.RevokedAction, Ct)).ShouldBe(1);
        (await Keys.ListAsync(admin, Ct)).Value.Single(r => r.Id == created.Row.Id).RevokedByName.ShouldBe("Noor Visser");
    }

    [Fact]
    public async Task OnlyAdministratorsManageKeys()
    {
        var lead = await Callers.ForAsync(_app, "lead@privacydesk.test");
        (await Keys.CreateAsync(lead, "Sneaky", Ct)).IsFailure.ShouldBeTrue();
        (await Keys.ListAsync(lead, Ct)).IsFailure.ShouldBeTrue();
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");
        var created = (await Keys.CreateAsync(admin, "Partner", Ct)).Value;
        (await Keys.RevokeAsync(lead, created.Row.Id, Ct)).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public async Task AKeyNeedsAName()
    {
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");
        (await Keys.CreateAsync(admin, "   ", Ct)).Errors.ShouldBe([ApiKeyErrors.NameRequired]);
        (await Keys.CreateAsync(admin, new string('k', 101), Ct)).Errors.Single().Code.ShouldBe(ApiKeyErrors.NameTooLong.Code);
    }

    [Fact]
    public async Task TheDevelopmentDemoKeyIsSeededOnce()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        (await db.ApiKeys.CountAsync(k => k.Prefix == "0000d3e0", Ct)).ShouldBe(1);
        await Keys.SeedDemoKeyAsync(IntakeApiFactory.DemoKey, Ct);
        (await db.ApiKeys.CountAsync(k => k.Prefix == "0000d3e0", Ct)).ShouldBe(1);
    }
}
