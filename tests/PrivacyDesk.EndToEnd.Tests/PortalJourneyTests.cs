using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>
/// Issue 16's whole journey in Chromium, with every e-mail read from the real SMTP server the run starts: a data subject asks for
/// a copy of their data on the privacy portal and verifies with the code from the e-mail; the officer handles the case; the team
/// lead approves; the officer sends it; the subject gets the delivery e-mail, verifies again, downloads the copy; the case shows
/// the download.
/// </summary>
public sealed partial class PortalJourneyTests(RunningApp app)
{
    private const string Status = "[data-testid=status-chip]";

    /// <summary>An e-mail leaves through the outbox (polled every two seconds here), as long as a slow page may take.</summary>
    private static TimeSpan MailWait => TimeSpan.FromMilliseconds(Timeouts.LongRunning);

    [Fact]
    public async Task ASubjectAsksOnThePortalTheOfficeAnswersAndTheSubjectDownloadsTheCopyWhichTheCaseShows()
    {
        var email = $"noor.{Guid.NewGuid():N}"[..17] + "@example.nl";
        var subject = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            AcceptDownloads = true,
        });
        var portal = await subject.NewPageAsync();

        // 1. The subject's request on the portal, verified with the code from the e-mail.
        await portal.GotoAsync("/privacy");
        await portal.Locator("#type-Access").CheckAsync();
        await portal.Locator("#f-FullName").FillAsync("Noor Visser");
        await portal.Locator("#f-Email").FillAsync(email);
        await portal.Locator("#f-Description").FillAsync("Graag een kopie van alle gegevens die u van mij heeft.");
        // A person takes a few seconds; the portal refuses a form sent at once (a bot's).
        await portal.WaitForTimeoutAsync(3500);
        await portal.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een code" }).ClickAsync();
        await portal.WaitForURLAsync(new Regex("/privacy/code$"));
        var codeMail = await app.Mail.WaitForAsync(m => IsTo(m, email) && CodeIn(m) is not null, "the portal's code", timeout: MailWait);
        NoPersonalData(codeMail, "Noor", "Visser");
        await portal.Locator("#f-Code").FillAsync(CodeIn(codeMail)!);
        await portal.Locator("#f-Code").PressAsync("Enter");
        await portal.Locator(".pd-reference").WaitForAsync();
        var reference = (await portal.Locator(".pd-reference").InnerTextAsync()).Trim();
        reference.ShouldMatch("^DSR-[0-9]{4}-[0-9]{6}$");
        var acknowledgement = await app.Mail.WaitForAsync(m => IsTo(m, email) && (m.Subject ?? "").Contains(reference, StringComparison.Ordinal), "the acknowledgement", timeout: MailWait);
        (acknowledgement.TextBody ?? "").ShouldContain("/privacy/status/");

        // 2. The officer: take it, accept the portal's e-mail verification, start, accept the proposals, the letter, submit.
        var officer = await app.NewPageAsync("nl-NL", 1440, 900);
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.GotoAsync($"/requests/{reference}");
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=case-header]");
        (await officer.TextContentAsync("[data-testid=case-header]"))!.ShouldContain("Noor Visser");
        (await officer.TextContentAsync("[data-testid=identity-low-assurance]"))!.ShouldContain("e-mailadres");
        if (await officer.Locator("[data-testid=take-case]").CountAsync() > 0)
        {
            await officer.ClickAsync("[data-testid=take-case]");
        }
        await officer.WaitForSelectorAsync("[data-testid=case-handler]:has-text('Sanne de Vries')");
        await officer.ClickAsync("[data-testid=start-processing]");
        await officer.WaitForSelectorAsync($"{Status}:has-text('In behandeling')");
        await officer.ClickAsync("[data-testid=accept-proposals]");
        // Decided, the case moves on and the Decide step folds: the chips are there, out of sight.
        await officer.WaitForSelectorAsync("[data-testid=decision-chip]", new() { State = WaitForSelectorState.Attached });
        (await officer.Locator("[data-testid=no-decision]").CountAsync()).ShouldBe(0);
        await officer.OpenStepAsync("DraftResponse");
        await officer.WaitForSelectorAsync("[data-testid=documents-generate]");
        await officer.ClickAsync("[data-testid=documents-kind]");
        await officer.ClickAsync(".mud-popover-open .mud-list-item:has-text('Antwoord op uw verzoek')");
        await officer.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await officer.ClickAsync("[data-testid=generate-document]");
        await officer.WaitForSelectorAsync("[data-testid=documents-table] [data-testid=document-row]");
        await officer.ClickAsync("[data-testid=submit-for-approval]");
        await officer.WaitForSelectorAsync($"{Status}:has-text('Wacht op goedkeuring')");

        // 3. The team lead approves.
        var lead = await app.NewPageAsync("nl-NL", 1440, 900);
        await lead.SignInAsync("lead@privacydesk.test");
        await lead.WaitForShellAsync();
        await lead.GotoAsync($"/requests/{reference}");
        await lead.WaitForSelectorAsync("[data-interactive=true] [data-testid=approve]");
        await lead.ClickAsync("[data-testid=approve]");
        await lead.WaitForSelectorAsync($"{Status}:has-text('Goedgekeurd, klaar om te versturen')");

        // 4. The officer sends it: the answer goes by link (the panel's default), the e-mail from the outbox.
        await officer.ReloadAsync();
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=mark-responded]");
        (await officer.TextContentAsync("[data-testid=delivery-panel]"))!.ShouldContain("Per link naar het privacyportaal");
        await officer.ClickAsync("[data-testid=mark-responded]");
        // Answered, the case is closed and its Send step folds: the "responded" line is there, out of sight.
        await officer.WaitForSelectorAsync("[data-testid=responded]", new() { State = WaitForSelectorState.Attached });
        await officer.WaitForSelectorAsync("[data-testid=delivery-line]:has-text('nog niet gedownload')");
        await officer.ScreenshotAsync("journey-case-delivered-nl-1440");

        // 5. The subject's delivery e-mail: a link, the reference, no personal data and nothing attached.
        var delivery = await app.Mail.WaitForAsync(m => IsTo(m, email) && AnswerLinkIn(m) is not null, "the delivery e-mail", timeout: MailWait);
        delivery.Attachments.ShouldBeEmpty();
        (delivery.Subject ?? "").ShouldContain(reference);
        NoPersonalData(delivery, "Noor", "Visser", "kopie van alle gegevens");
        var answer = new Uri(AnswerLinkIn(delivery)!).PathAndQuery;

        // 6. The subject opens the link, asks for a code, enters it and downloads the copy of the data.
        var received = app.Mail.Messages.Count;
        await portal.GotoAsync(answer);
        await portal.ClickAsync("[data-testid=answer-send-code]");
        await portal.WaitForSelectorAsync("[data-testid=answer-code]");
        var answerCode = await app.Mail.WaitForAsync(m => IsTo(m, email) && CodeIn(m) is not null, "the answer's code", after: received, timeout: MailWait);
        await portal.FillAsync("[data-testid=answer-code]", CodeIn(answerCode)!);
        await portal.ClickAsync("[data-testid=answer-verify]");
        await portal.WaitForSelectorAsync("[data-testid=answer-documents]");
        (await portal.TextContentAsync("[data-testid=answer-reference]"))!.ShouldContain(reference);
        await portal.ScreenshotAsync("journey-answer-documents-nl-390");
        var copy = portal.Locator("[data-testid=answer-documents] li", new() { HasText = "Kopie" }).Locator("[data-testid=answer-download]");
        var download = await portal.RunAndWaitForDownloadAsync(() => copy.ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"journey-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(file);
        try
        {
            var head = new byte[4];
            await using (var stream = File.OpenRead(file))
            {
                (await stream.ReadAsync(head)).ShouldBe(4);
            }
            System.Text.Encoding.ASCII.GetString(head).ShouldBe("%PDF", "the copy of data is a PDF");
        }
        finally
        {
            File.Delete(file);
        }

        // 7. The case shows the download.
        await officer.ReloadAsync();
        await officer.WaitForSelectorAsync("[data-interactive=true] [data-testid=delivery-line]");
        var line = (await officer.TextContentAsync("[data-testid=delivery-line]"))!;
        line.ShouldContain("Bezorgd");
        line.ShouldContain("gedownload");
        line.ShouldNotContain("nog niet gedownload");
        await officer.ScreenshotAsync("journey-case-downloaded-nl-1440");
        await subject.CloseAsync();
    }

    private static bool IsTo(MimeMessage message, string email) =>
        message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase));

    private static string? CodeIn(MimeMessage message) => SixDigits().Match(message.Subject ?? "") is { Success: true } match ? match.Value : null;

    private static string? AnswerLinkIn(MimeMessage message) => AnswerLink().Match(message.TextBody ?? "") is { Success: true } match ? match.Value : null;

    private static void NoPersonalData(MimeMessage message, params string[] personal)
    {
        foreach (var text in personal)
        {
            (message.Subject ?? "").ShouldNotContain(text, Case.Insensitive);
            (message.TextBody ?? "").ShouldNotContain(text, Case.Insensitive);
            (message.HtmlBody ?? "").ShouldNotContain(text, Case.Insensitive);
        }
    }

    [GeneratedRegex("\\b[0-9]{6}\\b")]
    private static partial Regex SixDigits();

    [GeneratedRegex("https?://\\S+/privacy/answer/[A-Za-z0-9_-]+")]
    private static partial Regex AnswerLink();
}
