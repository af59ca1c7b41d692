using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Administration;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>The new-key dialog against the real service and a real SQLite database: the key is shown once, after creation.</summary>
public sealed class CreateApiKeyDialogTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private System.Security.Claims.ClaimsPrincipal _caller = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<ApiKeys>());
        _caller = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        SignIn("Noor Visser", StaffRole.Administrator);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenDialogAsync()
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<CreateApiKeyDialog>("Nieuwe API-sleutel",
            new DialogParameters<CreateApiKeyDialog> { { d => d.Caller, _caller } }));
        return provider;
    }

    [Fact]
    public async Task ShowsTheNewKeyOnceWithAWarningAndACopyButton()
    {
        var dialog = await OpenDialogAsync();
        dialog.FindAll("[data-testid=api-key-secret]").ShouldBeEmpty();

        dialog.Find("[data-testid=api-key-name-field]").Input("Webformulier privacy");
        dialog.Find("[data-testid=create-api-key]").Click();

        dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=api-key-secret]").ShouldNotBeEmpty());
        var shown = dialog.Find("[data-testid=api-key-secret]").GetAttribute("value")!;
        shown.ShouldStartWith("pdk_");
        dialog.Find("[data-testid=api-key-once]").TextContent.ShouldContain("maar één keer getoond");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Webformulier privacy", Xunit.TestContext.Current.CancellationToken);
        stored.SecretHash.ShouldBe(ApiKey.Hash(shown));

        dialog.Find("[data-testid=copy-api-key]").Click();
        JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.ShouldBe([shown]);
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=copy-result]").TextContent.ShouldBe("Gekopieerd naar het klembord."));
    }

    [Fact]
    public async Task AKeyWithoutANameIsExplainedInDutchAndNothingIsCreated()
    {
        var dialog = await OpenDialogAsync();

        dialog.Find("[data-testid=create-api-key]").Click();

        dialog.WaitForAssertion(() => dialog.Markup.ShouldContain("Geef de sleutel een naam"));
        dialog.FindAll("[data-testid=api-key-secret]").ShouldBeEmpty();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        (await db.ApiKeys.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(1, "only the development demo key");
    }
}
