using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

public sealed class SignInTests(RunningApp app)
{
    public static TheoryData<string, string, string[]> Roles => new()
    {
        { "officer@privacydesk.test", "Privacyfunctionaris", ["nav-queue", "nav-inbox", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-source-systems"] },
        { "lead@privacydesk.test", "Teamleider", ["nav-queue", "nav-inbox", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-source-systems", "nav-outbox", "nav-calendar"] },
        { "auditor@privacydesk.test", "Auditor", ["nav-queue", "nav-subjects", "nav-register", "nav-dashboard", "nav-retention", "nav-source-systems", "nav-audit-trail"] },
        { "admin@privacydesk.test", "Beheerder", ["nav-administration", "nav-controller", "nav-api-keys", "nav-source-systems", "nav-erasures", "nav-outbox", "nav-audit-trail", "nav-calendar"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task EachRoleSeesExactlyItsDrawerEntriesAndCanSignOut(string email, string roleName, string[] entries)
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync(email);
        await page.WaitForShellAsync();

        var shown = await page.Locator("[data-testid^=nav-]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.testid)");
        shown.ShouldBe(entries);
        (await page.TextContentAsync("[data-testid=signed-in-role]")).ShouldBe(roleName);

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForSelectorAsync("[data-testid=sign-in]");
        page.Url.ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task AnOfficerLandsOnTheQueueWithTheDemoCases()
    {
        var page = await app.NewPageAsync();

        await page.SignInAsync("officer@privacydesk.test");
        await page.WaitForShellAsync();

        new Uri(page.Url).AbsolutePath.ShouldBe("/requests");
        (await page.TextContentAsync("h1")).ShouldBe("Verzoekenwachtrij");
        // The end-to-end app runs in Development, which seeds the demo cases (the empty queue is a bUnit test).
        await page.WaitForSelectorAsync("[data-testid=queue-grid] [data-testid=open-request]");
        (await page.Locator("[data-testid=empty-state]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AWrongPasswordShowsAnErrorAndTheFifthFailureLocksTheAccount()
    {
        // This test owns officer2: it stays locked for the rest of the run, so no other test may sign in with it.
        var page = await app.NewPageAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SignInAsync("officer2@privacydesk.test", "Wrong-Password-1!");
            (await page.TextContentAsync("[data-testid=login-error]")).ShouldBe("Het e-mailadres of het wachtwoord is onjuist.");
        }
        await page.SignInAsync("officer2@privacydesk.test", "Wrong-Password-1!");
        await page.WaitForSelectorAsync("[data-testid=lockout-message]");

        // Even the right password is refused while the lock lasts.
        await page.GotoAsync("/Account/Login");
        await page.SignInAsync("officer2@privacydesk.test");
        await page.WaitForSelectorAsync("[data-testid=lockout-message]");
        page.Url.ShouldContain("/Account/Lockout");
    }

    [Fact]
    public async Task AnAuditorWhoOpensAdministrationIsToldNo()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync("auditor@privacydesk.test");
        await page.WaitForShellAsync();

        await page.GotoAsync("/administration");

        await page.WaitForSelectorAsync("[data-testid=access-denied]");
        (await page.TextContentAsync("h1")).ShouldBe("Geen toegang");
    }
}
