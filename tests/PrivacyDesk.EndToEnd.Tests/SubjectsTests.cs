using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>The subjects pages and the new-request dialog in a real browser, on the demo cases.</summary>
public sealed partial class SubjectsTests(RunningApp app)
{
    [Theory]
    [InlineData("nl-NL", "nl", "Zoeken", "Nieuw verzoek voor deze betrokkene")]
    [InlineData("en-GB", "en", "Search", "New request for this subject")]
    public async Task AnOfficerFindsACustomerByNumberAndOpensTheProfileWithoutPersonalDataInTheAddress(
        string culture, string suffix, string searchLabel, string newRequestLabel)
    {
        var page = await app.NewPageAsync(culture);
        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();
        await page.GotoAsync("/subjects");
        await page.WaitForSelectorAsync("[data-interactive=true] input[data-testid=subject-search]");
        await page.ScreenshotAsync($"subjects-start-{suffix}");

        await page.FillAsync("input[data-testid=subject-search]", "van");
        await page.ClickAsync($"[data-testid=subject-search-button]:has-text('{searchLabel}')");
        await page.WaitForSelectorAsync("[data-testid=subjects-table]");
        page.Url.ShouldNotContain("van");
        await page.ScreenshotAsync($"subjects-search-{suffix}");

        await page.FillAsync("input[data-testid=subject-search]", "C-100001");
        await page.PressAsync("input[data-testid=subject-search]", "Enter");
        await page.WaitForSelectorAsync("[data-testid=subject-link]:has-text('Jan de Vries')");
        await page.ClickAsync("[data-testid=subject-link]:has-text('Jan de Vries')");
        await page.WaitForSelectorAsync("[data-testid=profile-identifiers]");

        (await page.TextContentAsync("h1")).ShouldBe("Jan de Vries");
        (await page.TextContentAsync("[data-testid=profile-customer-number]")).ShouldBe("C-100001");
        (await page.TextContentAsync("[data-testid=profile-new-request]"))!.Trim().ShouldBe(newRequestLabel, StringCompareShould.IgnoreCase);
        page.Url.ShouldMatch("/subjects/[0-9a-f-]{36}$");
        await page.ScreenshotAsync($"subject-profile-{suffix}");
    }

    [Fact]
    public async Task AnOfficerLogsARequestByPhoneFromAProfileAndLandsOnTheNewCase()
    {
        var page = await app.NewPageAsync();
        // Not officer2: the lockout test locks that account, and test classes run in parallel on one app.
        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();
        await page.GotoAsync("/subjects");
        await page.WaitForSelectorAsync("[data-interactive=true] input[data-testid=subject-search]");
        await page.FillAsync("input[data-testid=subject-search]", "C-100002");
        await page.PressAsync("input[data-testid=subject-search]", "Enter");
        await page.ClickAsync("[data-testid=subject-link]:has-text('Eline van den Bergh')");
        await page.ClickAsync("[data-testid=profile-new-request]");
        await page.WaitForSelectorAsync("[data-testid=save-new-request]");

        await page.ClickAsync("[data-testid=save-new-request]");
        await page.WaitForSelectorAsync("[data-testid=form-invalid]");
        // The dialog, as the officer sees it (a full-page shot would show the page under it).
        await page.ScreenshotAsync("new-request-invalid-nl", fullPage: false);

        await ChooseAsync(page, "[data-testid=field-type]", "Inzage");
        await ChooseAsync(page, "[data-testid=field-channel]", "Telefoon");
        await page.FillAsync("textarea[data-testid=field-description]", "Belde: wil een kopie van al haar gegevens.");
        await page.ClickAsync("[data-testid=save-new-request]");

        await page.WaitForAddressAsync(CaseAddress(), "new-request-opens-case");
        CaseAddress().IsMatch(page.Url).ShouldBeTrue(page.Url);
    }

    [Fact]
    public async Task AnAdministratorIsNotShownSubjects()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin@privacydesk.test");
        await page.WaitForSelectorAsync("[data-interactive=true]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

        (await page.Locator("[data-testid=nav-subjects]").CountAsync()).ShouldBe(0);
        await page.GotoAsync("/subjects");
        page.Url.ShouldContain("/Account/AccessDenied");
    }

    [GeneratedRegex("/requests/DSR-\\d{4}-\\d{6}$")]
    private static partial Regex CaseAddress();

    /// <summary>
    /// Picks an option and waits until its list has closed: while a list is open, MudBlazor's overlay
    /// takes the next click (on a busy machine the Save click was swallowed that way).
    /// </summary>
    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }
}
