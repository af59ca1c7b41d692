using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

public sealed class ShellTests(RunningApp app)
{
    [Fact]
    public async Task TheLanguageSwitchTurnsTheAppIntoEnglishAndRemembersIt()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("lead@privacydesk.test");
        await page.WaitForShellAsync();
        (await page.TextContentAsync("h1")).ShouldBe("Verzoekenwachtrij");

        await page.ClickAsync("[data-testid=language-menu] button");
        await page.ClickAsync("[data-testid=language-en]");
        await page.WaitForSelectorAsync("h1:has-text('Request queue')");
        await page.WaitForShellAsync();

        (await page.TextContentAsync("[data-testid=nav-subjects]"))!.Trim().ShouldBe("Subjects");
        await page.ReloadAsync();
        await page.WaitForShellAsync();
        (await page.TextContentAsync("h1")).ShouldBe("Request queue");
        (await page.GetAttributeAsync("html", "lang")).ShouldBe("en");
    }

    [Fact]
    public async Task TheDarkModeToggleDarkensThePageAndIsRemembered()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();
        var light = await BackgroundAsync(page);

        await page.ClickAsync("[data-testid=theme-toggle]");
        await page.WaitForFunctionAsync($"() => getComputedStyle(document.body).backgroundColor !== '{light}'");
        var dark = await BackgroundAsync(page);
        await page.ReloadAsync();
        await page.WaitForShellAsync();

        (await BackgroundAsync(page)).ShouldBe(dark);
        dark.ShouldNotBe(light);
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Theory]
    [InlineData("nl-NL", "nl", "Aanmelden", "Verzoekenwachtrij")]
    [InlineData("en-GB", "en", "Sign in", "Request queue")]
    public async Task ScreenshotsOfSignInAndShellAtDesktopAndNarrowWidth(string culture, string suffix, string signInTitle, string queueTitle)
    {
        var page = await app.NewPageAsync(culture);
        await page.GotoAsync("/Account/Login");
        (await page.TextContentAsync("h1")).ShouldBe(signInTitle);
        await page.ScreenshotAsync($"sign-in-{suffix}");

        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();
        (await page.TextContentAsync("h1")).ShouldBe(queueTitle);
        await page.ScreenshotAsync($"shell-{suffix}");

        await page.SetViewportSizeAsync(390, 800);
        await page.WaitForTimeoutAsync(400);
        var signOut = (await page.Locator("[data-testid=sign-out]").BoundingBoxAsync())!;
        (signOut.X + signOut.Width).ShouldBeLessThanOrEqualTo(390, "sign-out stays on screen on a phone");
        await page.ScreenshotAsync($"shell-{suffix}-narrow");
    }
}
