using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Every staff page, as a role that may see it, under the real Content-Security-Policy (ADR 0027): no
/// violation reported by the browser and the page becomes interactive.
/// </summary>
public sealed class SecurityHeadersTests(RunningApp app)
{
    /// <summary>Records what the browser refuses, before any of the page's own script runs.</summary>
    private const string ViolationRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber}`));
        """;

    public static TheoryData<string, string[]> PagesByRole() => new()
    {
        { "officer@privacydesk.test", ["/requests", "{case}", "/subjects", "{subject}", "/register", "{purpose}", "/dashboard"] },
        { "lead@privacydesk.test", ["/requests", "{case}", "/dashboard", "/register", "/administration/calendar"] },
        { "auditor@privacydesk.test", ["/requests", "{case}", "/subjects", "/register", "/dashboard", "/administration/audit-trail"] },
        { "admin@privacydesk.test", ["/administration", "/administration/api-keys", "/administration/controller", "/administration/calendar", "/administration/audit-trail"] },
    };

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task EveryStaffPageWorksUnderThePolicyWithoutAViolation(string email, string[] pages)
    {
        var (page, problems) = await WatchedPageAsync();
        await page.SignInAsync(email);
        await page.WaitForShellAsync();

        foreach (var wanted in pages)
        {
            var path = await ResolveAsync(page, wanted);
            var response = await page.GotoAsync(path);
            response.ShouldNotBeNull();
            var headers = await response.AllHeadersAsync();
            headers.ShouldContainKey("content-security-policy", $"{path} has no Content-Security-Policy");
            headers["content-security-policy"].ShouldContain("script-src 'self';");
            headers.ShouldNotContainKey("server");
            await page.WaitForShellAsync();
            await page.WaitForSelectorAsync("h1");
            await page.WaitForTimeoutAsync(300);
            problems.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"{path}: {v}"));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheSignInPageAndMyAccountWorkUnderThePolicy()
    {
        var (page, problems) = await WatchedPageAsync();
        await page.GotoAsync("/Account/Login");
        problems.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        await page.SignInAsync("auditor@privacydesk.test");
        await page.WaitForShellAsync();

        // My account and its pages (Identity's static pages, the authenticator set-up with its key and QR text among them), and the not-found page.
        foreach (var path in new[] { "/Account/Manage", "/Account/Manage/ChangePassword", "/Account/Manage/TwoFactorAuthentication", "/Account/Manage/EnableAuthenticator", "/not-found" })
        {
            await page.GotoAsync(path);
            // The not-found page is an empty state with a way back, without a heading of its own.
            await page.WaitForSelectorAsync(path == "/not-found" ? "a[href='/']" : "h1");
            await page.WaitForTimeoutAsync(300);
            problems.AddRange((await page.EvaluateAsync<string[]>("() => window.__cspViolations")).Select(v => $"{path}: {v}"));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheApiReferenceRendersUnderItsOwnPolicy()
    {
        var (page, problems) = await WatchedPageAsync();

        // The page's script is a 4.9 MB bundle; on a busy CI machine its "load" event can take longer than a
        // navigation's timeout, so the test waits for the response and then for what the script renders.
        var response = await page.GotoAsync("/api/reference/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });

        (await response!.AllHeadersAsync())["content-security-policy"].ShouldContain("'sha256-");
        // Rendered by Scalar's script from the OpenAPI document: proof the scripts ran.
        await page.WaitForSelectorAsync("text=Register a data-subject request", new PageWaitForSelectorOptions { Timeout = Timeouts.LongRunning });
        await page.WaitForSelectorAsync("text=The status of a request created with the same key", new PageWaitForSelectorOptions { Timeout = Timeouts.Navigation });
        problems.AddRange(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        // Scalar's bundle tries eval once; refused, the page works (above), and the policy does not grant 'unsafe-eval' for it (ADR 0027).
        problems.Where(p => !(p.Contains("script-src blocked eval", StringComparison.Ordinal) && p.Contains("/api/reference/scalar.js", StringComparison.Ordinal)))
            .ShouldBeEmpty();
    }

    private async Task<(IPage Page, List<string> Problems)> WatchedPageAsync()
    {
        var page = await app.NewPageAsync("en-GB");
        await page.Context.AddInitScriptAsync(ViolationRecorder);
        var problems = new List<string>();
        // Chromium also reports refusals on the console, e.g. for a blocked inline event handler.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (problems)
                {
                    problems.Add($"{new Uri(page.Url).AbsolutePath}: console: {message.Text}");
                }
            }
        };
        return (page, problems);
    }

    /// <summary>A page address, with the detail pages found through the list pages (first case, a demo subject, first purpose).</summary>
    private static async Task<string> ResolveAsync(IPage page, string wanted)
    {
        switch (wanted)
        {
            case "{case}":
                await page.GotoAsync("/requests");
                await page.WaitForShellAsync();
                return await HrefAsync(page, "a[href*='requests/DSR-']");
            case "{purpose}":
                await page.GotoAsync("/register");
                await page.WaitForShellAsync();
                return await HrefAsync(page, "a[href^='register/']:not([href*='export']), a[href^='/register/']:not([href*='export'])");
            case "{subject}":
                await page.GotoAsync("/subjects");
                await page.WaitForSelectorAsync("[data-interactive=true] input[data-testid=subject-search]");
                await page.FillAsync("input[data-testid=subject-search]", "C-100001");
                await page.PressAsync("input[data-testid=subject-search]", "Enter");
                return await HrefAsync(page, "[data-testid=subject-link]");
            default:
                return wanted;
        }
    }

    private static async Task<string> HrefAsync(IPage page, string selector)
    {
        await page.WaitForSelectorAsync(selector);
        var href = (await page.GetAttributeAsync(selector, "href"))!;
        return href.StartsWith('/') ? href : "/" + href;
    }
}
