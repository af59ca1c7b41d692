using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>Text longer than anyone means to type: a 10,000-character word in the case header, a pasted note over the limit.</summary>
public sealed class LongTextTests(RunningApp app)
{
    private const string DemoKey = "pdk_0000d3e0_development-only-demo-key-never-use-in-production";

    private static readonly string Shots = Environment.GetEnvironmentVariable("PRIVACYDESK_SHOTS") ?? Path.Combine(Path.GetTempPath(), "shots-i11-hardening");

    [Theory]
    [InlineData("nl-NL", "nl", "er is niets afgeknipt")]
    [InlineData("en-GB", "en", "nothing was cut off")]
    public async Task ALongWordStaysInsideTheCaseHeaderAndAnOverlongNoteIsKeptWithAMessage(string culture, string suffix, string reassurance)
    {
        var reference = await RegisterAsync(new string('x', 10_000));
        var page = await app.NewPageAsync(culture);
        await page.SignInAsync("lead@privacydesk.test");
        await page.WaitForShellAsync();

        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.GotoAsync($"/requests/{reference}");
            // On a phone the drawer (and the shell's links) is closed: the live case header is the sign.
            await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-description-toggle]");

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"the page scrolls sideways at {width} px");
            var header = (await page.Locator("[data-testid=case-header]").BoundingBoxAsync())!;
            (header.X + header.Width).ShouldBeLessThanOrEqualTo(width, $"the case header sticks out at {width} px");
            await Shot(page, $"case-header-long-word-{suffix}-{width}");
        }

        // The whole request is one click away, and still inside the page's width.
        await page.SetViewportSizeAsync(1366, 800);
        await page.ClickAsync("[data-testid=case-description-toggle]");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=case-description]').getBoundingClientRect().height > 1000");
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")).ShouldBeLessThanOrEqualTo(0);
        await page.ClickAsync("[data-testid=case-description-toggle]");

        await page.SetViewportSizeAsync(1366, 800);
        var pasted = string.Concat(Enumerable.Repeat("Klant belde over de rekening en vroeg om een kopie. ", 90));
        await page.Locator("textarea[data-testid=note-text]").FillAsync(pasted);
        await page.WaitForSelectorAsync("[data-testid=note-too-long]");
        (await page.TextContentAsync("[data-testid=note-too-long]"))!.ShouldContain(reassurance);
        (await page.InputValueAsync("textarea[data-testid=note-text]")).Length.ShouldBe(pasted.Length);
        (await page.IsDisabledAsync("[data-testid=add-note]")).ShouldBeTrue();
        await NotesShot(page, $"note-over-limit-{suffix}-1366");
        await page.SetViewportSizeAsync(390, 800);
        await page.WaitForTimeoutAsync(300);
        await NotesShot(page, $"note-over-limit-{suffix}-390");
    }

    /// <summary>The viewport with the note box and its message in view (an element shot of a panel under the fixed app bar draws the bar into it).</summary>
    private static async Task NotesShot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.EvaluateAsync("() => document.querySelector('[data-testid=note-too-long]').scrollIntoView({ block: 'center' })");
        await page.WaitForTimeoutAsync(200);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png") });
    }

    private async Task<string> RegisterAsync(string description)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var body = JsonSerializer.Serialize(new
        {
            type = "access",
            language = "nl",
            subject = new { fullName = "Anna de Vries", email = $"anna.{Guid.NewGuid():N}@example.com" },
            description,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", DemoKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("reference").GetString()!;
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png") });
    }
}
