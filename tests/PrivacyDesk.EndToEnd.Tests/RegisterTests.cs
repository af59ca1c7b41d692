using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

public sealed class RegisterTests(RunningApp app)
{
    [Theory]
    [InlineData("nl-NL", "nl", "Verwerkingsregister", "Concept", "Het doel heeft geen rechtsgrond (art. 6 lid 1 AVG).")]
    [InlineData("en-GB", "en", "Processing register", "Draft", "The purpose has no lawful basis (Art. 6(1) GDPR).")]
    public async Task AnOfficerFindsTheDraftWithoutABasisAndActivationSaysWhyNot(string culture, string suffix, string title, string draft, string violation)
    {
        var page = await app.NewPageAsync(culture);
        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();

        await page.ClickAsync("[data-testid=nav-register]");
        await page.WaitForSelectorAsync("[data-testid=purpose-row]");
        (await page.TextContentAsync("h1")).ShouldBe(title);
        var security = page.Locator("tr", new() { Has = page.Locator("[data-key=security]") });
        (await security.Locator("[data-testid=status-chip]").TextContentAsync())!.Trim().ShouldBe(draft);
        await page.ScreenshotAsync($"register-{suffix}");

        await security.Locator("[data-testid=purpose-link]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=purpose-editor]");
        await page.ClickAsync("[data-testid=activate-purpose]");
        await page.WaitForSelectorAsync("[data-testid=violation-item]");
        (await page.TextContentAsync("[data-testid=violation-text]"))!.ShouldStartWith(violation);
        // The viewport only: a full-page shot would draw the dialog's backdrop over the first screen alone.
        await page.ScreenshotAsync($"register-activation-{suffix}", fullPage: false);

        await page.ClickAsync("[data-testid=violation-goto]");
        await page.WaitForFunctionAsync("() => { const r = document.getElementById('section-bases').getBoundingClientRect(); return r.top < window.innerHeight && r.bottom > 0; }");

        await page.SetViewportSizeAsync(390, 800);
        await page.ShouldFitAsync(390, "the purpose form fits a phone");
        await page.ScreenshotAsync($"register-purpose-{suffix}-narrow");
    }

    [Fact]
    public async Task AnAuditorReadsTheRegisterWithoutActionsAndDownloadsTheArt30Csv()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("auditor@privacydesk.test");
        await page.WaitForShellAsync();
        await page.ClickAsync("[data-testid=nav-register]");
        await page.WaitForSelectorAsync("[data-testid=purpose-row]");

        (await page.Locator("[data-testid=import-default]").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=new-purpose]").CountAsync()).ShouldBe(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-csv]"));
        download.SuggestedFilename.ShouldStartWith("verwerkingsregister-art30-");

        await page.ClickAsync("[data-key=identity-verification] [data-testid=purpose-link]");
        await page.WaitForSelectorAsync("[data-testid=read-only-notice]");
        (await page.Locator("[data-testid=save-purpose]").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=retire-purpose]").CountAsync()).ShouldBe(0);
    }
}
