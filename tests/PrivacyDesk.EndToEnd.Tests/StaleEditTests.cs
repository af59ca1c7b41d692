using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PrivacyDesk.EndToEnd.Tests.Infrastructure;

namespace PrivacyDesk.EndToEnd.Tests;

/// <summary>ADR 0028 in the browser: two pages on one case; a change in one makes the other's save stale, and it says who and when.</summary>
public sealed class StaleEditTests(RunningApp app)
{
    private const string DemoKey = "pdk_0000d3e0_development-only-demo-key-never-use-in-production";

    private static readonly string Shots = Environment.GetEnvironmentVariable("PRIVACYDESK_SHOTS") ?? Path.Combine(Path.GetTempPath(), "shots-uow");

    [Theory]
    [InlineData("nl-NL", "nl", "Fatima El Amrani heeft dit op")]
    [InlineData("en-GB", "en", "Fatima El Amrani changed this at")]
    public async Task ASaveOnAPageReadBeforeSomeoneElsesChangeIsRefusedWithWhoAndWhen(string culture, string suffix, string told)
    {
        var reference = await RegisterAsync();
        var lead = await app.NewPageAsync(culture);
        await lead.SignInAsync("lead@privacydesk.test");
        await lead.WaitForShellAsync();
        var officer = await app.NewPageAsync(culture);
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        foreach (var page in new[] { lead, officer })
        {
            await page.GotoAsync($"/requests/{reference}");
            await page.WaitForSelectorAsync("[data-interactive=true] textarea[data-testid=note-text]");
        }

        await lead.Locator("textarea[data-testid=note-text]").FillAsync("Klant belde: graag schriftelijk antwoord.");
        await lead.ClickAsync("[data-testid=add-note]");
        await lead.WaitForSelectorAsync("[data-testid=note-text-shown]");

        await officer.Locator("textarea[data-testid=note-text]").FillAsync("Mijn notitie, op een verouderde pagina.");
        await officer.ClickAsync("[data-testid=add-note]");
        var alert = await officer.WaitForSelectorAsync("[data-testid=stale-alert]");
        (await alert!.TextContentAsync())!.ShouldContain(told);
        (await officer.InputValueAsync("textarea[data-testid=note-text]")).ShouldBe("Mijn notitie, op een verouderde pagina.", "what was typed is kept");

        foreach (var width in new[] { 1366, 390 })
        {
            await officer.SetViewportSizeAsync(width, 800);
            await officer.WaitForTimeoutAsync(300);
            Directory.CreateDirectory(Shots);
            await officer.EvaluateAsync("() => document.querySelector('[data-testid=stale-alert]').scrollIntoView({ block: 'center' })");
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"stale-note-{suffix}-{width}.png") });
        }
    }

    [Theory]
    [InlineData("nl-NL", "nl", "Fatima El Amrani heeft dit op")]
    [InlineData("en-GB", "en", "Fatima El Amrani changed this at")]
    public async Task APanelDialogOnAPageReadBeforeSomeoneElsesChangeIsRefusedTheSameWay(string culture, string suffix, string told)
    {
        var reference = await RegisterAsync();
        var officer = await app.NewPageAsync(culture);
        await officer.SignInAsync("officer@privacydesk.test");
        await officer.WaitForShellAsync();
        await officer.GotoAsync($"/requests/{reference}");
        await officer.ClickAsync("[data-interactive=true] [data-testid=take-case]");
        await officer.WaitForSelectorAsync("[data-testid=case-actions]");
        var lead = await app.NewPageAsync(culture);
        await lead.SignInAsync("lead@privacydesk.test");
        await lead.WaitForShellAsync();
        await lead.GotoAsync($"/requests/{reference}");
        await lead.Locator("[data-interactive=true] textarea[data-testid=note-text]").FillAsync("Klant belde: graag schriftelijk antwoord.");
        await lead.ClickAsync("[data-testid=add-note]");
        await lead.WaitForSelectorAsync("[data-testid=note-text-shown]");

        await officer.ClickAsync("[data-testid=case-actions]");
        foreach (var width in new[] { 1366, 390 })
        {
            await officer.SetViewportSizeAsync(width, 800);
            await officer.WaitForTimeoutAsync(300);
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"actions-menu-{suffix}-{width}.png") });
        }
        await officer.SetViewportSizeAsync(1366, 800);
        await officer.Keyboard.PressAsync("Escape");
        await officer.WaitForTimeoutAsync(300);
        if (!await officer.Locator("[data-testid=action-withdraw]").IsVisibleAsync())
        {
            await officer.ClickAsync("[data-testid=case-actions]");
        }
        await officer.ClickAsync("[data-testid=action-withdraw]");
        await officer.WaitForSelectorAsync(".mud-dialog [data-testid=field-reason]");
        await officer.ClickAsync(".mud-dialog [data-testid=dialog-save]");
        var error = await officer.WaitForSelectorAsync(".mud-dialog [data-testid=dialog-error]");
        (await error!.TextContentAsync())!.ShouldContain(told);
        foreach (var width in new[] { 1366, 390 })
        {
            await officer.SetViewportSizeAsync(width, 800);
            await officer.WaitForTimeoutAsync(300);
            await officer.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"stale-withdraw-{suffix}-{width}.png") });
        }
    }

    private async Task<string> RegisterAsync()
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var body = JsonSerializer.Serialize(new
        {
            type = "access",
            language = "nl",
            subject = new { fullName = "Anna de Vries", email = $"anna.{Guid.NewGuid():N}@example.com" },
            description = "Ik wil weten welke gegevens u van mij hebt.",
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", DemoKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("reference").GetString()!;
    }
}
