using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;

namespace PrivacyDesk.EndToEnd.Tests.Infrastructure;

public static class PageActions
{
    public static async Task SignInAsync(this IPage page, string email, string password = DemoStaff.Password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            await page.GotoAsync("/Account/Login");
        }
        await page.FillAsync("#Input\\.Email", email);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("[data-testid=sign-in]");
    }

    /// <summary>Waits until the interactive circuit has rendered the shell: before that, clicks reach only prerendered HTML.</summary>
    public static async Task WaitForShellAsync(this IPage page)
    {
        try
        {
            await page.WaitForSelectorAsync("[data-interactive=true] [data-testid^=nav-]");
        }
        catch (TimeoutException timeout)
        {
            // Say where the browser is (a lockout or access-denied page explains most of these).
            var heading = await page.EvaluateAsync<string?>("() => document.querySelector('h1')?.textContent ?? null");
            throw new TimeoutException($"The app shell never became interactive; the browser is on {new Uri(page.Url).AbsolutePath} showing '{heading}'.", timeout);
        }
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var folder = Path.Combine(RunningApp.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        // From the top: a full-page shot taken while scrolled draws the fixed app bar and drawer halfway down the image.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
