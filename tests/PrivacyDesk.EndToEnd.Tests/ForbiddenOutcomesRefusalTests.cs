using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 10 in real Chromium (ADR 0023): refusing a whole request is a narrow exit with four eyes. No refusal is
/// offered for a consent withdrawal or an objection reaching direct marketing, nor an "other ground"; a refusal
/// letter before approval is a draft that cannot be sent; a 12(5) refusal without evidence is refused in Dutch and nothing changes; a
/// team lead who did not handle the case approves it while a second, stale tab is refused; reassigning the
/// approved case to its approver withdraws the approval.
/// </summary>
public sealed class ForbiddenOutcomesRefusalTests(RunningApp app)
{
    private const string Status = "[data-testid=case-bar] [data-testid=status-chip]";

    [Fact]
    public async Task ARefusalIsOnlyOfferedWhereTheLawAllowsItNeedsItsEvidenceAndFourEyesThatHoldAfterApproval()
    {
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();

        // 1. A consent withdrawal is never refused (Art. 7(3)): the actions menu offers no refusal at all.
        await NewRequestAsync(officer, "Intrekking toestemming (art. 7 lid 3 AVG)", "Wil geen marketing meer; trekt toestemming in.");
        await OpenActionsAsync(officer);
        await officer.WaitForSelectorAsync("[data-testid=action-withdraw]");
        (await officer.Locator("[data-testid=action-refuse]").CountAsync()).ShouldBe(0, "a consent withdrawal offers no refusal");
        await officer.Keyboard.PressAsync("Escape");

        // An objection by a customer whose data serve direct marketing cannot be refused as a whole either (Art. 21(3)).
        await NewRequestAsync(officer, "Bezwaar (art. 21 AVG)", "Maakt bezwaar tegen het gebruik van zijn gegevens.");
        await OpenActionsAsync(officer);
        (await officer.Locator("[data-testid=action-refuse]").CountAsync()).ShouldBe(0, "an objection reaching direct marketing offers no refusal");
        await officer.Keyboard.PressAsync("Escape");

        // 2. An access request refused as manifestly unfounded without the evidence: refused in Dutch, nothing changes.
        var reference = await NewRequestAsync(officer, "Inzage (art. 15 AVG)", "Vraagt voor de tiende keer deze maand om inzage.");
        var statusBefore = (await officer.TextContentAsync(Status))!.Trim();
        await ShotsOfTheDialogAsync(reference);
        await OpenRefusalDialogAsync(officer);
        // Only the grounds the law gives for refusing a whole access request; "other ground" without a provision does not exist.
        await officer.ClickAsync("[data-testid=field-ground]");
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item");
        var grounds = (await officer.Locator(".mud-popover-open .mud-list-item").AllTextContentsAsync()).Select(g => g.Trim().Replace('\u00A0', ' ')).ToList();
        await officer.Keyboard.PressAsync("Escape");
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        grounds.ShouldContain(g => g.StartsWith("Kennelijk ongegrond", StringComparison.Ordinal));
        grounds.ShouldNotContain(g => g.StartsWith("Andere grond", StringComparison.Ordinal));
        await ChooseAsync(officer, "[data-testid=field-ground]", "Kennelijk ongegrond (art. 12 lid 5 AVG)");
        await officer.FillAsync("textarea[data-testid=field-explanation]", "U vraagt voor de tiende keer deze maand om dezelfde inzage.");
        await officer.ClickAsync("[data-testid=dialog-save]");
        await officer.WaitForSelectorAsync(".mud-dialog :text('moet dat kunnen aantonen (AVG art. 12 lid 5)')");
        await ShotAsync(officer, "refusal-dialog-evidence-missing-nl-1366");
        await officer.ClickAsync(".mud-dialog button:has-text('Annuleren')");
        await officer.WaitForSelectorAsync(".mud-dialog", new() { State = WaitForSelectorState.Detached });
        (await officer.TextContentAsync(Status))!.Trim().ShouldBe(statusBefore, "a refused proposal changes nothing");
        (await officer.Locator("[data-testid=proposed-refusal]").CountAsync()).ShouldBe(0);

        // With the evidence the refusal is proposed and waits for a team lead.
        await OpenRefusalDialogAsync(officer);
        await ChooseAsync(officer, "[data-testid=field-ground]", "Kennelijk ongegrond (art. 12 lid 5 AVG)");
        await officer.FillAsync("textarea[data-testid=field-explanation]", "U vraagt voor de tiende keer deze maand om dezelfde inzage.");
        await officer.FillAsync("textarea[data-testid=field-demonstration]", "Tien gelijke verzoeken sinds 1 november, elk volledig beantwoord.");
        await officer.ClickAsync("[data-testid=dialog-save]");
        await officer.WaitForSelectorAsync(".mud-dialog", new() { State = WaitForSelectorState.Detached });
        await officer.WaitForSelectorAsync($"{Status}:has-text('Wacht op goedkeuring')");
        await officer.WaitForSelectorAsync("[data-testid=approval-waiting]");
        (await officer.Locator("[data-testid=approve]").CountAsync()).ShouldBe(0, "the proposer never approves");
        (await officer.GetAttributeAsync("[data-testid=step-Assess]", "data-state")).ShouldBe("skipped");

        // The refusal letter made now is a draft: its file name says so, and nothing offers to send it.
        await officer.OpenStepAsync("DraftResponse");
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=documents-generate]");
        await ChooseAsync(officer, "[data-testid=documents-kind]", "Afwijzing van uw verzoek");
        await officer.ClickAsync("[data-testid=generate-document]");
        await officer.WaitForSelectorAsync("[data-testid=documents-table] [data-testid=document-row]:has-text('Afwijzing van uw verzoek')");
        // The name the browser saves the file under.
        (await officer.Locator("tr:has([data-testid=document-title]:text-is('Afwijzing van uw verzoek')) [data-testid=document-download]").First.GetAttributeAsync("download"))
            .ShouldNotBeNull().ShouldEndWith("-refusal-nl-CONCEPT.pdf");
        (await officer.Locator("[data-testid=send-refusal]").CountAsync()).ShouldBe(0, "a refusal before approval cannot be sent");

        // 3. Two tabs of the team lead on the proposed refusal; tab A approves, the stale tab B is refused.
        var tabA = await LeadOnCaseAsync(reference);
        var tabB = await LeadOnCaseAsync(reference);
        (await tabA.TextContentAsync("[data-testid=proposed-refusal-ground]"))!.Trim().Replace('\u00A0', ' ').ShouldBe("Kennelijk ongegrond (art. 12 lid 5 AVG)", "the glossary's name and citation, as the letter has it");
        await ShotAsync(tabB, "approval-proposed-refusal-nl-1366", "[data-testid=step-Approval]");
        await ShotAsync(tabB, "steps-skipped-nl-1366", "[data-testid=step-Assess]");
        await ShotsOfTheApprovalPanelAsync(reference);
        await tabA.ClickAsync("[data-testid=approve]");
        // Approved, the case moves on to Send and the Approval step folds to its one line.
        await tabA.WaitForSelectorAsync("[data-testid=step-Approval] [data-testid=step-summary]:has-text('Goedgekeurd door Fatima El Amrani')");
        await tabB.FillAsync("textarea[data-testid=review-comment]", "Eerst per doel beslissen.");
        await tabB.ClickAsync("[data-testid=send-back]");
        await tabB.WaitForSelectorAsync("[data-testid=stale-alert]:has-text('Fatima El Amrani')");
        await tabA.ReloadAsync();
        await tabA.WaitForSelectorAsync("[data-interactive=true] [data-testid=step-Approval] [data-testid=step-summary]:has-text('Goedgekeurd door')");
        (await tabA.Locator("[data-testid=send-refusal]").CountAsync()).ShouldBe(1, "the approved refusal can be sent");

        // 4. The approver makes herself the handler from the queue: the approval is withdrawn, a new one is needed.
        await tabA.GotoAsync("/requests");
        await tabA.WaitForSelectorAsync("[data-interactive=true] input[data-testid=queue-search]");
        await tabA.FillAsync("input[data-testid=queue-search]", reference);
        await tabA.PressAsync("input[data-testid=queue-search]", "Enter");
        var row = tabA.Locator($"tr:has([data-testid=open-request]:text-is('{reference}'))");
        await row.WaitForAsync();
        await tabA.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=queue-grid] [data-testid=open-request]').length === 1");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await tabA.ClickAsync("[data-testid=bulk-assign]");
        await ChooseAsync(tabA, "[data-testid=assign-handler]", "Fatima El Amrani");
        await tabA.ClickAsync("[data-testid=assign-submit]");
        // Every case assigned: the dialog closes by itself (it stays open only to list refusals).
        await tabA.WaitForSelectorAsync("[data-testid=assign-dialog]", new() { State = WaitForSelectorState.Detached });
        await tabA.GotoAsync($"/requests/{reference}");
        await tabA.WaitForSelectorAsync("[data-interactive=true] [data-testid=approval-panel]");
        await tabA.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Fatima El Amrani')");
        (await tabA.Locator("[data-testid=approved-by]").CountAsync()).ShouldBe(0, "the approval banner is gone");
        (await tabA.Locator("[data-testid=send-refusal]").CountAsync()).ShouldBe(0, "the refusal needs a new approval");
        (await tabA.Locator("[data-testid=approve]").CountAsync()).ShouldBe(0, "the handler cannot approve her own case");
        await tabA.WaitForSelectorAsync("[data-testid=approval-waiting]");
        (await tabA.TextContentAsync(Status))!.Trim().ShouldBe("Wacht op goedkeuring");
    }

    private async Task<IPage> LeadOnCaseAsync(string reference)
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("lead@privacydesk.test");
        await page.WaitForShellAsync();
        await page.GotoAsync($"/requests/{reference}");
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=proposed-refusal]");
        await page.WaitForSelectorAsync("[data-testid=approve]");
        return page;
    }

    /// <summary>Registers a request by phone for the demo's well-known customer and takes it; returns its reference.</summary>
    private static async Task<string> NewRequestAsync(IPage page, string type, string description)
    {
        await page.GotoAsync("/requests");
        await page.WaitForShellAsync();
        await page.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await page.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(page, "[data-testid=field-type]", type);
        await ChooseAsync(page, "[data-testid=field-channel]", "Telefoon");
        await page.FillAsync("input[data-testid=field-subject]", DemoCases.WellKnownName);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{DemoCases.WellKnownCustomerNumber}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await page.FillAsync("textarea[data-testid=field-description]", description);
        await page.ClickAsync("[data-testid=save-new-request]");
        await page.WaitForFunctionAsync("() => /^\\/requests\\/DSR-\\d{4}-\\d{6}$/.test(location.pathname)", null, new() { Timeout = Timeouts.Navigation });
        var reference = new Uri(page.Url).Segments[^1];
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        if (await page.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await page.ClickAsync("[data-testid=take-case]");
        }
        await page.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        await page.WaitForSelectorAsync("[data-testid=case-actions]");
        return reference;
    }

    private static async Task OpenActionsAsync(IPage page)
    {
        await page.ClickAsync("[data-testid=case-actions] button");
        await page.WaitForSelectorAsync(".mud-popover-open [data-testid=action-withdraw]");
    }

    private static async Task OpenRefusalDialogAsync(IPage page)
    {
        await OpenActionsAsync(page);
        await page.ClickAsync("[data-testid=action-refuse]");
        await page.WaitForSelectorAsync(".mud-dialog [data-testid=dialog-save]");
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>The dialog in English and at phone width, for a person to look at (only when PRIVACYDESK_SHOTS_OUT names a folder).</summary>
    private async Task ShotsOfTheDialogAsync(string reference)
    {
        if (ShotsFolder() is null)
        {
            return;
        }
        foreach (var (culture, width, ground) in new[] { ("en-GB", 1366, "Manifestly unfounded"), ("en-GB", 390, "Manifestly unfounded"), ("nl-NL", 390, "Kennelijk ongegrond") })
        {
            var page = await app.NewPageAsync(culture);
            await page.SignInAsync("officer@privacydesk.test");
            await page.WaitForShellAsync();
            await page.GotoAsync($"/requests/{reference}");
            await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-actions]");
            await page.SetViewportSizeAsync(width, 800);
            await OpenRefusalDialogAsync(page);
            await ChooseAsync(page, "[data-testid=field-ground]", ground);
            await page.ClickAsync("[data-testid=dialog-save]");
            await page.WaitForSelectorAsync(".mud-dialog [data-testid=field-demonstration]");
            await page.WaitForTimeoutAsync(300);
            await ShotAsync(page, $"refusal-dialog-{culture[..2]}-{width}");
            await page.Context.CloseAsync();
        }
    }

    private async Task ShotsOfTheApprovalPanelAsync(string reference)
    {
        if (ShotsFolder() is null)
        {
            return;
        }
        foreach (var (culture, width) in new[] { ("en-GB", 1366), ("en-GB", 390), ("nl-NL", 390) })
        {
            var page = await app.NewPageAsync(culture);
            await page.SignInAsync("lead@privacydesk.test");
            await page.WaitForShellAsync();
            await page.GotoAsync($"/requests/{reference}");
            await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=proposed-refusal]");
            await page.SetViewportSizeAsync(width, 800);
            await page.WaitForTimeoutAsync(300);
            await ShotAsync(page, $"approval-proposed-refusal-{culture[..2]}-{width}", "[data-testid=step-Approval]");
            await page.Context.CloseAsync();
        }
    }

    private static string? ShotsFolder() => Environment.GetEnvironmentVariable("PRIVACYDESK_SHOTS_OUT") is { Length: > 0 } folder ? folder : null;

    /// <summary>What is on screen (a dialog), or only the element <paramref name="selector"/> names (a panel).</summary>
    private static async Task ShotAsync(IPage page, string name, string? selector = null)
    {
        if (ShotsFolder() is not { } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        if (selector is null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        }
        else
        {
            await page.Locator(selector).ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
    }
}
