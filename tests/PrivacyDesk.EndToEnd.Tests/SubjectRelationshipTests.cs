using System.Globalization;
using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 10 in real Chromium: a new subject registered with the start of their relationship, the copy of
/// data refused (with the reason on screen) while a collection task is open, and the relationship end
/// corrected on the subject profile, refused first when it lies before the start.
/// </summary>
public sealed class SubjectRelationshipTests(RunningApp app)
{
    private const string CustomerNumber = "C-990010";

    [Fact]
    public async Task TheCopyWaitsForTheCollectionAndTheRelationshipEndIsCorrectedOnTheProfile()
    {
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();

        // 1. A phone request for access from a new customer, with the start of the relationship.
        await officer.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(officer, "[data-testid=field-type]", "Inzage (art. 15 AVG)");
        await ChooseAsync(officer, "[data-testid=field-channel]", "Telefoon");
        await officer.ClickAsync("[data-testid=subject-new]");
        await officer.FillAsync("input[data-testid=field-full-name]", "Fenna Kuipers");
        await officer.FillAsync("input[data-testid=field-email]", "fenna.kuipers@example.nl");
        await officer.FillAsync("input[data-testid=field-customer-number]", CustomerNumber);
        await FillDateAsync(officer, "input[data-testid=field-relationship-start]", "01-03-2015");
        await Shots.TakeAsync(officer, "new-request-new-subject-nl-1366");
        await officer.FillAsync("textarea[data-testid=field-description]", "Belde: wil weten welke gegevens wij van haar hebben.");
        await officer.ClickAsync("[data-testid=save-new-request]");
        await officer.WaitForFunctionAsync("() => /^\\/requests\\/DSR-\\d{4}-\\d{6}$/.test(location.pathname)", null, new() { Timeout = Timeouts.Navigation });

        // 2. Take it, record the identity, start processing and plan the collection: every task is open.
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        if (await officer.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await officer.ClickAsync("[data-testid=take-case]");
        }
        await officer.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        await ChooseAsync(officer, "[data-testid=identity-method]", "Bekend kanaal");
        await ChooseAsync(officer, "[data-testid=identity-outcome]", "Vastgesteld");
        await officer.ClickAsync("[data-testid=record-identity]");
        await officer.WaitForSelectorAsync("[data-testid=identity-checks]:has-text('Vastgesteld')");
        await officer.ClickAsync("[data-testid=start-processing]");
        await officer.WaitForSelectorAsync("[data-testid=status-chip]:has-text('In behandeling')");
        // The connected systems are planned and fetched by themselves (issue 14; none knows this new customer, so each
        // task closes as holding nothing); once that has settled, the officer opens Collect data to plan the manual ones.
        await officer.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=collection-table]') && !document.querySelector('[data-testid=fetch-progress], [data-testid=fetch-queued]')",
            null, new() { Timeout = Timeouts.LongRunning });
        await officer.OpenStepAsync("CollectData");
        await officer.ClickAsync("[data-testid=collection-plan]");
        await officer.ClickAsync(".mud-dialog [data-testid=dialog-save]");
        await officer.WaitForSelectorAsync("[data-testid=collection-panel] [data-testid=collection-plan]", new() { State = WaitForSelectorState.Detached });

        // 3. The copy of data is refused with the reason, before anyone presses generate.
        await officer.OpenStepAsync("DraftResponse");
        await ChooseAsync(officer, "[data-testid=documents-kind]", "Kopie van uw persoonsgegevens");
        var reason = await officer.WaitForSelectorAsync("[data-testid=documents-not-yet]");
        (await reason!.TextContentAsync())!.ShouldContain("niet elke verzameltaak is afgerond (nog open: ");
        (await officer.IsDisabledAsync("[data-testid=generate-document]")).ShouldBeTrue();
        await Shots.TakeAsync(officer, "documents-copy-not-yet-nl-1366");

        // 4. On the profile: an end before the start is refused in Dutch and nothing changes.
        await officer.GotoAsync("/subjects");
        await officer.WaitForSelectorAsync("[data-interactive=true] input[data-testid=subject-search]");
        await officer.FillAsync("input[data-testid=subject-search]", CustomerNumber);
        await officer.PressAsync("input[data-testid=subject-search]", "Enter");
        await officer.ClickAsync("[data-testid=subject-link]:has-text('Fenna Kuipers')");
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=relationship-edit]");
        var profileAddress = new Uri(officer.Url).AbsolutePath;
        (await officer.TextContentAsync("[data-testid=relationship-start]"))!.Trim().ShouldBe("1 mrt. 2015");

        await officer.ClickAsync("[data-testid=relationship-edit]");
        await FillDateAsync(officer, "input[data-testid=relationship-end-input]", "31-12-2014");
        await officer.ClickAsync("[data-testid=relationship-save]");
        await officer.WaitForSelectorAsync("[data-testid=relationship-editor] .mud-input-helper-text.mud-input-error:has-text('vóór de begindatum')");
        await Shots.TakeAsync(officer, "relationship-refused-nl-1366");
        await officer.ClickAsync("[data-testid=relationship-cancel]");
        (await officer.TextContentAsync("[data-testid=relationship-end]"))!.ShouldContain("Loopt nog");
        await officer.ReloadAsync();
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=relationship-edit]");
        (await officer.TextContentAsync("[data-testid=relationship-end]"))!.ShouldContain("Loopt nog", customMessage: "nothing was saved");

        // 5. A real end date is saved and shown.
        var end = DateOnly.FromDateTime(DateTime.Today).AddDays(-10);
        await officer.ClickAsync("[data-testid=relationship-edit]");
        await FillDateAsync(officer, "input[data-testid=relationship-end-input]", end.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture));
        await officer.ClickAsync("[data-testid=relationship-save]");
        await officer.WaitForSelectorAsync("[data-testid=relationship-edit]");
        (await officer.TextContentAsync("[data-testid=relationship-end]"))!.ShouldContain("Beëindigd");

        // 6. The editor and the dialog in English and on a phone, for looking at.
        foreach (var (culture, suffix) in new[] { ("nl-NL", "nl"), ("en-GB", "en") })
        {
            foreach (var width in new[] { 1366, 390 })
            {
                var page = await app.NewPageAsync(culture, width);
                await page.SignInAsync("officer@privacydesk.test");
                // On a phone the drawer (with the links WaitForShellAsync looks for) is closed.
                await page.WaitForSelectorAsync("[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
                await page.GotoAsync(profileAddress);
                await page.ClickAsync("[data-interactive=true] [data-testid=relationship-edit]");
                await page.WaitForSelectorAsync("[data-testid=relationship-save]");
                await Shots.TakeAsync(page, $"relationship-editor-{suffix}-{width}");
                await page.ClickAsync("[data-testid=profile-new-request]");
                await page.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
                await page.ClickAsync("[data-testid=subject-new]");
                await page.WaitForSelectorAsync("[data-testid=field-relationship-end]");
                await Shots.TakeAsync(page, $"new-request-new-subject-{suffix}-{width}", fullPage: false);
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>Types a date into an editable MudBlazor date picker and leaves the field, which commits it.</summary>
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

    /// <summary>Screenshots for a person to look at, only when PRIVACYDESK_SHOTS_OUT names a folder (never into the repository).</summary>
    private static class Shots
    {
        public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
        {
            var folder = Environment.GetEnvironmentVariable("PRIVACYDESK_SHOTS_OUT");
            if (string.IsNullOrEmpty(folder))
            {
                return;
            }
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
        }
    }
}
