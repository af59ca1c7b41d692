using System.Text;
using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 11 in real Chromium: the officer registers a letter with its scan, downloads the original, and the case
/// still opens for the team lead and the auditor, whose timeline shows the download.
/// </summary>
public sealed class AuditedDownloadsTests(RunningApp app)
{
    private const string DownloadEntry = "[data-testid=timeline-entry][data-action='request.attachment.downloaded']";

    [Fact]
    public async Task AnOfficerDownloadsTheOriginalAndTheLeadAndTheAuditorStillOpenTheCaseAndSeeTheDownload()
    {
        // 1. The officer registers a letter with the letter itself attached.
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(officer, "[data-testid=field-type]", "Inzage (art. 15 AVG)");
        await ChooseAsync(officer, "[data-testid=field-channel]", "Brief");
        await officer.FillAsync("input[data-testid=field-subject]", DemoCases.WellKnownName);
        await officer.ClickAsync($".mud-popover-open .mud-list-item:has-text('{DemoCases.WellKnownCustomerNumber}')");
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await officer.FillAsync("textarea[data-testid=field-description]", "Brief: wil weten welke gegevens wij van hem hebben.");
        var chooser = await officer.RunAndWaitForFileChooserAsync(() => officer.ClickAsync("[data-testid=add-attachment]"));
        await chooser.SetFilesAsync(new FilePayload { Name = "brief.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes("Geachte heer, mevrouw,\nIk wil inzage.\n") });
        await officer.WaitForSelectorAsync("[data-testid=attachment-list]:has-text('brief.txt')");
        await officer.ClickAsync("[data-testid=save-new-request]");
        await officer.WaitForFunctionAsync("() => /^\\/requests\\/DSR-\\d{4}-\\d{6}$/.test(location.pathname)", null, new() { Timeout = Timeouts.Navigation });
        var reference = new Uri(officer.Url).Segments[^1];

        // 2. The officer takes the case and downloads the original.
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        if (await officer.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await officer.ClickAsync("[data-testid=take-case]");
            await officer.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        }
        await officer.WaitForSelectorAsync("[data-testid=attachment-download]");
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync("[data-testid=attachment-download]"));
        download.SuggestedFilename.ShouldBe("brief.txt");

        // 3. The team lead and the auditor open the case: it loads, and the download is on its timeline.
        foreach (var (email, culture, sentence) in new[]
        {
            ("lead@privacydesk.test", "nl-NL", "downloadde het origineel"),
            ("auditor@privacydesk.test", "en-GB", "downloaded the original"),
        })
        {
            var page = await app.NewPageAsync(culture);
            await page.SignInAsync(email);
            await page.WaitForShellAsync();
            await page.GotoAsync($"/requests/{reference}");
            await page.WaitForSelectorAsync("[data-testid=case-header]");
            (await page.Locator("[data-testid=case-load-error]").CountAsync()).ShouldBe(0, email);
            await page.WaitForSelectorAsync(DownloadEntry);
            (await page.TextContentAsync(DownloadEntry))!.ShouldContain(sentence);
            (await page.TextContentAsync(DownloadEntry))!.ShouldContain("Sanne de Vries");
        }
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }
}
