using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Retention;
using PrivacyDesk.Web.Features.Retention;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Retention;

/// <summary>The retention page on the real services and SQLite, in Dutch: its empty, filtered and task states.</summary>
public sealed class RetentionPageTests : MudBunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private const string System = "Handelsplatform en kernadministratie";
    private readonly PrivacyDeskAppFactory _factory = new();
    private readonly DateOnly _today = DeadlinePolicy.Default.Today(TimeProvider.System);
    private Actor _officer = default!;
    private Guid _subjectId;
    private bool _providers;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddSingleton(_factory.Services.GetRequiredService<RetentionLedgerQueries>());
        Services.AddSingleton(_factory.Services.GetRequiredService<RetentionFollowUps>());
        _officer = await ObligationCases.ActorAsync(_factory, "officer@privacydesk.test");
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);
        _subjectId = (await ObligationCases.LoadAsync(_factory, requestId)).SubjectId;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private Task<Guid> KeptAsync(DateOnly? endsOn) => RetentionSeed.KeptAsync(_factory.Services, _officer, _subjectId, System, "legal-compliance", endsOn);

    private async Task<IRenderedComponent<RetentionPage>> RenderAsync(string email, string address)
    {
        SignIn(await Callers.ForAsync(_factory, email));
        if (!_providers)
        {
            RenderProviders();
            _providers = true;
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<RetentionPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=retention-tabs]"), Wait);
        return page;
    }

    [Fact]
    public async Task AnEmptyLedgerSaysWhatWillAppearHereAndTheTaskListIsEmptyToo()
    {
        var page = await RenderAsync("lead@privacydesk.test", "/retention");

        page.Markup.ShouldContain("Nog geen bewaarregels");
        page.FindAll("[data-testid=ledger-row]").ShouldBeEmpty();
        page.FindAll("[data-testid=filter-clear]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheDashboardsMonthLinkShowsThatMonthsEntriesOnly()
    {
        var next = new DateOnly(_today.Year, _today.Month, 1).AddMonths(1);
        await KeptAsync(next.AddDays(4));
        await KeptAsync(next.AddMonths(2));
        await KeptAsync(_today.AddDays(-2));

        var page = await RenderAsync("officer@privacydesk.test", RetentionUrl.ForMonth(next));

        var row = page.FindAll("[data-testid=ledger-row]").ShouldHaveSingleItem();
        row.TextContent.ShouldContain(PrivacyDesk.Web.Components.Shared.DisplayDates.Date(next.AddDays(4)));
        page.Find("[data-testid=ledger-count]").TextContent.ShouldContain("1 bewaarregels");
        page.FindAll("[data-testid=filter-clear]").ShouldHaveSingleItem();

        var overdue = await RenderAsync("officer@privacydesk.test", RetentionUrl.ForOverdue());
        overdue.FindAll("[data-testid=ledger-row]").ShouldHaveSingleItem().QuerySelector("[data-testid=overdue]").ShouldNotBeNull();
    }

    [Fact]
    public async Task ATeamLeadApprovesTheFollowUpAndThePageSaysSo()
    {
        var entry = await KeptAsync(_today.AddDays(-3));
        await RetentionSeed.FollowUpAsync(_factory.Services, entry, rows: 3);

        var page = await RenderAsync("lead@privacydesk.test", "/retention?tab=tasks");

        var task = page.Find("[data-testid=expiry-task]");
        task.TextContent.ShouldContain("3 rijen in de proefrun");
        task.QuerySelector("[data-testid=task-statement]")!.TextContent.ShouldContain("contacts: rijen verwijderen, 3 rijen");
        page.Find("[data-testid=approve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=outcome]").TextContent.ShouldContain("Het verwijderplan is goedgekeurd."), Wait);
        page.Find("[data-testid=task-status]").TextContent.ShouldContain("Goedgekeurd door");
        page.FindAll("[data-testid=approve]").ShouldBeEmpty();
        page.FindAll("[data-testid=run]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AnOfficerSeesTheTaskButOnlyATeamLeadMayApproveIt()
    {
        var entry = await KeptAsync(_today.AddDays(-3));
        await RetentionSeed.FollowUpAsync(_factory.Services, entry);

        var page = await RenderAsync("officer@privacydesk.test", "/retention?tab=tasks");

        page.FindAll("[data-testid=expiry-task]").ShouldHaveSingleItem();
        page.FindAll("[data-testid=approve]").ShouldBeEmpty();
        page.Find("[data-testid=only-leads]").TextContent.ShouldContain("Alleen een teamleider");
    }
}
