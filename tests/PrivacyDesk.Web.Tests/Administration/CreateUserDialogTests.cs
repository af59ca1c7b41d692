using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Administration;
using PrivacyDesk.Web.Features.Administration;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Administration;

/// <summary>The create-user dialog against the real service and a real SQLite database.</summary>
public sealed class CreateUserDialogTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<StaffAdministration>(_factory.Services));
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        SignIn("Noor Visser", StaffRole.Administrator);
        _caller = admin;
    }

    private System.Security.Claims.ClaimsPrincipal _caller = default!;

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenDialogAsync()
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<CreateStaffMemberDialog>("Nieuwe gebruiker",
            new DialogParameters<CreateStaffMemberDialog> { { d => d.Caller, _caller } }));
        return provider;
    }

    private async Task<int> UserCountAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Users.CountAsync();
    }

    private static void Fill(IRenderedComponent<MudDialogProvider> dialog, string name, string email, string password)
    {
        // Re-find each input after every interaction: the dialog re-renders.
        dialog.Find("[data-testid=field-name]").Input(name);
        dialog.Find("[data-testid=field-email]").Input(email);
        dialog.Find("[data-testid=field-password]").Input(password);
    }

    [Fact]
    public async Task AnInvalidEmailIsExplainedNextToTheFieldInDutchAndNothingIsCreated()
    {
        var users = await UserCountAsync();
        var dialog = await OpenDialogAsync();

        Fill(dialog, "Lotte Smit", "lotte.smit-at-firm.nl", "Sterk-Wachtwoord-42");
        dialog.Find("[data-testid=create-user]").Click();

        dialog.WaitForAssertion(() => dialog.Markup.ShouldContain("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl."));
        var emailField = dialog.FindAll(".mud-input-control")[1];
        emailField.ClassList.ShouldContain("mud-input-error");
        emailField.TextContent.ShouldContain("Vul een geldig e-mailadres in");
        (await UserCountAsync()).ShouldBe(users);
    }

    [Fact]
    public async Task AWeakPasswordIsExplainedNextToThePasswordField()
    {
        var dialog = await OpenDialogAsync();

        Fill(dialog, "Lotte Smit", "lotte.smit@firm.nl", "kort");
        dialog.Find("[data-testid=create-user]").Click();

        dialog.WaitForAssertion(() =>
            dialog.FindAll(".mud-input-control")[2].TextContent.ShouldContain("Het wachtwoord moet minstens 12 tekens hebben."));
    }

    [Fact]
    public async Task AValidUserIsCreatedAndTheDialogCloses()
    {
        var users = await UserCountAsync();
        var dialog = await OpenDialogAsync();

        Fill(dialog, "Lotte Smit", "lotte.smit@firm.nl", "Sterk-Wachtwoord-42");
        dialog.Find("[data-testid=create-user]").Click();

        dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=create-user]").ShouldBeEmpty());
        (await UserCountAsync()).ShouldBe(users + 1);
    }
}
