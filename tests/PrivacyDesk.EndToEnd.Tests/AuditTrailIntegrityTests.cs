using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>An administrator verifies the trail; someone edits a row in the database file directly; the next verification and every page say so.</summary>
public sealed class AuditTrailIntegrityTests(RunningApp app)
{
    private async Task<T> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task VerifyAsync(IPage page, string state)
    {
        await page.ClickAsync("[data-testid=verify-trail]");
        await page.WaitForSelectorAsync($"[data-testid=trail-result][data-state={state}]");
    }

    [Fact]
    public async Task TheAdministratorSeesTheTrailIntactThenTheFirstBrokenSequenceAndTheBannerAfterARowIsEditedInTheDatabaseFile()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin@privacydesk.test");
        await page.WaitForShellAsync();
        await page.ClickAsync("[data-testid=nav-audit-trail]");
        await page.WaitForSelectorAsync("[data-testid=verify-trail]");
        await VerifyAsync(page, "intact");
        (await page.IsVisibleAsync("[data-testid=audit-trail-banner]")).ShouldBeFalse();

        var sequence = await QueryAsync<long>("SELECT Sequence FROM AuditEvents WHERE EntityType = 'DataSubjectRequest' ORDER BY Sequence LIMIT 1 OFFSET 1");
        var actor = await QueryAsync<string>($"SELECT ActorName FROM AuditEvents WHERE Sequence = {sequence}");
        try
        {
            await QueryAsync<long>($"UPDATE AuditEvents SET ActorName = 'Mallory' WHERE Sequence = {sequence}; SELECT changes()");

            await VerifyAsync(page, "broken");

            var result = page.Locator("[data-testid=trail-result]");
            (await result.GetAttributeAsync("data-first-broken")).ShouldBe(sequence.ToString(CultureInfo.InvariantCulture));
            (await result.InnerTextAsync()).ShouldContain($"Audittrail GEBROKEN bij volgnummer {sequence}");
            await page.WaitForSelectorAsync("[data-testid=audit-trail-banner]");
            (await page.InnerTextAsync("[data-testid=audit-trail-banner]")).ShouldContain($"volgnummer {sequence}");
            await ShotsAsync(sequence);
        }
        finally
        {
            // The app is shared by every end-to-end test: leave the trail as it was.
            await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
            await connection.OpenAsync();
            await using var restore = connection.CreateCommand();
            restore.CommandText = "UPDATE AuditEvents SET ActorName = $a WHERE Sequence = $s";
            restore.Parameters.AddWithValue("$a", actor);
            restore.Parameters.AddWithValue("$s", sequence);
            await restore.ExecuteNonQueryAsync();
            await VerifyAsync(page, "intact");
        }
        (await page.IsVisibleAsync("[data-testid=audit-trail-banner]")).ShouldBeFalse("a full pass that finds the trail intact clears the banner");
    }

    /// <summary>The page, the banner and the marked timeline at both widths in both languages, where PRIVACYDESK_SHOTS points (for review, not for the docs).</summary>
    private async Task ShotsAsync(long sequence)
    {
        if (Environment.GetEnvironmentVariable("PRIVACYDESK_SHOTS") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var reference = await QueryAsync<string>(
            $"SELECT r.Reference FROM Requests r JOIN AuditEvents a ON upper(a.EntityId) = upper(r.Id) WHERE a.Sequence = {sequence}");
        foreach (var culture in new[] { "nl-NL", "en-GB" })
        {
            foreach (var width in new[] { 1366, 390 })
            {
                var admin = await app.NewPageAsync(culture, width, width < 600 ? 844 : 800);
                await admin.SignInAsync("admin@privacydesk.test");
                // Not WaitForShellAsync: at phone width the drawer, and with it the menu, starts closed.
                await admin.WaitForSelectorAsync("[data-interactive=true]");
                await admin.GotoAsync("administration/audit-trail");
                await admin.WaitForSelectorAsync("[data-interactive=true] [data-testid=trail-result][data-state=broken]");
                await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"audit-trail-{culture}-{width}.png"), FullPage = true });

                var auditor = await app.NewPageAsync(culture, width, width < 600 ? 844 : 800);
                await auditor.SignInAsync("auditor@privacydesk.test");
                await auditor.WaitForSelectorAsync("[data-interactive=true]");
                await auditor.GotoAsync($"requests/{reference}");
                await auditor.WaitForSelectorAsync("[data-interactive=true] [data-testid=timeline-altered]");
                await auditor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"case-{culture}-{width}.png") });
                await auditor.Locator("[data-testid=audit-timeline]").ScreenshotAsync(
                    new LocatorScreenshotOptions { Path = Path.Combine(folder, $"case-timeline-{culture}-{width}.png") });
                await admin.Context.CloseAsync();
                await auditor.Context.CloseAsync();
            }
        }
    }
}
