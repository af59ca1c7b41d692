using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Layout;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Components;

public sealed class ShellTests : MudBunitContext
{
    [Fact]
    public void TheAppBarShowsTheSignedInNameAndRoleInDutch()
    {
        var user = SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);

        var bar = Render<SignedInUser>(p => p.Add(c => c.User, user));

        bar.Markup.ShouldContain("Sanne de Vries");
        bar.Find("[data-testid=signed-in-role]").TextContent.ShouldBe("Privacyfunctionaris");
        bar.Find("[data-testid=sign-out]").GetAttribute("aria-label").ShouldBe("Afmelden");
    }

    [Fact]
    public void TheAppBarShowsTheRoleInEnglish()
    {
        UseCulture(LocalizationSetup.English);
        var user = SignIn("Fatima El Amrani", StaffRole.TeamLead);

        var bar = Render<SignedInUser>(p => p.Add(c => c.User, user));

        bar.Find("[data-testid=signed-in-role]").TextContent.ShouldBe("Team lead");
    }

    [Fact]
    public void TheLanguageSwitchShowsTheCurrentLanguageAndOffersBoth()
    {
        UseCulture(LocalizationSetup.English);
        RenderProviders();

        var languageSwitch = Render<LanguageSwitch>();
        languageSwitch.Find("button").TextContent.ShouldContain("EN");
        languageSwitch.Find("button").Click();

        languageSwitch.WaitForAssertion(() => FindAllInProviders("[data-testid^=language-]").ShouldBe(["Nederlands", "English"]));
    }

    [Fact]
    public void ChoosingALanguageReloadsThePageAndCallsNoScriptAfterwards()
    {
        // The reload ends the circuit: a script call after it (the menu giving the focus back to its button) failed with
        // JSDisconnectedException, logged as an unhandled error in the circuit (seen in the browser tests' log in CI).
        UseCulture(LocalizationSetup.Dutch);
        RenderProviders();
        var navigation = Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>();
        var languageSwitch = Render<LanguageSwitch>();
        languageSwitch.Find("button").Click();
        languageSwitch.WaitForAssertion(() => FindAllInProviders("[data-testid=language-en]").ShouldNotBeEmpty());
        var scriptCallsBefore = JSInterop.Invocations.Count;

        FindInProviders("[data-testid=language-en]").Click();

        var reload = navigation.History.First();
        reload.Uri.ShouldStartWith("preferences/culture?culture=en&returnUrl=");
        reload.Options.ForceLoad.ShouldBeTrue();
        // Before the fix the menu closed after the reload was asked for: its key listener disconnected and the focus went back.
        var afterTheChoice = JSInterop.Invocations.Skip(scriptCallsBefore).Select(i => i.Identifier).ToList();
        afterTheChoice.ShouldNotContain("Blazor._internal.domWrapper.focus");
        afterTheChoice.ShouldNotContain("mudKeyInterceptor.disconnect");
    }

    [Fact]
    public void TheSignedInUserIsPlainMarkupExceptItsTooltip()
    {
        var user = SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);

        var bar = Render<SignedInUser>(p => p.Add(c => c.User, user));

        // Issue 17 (ADR 0059): plain elements with MudBlazor's classes, in every open page.
        bar.FindComponents<MudLink>().ShouldBeEmpty();
        bar.FindComponents<MudAvatar>().ShouldBeEmpty();
        bar.FindComponents<MudIconButton>().ShouldBeEmpty();
        bar.FindComponents<MudIcon>().ShouldBeEmpty();
        bar.Find("[data-testid=signed-in-user]").GetAttribute("href").ShouldBe("Account/Manage");
        bar.Find(".mud-avatar").TextContent.ShouldBe("SV");
        bar.Find("[data-testid=sign-out]").GetAttribute("type").ShouldBe("submit");
        bar.Find("[data-testid=sign-out]").Closest("form")!.GetAttribute("action").ShouldBe("Account/Logout");
    }
}
