using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The new-request dialog against the real registration service and a real SQLite database.</summary>
public sealed class NewRequestDialogTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ClaimsPrincipal _officer = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services));
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(Guid? subjectId = null)
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<NewRequestDialog> { { d => d.Caller, _officer }, { d => d.NavigateToCase, false } };
        if (subjectId is not null)
        {
            parameters.Add(d => d.SubjectId, subjectId);
        }
        await provider.InvokeAsync(() => dialogs.ShowAsync<NewRequestDialog>("Nieuw verzoek", parameters));
        provider.WaitForElement("[data-testid=save-new-request]");
        return provider;
    }

    private async Task<int> RequestCountAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Requests.CountAsync();
    }

    private static Task Choose<T>(IRenderedComponent<MudDialogProvider> dialog, T value) =>
        dialog.InvokeAsync(() => dialog.FindComponent<MudSelect<T>>().Instance.ValueChanged.InvokeAsync(value));

    private static async Task FillNewSubjectAsync(IRenderedComponent<MudDialogProvider> dialog, string name, string email)
    {
        await dialog.InvokeAsync(() => dialog.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        dialog.Find("[data-testid=field-full-name]").Input(name);
        dialog.Find("[data-testid=field-email]").Input(email);
    }

    private static Task FillTheRestAsync(IRenderedComponent<MudDialogProvider> dialog)
    {
        dialog.Find("[data-testid=field-description]").Input("Wil weten welke gegevens wij van haar hebben.");
        return Task.WhenAll(Choose<RequestType?>(dialog, RequestType.Access), Choose<RequestChannel?>(dialog, RequestChannel.Letter));
    }

    private static IReadOnlyList<string> InvalidFieldTexts(IRenderedComponent<MudDialogProvider> dialog) =>
        [.. dialog.FindAll(".mud-input-control").Where(c => c.ClassList.Contains("mud-input-error")).Select(c => c.TextContent)];

    [Fact]
    public async Task AReceiptDateInTheFutureIsRefusedNextToTheDateAndNothingIsSaved()
    {
        var dialog = await OpenAsync();
        await FillNewSubjectAsync(dialog, "Lotte Smit", "lotte.smit@example.nl");
        await FillTheRestAsync(dialog);

        var picker = dialog.FindComponent<MudDatePicker>();
        await dialog.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(DateTime.Today.AddDays(2)));
        dialog.Find("[data-testid=save-new-request]").Click();

        dialog.WaitForAssertion(() => InvalidFieldTexts(dialog).ShouldContain(t => t.Contains("Het moment van ontvangst kan niet in de toekomst liggen.")));
        dialog.Find("[data-testid=form-invalid]").TextContent.ShouldContain("niet vastgelegd");
        (await RequestCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ANewSubjectNeedsANameAndAnEmailAddressBeforeAnythingIsSaved()
    {
        var dialog = await OpenAsync();
        await FillNewSubjectAsync(dialog, "", "");
        await FillTheRestAsync(dialog);

        dialog.Find("[data-testid=save-new-request]").Click();

        dialog.WaitForAssertion(() =>
        {
            var invalid = InvalidFieldTexts(dialog);
            invalid.ShouldContain(t => t.Contains("Vul de volledige naam in"));
            invalid.ShouldContain(t => t.Contains("Vul ten minste één e-mailadres in."));
        });
        (await RequestCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task WithoutASubjectOrDescriptionNothingIsSaved()
    {
        var dialog = await OpenAsync();

        dialog.Find("[data-testid=save-new-request]").Click();

        dialog.WaitForAssertion(() =>
        {
            var invalid = InvalidFieldTexts(dialog);
            invalid.ShouldContain(t => t.Contains("Kies het soort verzoek."));
            invalid.ShouldContain(t => t.Contains("Kies hoe het verzoek binnenkwam."));
        });
        dialog.FindAll("[data-testid=new-request-dialog]").ShouldNotBeEmpty();
        (await RequestCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnOpenRequestOfTheSameKindIsWarnedAboutButDoesNotBlock()
    {
        var registration = ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services);
        var first = await registration.RegisterAsync(_officer, new NewRequest(RequestType.Erasure, RequestChannel.Email, DateTimeOffset.UtcNow.AddDays(-2), "nl",
            null, new NewSubject("Jan de Vries", "jan.devries@example.nl", null, "C-100001", SubjectCategory.Customer), "Verwijder alles.", []));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var subjectId = await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Requests.Select(r => r.SubjectId).SingleAsync();
            var dialog = await OpenAsync(subjectId);

            await Choose<RequestType?>(dialog, RequestType.Access);
            dialog.FindAll("[data-testid=duplicate-warning]").ShouldBeEmpty();
            await Choose<RequestType?>(dialog, RequestType.Erasure);

            dialog.WaitForAssertion(() => dialog.Find("[data-testid=duplicate-warning]").TextContent.ShouldContain(first.Value));
            await Choose<RequestChannel?>(dialog, RequestChannel.Phone);
            dialog.Find("[data-testid=field-description]").Input("Belt opnieuw: wil nog steeds dat alles wordt verwijderd.");
            dialog.Find("[data-testid=save-new-request]").Click();

            dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=new-request-dialog]").ShouldBeEmpty());
        }
        (await RequestCountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task AValidRequestIsSavedByTheSignedInOfficerAndTheDialogReturnsItsReference()
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        // As the queue opens it: no caller passed, so the dialog takes the signed-in user.
        var pending = provider.InvokeAsync(() => NewRequestDialog.OpenAsync(dialogs, "Nieuw verzoek", navigateToCase: false));
        provider.WaitForElement("[data-testid=save-new-request]");
        await FillNewSubjectAsync(provider, "Lotte Smit", "lotte.smit@example.nl");
        await FillTheRestAsync(provider);

        provider.Find("[data-testid=save-new-request]").Click();

        var reference = await pending;
        await using var scope = _factory.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Requests.AsNoTracking().SingleAsync();
        reference.ShouldBe(saved.Reference.ToString());
        saved.Type.ShouldBe(RequestType.Access);
        saved.Channel.ShouldBe(RequestChannel.Letter);
    }

    [Fact]
    public async Task ASubjectAlreadyOnFileIsOfferedInsteadOfRegisteringThemTwice()
    {
        var registration = ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services);
        await registration.RegisterAsync(_officer, new NewRequest(RequestType.Access, RequestChannel.Email, DateTimeOffset.UtcNow.AddDays(-2), "nl",
            null, new NewSubject("Jan de Vries", "jan.devries@example.nl", null, "C-100001", SubjectCategory.Customer), "Inzage.", []));
        var dialog = await OpenAsync();
        await FillNewSubjectAsync(dialog, "J. de Vries", "Jan.DeVries@example.nl");

        dialog.Find("[data-testid=field-email]").Blur();

        dialog.WaitForAssertion(() => dialog.Find("[data-testid=same-subject-warning]").TextContent.ShouldContain("Jan de Vries · C-100001"));
        dialog.Find("[data-testid=use-same-subject]").Click();
        dialog.WaitForAssertion(() => dialog.Find("input[data-testid=field-subject]").GetAttribute("value").ShouldBe("Jan de Vries · C-100001"));
        dialog.FindAll("[data-testid=field-full-name]").ShouldBeEmpty();
    }
}
