using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 13's journey through the UI only, counting the officer's hands: a standard erasure request by phone for
/// Jan de Vries (12 purposes), logged, taken, identity verified by an existing channel, started, decided, the one
/// response letter generated and submitted for approval; then a team lead approves. Signing in is not counted.
/// </summary>
public sealed partial class StandardRequestJourneyTests(RunningApp app)
{
    /// <summary>Issue 13's goals: a trained officer gets a standard request to "submitted for approval" in 20 clicks, a team lead approves in 3.</summary>
    private const int OfficerClickGoal = 20;
    private const int LeadClickGoal = 3;

    /// <summary>What the journey takes outside the decisions (measured): new request 7, take, identity, start, letter type 2, generate, submit.</summary>
    private const int OfficerClicksOutsideDecisions = 14;

    private const string Status = "[data-testid=status-chip]";

    [Fact]
    public async Task AStandardErasureByPhoneReachesApprovalInCountedClicksAndTheLeadApprovesInThree()
    {
        var officer = await app.NewPageAsync("nl-NL", 1440, 900);
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        var journey = new Journey(officer);

        // 1. Intake: the new request dialog from the queue.
        await journey.ClickAsync(officer.Locator("[data-interactive=true] [data-testid=new-request]"));
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=save-new-request]");
        await journey.ChooseAsync("[data-testid=field-type]", "Verwijdering (art. 17 AVG)");
        await journey.ChooseAsync("[data-testid=field-channel]", "Telefoon");
        await journey.FillAsync(officer.Locator("input[data-testid=field-subject]"), DemoCases.WellKnownName);
        await journey.ClickAsync(officer.Locator($".mud-popover-open .mud-list-item:has-text('{DemoCases.WellKnownCustomerNumber}')"));
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await journey.FillAsync(officer.Locator("textarea[data-testid=field-description]"), "Belde: wil dat al zijn gegevens worden gewist.");
        await journey.ClickAsync(officer.Locator("[data-testid=save-new-request]"));
        await officer.WaitForAddressAsync(CaseAddress(), "new-request");
        var reference = new Uri(officer.Url).Segments[^1];
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");

        // 2. Take, identity by the channel the firm already knows (the panel's defaults: known channel, verified), start.
        if (await officer.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await journey.ClickAsync(officer.Locator("[data-testid=take-case]"));
        }
        await officer.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        (await officer.TextContentAsync("[data-testid=identity-method]"))!.ShouldContain("Bekend kanaal");
        (await officer.TextContentAsync("[data-testid=identity-outcome]"))!.ShouldContain("Vastgesteld");
        await journey.ClickAsync(officer.Locator("[data-testid=record-identity]"));
        await officer.WaitForSelectorAsync("[data-testid=start-processing]");
        await journey.ClickAsync(officer.Locator("[data-testid=start-processing]"));
        await officer.WaitForSelectorAsync($"{Status}:has-text('In behandeling')");
        var start = journey.Clicks;

        // 3. Decisions: one separate phase.
        await officer.WaitForSelectorAsync("[data-testid=accept-proposals]");
        var purposes = await officer.Locator("[data-testid=purpose-row]").CountAsync();
        purposes.ShouldBe(12, "Jan de Vries is a former customer whose data 12 active purposes process");
        await CasePageHeights.MeasureAsync(app, officer, reference, "to-decide");
        await DecideEveryPurposeAsync(journey, officer);
        var decisionClicks = journey.Clicks - start;
        await CasePageHeights.MeasureAsync(app, officer, reference, "decided");

        // 4. The one response letter, then submit.
        await OpenStepAsync(journey, "DraftResponse");
        await officer.WaitForSelectorAsync("[data-testid=documents-generate]");
        await journey.ChooseAsync("[data-testid=documents-kind]", "Antwoord op uw verzoek");
        await journey.ClickAsync(officer.Locator("[data-testid=generate-document]"));
        await officer.WaitForSelectorAsync("[data-testid=documents-table] [data-testid=document-row]");
        await journey.ClickAsync(officer.Locator("[data-testid=submit-for-approval]"));
        await officer.WaitForSelectorAsync($"{Status}:has-text('Wacht op goedkeuring')");

        var officerClicks = journey.Clicks;
        Report($"officer: {officerClicks} clicks ({decisionClicks} on the decisions of {purposes} purposes), {journey.TextEntries} text entries");
        decisionClicks.ShouldBe(1, "the rules engine knows every outcome for a former customer: one click accepts them all");
        officerClicks.ShouldBe(OfficerClicksOutsideDecisions + 1);
        officerClicks.ShouldBeLessThanOrEqualTo(OfficerClickGoal);
        journey.TextEntries.ShouldBe(2, "the subject and the description at intake; the law's reasons are filled in by the proposals");

        // 5. The team lead finds the case under "awaiting my approval" in the queue and approves it.
        var lead = await app.NewPageAsync("nl-NL", 1440, 900);
        await lead.SignInAsync("lead@privacydesk.test");
        await lead.WaitForShellAsync();
        var approval = new Journey(lead);
        await approval.ClickAsync(lead.Locator("[data-interactive=true] [data-testid=filter-awaiting-approval]"));
        await lead.WaitForSelectorAsync($"[data-testid=queue-grid] [data-testid=open-request]:has-text('{reference}')");
        await approval.ClickAsync(lead.Locator($"[data-testid=open-request]:has-text('{reference}')"));
        await lead.WaitForSelectorAsync("[data-interactive=true] [data-testid=approve]");
        await approval.ClickAsync(lead.Locator("[data-testid=approve]"));
        // Approved, the case moves on to Send and the Approval step folds to its one line.
        await lead.WaitForSelectorAsync("[data-testid=step-Approval] [data-testid=step-summary]:has-text('Goedgekeurd door Fatima El Amrani')");
        (await lead.TextContentAsync(Status))!.Trim().ShouldBe("Goedgekeurd, klaar om te versturen");
        Report($"team lead: {approval.Clicks} clicks, {approval.TextEntries} text entries");
        approval.Clicks.ShouldBeLessThanOrEqualTo(LeadClickGoal);
        approval.TextEntries.ShouldBe(0);
    }

    /// <summary>
    /// The decisions phase: one click on "Accept the proposals" records the law's outcome for every purpose
    /// (comply, or comply in part with the retention provision and date as reasons).
    /// </summary>
    private static async Task DecideEveryPurposeAsync(Journey journey, IPage page)
    {
        var accept = page.Locator("[data-testid=accept-proposals]");
        (await accept.TextContentAsync())!.ShouldContain("(12)");
        await journey.ClickAsync(accept);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=decision-chip]').length >= 12");
        (await page.Locator("[data-testid=no-decision]").CountAsync()).ShouldBe(0);
    }

    /// <summary>A step folded away is opened with one (counted) click on its header; the current step is open already.</summary>
    private static async Task OpenStepAsync(Journey journey, string step)
    {
        var toggle = journey.Page.Locator($"[data-testid=step-{step}][data-open=false] [data-testid=step-toggle]");
        if (await toggle.CountAsync() > 0)
        {
            await journey.ClickAsync(toggle);
        }
    }

    private static void Report(string line) => TestContext.Current.SendDiagnosticMessage(line);

    [GeneratedRegex("/requests/DSR-\\d{4}-\\d{6}$")]
    private static partial Regex CaseAddress();

    /// <summary>The officer's hands: every click and text entry of the journey goes through here and is counted.</summary>
    private sealed class Journey(IPage page)
    {
        public IPage Page { get; } = page;

        public int Clicks { get; private set; }

        public int TextEntries { get; private set; }

        public async Task ClickAsync(ILocator locator)
        {
            await locator.ClickAsync();
            Clicks++;
        }

        public async Task FillAsync(ILocator locator, string text)
        {
            await locator.FillAsync(text);
            TextEntries++;
        }

        /// <summary>A MudSelect: a click on the field and one on the option (two clicks).</summary>
        public async Task ChooseAsync(string field, string option)
        {
            await ClickAsync(Page.Locator(field));
            await ClickAsync(Page.Locator($".mud-popover-open .mud-list-item:has-text('{option}')"));
            await Page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        }
    }
}

/// <summary>The case page's height (document.documentElement.scrollHeight) at desktop and phone width, in Dutch and English.</summary>
internal static class CasePageHeights
{
    public static async Task<Dictionary<string, int>> MeasureAsync(RunningApp app, IPage signedIn, string reference, string state)
    {
        var heights = new Dictionary<string, int>();
        var folder = Path.Combine(RunningApp.RepositoryRoot, "artifacts", "test-results");
        Directory.CreateDirectory(folder);
        foreach (var culture in new[] { "nl-NL", "en-GB" })
        {
            foreach (var width in new[] { 1440, 390 })
            {
                var page = await app.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new ViewportSize { Width = width, Height = 900 },
                    BaseURL = app.BaseAddress.ToString(),
                    StorageState = await signedIn.Context.StorageStateAsync(),
                }).ContinueWith(async c => await c.Result.NewPageAsync()).Unwrap();
                await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.BaseAddress.ToString() }]);
                await page.GotoAsync($"/requests/{reference}");
                await page.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.WaitForTimeoutAsync(1500);
                var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                heights[$"{culture[..2]}-{width}"] = height;
                var name = $"casepage-{state}-{culture[..2]}-{width}";
                await page.ScreenshotAsync(name);
                await StickyBarStaysAndLeadsToTheCurrentStepAsync(page, name);
                await page.Context.CloseAsync();
            }
        }
        var line = $"{DateTime.UtcNow:O} {state}: " + string.Join(", ", heights.Select(h => $"{h.Key} {h.Value.ToString(CultureInfo.InvariantCulture)} px"));
        await File.AppendAllTextAsync(Path.Combine(folder, "case-page-heights.txt"), line + Environment.NewLine);
        TestContext.Current.SendDiagnosticMessage(line);
        return heights;
    }

    /// <summary>Scrolled far down, the bar with the reference, the days left and the next action is still on screen; its button brings the step into view.</summary>
    private static async Task StickyBarStaysAndLeadsToTheCurrentStepAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await page.WaitForTimeoutAsync(300);
        var bar = (await page.Locator("[data-testid=case-bar]").BoundingBoxAsync())!;
        bar.Y.ShouldBeInRange(0, 120, "the case bar sticks under the app bar");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RunningApp.RepositoryRoot, "artifacts", "screenshots", name + "-scrolled.png") });
        var next = page.Locator("[data-testid=case-bar] [data-testid=next-action]");
        if (await next.CountAsync() == 0)
        {
            return;
        }
        var step = await next.GetAttributeAsync("data-step");
        await next.ClickAsync();
        await page.WaitForFunctionAsync(
            "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }", $"step-{step}");
    }
}
