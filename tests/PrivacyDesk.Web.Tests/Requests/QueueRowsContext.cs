using AngleSharp.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Web.Tests.Infrastructure;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// The queue page rendered on a seeded database of its own (one per test class: <see cref="IClassFixture{QueueDatabase}"/> is
/// per class), signed in as the caller, with a way to find a request's row.
/// </summary>
public abstract class QueueRowsContext : MudBunitContext, IClassFixture<QueueDatabase>
{
    // The first render of a class seeds and queries a real database; on a loaded two-core CI machine that took over 10 s once.
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    protected QueueRowsContext(QueueDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Seed = database.Seed;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(database.Factory.Services));
    }

    protected QueueSeed Seed { get; }

    /// <summary>The page at <paramref name="address"/> for <paramref name="caller"/>, once it shows rows.</summary>
    protected IRenderedComponent<QueuePage> RenderQueue(System.Security.Claims.ClaimsPrincipal caller, string address = "/requests")
    {
        SignIn(caller);
        return RenderQueueAt(address, page => page.FindAll("[data-testid=open-request]").ShouldNotBeEmpty());
    }

    /// <summary>The page at <paramref name="address"/> for whoever is signed in, once <paramref name="ready"/> holds.</summary>
    protected IRenderedComponent<QueuePage> RenderQueueAt(string address, Action<IRenderedComponent<QueuePage>> ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<QueuePage>();
        page.WaitForAssertion(() => ready(page), Wait);
        return page;
    }

    protected static IElement Row(IRenderedComponent<QueuePage> page, string reference) =>
        page.FindAll("tr").Single(row => row.QuerySelector("[data-testid=open-request]")?.TextContent == reference);
}
