using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 15 in real Chromium against a real PostgreSQL: an erasure request of a former customer whose relationship ended
/// 18 months ago. The officer decides per purpose and makes the plan (a dry run), a team lead approves and runs it; the
/// test then reads the source databases itself: marketing and survey rows gone, KYC rows kept; the case file shows the
/// proof, the retention ledger the KYC entry, and a second app instance whose clock is past the Wwft end date makes the
/// follow-up erasure plan. That instance works on the shared database by its moved clock, so this class runs alone.
/// </summary>
[Collection(MovedClockCollection.Name)]
public sealed partial class SourceChangesTests(RunningApp app)
{
    private static readonly DemoSubject Karin = RunningApp.FormerCustomer;

    [Fact]
    public async Task AFormerCustomersErasureIsCarriedOutInTheSourcesProvenAndItsWwftRowsAreErasedWhenTheirPeriodEnds()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var ended = today.AddMonths(-18);
        var kycBefore = await CountAsync(CoreBankingSchema.Kyc, "SELECT count(*) FROM kyc_checks k JOIN kyc_customers c ON c.kyc_customer_id = k.kyc_customer_id WHERE c.customer_number = @number");
        kycBefore.ShouldBe(2, "the demo KYC tool holds two checks of every customer");
        (await CountAsync(CoreBankingSchema.Marketing, "SELECT count(*) FROM contacts WHERE customer_number = @number")).ShouldBe(1);
        (await CountAsync(CoreBankingSchema.Surveys, "SELECT count(*) FROM survey_answers WHERE lower(respondent_email) = lower(@email)")).ShouldBe(2);

        // 1. The officer logs the phone request of a former customer PrivacyDesk does not know yet, with her relationship's dates.
        var officer = await app.NewPageAsync("nl-NL", 1440, 900);
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(officer, "[data-testid=field-type]", "Verwijdering (art. 17 AVG)");
        await ChooseAsync(officer, "[data-testid=field-channel]", "Telefoon");
        await officer.ClickAsync("[data-testid=subject-new]");
        await officer.FillAsync("input[data-testid=field-full-name]", Karin.FullName);
        await officer.FillAsync("input[data-testid=field-email]", Karin.Email);
        await officer.FillAsync("input[data-testid=field-customer-number]", Karin.CustomerNumber);
        await FillDateAsync(officer, "input[data-testid=field-relationship-start]", "01-02-2012");
        await FillDateAsync(officer, "input[data-testid=field-relationship-end]", ended.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await officer.FillAsync("textarea[data-testid=field-description]", "Belde: heeft haar rekening anderhalf jaar geleden opgezegd en wil dat al haar gegevens worden gewist.");
        await officer.ClickAsync("[data-testid=save-new-request]");
        await officer.WaitForAddressAsync(CaseAddress(), "new-request");
        var reference = new Uri(officer.Url).Segments[^1];
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        if (await officer.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await officer.ClickAsync("[data-testid=take-case]");
        }
        await officer.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        await officer.ClickAsync("[data-testid=record-identity]");
        await officer.WaitForSelectorAsync("[data-testid=start-processing]");
        await officer.ClickAsync("[data-testid=start-processing]");
        await officer.WaitForSelectorAsync("[data-testid=status-chip]:has-text('In behandeling')");

        // 2. The law's outcome per purpose in one click: marketing and surveys erased, KYC kept under the Wwft.
        await officer.ClickAsync("[data-testid=accept-proposals]");
        await officer.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=decision-chip]').length >= 12");
        (await officer.Locator("[data-testid=no-decision]").CountAsync()).ShouldBe(0);

        // 3. The plan: a dry run per system, counted now; nothing runs from it, and the handler may not approve it.
        await officer.OpenStepAsync("DraftResponse");
        await officer.WaitForSelectorAsync("[data-testid=source-changes-panel] [data-testid=plan-make]");
        await officer.ClickAsync("[data-testid=plan-make]");
        await officer.WaitForSelectorAsync("[data-testid=source-changes-panel] [data-testid=plan-waiting]", new() { Timeout = Timeouts.LongRunning });
        await officer.ScreenshotAsync("issue15-plan-dry-run-nl");
        (await officer.Locator("[data-testid=plan-approve]").CountAsync()).ShouldBe(0, "four eyes: the handler cannot approve");
        var marketing = officer.Locator($"[data-testid=change-system]:has-text('{CoreBankingSchema.Marketing.SystemName}')");
        (await marketing.Locator("[data-testid=change-statement-sql]").AllTextContentsAsync()).ShouldContain(s => s.Contains("DELETE", StringComparison.Ordinal));
        var kyc = officer.Locator($"[data-testid=change-system]:has-text('{CoreBankingSchema.Kyc.SystemName}')");
        (await kyc.Locator("[data-testid=change-kept]").TextContentAsync())!.ShouldContain("Wwft art. 33", Case.Sensitive, "the KYC rows are kept, with their ground");
        (await kyc.Locator("[data-testid=change-statement]").CountAsync()).ShouldBe(0, "nothing is erased in the KYC tool");
        (await officer.Locator("[data-testid=source-changes-panel]").TextContentAsync())!.ShouldNotContain(Karin.Email, Case.Insensitive, "parameters are shown masked");
        (await CountAsync(CoreBankingSchema.Marketing, "SELECT count(*) FROM contacts WHERE customer_number = @number")).ShouldBe(1, "the dry run changed nothing");

        // 4. A team lead who did not handle the case approves and runs it.
        var lead = await app.NewPageAsync("nl-NL", 1440, 900);
        await lead.SignInAsync("lead@privacydesk.test");
        await lead.WaitForShellAsync();
        await lead.GotoAsync($"/requests/{reference}");
        await lead.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        await lead.OpenStepAsync("DraftResponse");
        await lead.ClickAsync("[data-testid=source-changes-panel] [data-testid=plan-approve]");
        await lead.WaitForSelectorAsync("[data-testid=plan-approved-by]:has-text('Fatima El Amrani')");
        await lead.ClickAsync("[data-testid=source-changes-panel] [data-testid=plan-run]");
        await lead.WaitForSelectorAsync($"[data-testid=change-system]:has-text('{CoreBankingSchema.Marketing.SystemName}') [data-testid=change-proof]",
            new() { Timeout = Timeouts.LongRunning });
        await lead.WaitForSelectorAsync($"[data-testid=change-system]:has-text('{CoreBankingSchema.Surveys.SystemName}') [data-testid=change-proof]");
        (await lead.Locator("[data-testid=change-system-failed]").CountAsync()).ShouldBe(0);
        await lead.ScreenshotAsync("issue15-plan-proven-nl");

        // 5. The sources, read directly: marketing and survey rows gone, every KYC row kept, the core row kept but its e-mail address masked.
        (await CountAsync(CoreBankingSchema.Marketing, "SELECT count(*) FROM contacts WHERE customer_number = @number")).ShouldBe(0);
        (await CountAsync(CoreBankingSchema.Surveys, "SELECT count(*) FROM survey_answers WHERE lower(respondent_email) = lower(@email)")).ShouldBe(0);
        (await CountAsync(CoreBankingSchema.Kyc, "SELECT count(*) FROM kyc_checks k JOIN kyc_customers c ON c.kyc_customer_id = k.kyc_customer_id WHERE c.customer_number = @number"))
            .ShouldBe(kycBefore, "the Wwft keeps the KYC checks");
        (await CountAsync(CoreBankingSchema.Kyc, "SELECT count(*) FROM kyc_customers WHERE customer_number = @number")).ShouldBe(1);
        (await CountAsync(CoreBankingSchema.Core, "SELECT count(*) FROM customers WHERE customer_number = @number")).ShouldBe(1, "the customer row is kept for the Wwft and the bookkeeping");
        (await CountAsync(CoreBankingSchema.Marketing, "SELECT count(*) FROM contacts")).ShouldBeGreaterThan(0, "other people's rows are untouched");

        // 6. The case file proves it; the retention ledger holds the KYC entry with the Wwft end date.
        await lead.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-file-download]");
        var caseFile = await lead.RunAndWaitForDownloadAsync(() => lead.ClickAsync("[data-testid=case-file-download]"));
        using (var pdf = PdfDocument.Open(await File.ReadAllBytesAsync((await caseFile.PathAsync())!)))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
            text.ShouldContain("8. Uitvoering in de bronsystemen");
            text.ShouldContain("uitgevoerd en bewezen");
            text.ShouldContain(CoreBankingSchema.Marketing.SystemName);
            text.ShouldNotContain(Karin.Email, Case.Insensitive);
        }
        var kycEnd = ended.AddYears(5);
        await lead.GotoAsync("/retention");
        var entry = lead.Locator($"[data-testid=ledger-row]:has-text('{CoreBankingSchema.Kyc.SystemName}'):has-text('{reference}')");
        await entry.First.WaitForAsync(new() { Timeout = Timeouts.LongRunning });
        (await entry.First.TextContentAsync())!.ShouldContain(kycEnd.Year.ToString(CultureInfo.InvariantCulture));
        await lead.ScreenshotAsync("issue15-retention-ledger-nl");

        // 7. The clock past the Wwft end date, on a second instance of the app: its runner turns the entry into a follow-up plan.
        await using var later = await app.StartSecondInstanceAsync(kycEnd.DayNumber - today.DayNumber + 10);
        var leadLater = await later.NewPageAsync("nl-NL", 1440, 900);
        await leadLater.SignInAsync("lead@privacydesk.test");
        await leadLater.WaitForShellAsync();
        var task = leadLater.Locator($"[data-testid=expiry-task]:has-text('{CoreBankingSchema.Kyc.SystemName}')");
        var deadline = DateTime.UtcNow.AddMilliseconds(Timeouts.LongRunning * 2);
        while (await task.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await leadLater.GotoAsync("/retention?tab=tasks");
            await leadLater.WaitForSelectorAsync("[data-interactive=true] [data-testid=retention-tabs]");
            await leadLater.ClickAsync("[data-testid=tab-tasks]");
            await leadLater.WaitForTimeoutAsync(2_000);
        }
        (await task.CountAsync()).ShouldBe(1, "one follow-up for the KYC tool: its purposes' periods end together");
        // All three KYC tables of hers are counted for deletion, children first: nothing keeps them any longer.
        (await task.Locator("[data-testid=task-statement]").AllTextContentsAsync()).Count.ShouldBe(3);
        await leadLater.ScreenshotAsync("issue15-retention-follow-up-nl");
    }

    private async Task<long> CountAsync(DemoSystem system, string sql)
    {
        await using var connection = new NpgsqlConnection(app.Postgres.ConnectionString(RunningApp.SourceDatabasePrefix + system.DatabaseName));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("number", Karin.CustomerNumber);
        command.Parameters.AddWithValue("email", Karin.Email);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task FillDateAsync(IPage page, string input, string date)
    {
        await page.FillAsync(input, date);
        // Tab leaves the field (Escape would close the dialog around it); a picker that opened closes with the blur.
        await page.PressAsync(input, "Tab");
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    [GeneratedRegex("/requests/DSR-\\d{4}-\\d{6}$")]
    private static partial Regex CaseAddress();
}
