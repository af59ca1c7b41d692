using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Settings;

/// <summary>The controller profile service against the real app and a real SQLite database.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class ControllerProfileAdministrationTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ControllerProfileAdministration _profiles = default!;
    private ControllerSettings _settings = default!;
    private ClaimsPrincipal _admin = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _profiles = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<ControllerProfileAdministration>();
        _settings = _factory.Services.GetRequiredService<ControllerSettings>();
        _admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private async Task<ControllerProfileForm> FormAsync() => (await _profiles.GetAsync(_admin)).Value;

    private static ControllerProfileForm Firm(ControllerProfileForm read) => read with
    {
        Contact = new ControllerContact(
            "Noordzee Bank N.V.", "Postbus 4000\n1000 AA Amsterdam", "+31 20 555 0100", "privacy@noordzeebank.nl",
            "Mr. E. Bos", "fg@noordzeebank.nl", OfficeHours.Weekdays),
    };

    [Fact]
    public async Task StartsWithMarkedExampleValuesInTheConfiguredTimeZone()
    {
        var form = await FormAsync();

        form.IsExample.ShouldBeTrue();
        form.Settings.ShouldBe(new ControllerDeadlineSettings("Europe/Amsterdam", 7, IdentityVerificationPausesClock: false));
        form.Contact.Email!.ShouldEndWith(".example");
        (await _settings.CurrentAsync()).ProfileIsExample.ShouldBeTrue();
    }

    [Fact]
    public async Task SavesTheProfileAndRecordsWhoChangedWhatInTheAuditTrail()
    {
        var form = Firm(await FormAsync()) with { Settings = new ControllerDeadlineSettings("Europe/Amsterdam", 10, true) };

        var saved = await _profiles.SaveAsync(_admin, form);

        saved.IsSuccess.ShouldBeTrue();
        saved.Value.IsExample.ShouldBeFalse();
        saved.Value.ConcurrencyStamp.ShouldNotBe(form.ConcurrencyStamp);
        var reread = await FormAsync();
        reread.Contact.Name.ShouldBe("Noordzee Bank N.V.");
        reread.Settings.DueSoonDays.ShouldBe(10);
        var audit = await WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == ControllerProfile.EntityType && e.Action == "controller.deadline_settings.changed").SingleAsync());
        audit.ActorName.ShouldBe("Noor Visser");
        audit.After!.ShouldContain("\"DueSoonDays\":\"10\"");
        audit.After!.ShouldContain("\"IdentityVerificationPausesClock\":\"true\"");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "controller.contact.changed"))).ShouldBe(1);
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "controller.profile.confirmed"))).ShouldBe(1);
    }

    [Fact]
    public async Task EveryoneReadsTheNewSettingsRightAfterTheSave()
    {
        (await _settings.CurrentAsync()).DueSoonDays.ShouldBe(7);

        await _profiles.SaveAsync(_admin, Firm(await FormAsync()) with { Settings = new ControllerDeadlineSettings("America/New_York", 3, true) });

        var current = await _settings.CurrentAsync();
        current.DueSoonDays.ShouldBe(3);
        current.IdentityVerificationPausesClock.ShouldBeTrue();
        current.TimeZone.ShouldBe(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        current.Contact.Name.ShouldBe("Noordzee Bank N.V.");
        current.SlaEvaluator().Evaluate(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 1)).State.ShouldBe(Domain.Deadlines.SlaState.DueSoon);
        current.SlaEvaluator().Evaluate(new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 1)).State.ShouldBe(Domain.Deadlines.SlaState.OnTrack);
    }

    [Fact]
    public async Task NothingIsSavedWhileAFieldIsInvalid()
    {
        var before = await FormAsync();
        var audits = await WithDbAsync(db => db.AuditEvents.CountAsync());
        var form = Firm(before) with
        {
            Contact = Firm(before).Contact with { Email = "privacy-at-noordzee", DpoName = " " },
            Settings = new ControllerDeadlineSettings("Europe/Nowhere", 7, false),
        };

        var result = await _profiles.SaveAsync(_admin, form);

        result.Errors.Select(e => (e.Code, e.Field)).ShouldBe(
        [
            ("controller.email.invalid", "Email"), ("controller.dpo_name.required", "DpoName"), ("controller.time_zone.unknown", "TimeZoneId"),
        ], ignoreOrder: true);
        (await FormAsync()).ShouldBeEquivalentTo(before);
        (await WithDbAsync(db => db.AuditEvents.CountAsync())).ShouldBe(audits);
    }

    [Fact]
    public async Task ASecondAdministratorWithAStaleFormIsToldWhoChangedItAndWhenAndOverwritesNothing()
    {
        var first = await FormAsync();
        var second = await FormAsync();
        await _profiles.SaveAsync(_admin, Firm(first));

        var other = Callers.Principal("other-admin", "Sem de Wit", [Domain.Staff.StaffRole.Administrator]);
        var result = await _profiles.SaveAsync(other, Firm(second) with { Contact = Firm(second).Contact with { Name = "Een andere naam" } });

        var error = result.Errors.Single();
        error.Code.ShouldBe("edit.stale");
        error.Arguments!["who"].ShouldBe("Noor Visser");
        DateTimeOffset.Parse(error.Arguments["when"], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        (await FormAsync()).Contact.Name.ShouldBe("Noordzee Bank N.V.");
    }

    [Theory]
    [InlineData("officer@privacydesk.test")]
    [InlineData("lead@privacydesk.test")]
    [InlineData("auditor@privacydesk.test")]
    public async Task OnlyAdministratorsReadOrChangeTheProfileEvenWhenThePageIsBypassed(string email)
    {
        var caller = await Callers.ForAsync(_factory, email);
        var form = await FormAsync();

        (await _profiles.GetAsync(caller)).Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _profiles.SaveAsync(caller, Firm(form))).Errors.Single().Code.ShouldBe("auth.forbidden");

        (await FormAsync()).IsExample.ShouldBeTrue();
    }
}
