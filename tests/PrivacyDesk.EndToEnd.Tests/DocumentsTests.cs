using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 5 in real Chromium on the demo cases: an officer generates the acknowledgement of a case and
/// downloads it; the auditor downloads the case file of the same case. Both files are PDFs.
/// </summary>
public sealed class DocumentsTests(RunningApp app)
{
    [Fact]
    public async Task AnOfficerGeneratesAnAcknowledgementAndTheAuditorDownloadsTheCaseFile()
    {
        // 1. The officer opens the first case the queue shows them and generates the acknowledgement in Dutch.
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.WaitForSelectorAsync("[data-testid=queue-grid] [data-testid=open-request]");
        // The first Dutch case the queue shows: other browser tests (the portal's) register English requests that may sort first.
        var shown = (await officer.Locator("[data-testid=open-request]").AllTextContentsAsync()).Select(r => r.Trim()).ToList();
        var dutch = await DutchReferencesAsync();
        var reference = shown.First(dutch.Contains);
        await officer.GotoAsync($"/requests/{reference}");
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        // The documents sit under Draft response, folded unless the case is at that step (ADR 0032).
        await officer.OpenStepAsync("DraftResponse");
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=documents-generate]");
        await ChooseAsync(officer, "[data-testid=documents-kind]", "Ontvangstbevestiging");
        await officer.ClickAsync("[data-testid=generate-document]");
        await officer.WaitForSelectorAsync("[data-testid=documents-table] [data-testid=document-row]:has-text('Ontvangstbevestiging')");
        (await officer.TextContentAsync("[data-testid=document-version]"))!.Trim().ShouldBe("Versie 1");

        var letter = await officer.RunAndWaitForDownloadAsync(() => officer.Locator("[data-testid=document-download]").First.ClickAsync());
        letter.SuggestedFilename.ShouldBe($"{reference}-acknowledgement-nl.pdf");
        await ShouldBePdfAsync(letter);
        await officer.ScreenshotAsync("issue5-documents-officer-nl");

        // 2. The auditor reads the same case (read-only, no generate form) and downloads its case file.
        var auditor = await app.NewPageAsync("en-GB");
        await auditor.SignInAsync("auditor@privacydesk.test");
        await auditor.WaitForShellAsync();
        await auditor.GotoAsync($"/requests/{reference}");
        await auditor.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        await auditor.OpenStepAsync("DraftResponse");
        await auditor.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-file-download]");
        (await auditor.Locator("[data-testid=documents-generate]").CountAsync()).ShouldBe(0);
        await auditor.WaitForSelectorAsync("[data-testid=document-row]:has-text('Acknowledgement of receipt')");
        // One click, one file.
        var caseFile = await auditor.RunAndWaitForDownloadAsync(() => auditor.ClickAsync("[data-testid=case-file-download]"));
        caseFile.SuggestedFilename.ShouldBe($"{reference}-case-file-en.pdf");
        await ShouldBePdfAsync(caseFile);
        await auditor.ScreenshotAsync("issue5-documents-auditor-en");
    }

    private static async Task ShouldBePdfAsync(IDownload download)
    {
        var path = await download.PathAsync();
        var head = new byte[5];
        await using (var file = File.OpenRead(path))
        {
            (await file.ReadAsync(head)).ShouldBe(5);
        }
        head.ShouldBe("%PDF-"u8.ToArray());
    }

    /// <summary>A MudSelect: a click on the field, then on the option in the open popover.</summary>
    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    private async Task<HashSet<string>> DutchReferencesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Reference FROM Requests WHERE Language = 'nl'";
        var references = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            references.Add(reader.GetString(0));
        }
        return references;
    }
}
