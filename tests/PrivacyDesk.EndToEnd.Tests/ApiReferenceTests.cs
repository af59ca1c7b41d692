using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>The intake API's reference page as a web-form developer meets it: a loading state, one bundle, a neutral key field.</summary>
public sealed class ApiReferenceTests(RunningApp app)
{
    private const string Bundle = "/api/reference/scalar.js";

    [Fact]
    public async Task TheReferenceSaysItIsLoadingUntilTheBundleHasArrivedAndThenShowsTheOperations()
    {
        var page = await app.NewPageAsync("en-GB");
        var release = new TaskCompletionSource();
        // Hold the bundle back, as a slow line would.
        await page.RouteAsync("**" + Bundle, async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync("/api/reference/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var loading = page.Locator("[data-testid=api-reference-loading]");
        await loading.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        (await loading.InnerTextAsync()).ShouldContain("Loading the PrivacyDesk intake API reference");

        release.SetResult();
        await page.WaitForSelectorAsync("text=Register a data-subject request", new PageWaitForSelectorOptions { Timeout = Timeouts.LongRunning });
        (await loading.IsVisibleAsync()).ShouldBeFalse("the loading line goes once Scalar has drawn the page");
    }

    [Fact]
    public async Task ThePageRequestsTheBundleOnceAndARevisitDoesNotDownloadItAgain()
    {
        var page = await app.NewPageAsync("en-GB");
        var answers = new List<int>();
        page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath == Bundle)
            {
                lock (answers)
                {
                    answers.Add(response.Status);
                }
            }
        };

        await page.GotoAsync("/api/reference/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("text=Register a data-subject request", new PageWaitForSelectorOptions { Timeout = Timeouts.LongRunning });
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("text=Register a data-subject request", new PageWaitForSelectorOptions { Timeout = Timeouts.LongRunning });

        lock (answers)
        {
            answers.Count.ShouldBe(2, "one request for the bundle per page load");
            answers[0].ShouldBe(200);
            // The second load revalidates with the ETag and gets 304: the 4.9 MB are not sent again.
            answers[1].ShouldBe(304);
        }
    }

    [Fact]
    public async Task TheApiKeyFieldHasANeutralPlaceholder()
    {
        var page = await app.NewPageAsync("en-GB");

        await page.GotoAsync("/api/reference/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("text=Register a data-subject request", new PageWaitForSelectorOptions { Timeout = Timeouts.LongRunning });
        var placeholders = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('input[placeholder]')].map(i => i.placeholder)");

        placeholders.ShouldContain("pdk_… (your API key)");
        placeholders.ShouldNotContain(p => p.StartsWith("QUxM", StringComparison.Ordinal), "Scalar's default is base64 for 'All your base are belong to us'");
    }
}
