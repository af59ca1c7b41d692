using PrivacyDesk.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Settings;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Settings;

/// <summary>The controller profile page against the real services and a real SQLite database, in Dutch.</summary>
public sealed class ControllerProfilePageTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_factory.Services.GetRequiredService<ControllerSettings>());
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ControllerProfileAdministration>(_factory.Services));
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<ControllerProfile> StoredAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().ControllerProfiles.AsNoTracking().SingleAsync();
    }

    private IRenderedComponent<ControllerProfileSettings> RenderPage()
    {
        RenderProviders();
        var page = Render<ControllerProfileSettings>();
        page.WaitForElement("[data-testid=field-name]");
        return page;
    }

    [Fact]
    public async Task AnInvalidEmailIsExplainedNextToTheFieldAndNothingIsSaved()
    {
        SignIn("Noor Visser", StaffRole.Administrator);
        var page = RenderPage();

        page.Find("[data-testid=field-email]").Input("privacy-at-voorbeeldbank");
        page.Find("[data-testid=field-name]").Input("");
        page.Find("[data-testid=save-profile]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=invalid]").TextContent.ShouldContain("Er is niets opgeslagen"));
        var emailField = page.Find("[data-testid=field-email]").Closest(".mud-input-control")!;
        emailField.ClassList.ShouldContain("mud-input-error");
        emailField.TextContent.ShouldContain("Vul een geldig e-mailadres in, bijvoorbeeld privacy@bedrijf.nl.");
        page.Find("[data-testid=field-name]").Closest(".mud-input-control")!.TextContent
            .ShouldContain("Vul de naam van de verwerkingsverantwoordelijke in");
        // What was typed stays in the form.
        page.Find("[data-testid=field-email]").GetAttribute("value").ShouldBe("privacy-at-voorbeeldbank");
        var stored = await StoredAsync();
        stored.Email.ShouldBe("privacy@voorbeeldbank.example");
        stored.IsExample.ShouldBeTrue();
    }

    [Fact]
    public void SaysInPlainWordsWhatTheDueSoonThresholdAndThePausePolicyDo()
    {
        SignIn("Noor Visser", StaffRole.Administrator);
        var page = RenderPage();

        page.Find("[data-testid=effect-due-soon]").TextContent.ShouldContain("Zaken met een uiterste datum binnen 7 kalenderdagen staan op 'bijna verlopen'.");
        page.Find("[data-testid=effect-pause]").TextContent.ShouldContain("Uit (standaard): de termijn loopt vanaf de ontvangst");

        page.Find("[data-testid=field-due-soon]").Input("12");
        page.Find("input[data-testid=field-pause], [data-testid=field-pause] input").Change(true);

        page.WaitForAssertion(() => page.Find("[data-testid=effect-due-soon]").TextContent.ShouldContain("binnen 12 kalenderdagen"));
        page.Find("[data-testid=effect-pause]").TextContent.ShouldContain("Aan: de dagen tussen het vragen om een identiteitsbewijs en de ontvangst ervan komen bij de termijn");
    }

    [Fact]
    public async Task SavingValidValuesConfirmsTheExampleProfile()
    {
        SignIn("Noor Visser", StaffRole.Administrator);
        var page = RenderPage();
        page.Find("[data-testid=example-warning]");

        page.Find("[data-testid=field-name]").Input("Noordzee Bank N.V.");
        page.Find("[data-testid=save-profile]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=example-warning]").ShouldBeEmpty());
        var stored = await StoredAsync();
        stored.Name.ShouldBe("Noordzee Bank N.V.");
        stored.IsExample.ShouldBeFalse();
    }

    [Fact]
    public async Task ASaveAfterSomeoneElseSavedNamesThemAndKeepsWhatWasTyped()
    {
        SignIn("Noor Visser", StaffRole.Administrator);
        var page = RenderPage();
        await SaveElsewhereAsync();

        page.Find("[data-testid=field-name]").Input("Mijn eigen naam");
        page.Find("[data-testid=save-profile]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=stale-edit]").TextContent.ShouldContain("Sem de Wit"));
        page.Find("[data-testid=field-name]").GetAttribute("value").ShouldBe("Mijn eigen naam");
        (await StoredAsync()).Name.ShouldBe("Door een ander opgeslagen");
    }

    [Fact]
    public void ATeamLeadDoesNotGetTheProfile()
    {
        SignIn("Fatima El Amrani", StaffRole.TeamLead);
        RenderProviders();

        var page = Render<ControllerProfileSettings>();

        page.WaitForAssertion(() => page.Find("[data-testid=load-error]").TextContent.ShouldContain("U mag dit niet doen"));
        page.FindAll("[data-testid=field-name]").ShouldBeEmpty();
    }

    private async Task SaveElsewhereAsync()
    {
        var other = Callers.Principal("other-admin", "Sem de Wit", [StaffRole.Administrator]);
        var profiles = ActivatorUtilities.CreateInstance<ControllerProfileAdministration>(_factory.Services);
        var form = (await profiles.GetAsync(other)).Value;
        (await profiles.SaveAsync(other, form with { Contact = form.Contact with { Name = "Door een ander opgeslagen" } })).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task APageThatCannotLoadShowsACorrelationIdThatTheLogHolds()
    {
        var log = new CapturedLog<PageLoadFailures>();
        Services.AddSingleton(new PageLoadFailures(log));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Database
                .ExecuteSqlRawAsync("ALTER TABLE ControllerProfiles RENAME TO ControllerProfilesGone;", Xunit.TestContext.Current.CancellationToken);
        }
        SignIn("Noor Visser", StaffRole.Administrator);
        RenderProviders();

        var page = Render<ControllerProfileSettings>();

        page.WaitForElement("[data-testid=load-error] [data-testid=load-failure-id]", TimeSpan.FromSeconds(15));
        var id = page.Find("[data-testid=load-failure-id] code").TextContent.Trim();
        log.Lines.ShouldContain(line => line.Contains(id) && line.Contains("Page controller-profile could not be loaded"));
    }
}
