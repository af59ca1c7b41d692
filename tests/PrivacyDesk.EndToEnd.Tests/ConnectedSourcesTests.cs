using System.Globalization;
using Microsoft.Playwright;
using Npgsql;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 14 in real Chromium against a real PostgreSQL: an officer handles an access request of a customer of the demo
/// core bank; once identity is verified the connected systems are fetched automatically, and the copy of data holds
/// exactly the rows the test reads from PostgreSQL itself.
/// </summary>
public sealed class ConnectedSourcesTests(RunningApp app)
{
    [Fact]
    public async Task AnAccessRequestFetchesFromTheConnectedSystemsAndTheCopyHoldsTheirRows()
    {
        var officer = await app.NewPageAsync("nl-NL", 1440, 900);
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await NewAccessRequestAsync(officer);
        await officer.ClickAsync("[data-testid=record-identity]");
        await officer.WaitForSelectorAsync("[data-testid=start-processing]");
        await officer.ClickAsync("[data-testid=start-processing]");
        await officer.WaitForSelectorAsync("[data-testid=status-chip]:has-text('In behandeling')");

        // Identity verified and the case started: the collection step fetches the connected systems by itself. When the
        // last fetch ends the case moves on and folds Collect data, so the step is opened only once fetching has settled
        // (a folded step keeps its panel in the page, so the wait sees it either way).
        await officer.WaitForFunctionAsync(
            "() => document.querySelectorAll('[data-testid=collection-panel] [data-testid=fetch-done]').length >= 2"
            + " && !document.querySelector('[data-testid=fetch-progress], [data-testid=fetch-queued]')",
            null, new() { Timeout = Timeouts.LongRunning });
        await officer.OpenStepAsync("CollectData");
        await officer.ScreenshotAsync("issue14-collection-fetched-nl");
        var core = officer.Locator($"[data-testid=collection-table] tr:has-text('{CoreBankingSchema.Core.SystemName}')");
        (await core.Locator("[data-testid=fetch-done]").TextContentAsync()).ShouldNotBeNull();
        (await officer.Locator("[data-testid=fetch-error]").CountAsync()).ShouldBe(0);
        // The timeline says what happened in words, never an action code.
        await officer.WaitForSelectorAsync($"[data-testid=timeline-entry][data-action='request.collection.extract_fetched']:has-text('haalde de gegevens van de betrokkene op uit {CoreBankingSchema.Core.SystemName}')");
        (await officer.Locator("[data-testid=timeline-entry]:has-text('\"request.')").CountAsync()).ShouldBe(0);

        // The copy of data, generated and downloaded as the officer would.
        await officer.OpenStepAsync("DraftResponse");
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=documents-generate]");
        await officer.ClickAsync("[data-testid=documents-kind]");
        await officer.ClickAsync(".mud-popover-open .mud-list-item:has-text('Kopie van uw persoonsgegevens')");
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await officer.ClickAsync("[data-testid=generate-document]");
        var row = officer.Locator("tr:has([data-testid=document-title]:text-is('Kopie van uw persoonsgegevens'))");
        await row.WaitForAsync(new() { Timeout = Timeouts.LongRunning });
        var download = await officer.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=document-download]").First.ClickAsync());
        var path = await download.PathAsync();
        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(path!));
        // Long values wrap in the PDF; compared without white space, a value is found whatever line it broke on.
        var text = Squeezed(string.Join("", pdf.GetPages().Select(p => p.Text)));

        // What PostgreSQL holds for this customer, read directly: every IBAN and every transaction description.
        var expected = await RowsInPostgresAsync();
        expected.Count.ShouldBeGreaterThan(2);
        foreach (var value in expected)
        {
            text.ShouldContain(Squeezed(value), customMessage: "the copy of data holds what the source system holds");
        }
        text.ShouldContain(Squeezed(CoreBankingSchema.Core.SystemName));
        text.ShouldContain(Squeezed(CoreBankingSchema.Kyc.SystemName));
    }

    private async Task<List<string>> RowsInPostgresAsync()
    {
        await using var connection = new NpgsqlConnection(app.Postgres.ConnectionString(RunningApp.SourceDatabasePrefix + CoreBankingSchema.Core.DatabaseName));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT a.iban FROM accounts a JOIN customers c ON c.customer_id = a.customer_id WHERE c.customer_number = @number
            UNION ALL
            SELECT t.description FROM transactions t JOIN accounts a ON a.account_id = t.account_id
                JOIN customers c ON c.customer_id = a.customer_id WHERE c.customer_number = @number
            """, connection);
        command.Parameters.AddWithValue("number", DemoCases.WellKnownCustomerNumber);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        }
        return values;
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task NewAccessRequestAsync(IPage page)
    {
        await page.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await page.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(page, "[data-testid=field-type]", "Inzage (art. 15 AVG)");
        await ChooseAsync(page, "[data-testid=field-channel]", "Telefoon");
        await page.FillAsync("input[data-testid=field-subject]", DemoCases.WellKnownName);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{DemoCases.WellKnownCustomerNumber}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await page.FillAsync("textarea[data-testid=field-description]", "Belde: wil weten welke gegevens de bank van hem heeft.");
        await page.ClickAsync("[data-testid=save-new-request]");
        await page.WaitForFunctionAsync("() => /^\\/requests\\/DSR-\\d{4}-\\d{6}$/.test(location.pathname)", null, new() { Timeout = Timeouts.Navigation });
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        if (await page.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await page.ClickAsync("[data-testid=take-case]");
        }
        await page.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }
}
