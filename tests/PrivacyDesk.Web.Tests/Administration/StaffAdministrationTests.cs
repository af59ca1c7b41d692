using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Administration;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Administration;

/// <summary>Each test gets its own app and database, so the last-administrator rules start from the demo set.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class StaffAdministrationTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private StaffAdministration _staff = default!;
    private ClaimsPrincipal _admin = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _staff = ActivatorUtilities.CreateInstance<StaffAdministration>(_factory.Services);
        _admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<int> UserCountAsync() => WithDbAsync(db => db.Users.CountAsync());

    private Task<int> AuditCountAsync() => WithDbAsync(db => db.AuditEvents.CountAsync());

    private async Task<StaffMemberRow> RowAsync(string email) => (await _staff.ListAsync(_admin)).Value.Single(r => r.Email == email);

    private static NewStaffMember Valid(string email = "new.officer@firm.nl") =>
        new("Lotte Smit", email, "Sterk-Wachtwoord-42", [StaffRole.PrivacyOfficer, StaffRole.TeamLead]);

    [Fact]
    public async Task CreatesAUserWithTheChosenRolesAndRecordsItInTheAuditTrail()
    {
        var result = await _staff.CreateAsync(_admin, Valid());

        result.IsSuccess.ShouldBeTrue();
        var row = await RowAsync("new.officer@firm.nl");
        row.DisplayName.ShouldBe("Lotte Smit");
        row.Roles.ShouldBe([StaffRole.PrivacyOfficer, StaffRole.TeamLead]);
        var audit = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "staff.user.created" && e.EntityId == result.Value));
        audit.ActorName.ShouldBe("Noor Visser");
        audit.Details!.ShouldContain("TeamLead");
        audit.Details!.ShouldNotContain("Sterk-Wachtwoord-42");
    }

    [Theory]
    [InlineData("not-an-address", "staff.email.invalid")]
    [InlineData("name@firm", "staff.email.invalid")]
    [InlineData("", "staff.email.required")]
    [InlineData("officer@privacydesk.test", "staff.email.duplicate")]
    [InlineData("OFFICER@privacydesk.test", "staff.email.duplicate")]
    public async Task ABadOrDuplicateEmailIsNamedAtTheFieldAndCreatesNothing(string email, string code)
    {
        var users = await UserCountAsync();
        var audit = await AuditCountAsync();

        var result = await _staff.CreateAsync(_admin, Valid(email));

        result.Errors.ShouldContain(e => e.Code == code && e.Field == StaffAdministration.Fields.Email);
        (await UserCountAsync()).ShouldBe(users);
        (await AuditCountAsync()).ShouldBe(audit);
    }

    [Theory]
    [InlineData("short-A1!", "staff.password.too_short")]
    [InlineData("alllowercase-123", "staff.password.requires_upper")]
    [InlineData("NoDigitsHere-abc", "staff.password.requires_digit")]
    [InlineData("NoSymbols12345abc", "staff.password.requires_symbol")]
    public async Task AWeakPasswordIsNamedAtTheFieldAndCreatesNothing(string password, string code)
    {
        var users = await UserCountAsync();

        var result = await _staff.CreateAsync(_admin, Valid() with { Password = password });

        result.Errors.ShouldContain(e => e.Code == code && e.Field == StaffAdministration.Fields.Password);
        (await UserCountAsync()).ShouldBe(users);
    }

    [Fact]
    public async Task EveryProblemIsReportedAtOnce()
    {
        var result = await _staff.CreateAsync(_admin, new NewStaffMember("", "bad", "weak", []));

        result.Errors.Select(e => e.Field).Distinct().ShouldBe(
            [StaffAdministration.Fields.DisplayName, StaffAdministration.Fields.Email, StaffAdministration.Fields.Roles, StaffAdministration.Fields.Password],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("auditor@privacydesk.test")]
    [InlineData("lead@privacydesk.test")]
    [InlineData("officer@privacydesk.test")]
    public async Task OnlyAdministratorsMayChangeUsersWhateverThePageShows(string email)
    {
        var caller = await Callers.ForAsync(_factory, email);
        var target = await RowAsync("officer2@privacydesk.test");
        var users = await UserCountAsync();

        (await _staff.CreateAsync(caller, Valid())).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _staff.SetRolesAsync(caller, target.Id, [StaffRole.Administrator], target.ConcurrencyStamp)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _staff.LockAsync(caller, target.Id, target.ConcurrencyStamp)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _staff.ListAsync(caller)).Errors.Single().Code.ShouldBe("auth.forbidden");

        (await UserCountAsync()).ShouldBe(users);
        var after = await RowAsync("officer2@privacydesk.test");
        after.Roles.ShouldBe(target.Roles);
        after.IsLocked.ShouldBeFalse();
        after.ConcurrencyStamp.ShouldBe(target.ConcurrencyStamp, "the user row was not touched");
    }

    [Fact]
    public async Task ChangesRolesAndRecordsBeforeAndAfter()
    {
        var target = await RowAsync("officer2@privacydesk.test");

        var result = await _staff.SetRolesAsync(_admin, target.Id, [StaffRole.TeamLead], target.ConcurrencyStamp);

        result.IsSuccess.ShouldBeTrue();
        (await RowAsync("officer2@privacydesk.test")).Roles.ShouldBe([StaffRole.TeamLead]);
        var audit = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "staff.user.roles_changed"));
        audit.Details.ShouldBe("{\"after\":\"TeamLead\",\"before\":\"PrivacyOfficer\"}");
    }

    [Fact]
    public async Task TheLastAdministratorCannotLoseTheRole()
    {
        var admin = await RowAsync("admin@privacydesk.test");

        var result = await _staff.SetRolesAsync(_admin, admin.Id, [StaffRole.TeamLead], admin.ConcurrencyStamp);

        result.Errors.Single().Code.ShouldBe("staff.last_administrator");
        (await RowAsync("admin@privacydesk.test")).Roles.ShouldBe([StaffRole.Administrator]);
    }

    [Fact]
    public async Task AnAdministratorCanStepDownOnceAnotherAdministratorExists()
    {
        var lead = await RowAsync("lead@privacydesk.test");
        (await _staff.SetRolesAsync(_admin, lead.Id, [StaffRole.TeamLead, StaffRole.Administrator], lead.ConcurrencyStamp)).IsSuccess.ShouldBeTrue();
        var admin = await RowAsync("admin@privacydesk.test");

        var result = await _staff.SetRolesAsync(_admin, admin.Id, [StaffRole.Auditor], admin.ConcurrencyStamp);

        result.IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task TheLastActiveAdministratorCannotBeLocked()
    {
        var second = await _staff.CreateAsync(_admin, Valid("second.admin@firm.nl") with { Roles = [StaffRole.Administrator] });
        var secondCaller = Callers.Principal(second.Value, "Second Admin", [StaffRole.Administrator]);
        var first = await RowAsync("admin@privacydesk.test");
        (await _staff.LockAsync(secondCaller, first.Id, first.ConcurrencyStamp)).IsSuccess.ShouldBeTrue();
        var secondRow = await RowAsync("second.admin@firm.nl");

        // The only remaining active administrator tries to have themselves locked by the locked one's session.
        var result = await _staff.LockAsync(_admin, secondRow.Id, secondRow.ConcurrencyStamp);

        result.Errors.Single().Code.ShouldBe("staff.last_administrator");
        (await RowAsync("second.admin@firm.nl")).IsLocked.ShouldBeFalse();
    }

    [Fact]
    public async Task AnAdministratorCannotLockThemselves()
    {
        var me = await RowAsync("admin@privacydesk.test");

        (await _staff.LockAsync(_admin, me.Id, me.ConcurrencyStamp)).Errors.Single().Code.ShouldBe("staff.cannot_lock_self");
    }

    [Fact]
    public async Task LocksAndUnlocksAUserWithAnAuditEventEach()
    {
        var target = await RowAsync("officer2@privacydesk.test");

        (await _staff.LockAsync(_admin, target.Id, target.ConcurrencyStamp)).IsSuccess.ShouldBeTrue();
        var locked = await RowAsync("officer2@privacydesk.test");
        locked.IsLocked.ShouldBeTrue();
        (await _staff.UnlockAsync(_admin, locked.Id, locked.ConcurrencyStamp)).IsSuccess.ShouldBeTrue();

        (await RowAsync("officer2@privacydesk.test")).IsLocked.ShouldBeFalse();
        var actions = await WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == target.Id).Select(e => e.Action).ToListAsync());
        actions.ShouldContain("staff.user.locked");
        actions.ShouldContain("staff.user.unlocked");
    }

    [Fact]
    public async Task ASecondAdministratorWorkingFromAStaleListGetsAConflictAndChangesNothing()
    {
        var seenByBoth = await RowAsync("officer2@privacydesk.test");
        (await _staff.SetRolesAsync(_admin, seenByBoth.Id, [StaffRole.TeamLead], seenByBoth.ConcurrencyStamp)).IsSuccess.ShouldBeTrue();

        var second = await _staff.SetRolesAsync(_admin, seenByBoth.Id, [StaffRole.Auditor], seenByBoth.ConcurrencyStamp);

        second.Errors.Single().Code.ShouldBe("staff.concurrency");
        (await RowAsync("officer2@privacydesk.test")).Roles.ShouldBe([StaffRole.TeamLead]);
    }

    [Fact]
    public async Task ResettingSignInSetsANewPasswordTurnsOffTwoStepAndUnlocks()
    {
        var target = await RowAsync("officer2@privacydesk.test");
        await GiveRecoveryCodesAsync(target.Id);
        target = await RowAsync("officer2@privacydesk.test");
        (await _staff.LockAsync(_admin, target.Id, target.ConcurrencyStamp)).IsSuccess.ShouldBeTrue();
        var locked = await RowAsync("officer2@privacydesk.test");

        var result = await _staff.ResetSignInAsync(_admin, locked.Id, "Nieuw-Wachtwoord-2027", locked.ConcurrencyStamp);

        result.IsSuccess.ShouldBeTrue();
        var after = await RowAsync("officer2@privacydesk.test");
        after.IsLocked.ShouldBeFalse();
        after.TwoFactorEnabled.ShouldBeFalse();
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PrivacyDesk.Data.Identity.StaffUser>>();
        var user = (await users.FindByIdAsync(target.Id))!;
        (await users.CheckPasswordAsync(user, "Nieuw-Wachtwoord-2027")).ShouldBeTrue();
        (await users.CheckPasswordAsync(user, PrivacyDesk.Data.Seeding.DemoStaff.Password)).ShouldBeFalse();
        (await users.CountRecoveryCodesAsync(user)).ShouldBe(0, "old recovery codes must not outlive a lost phone");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "staff.user.sign_in_reset" && e.EntityId == target.Id))).ShouldBe(1);
    }

    private async Task GiveRecoveryCodesAsync(string userId)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PrivacyDesk.Data.Identity.StaffUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.Count().ShouldBe(10);
        await users.SetTwoFactorEnabledAsync(user, true);
    }

    [Fact]
    public async Task ResettingSignInWithAWeakPasswordChangesNothing()
    {
        var target = await RowAsync("officer2@privacydesk.test");

        var result = await _staff.ResetSignInAsync(_admin, target.Id, "zwak", target.ConcurrencyStamp);

        result.Errors.ShouldAllBe(e => e.Field == StaffAdministration.Fields.Password);
        (await RowAsync("officer2@privacydesk.test")).ConcurrencyStamp.ShouldBe(target.ConcurrencyStamp);
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "staff.user.sign_in_reset"))).ShouldBe(0);
    }
}
