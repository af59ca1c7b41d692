using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 4's scenario in real Chromium on the demo cases: an officer logs an erasure request by phone for
/// Jan de Vries (former customer, relationship ended a year ago), verifies identity, decides every purpose
/// as the law requires and submits; the team lead approves; the auditor sees it all and can change nothing.
/// </summary>
public sealed partial class CaseFlowTests(RunningApp app)
{
    private const string Status = "[data-testid=case-bar] [data-testid=status-chip]";

    /// <summary>Every control that changes a case; an auditor must be shown none of them.</summary>
    private static readonly string[] Actions =
    [
        "take-case", "record-identity", "start-processing", "record-decision", "submit-for-approval", "approve", "send-back",
        "mark-responded", "add-note", "case-actions", "recipients-plan", "collection-plan", "request-proof",
    ];

    [Fact]
    public async Task AnErasureByPhoneIsDecidedAsTheLawRequiresApprovedByTheLeadAndReadOnlyForTheAuditor()
    {
        // 1. The officer logs the request from the queue for the existing customer.
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(officer, "[data-testid=field-type]", "Verwijdering (art. 17 AVG)");
        await ChooseAsync(officer, "[data-testid=field-channel]", "Telefoon");
        await officer.FillAsync("input[data-testid=field-subject]", DemoCases.WellKnownName);
        await officer.ClickAsync($".mud-popover-open .mud-list-item:has-text('{DemoCases.WellKnownCustomerNumber}')");
        // The picker searches as you type; wait until the choice has landed and its list is gone before going on.
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await officer.FillAsync("textarea[data-testid=field-description]", "Belde: wil dat al zijn gegevens worden gewist nu hij geen klant meer is.");
        await officer.ClickAsync("[data-testid=save-new-request]");

        await WaitForTheNewCaseAsync(officer);
        var reference = new Uri(officer.Url).Segments[^1];
        await officer.WaitForSelectorAsync("[data-testid=case-header]");
        (await officer.TextContentAsync("[data-testid=case-reference]")).ShouldBe(reference);
        (await officer.TextContentAsync("[data-testid=case-subject]")).ShouldBe(DemoCases.WellKnownName);

        // 2. Take it, record the identity check (a known channel: no ID copy to mask) and start processing.
        if (await officer.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await officer.ClickAsync("[data-testid=take-case]");
        }
        await officer.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        await ChooseAsync(officer, "[data-testid=identity-method]", "Bekend kanaal");
        await ChooseAsync(officer, "[data-testid=identity-outcome]", "Vastgesteld");
        await officer.ClickAsync("[data-testid=record-identity]");
        await officer.WaitForSelectorAsync("[data-testid=identity-checks]:has-text('Vastgesteld')");
        (await officer.Locator("[data-testid=masking-reminder]").CountAsync()).ShouldBe(0);
        await officer.ClickAsync("[data-testid=start-processing]");
        await officer.WaitForSelectorAsync($"{Status}:has-text('In behandeling')");

        // 3. What the law requires: KYC kept under the Wwft until five years after the relationship ended, marketing erased.
        await officer.WaitForSelectorAsync("[data-testid=record-decision]");
        var kyc = officer.Locator("[data-testid=purpose-row][data-key=identity-verification]");
        var retainDate = Today().AddYears(-1).AddYears(5);
        // Dutch months are abbreviated with a full stop ("25 nov. 2030"; "mei" stays whole).
        string[] months = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
        var retainUntil = $"{retainDate.Day} {months[retainDate.Month - 1]} {retainDate.Year}";
        (await kyc.Locator("[data-testid=retain-until]").TextContentAsync())!.Trim().ShouldStartWith($"Bewaren tot en met {retainUntil}");
        (await kyc.Locator("[data-testid=retain-until]").TextContentAsync())!.ShouldContain("Wwft art. 33");
        (await kyc.Locator("[data-testid=legal-references]").TextContentAsync())!.ShouldContain("Wwft art. 33");
        (await kyc.Locator("[data-testid=requirement]").TextContentAsync())!.Trim().ShouldBe("Gedeeltelijk honoreren");
        (await Options(kyc)).ShouldNotContain("Comply", "erasing KYC data under a retention duty is not offered");

        var marketing = officer.Locator("[data-testid=purpose-row][data-key=direct-marketing]");
        (await marketing.Locator("[data-testid=requirement]").TextContentAsync())!.Trim().ShouldBe("Honoreren");
        (await marketing.Locator("[data-testid=retain-until]").CountAsync()).ShouldBe(0);
        (await marketing.Locator("[data-testid=legal-references]").TextContentAsync())!.Replace('\u00A0', ' ').ShouldContain("art. 21 lid 2 AVG");

        var rows = await officer.Locator("[data-testid=purpose-row]").CountAsync();
        rows.ShouldBeGreaterThan(2);
        var undecided = officer.Locator("[data-testid=purpose-row]:has([data-testid=no-decision]):has([data-testid=record-decision])");
        for (var decided = 0; decided < rows; decided++)
        {
            var row = undecided.First;
            // The option the law requires: erase where the right applies in full, keep only what a retention duty demands otherwise.
            var options = await Options(row);
            if (options.Contains("Comply"))
            {
                await row.Locator("[data-testid=decision-option][data-option=Comply]").ClickAsync();
            }
            else
            {
                options.ShouldContain("PartiallyComply");
                await row.Locator("[data-testid=decision-option][data-option=PartiallyComply]").ClickAsync();
                await row.Locator("textarea[data-testid=decision-reasons]").FillAsync("Wettelijke bewaarplicht; de overige gegevens worden gewist.");
            }
            await row.Locator("[data-testid=record-decision]").ClickAsync();
            await officer.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=decision-chip]').length >= n", decided + 1);
        }
        (await officer.Locator("[data-testid=no-decision]").CountAsync()).ShouldBe(0);
        (await kyc.Locator("[data-testid=decision-chip]").TextContentAsync())!.ShouldContain("Gedeeltelijk honoreren");
        (await marketing.Locator("[data-testid=decision-chip]").TextContentAsync())!.ShouldContain("Honoreren");

        // Art. 19: the recipients of the erased purposes are planned for notification (offered without reloading the page).
        await officer.ClickAsync("[data-testid=recipients-plan]");
        await officer.WaitForSelectorAsync("[data-testid=recipients-table] [data-testid=recipient-status]");
        (await officer.Locator("[data-testid=recipients-undecided]").CountAsync()).ShouldBe(0);
        var panel = (await officer.Locator("[data-testid=recipients-panel]").BoundingBoxAsync())!;
        var exempt = (await officer.Locator("[data-testid=recipient-exempt]").First.BoundingBoxAsync())!;
        (exempt.X + exempt.Width).ShouldBeLessThanOrEqualTo(panel.X + panel.Width, "a recipient's actions are not cut off");
        await DismissToastsAsync(officer);
        await officer.ScreenshotAsync("issue4-case-officer-nl");
        await ScreenshotNarrowAsync(reference, "officer@privacydesk.test", "issue4-case-officer-en-narrow");

        await officer.ClickAsync("[data-testid=submit-for-approval]");
        await officer.WaitForSelectorAsync($"{Status}:has-text('Wacht op goedkeuring')");
        (await officer.Locator("[data-testid=approve]").CountAsync()).ShouldBe(0, "the handler does not approve their own case");

        // 4. The team lead approves.
        var lead = await app.NewPageAsync();
        await lead.SignInAsync("lead@privacydesk.test");
        await lead.WaitForShellAsync();
        await lead.WaitForSelectorAsync("[data-testid=queue-grid] [data-testid=open-request]");
        await lead.ScreenshotAsync("issue4-queue-lead-nl");
        await lead.GotoAsync($"/requests/{reference}");
        await lead.WaitForSelectorAsync("[data-interactive=true] [data-testid=approve]");
        await lead.ClickAsync("[data-testid=approve]");
        await lead.WaitForSelectorAsync("[data-testid=step-Approval] [data-testid=step-summary]:has-text('Goedgekeurd door Fatima El Amrani')");
        (await lead.TextContentAsync(Status))!.Trim().ShouldBe("Goedgekeurd, klaar om te versturen");
        (await lead.TextContentAsync("[data-testid=case-approver]")).ShouldBe("Fatima El Amrani");

        // 5. The auditor sees everything and no action at all.
        var auditor = await app.NewPageAsync("en-GB");
        await auditor.SignInAsync("auditor@privacydesk.test");
        await auditor.WaitForShellAsync();
        await auditor.GotoAsync($"/requests/{reference}");
        await auditor.WaitForSelectorAsync("[data-interactive=true] [data-testid=read-only]");
        (await auditor.TextContentAsync("[data-testid=read-only]"))!.ShouldContain("Read-only");
        (await auditor.TextContentAsync(Status))!.Trim().ShouldBe("Approved, ready to send");
        (await auditor.TextContentAsync("[data-testid=case-subject]")).ShouldBe(DemoCases.WellKnownName);
        // Finished steps are folded to one line each and render their panels once opened (ADR 0049); the auditor opens the ones to read.
        await auditor.ClickAsync("[data-testid=step-Decide] [data-testid=step-toggle]");
        await auditor.WaitForSelectorAsync("[data-testid=purpose-row]");
        (await auditor.Locator("[data-testid=purpose-row]").CountAsync()).ShouldBe(rows);
        await auditor.ClickAsync("[data-testid=step-VerifyIdentity] [data-testid=step-toggle]");
        await auditor.WaitForSelectorAsync("[data-testid=identity-checks]");
        (await auditor.Locator("[data-testid=identity-checks]").TextContentAsync())!.ShouldContain("Verified");
        await auditor.ClickAsync("[data-testid=step-DraftResponse] [data-testid=step-toggle]");
        await auditor.WaitForSelectorAsync("[data-testid=recipients-table]");
        await auditor.ClickAsync("[data-testid=step-Approval] [data-testid=step-toggle]");
        await auditor.WaitForSelectorAsync("[data-testid=approved-by]");
        foreach (var action in Actions)
        {
            (await auditor.Locator($"[data-testid={action}]").CountAsync()).ShouldBe(0, $"the auditor is shown {action}");
        }
        await auditor.ScreenshotAsync("issue4-case-auditor-en");
    }

    [Fact]
    public async Task ScreenshotsOfTheQueueSubjectProfileAndRegister()
    {
        var narrow = await app.NewPageAsync("en-GB");
        await narrow.SignInAsync("officer@privacydesk.test");
        await narrow.WaitForShellAsync();
        await PhoneWidthAsync(narrow);
        await narrow.WaitForSelectorAsync("[data-testid=queue-count]");
        await narrow.ShouldFitAsync(390, "the queue fits a phone");
        await narrow.ScreenshotAsync("issue4-queue-officer-en-narrow");

        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.GotoAsync("/subjects");
        await officer.WaitForSelectorAsync("[data-interactive=true] input[data-testid=subject-search]");
        await officer.FillAsync("input[data-testid=subject-search]", DemoCases.WellKnownCustomerNumber);
        await officer.PressAsync("input[data-testid=subject-search]", "Enter");
        await officer.ClickAsync($"[data-testid=subject-link]:has-text('{DemoCases.WellKnownName}')");
        await officer.WaitForSelectorAsync("[data-testid=profile-identifiers]");
        (await officer.TextContentAsync("h1")).ShouldBe(DemoCases.WellKnownName);
        await officer.ScreenshotAsync("issue4-subject-nl");

        var register = await app.NewPageAsync("en-GB");
        await register.SignInAsync("officer@privacydesk.test");
        await register.WaitForShellAsync();
        await register.ClickAsync("[data-testid=nav-register]");
        await register.WaitForSelectorAsync("[data-testid=purpose-row]");
        (await register.TextContentAsync("h1")).ShouldBe("Processing register");
        await register.ScreenshotAsync("issue4-register-en");
    }

    private async Task ScreenshotNarrowAsync(string reference, string email, string name)
    {
        var page = await app.NewPageAsync("en-GB");
        await page.SignInAsync(email);
        await page.WaitForShellAsync();
        await PhoneWidthAsync(page);
        await page.GotoAsync($"/requests/{reference}");
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        await page.WaitForSelectorAsync("[data-testid=recipients-panel]");
        await page.ShouldFitAsync(390, "the case fits a phone");
        await page.ScreenshotAsync(name);
        await page.Context.CloseAsync();
    }

    /// <summary>The shell is waited for at desktop width (on a phone the drawer with the nav entries is closed), then the page narrows.</summary>
    private static async Task PhoneWidthAsync(IPage page)
    {
        await page.SetViewportSizeAsync(390, 800);
        await page.WaitForFunctionAsync("() => window.innerWidth === 390");
    }

    /// <summary>Closes the "saved" snackbars so they do not cover the page in a screenshot.</summary>
    private static async Task DismissToastsAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar .mud-snackbar-close-button, .mud-snackbar button').forEach(b => b.click())");
        await page.WaitForSelectorAsync(".mud-snackbar", new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>A MudSelect: a click on the field, then on the option in the open popover.</summary>
    /// <summary>Waits for the in-app navigation to the new case; if it never comes, fails with what the dialog says instead.</summary>
    private static async Task WaitForTheNewCaseAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => /^\\/requests\\/DSR-\\d{4}-\\d{6}$/.test(location.pathname)", null, new() { Timeout = Timeouts.Navigation });
        }
        catch (TimeoutException)
        {
            var dialog = await page.Locator(".mud-dialog").AllTextContentsAsync();
            throw new ShouldAssertException($"The new request did not open its case; the dialog says: {string.Join(" | ", dialog)}");
        }
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    private static Task<string[]> Options(ILocator row) =>
        row.Locator("[data-testid=decision-option]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.option)");

    /// <summary>Today in the controller's zone, as the demo data and the rules engine count it.</summary>
    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

    [GeneratedRegex("/requests/DSR-\\d{4}-\\d{6}$")]
    private static partial Regex CaseAddress();
}
