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
            throw new TimeoutException($"The app shell never became interactive within {Timeouts.Action / 1000:0} s ({Timeouts.Describe()}); the browser is on {new Uri(page.Url).AbsolutePath} showing '{heading}'.", timeout);
        }
    }

    /// <summary>
    /// Waits for the address to match; on a timeout says what the page shows instead (its alerts and
    /// validation messages) and keeps a screenshot next to the test results, so a failure explains itself.
    /// </summary>
    public static async Task WaitForAddressAsync(this IPage page, System.Text.RegularExpressions.Regex address, string what)
    {
        try
        {
            // Polls the address itself: Blazor moves between pages with history.pushState, and a wait for a
            // navigation event missed that move on a busy machine although the case page was showing.
            await page.WaitForFunctionAsync("pattern => new RegExp(pattern).test(location.pathname)", address.ToString(), new() { Timeout = Timeouts.Navigation });
        }
        catch (TimeoutException timeout)
        {
            var shown = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('.mud-alert, .mud-snackbar, .mud-input-helper-text.mud-input-error, .validation-message')].map(e => e.textContent.trim()).filter(t => t).join(' | ')");
            var folder = Path.Combine(RunningApp.RepositoryRoot, "artifacts", "test-results");
            Directory.CreateDirectory(folder);
            var shot = Path.Combine(folder, $"failed-{what}-{DateTime.UtcNow:HHmmss}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            throw new TimeoutException($"{what}: the browser stayed on {new Uri(page.Url).AbsolutePath} for {Timeouts.Navigation / 1000:0} s ({Timeouts.Describe()}); the page shows: '{shown}'. Screenshot: {shot}", timeout);
        }
    }

    /// <summary>
    /// Asserts that the page does not scroll sideways at <paramref name="width"/> px, once its layout has settled.
    /// </summary>
    /// <remarks>
    /// A test narrows a page it opened at desktop width; the responsive drawer closes a moment later (MudBlazor hears the
    /// new width through its JavaScript breakpoint listener), and until then the open drawer pushes the page wider (CI
    /// once measured the queue at 470 px in that moment). So the width is polled until it fits; a page that never fits
    /// fails with its width and the elements that stick out.
    /// </remarks>
    public static async Task ShouldFitAsync(this IPage page, int width, string what)
    {
        try
        {
            await page.WaitForFunctionAsync("w => document.documentElement.scrollWidth <= w", width, new() { Timeout = Timeouts.Action });
        }
        catch (TimeoutException)
        {
            var measured = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var outside = await page.EvaluateAsync<string>(
                """
                w => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1 && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                    .slice(0, 5)
                    .map(e => `${e.tagName.toLowerCase()}${e.dataset.testid ? '[' + e.dataset.testid + ']' : ''}.${[...e.classList].slice(0, 3).join('.')} to ${Math.round(e.getBoundingClientRect().right)} px`)
                    .join('; ')
                """, width);
            throw new Shouldly.ShouldAssertException(
                $"{what}: the page is {measured} px wide in a {width} px window after {Timeouts.Action / 1000:0} s ({Timeouts.Describe()}); sticking out: {outside}");
        }
    }

    /// <summary>
    /// Writes the screenshot under the ignored artifacts/screenshots, so a test run never changes tracked files;
    /// scripts/refresh-screenshots.sh copies them into docs/screenshots on purpose.
    /// </summary>
    /// <param name="fullPage">False for the viewport only, where a full-page shot would draw a dialog's backdrop over the first screen alone.</param>
    public static async Task ScreenshotAsync(this IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(RunningApp.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        // From the top: a full-page shot taken while scrolled draws the fixed app bar and drawer halfway down the image.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>Opens a folded step of the case page (ADR 0032) with a click on its line, as an officer would; an open step stays open.</summary>
    /// <remarks>
    /// Background work (automatic fetching) may move the case between the look and the click, which folds the step the
    /// case left; so the step is opened again until it is seen open, as an officer would click it again.
    /// </remarks>
    public static async Task OpenStepAsync(this IPage page, string step)
    {
        var toggle = page.Locator($"[data-testid=step-{step}][data-open=false] [data-testid=step-toggle]");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await toggle.CountAsync() > 0)
            {
                await toggle.ClickAsync();
            }
            try
            {
                await page.WaitForSelectorAsync($"[data-testid=step-{step}][data-open=true]", new() { Timeout = Timeouts.Action });
                return;
            }
            catch (TimeoutException) when (attempt < 2)
            {
            }
        }
    }
}
