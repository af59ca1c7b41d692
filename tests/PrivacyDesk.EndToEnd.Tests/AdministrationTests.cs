using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

public sealed class AdministrationTests(RunningApp app)
{
    [Fact]
    public async Task AnAdministratorCreatesAUserAfterFixingAnInvalidAddress()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("admin@privacydesk.test");
        await page.WaitForShellAsync();
        await page.WaitForSelectorAsync("[data-testid=staff-table] tbody tr");
        await page.ScreenshotAsync("administration-nl");

        await page.ClickAsync("[data-testid=new-user]");
        await page.FillAsync("[data-testid=field-name]", "Lotte Smit");
        await page.FillAsync("[data-testid=field-email]", "lotte.smit-at-firm.nl");
        await page.FillAsync("[data-testid=field-password]", "Sterk-Wachtwoord-42");
        await page.ClickAsync("[data-testid=create-user]");
        await page.WaitForSelectorAsync("text=Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.");
        await page.ScreenshotAsync("administration-create-error-nl");

        await page.FillAsync("[data-testid=field-email]", "lotte.smit@firm.nl");
        await page.ClickAsync("[data-testid=create-user]");

        await page.WaitForSelectorAsync("[data-testid=staff-table] td:has-text('lotte.smit@firm.nl')");
        (await page.IsVisibleAsync("[data-testid=create-user-dialog]")).ShouldBeFalse();
    }
}
