using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Tests.Infrastructure;
using CaseWorkspacePage = PrivacyDesk.Web.Components.Pages.Requests.CaseWorkspace;
using QueuePage = PrivacyDesk.Web.Components.Pages.Requests.RequestQueue;
using QueueService = PrivacyDesk.Web.Features.Requests.RequestQueue;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// A page that cannot load says so with a correlation id, and the log holds that id with what failed, never the
/// personal data the failure may quote.
/// </summary>
public sealed class PageLoadFailureTests : MudBunitContext, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly PrivacyDeskAppFactory _factory = new();
    private readonly CapturedLog<PageLoadFailures> _log = new();
    private readonly FixedUser _signedIn = new();

    public PageLoadFailureTests()
        : base(Web.Hosting.LocalizationSetup.English)
    {
    }

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<Web.Features.Requests.CaseWorkspace>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<Web.Features.Requests.CaseObligations>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<Web.Features.Requests.CaseAttachments>(_factory.Services));
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<Web.Features.Documents.CaseDocuments>(_factory.Services));
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<Web.Features.Delivery.AnswerDeliveries>());
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<PrivacyDesk.Web.Features.Delivery.RecipientNotices>());
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<QueueService>(_factory.Services));
        Services.AddSingleton(new PageLoadFailures(_log));
        Services.AddSingleton<AuthenticationStateProvider>(_signedIn);
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task BreakDatabaseAsync(string sql)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Database.ExecuteSqlRawAsync(sql, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheCasePageShowsACorrelationIdThatTheLogHoldsWithoutTheSubjectsData()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        // Opening a case writes an audit entry; make that fail with a message that quotes the subject.
        await BreakDatabaseAsync("CREATE TRIGGER test_fail_view BEFORE INSERT ON AuditEvents BEGIN SELECT RAISE(ABORT, 'Ayşe Çelik C-000042 ayse@example.nl'); END;");
        _signedIn.Become(await Callers.ForAsync(_factory, "officer@privacydesk.test"));
        RenderProviders();

        var page = Render<CaseWorkspacePage>(p => p.Add(x => x.Reference, reference.ToString()));

        page.WaitForElement("[data-testid=case-load-error]", Wait);
        var id = page.Find("[data-testid=load-failure-id] code").TextContent.Trim();
        id.ShouldMatch("^[2-9A-Z]{4}-[2-9A-Z]{4}$");
        page.Find("[data-testid=load-failure-id]").TextContent.ShouldContain("Quote this reference");
        var line = _log.Lines.ShouldHaveSingleItem();
        line.ShouldStartWith("Error:");
        line.ShouldContain(id);
        line.ShouldContain("Page case could not be loaded");
        foreach (var personal in new[] { "Ayşe", "Çelik", "C-000042", "ayse@example.nl" })
        {
            line.ShouldNotContain(personal);
        }
    }

    [Fact]
    public async Task TheQueueShowsACorrelationIdThatTheLogHolds()
    {
        await BreakDatabaseAsync("ALTER TABLE Requests RENAME TO RequestsGone;");
        _signedIn.Become(await Callers.ForAsync(_factory, "lead@privacydesk.test"));
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/requests");

        var page = Render<QueuePage>();

        page.WaitForElement("[data-testid=queue-error] [data-testid=load-failure-id]", Wait);
        var id = page.Find("[data-testid=load-failure-id] code").TextContent.Trim();
        _log.Lines.ShouldContain(line => line.Contains(id) && line.Contains("Page queue could not be loaded"));
    }

    private sealed class FixedUser : AuthenticationStateProvider
    {
        private ClaimsPrincipal _user = new();

        public void Become(ClaimsPrincipal user)
        {
            _user = user;
            NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_user));
    }
}
