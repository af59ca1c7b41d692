using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>
/// The one bUnit base for PrivacyDesk components: MudBlazor services with loose JS interop, the
/// real UI strings, the real permission policies, and the popover, dialog and snackbar providers
/// rendered (without them MudBlazor selects and dialogs render nothing, silently).
/// </summary>
public abstract class MudBunitContext : BunitContext
{
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    protected MudBunitContext(string culture = LocalizationSetup.Dutch)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        // The real policies, replacing bUnit's placeholder authorization.
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddAuthorizationCore(options => options.AddPermissionPolicies());
        Services.AddSingleton<AuthenticationStateProvider>(new TestAuthenticationStateProvider(() => _user));
        Services.AddCascadingAuthenticationState();
        // Pages record a load failure through it; a test that reads the log registers its own after this one.
        Services.AddSingleton(new PageLoadFailures(NullLogger<PageLoadFailures>.Instance));
        UseCulture(culture);
    }

    protected static void UseCulture(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }

    /// <summary>Signs in a member of staff with the given roles (as the sign-in cookie would describe them).</summary>
    protected ClaimsPrincipal SignIn(string displayName, params string[] roles)
    {
        _user = Callers.Principal(Guid.NewGuid().ToString(), displayName, roles);
        return _user;
    }

    /// <summary>Signs in a real member of staff (e.g. from <see cref="Callers.ForAsync"/>), so server-side checks see their id.</summary>
    protected void SignIn(ClaimsPrincipal user) => _user = user;

    /// <summary>Renders the Mud providers; render them before the component under test.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        _popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    /// <summary>An element that opened in a popover (a menu item to click), which renders in the provider, not the component.</summary>
    protected AngleSharp.Dom.IElement FindInProviders(string selector) =>
        (_popovers ?? throw new InvalidOperationException("Call RenderProviders first.")).Find(selector);

    /// <summary>The texts of elements that opened in a popover (menus, selects), which render in the provider, not the component.</summary>
    protected IReadOnlyList<string> FindAllInProviders(string selector) =>
        [.. (_popovers ?? throw new InvalidOperationException("Call RenderProviders first.")).FindAll(selector).Select(e => e.TextContent.Trim())];

    private sealed class TestAuthenticationStateProvider(Func<ClaimsPrincipal> user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user()));
    }
}
