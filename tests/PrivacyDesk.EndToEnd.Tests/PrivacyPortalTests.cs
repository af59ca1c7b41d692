using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// The public privacy portal in Chromium (issue 16, ADR 0044), in Dutch and English, on a desktop and a phone: every page works with
/// the keyboard and without script, and an automated accessibility scan (axe-core) finds nothing serious or critical on the form,
/// its error state, the code page, the confirmation, and the status pages.
/// </summary>
public sealed partial class PrivacyPortalTests(RunningApp app)
{
    public static TheoryData<string, int> LanguagesAndWidths() => new()
    {
        { "nl", 1366 },
        { "en", 390 },
        { "en", 1366 },
        { "nl", 390 },
    };

    [Theory]
    [MemberData(nameof(LanguagesAndWidths))]
    public async Task ASubjectMakesARequestAndFollowsItWithNothingSeriousForTheAccessibilityScan(string language, int width)
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = language == "en" ? "en-GB" : "nl-NL",
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            JavaScriptEnabled = true,
        });
        var page = await context.NewPageAsync();
        var email = $"portal-{language}-{width}-{Guid.NewGuid():N}"[..30] + "@example.nl";
        var problems = new List<string>();

        await page.GotoAsync("/privacy");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        (await page.Locator("script").CountAsync()).ShouldBe(0, "the portal loads no script at all");
        await ScanAsync(page, "form", problems);
        await ShotAsync(page, $"form-{language}-{width}");

        // Sent empty (after a person's few seconds): the error summary takes the focus and links to each field.
        await page.WaitForTimeoutAsync(3500);
        await page.GetByRole(AriaRole.Button, new() { Name = language == "en" ? "Send me a code" : "Stuur mij een code" }).ClickAsync();
        await page.Locator(".pd-summary").WaitForAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement?.className ?? ''")).ShouldContain("pd-summary");
        await ScanAsync(page, "form with errors", problems);
        await ShotAsync(page, $"form-errors-{language}-{width}");

        await page.Locator("#type-Access").CheckAsync();
        await page.Locator("#f-FullName").FillAsync("Anna Jansen");
        await page.Locator("#f-Email").FillAsync(email);
        await page.Locator("#f-Description").FillAsync(language == "en" ? "Please send me a copy of my data." : "Stuur mij een kopie van mijn gegevens.");
        // A person takes a few seconds; the portal refuses a form sent at once (a bot's).
        await page.WaitForTimeoutAsync(3500);
        await page.Locator("#f-Description").PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = language == "en" ? "Send me a code" : "Stuur mij een code" }).PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/privacy/code$"));
        await ScanAsync(page, "code", problems);
        await ShotAsync(page, $"code-{language}-{width}");

        await page.Locator("#f-Code").FillAsync(await LatestCodeAsync(email));
        await page.Locator("#f-Code").PressAsync("Enter");
        await page.Locator(".pd-reference").WaitForAsync();
        var reference = (await page.Locator(".pd-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch("^DSR-[0-9]{4}-[0-9]{6}$");
        await ScanAsync(page, "confirmation", problems);
        await ShotAsync(page, $"done-{language}-{width}");

        await page.GotoAsync(await StatusLinkAsync(email));
        (await page.ContentAsync()).ShouldNotContain(reference);
        await ScanAsync(page, "status before the code", problems);
        await ShotAsync(page, $"status-locked-{language}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = language == "en" ? "Send me a code" : "Stuur mij een code" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/code$"));
        await page.Locator("#f-Code").FillAsync(await LatestCodeAsync(email));
        await page.Locator("#f-Code").PressAsync("Enter");
        await page.Locator("h1", new() { HasText = reference }).WaitForAsync();
        await ScanAsync(page, "status", problems);
        await ShotAsync(page, $"status-{language}-{width}");

        await page.Locator("#f-Message").FillAsync(language == "en" ? "My customer number is C-4411." : "Mijn klantnummer is C-4411.");
        await page.GetByRole(AriaRole.Button, new() { Name = language == "en" ? "Send message" : "Bericht versturen" }).ClickAsync();
        await page.Locator(".pd-panel-ok").WaitForAsync();
        await ScanAsync(page, "status after a message", problems);
        await ShotAsync(page, $"status-message-{language}-{width}");

        problems.ShouldBeEmpty();
    }

    /// <summary>axe-core over the whole page: serious and critical violations fail the test, each named with its first element.</summary>
    private static async Task ScanAsync(IPage page, string what, List<string> problems)
    {
        AxeResult result = await page.RunAxe();
        problems.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{what}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(2).Select(n => n.Target?.ToString()))}"));
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync("portal-" + name);
        if (Environment.GetEnvironmentVariable("PRIVACYDESK_PORTAL_SHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    /// <summary>The code as the subject reads it in the e-mail: from the outgoing mail table (the mail sender's delivery is tested on its own).</summary>
    private async Task<string> LatestCodeAsync(string email)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Subject FROM OutgoingEmails WHERE \"To\" = $to AND Kind = 'portal.code' ORDER BY QueuedAt DESC LIMIT 1";
            command.Parameters.AddWithValue("$to", email);
            if (await command.ExecuteScalarAsync() is string subject)
            {
                return Code().Match(subject).Value;
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("No code e-mail was queued.");
    }

    private async Task<string> StatusLinkAsync(string email)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT TextBody FROM OutgoingEmails WHERE \"To\" = $to AND Kind = 'request.acknowledgement'";
        command.Parameters.AddWithValue("$to", email);
        var body = (string)(await command.ExecuteScalarAsync())!;
        return new Uri(StatusLink().Match(body).Value).PathAndQuery;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex Code();

    [GeneratedRegex("https?://\\S+/privacy/status/\\S+")]
    private static partial Regex StatusLink();
}
