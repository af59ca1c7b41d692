using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 10 (per-purpose decisions, Art. 22) in real Chromium: through the screens an officer tries what the
/// law forbids. An Art. 22 case without the recorded review is not submitted (a Dutch message, nothing
/// changes); the review is then recorded and the case goes for approval. An objection to KYC (f and c)
/// offers no full comply and no "not applicable".
/// </summary>
public sealed class ForbiddenOutcomesPurposeTests(RunningApp app)
{
    private const string Status = "[data-testid=case-bar] [data-testid=status-chip]";

    /// <summary>Screenshots for looking at, kept out of the repository's docs.</summary>
    private static readonly string Shots = Path.Combine(Path.GetTempPath(), "shots-i10-purposes");

    [Fact]
    public async Task AnArt22CaseIsRefusedForApprovalWithoutTheReviewThenRecordedAndSubmitted()
    {
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        var reference = await NewCaseInProgressAsync(officer, "Herziening geautomatiseerd besluit (art. 22 AVG)", "Wil dat een mens de afwijzing van zijn kredietaanvraag bekijkt.");

        // Every purpose decided as the law allows: the review where decisions are automated, "not applicable" elsewhere.
        var undecided = officer.Locator("[data-testid=purpose-row]:has([data-testid=no-decision]):has([data-testid=record-decision])");
        var rows = await officer.Locator("[data-testid=purpose-row]").CountAsync();
        for (var decided = 0; decided < rows; decided++)
        {
            var row = undecided.First;
            var options = await Options(row);
            var choice = options.Contains("NotApplicable") ? "NotApplicable" : "Comply";
            await row.Locator($"[data-testid=decision-option][data-option={choice}]").ClickAsync();
            if (choice != "Comply")
            {
                await row.Locator("textarea[data-testid=decision-reasons]").FillAsync("Voor dit doel nemen wij geen uitsluitend geautomatiseerde besluiten.");
            }
            await row.Locator("[data-testid=record-decision]").ClickAsync();
            await officer.WaitForFunctionAsync("n => document.querySelectorAll('[data-testid=decision-chip]').length >= n", decided + 1);
        }
        (await officer.Locator("[data-testid=purpose-row][data-key=profiling] [data-testid=decision-chip]").TextContentAsync())!.ShouldContain("Honoreren");
        await officer.WaitForSelectorAsync("[data-testid=adm-review-missing]");

        // Forbidden: answering without the human review on record.
        await officer.ClickAsync("[data-testid=submit-for-approval]");
        await officer.WaitForSelectorAsync("[data-testid=page-errors]");
        (await officer.TextContentAsync("[data-testid=page-errors]"))!.ShouldContain("Leg eerst de menselijke herziening van het geautomatiseerde besluit vast");
        (await officer.TextContentAsync(Status))!.Trim().ShouldBe("In behandeling");

        // An incomplete review cannot be recorded: the button says what it waits for, in Dutch, and nothing is recorded.
        await officer.FillAsync("input[data-testid=adm-decision]", "Kredietaanvraag KA-2026-0412 van 2 april");
        await officer.ClickAsync("[data-testid=adm-outcome-changed]");
        var record = officer.Locator("[data-testid=record-adm-review]");
        (await record.IsDisabledAsync()).ShouldBeTrue("the subject's view, the new decision and the explanation are still missing");
        (await record.TextContentAsync())!.Trim().ShouldBe("Vul eerst de herziening aan", StringCompareShould.IgnoreCase);
        (await officer.TextContentAsync("[data-testid=adm-review-needs]"))!.ShouldContain("het standpunt van de betrokkene");
        (await officer.Locator("[data-testid=adm-review-recorded]").CountAsync()).ShouldBe(0);
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "art22-form-errors-nl-1366.png"), FullPage = true });

        await officer.FillAsync("textarea[data-testid=adm-subject-view]", "Mijn inkomen is sinds maart hoger; de score gebruikte oude cijfers.");
        await officer.FillAsync("input[data-testid=adm-new-outcome]", "Krediet toegekend tot EUR 5.000");
        await officer.FillAsync("textarea[data-testid=adm-explanation]", "De loonstroken van maart tonen voldoende inkomen.");
        await officer.WaitForSelectorAsync("[data-testid=record-adm-review]:not([disabled])");
        await officer.ClickAsync("[data-testid=record-adm-review]");
        // Recorded, Decide is finished and folds to its line; open it to read the review.
        await officer.ClickAsync("[data-testid=step-Decide][data-open=false] [data-testid=step-toggle]");
        await officer.WaitForSelectorAsync("[data-testid=adm-review-recorded]");
        (await officer.TextContentAsync("[data-testid=adm-review-outcome]"))!.Trim().ShouldBe("Besluit gewijzigd");
        (await officer.TextContentAsync("[data-testid=adm-review-by]"))!.ShouldContain("Sanne de Vries");
        await DismissToastsAsync(officer);
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "art22-recorded-nl-1366.png"), FullPage = true });
        await ShotAsync(reference, "en-GB", 1366, "art22-recorded-en-1366");
        await ShotAsync(reference, "nl-NL", 390, "art22-recorded-nl-390");
        await ShotAsync(reference, "en-GB", 390, "art22-recorded-en-390");

        await officer.ClickAsync("[data-testid=submit-for-approval]");
        await officer.WaitForSelectorAsync($"{Status}:has-text('Wacht op goedkeuring')");
    }

    [Fact]
    public async Task AnObjectionToKycOffersNeitherFullComplyNorNotApplicable()
    {
        var officer = await app.NewPageAsync();
        await officer.SignInAsync("officer@privacydesk.test");
        var reference = await NewCaseInProgressAsync(officer, "Bezwaar (art. 21 AVG)", "Maakt bezwaar tegen elk gebruik van zijn gegevens.");

        var kyc = officer.Locator("[data-testid=purpose-row][data-key=identity-verification]");
        var options = await Options(kyc);
        options.ShouldNotContain("Comply", "stopping everything would stop the Wwft checks (c) too");
        options.ShouldNotContain("NotApplicable", "an Art. 21(1) objection is upheld or refused with compelling grounds");
        options.ShouldContain("PartiallyComply");
        options.ShouldContain("Refuse:CompellingLegitimateGrounds");

        await DismissToastsAsync(officer);
        await kyc.ScrollIntoViewIfNeededAsync();
        await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "objection-kyc-nl-1366.png"), FullPage = true });
        await ShotAsync(reference, "en-GB", 1366, "objection-kyc-en-1366");
        await ShotAsync(reference, "nl-NL", 390, "objection-kyc-nl-390");
        await ShotAsync(reference, "en-GB", 390, "objection-kyc-en-390");
    }

    /// <summary>Registers a request for the well-known demo customer through the dialog, takes it, checks identity and starts it.</summary>
    private static async Task<string> NewCaseInProgressAsync(IPage officer, string type, string description)
    {
        await officer.WaitForShellAsync();
        await officer.ClickAsync("[data-interactive=true] [data-testid=new-request]");
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await ChooseAsync(officer, "[data-testid=field-type]", type);
        await ChooseAsync(officer, "[data-testid=field-channel]", "Telefoon");
        await officer.FillAsync("input[data-testid=field-subject]", DemoCases.WellKnownName);
        await officer.ClickAsync($".mud-popover-open .mud-list-item:has-text('{DemoCases.WellKnownCustomerNumber}')");
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await officer.FillAsync("textarea[data-testid=field-description]", description);
        await officer.ClickAsync("[data-testid=save-new-request]");
        await officer.WaitForFunctionAsync("() => /^\\/requests\\/DSR-\\d{4}-\\d{6}$/.test(location.pathname)", null, new() { Timeout = Timeouts.Navigation });
        var reference = new Uri(officer.Url).Segments[^1];
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
        await officer.WaitForSelectorAsync($"{Status}:has-text('In behandeling')");
        await officer.WaitForSelectorAsync("[data-testid=record-decision]");
        return reference;
    }

    private async Task ShotAsync(string reference, string culture, int width, string name)
    {
        var page = await app.NewPageAsync(culture);
        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();
        if (width != 1366)
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.WaitForFunctionAsync($"() => window.innerWidth === {width}");
        }
        await page.GotoAsync($"/requests/{reference}");
        await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        // The decisions and the review are under Decide, folded once it is finished.
        var folded = page.Locator("[data-testid=step-Decide][data-open=false] [data-testid=step-toggle]");
        if (await folded.CountAsync() > 0)
        {
            await folded.ClickAsync();
        }
        await page.WaitForSelectorAsync("[data-testid=assessment-panel]");
        await page.ShouldFitAsync(width, "the case fits the screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task DismissToastsAsync(IPage page)
    {
        await page.EvaluateAsync("() => document.querySelectorAll('.mud-snackbar .mud-snackbar-close-button, .mud-snackbar button').forEach(b => b.click())");
        await page.WaitForSelectorAsync(".mud-snackbar", new() { State = WaitForSelectorState.Detached });
    }

    private static async Task ChooseAsync(IPage page, string field, string option)
    {
        await page.ClickAsync(field);
        await page.ClickAsync($".mud-popover-open .mud-list-item:has-text('{option}')");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    private static Task<string[]> Options(ILocator row) =>
        row.Locator("[data-testid=decision-option]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.option)");
}
