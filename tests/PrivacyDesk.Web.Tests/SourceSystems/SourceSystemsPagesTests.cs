using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.SourceSystems;

/// <summary>The source systems pages and dialog against the real service, a real SQLite app database and a real SQLite source.</summary>
public sealed class SourceSystemsPagesTests : MudBunitContext, IAsyncLifetime
{
    /// <summary>Part of the stored connection string (the file's name stands in for a password: SQLite takes none).</summary>
    private const string Secret = "Zeer-Geheim-42";
    private readonly PrivacyDeskAppFactory _factory = new();
    private readonly string _source = Path.Combine(Path.GetTempPath(), $"privacydesk-source-{Guid.NewGuid():N}-{Secret}.db");
    private readonly string _replacement = Path.Combine(Path.GetTempPath(), $"privacydesk-source-{Guid.NewGuid():N}-Nieuw-Geheim-7.db");
    private IServiceScope _scope = default!;
    private SourceSystemAdministration _systems = default!;
    private ClaimsPrincipal _admin = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _scope = _factory.Services.CreateScope();
        _systems = _scope.ServiceProvider.GetRequiredService<SourceSystemAdministration>();
        Services.AddScoped(_ => _systems);
        _admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        await CreateSourceAsync(_source);
        await CreateSourceAsync(_replacement);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        _scope.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_source);
        File.Delete(_replacement);
    }

    /// <summary>A small source: customers found by customer number and e-mail (the e-mail without an index), their accounts, and a settings table no identity reaches.</summary>
    private static async Task CreateSourceAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE customers (id INTEGER PRIMARY KEY, customer_number TEXT NOT NULL, email TEXT, full_name TEXT);
            CREATE INDEX ix_customers_number ON customers (customer_number);
            CREATE TABLE accounts (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id), iban TEXT);
            CREATE INDEX ix_accounts_customer ON accounts (customer_id);
            CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);
            """;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<Guid> AddSqliteSystemAsync(string name)
    {
        var id = (await _systems.CreateAsync(_admin, new NewSourceSystem(name, "Team kernbank", null, ConnectorKind.Sqlite))).Value;
        var stamp = (await _systems.GetAsync(_admin, id)).Value.ConcurrencyStamp;
        (await _systems.SetConnectionAsync(_admin, id, stamp, ConnectorKind.Sqlite, null, $"Data Source={_source}")).IsSuccess.ShouldBeTrue();
        return id;
    }

    /// <summary>Discovery's proposal with every in-scope table given a purpose and the settings table kept out: a valid map, saved as version 1.</summary>
    private async Task SaveValidMapAsync(Guid id)
    {
        var proposal = (await _systems.DiscoverAsync(_admin, id)).Value.Proposal;
        var map = new DataMap([.. proposal.Tables.Select(t => t.Name == "settings"
            ? t with { InScope = false, OutOfScopeReason = "Technische instellingen, geen persoonsgegevens" }
            : t with { PurposeKeys = ["products-and-services"] })]);
        var stamp = (await _systems.GetAsync(_admin, id)).Value.ConcurrencyStamp;
        var saved = await _systems.SaveMapAsync(_admin, id, stamp, map);
        saved.Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(StaffRole.Administrator, "Voeg de systemen toe waarin persoonsgegevens staan", true)]
    [InlineData(StaffRole.PrivacyOfficer, "Een beheerder voegt de systemen toe", false)]
    [InlineData(StaffRole.Auditor, "Een beheerder voegt de systemen toe", false)]
    public async Task WithoutAnySystemTheListSaysSoAndOnlyTheAdministratorIsOfferedToAddOne(string role, string body, bool mayAdd)
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().SourceSystems.ExecuteDeleteAsync();
        }
        SignIn("Test User", role);
        RenderProviders();

        var page = Render<SourceSystemsPage>();

        page.WaitForAssertion(() => page.Find("[data-testid=empty-state]").TextContent.ShouldContain("Nog geen bronsystemen"));
        page.Find("[data-testid=empty-state]").TextContent.ShouldContain(body);
        page.FindAll("[data-testid=new-source-system-empty]").Count.ShouldBe(mayAdd ? 1 : 0);
        page.FindAll("[data-testid=source-system-table]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOfficerSeesTheSystemsAndTheMapButNoButtonThatChangesThem()
    {
        var id = await AddSqliteSystemAsync("Kernbank");
        await SaveValidMapAsync(id);
        SignIn("Sanne de Vries", StaffRole.PrivacyOfficer);
        RenderProviders();

        var list = Render<SourceSystemsPage>();
        list.WaitForAssertion(() => list.FindAll("[data-testid=source-system-row]").Select(r => r.GetAttribute("data-name")).ShouldContain("Kernbank"));
        var row = list.FindAll("tr").Single(tr => tr.QuerySelector("[data-name=Kernbank]") is not null);
        row.QuerySelector("[data-testid=map-state]")!.TextContent.ShouldContain("Versie 1");
        row.QuerySelector("[data-testid=map-state]")!.TextContent.ShouldContain("Geldig");
        row.QuerySelector("[data-testid=connection]")!.TextContent.Trim().ShouldBe("Gekoppeld");
        list.FindAll("[data-testid^=new-source-system]").ShouldBeEmpty();
        list.FindAll("[data-testid=edit-source-system]").ShouldBeEmpty();
        list.Find("[data-testid=read-only-notice]").TextContent.ShouldContain("een beheerder wijzigt ze");

        var map = Render<DataMapPage>(p => p.Add(m => m.Id, id));
        map.WaitForAssertion(() => map.FindAll("[data-testid=map-table]").Count.ShouldBe(3));
        map.Find("[data-testid=map-version]").TextContent.ShouldContain("Gegevenskaart versie 1, opgeslagen door Noor Visser");
        foreach (var button in new[] { "edit-source-system", "test-connection", "discover", "save-map" })
        {
            map.FindAll($"[data-testid={button}]").ShouldBeEmpty(button);
        }
        map.Find("[data-testid=read-only-notice]").TextContent.ShouldContain("een beheerder wijzigt haar");
        map.FindAll("[data-testid=toggle-table]")[0].Click();
        map.WaitForAssertion(() => map.Find("[data-testid=table-editor]"));
        map.FindAll("[data-testid=add-reference-form]").ShouldBeEmpty();
        map.FindAll("[data-testid=remove-reference]").ShouldBeEmpty();
        map.Find("[data-testid=in-scope]").GetAttribute("aria-readonly").ShouldBe("true");
    }

    [Fact]
    public async Task TheDialogNeverShowsAStoredConnectionStringAndForgetsOneTypedOnceSaved()
    {
        var id = await AddSqliteSystemAsync("Kernbank");
        SignIn(_admin);
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();

        await provider.InvokeAsync(() => dialogs.ShowAsync<SourceSystemDialog>("Bronsysteem wijzigen",
            new DialogParameters<SourceSystemDialog> { { d => d.Caller, _admin }, { d => d.SystemId, id } }));

        provider.WaitForAssertion(() => provider.Find("[data-testid=stored-encrypted]").TextContent.ShouldContain("versleuteld opgeslagen"));
        provider.Find("input[data-testid=field-connection-string]").GetAttribute("type").ShouldBe("password");
        provider.Find("input[data-testid=field-connection-string]").GetAttribute("value").ShouldBeNullOrEmpty();
        provider.Markup.ShouldNotContain(Secret);
        provider.Markup.ShouldNotContain(_source);

        provider.Find("input[data-testid=field-connection-string]").Change($"Data Source={_replacement}");
        provider.Find("[data-testid=test-connection]").Click();

        provider.WaitForAssertion(() => provider.Find("[data-testid=test-outcome]").TextContent.ShouldContain("Verbonden in"), TimeSpan.FromSeconds(10));
        provider.Find("#source-test-outcome");
        provider.Find("input[data-testid=field-connection-string]").GetAttribute("value").ShouldBeNullOrEmpty();
        provider.Find("[data-testid=stored-encrypted]");
        provider.Markup.ShouldNotContain("Nieuw-Geheim-7");
        provider.Markup.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task DiscoveryListsEveryProblemOfTheProposalAtOnceEachLinkedToTheFieldThatShowsIt()
    {
        var id = await AddSqliteSystemAsync("Kernbank");
        var expected = (await _systems.DiscoverAsync(_admin, id)).Value.ProposalProblems;
        expected.Count.ShouldBeGreaterThanOrEqualTo(3, "every table lacks its purposes, and no identity reaches the settings");
        SignIn(_admin);
        RenderProviders();
        var page = Render<DataMapPage>(p => p.Add(m => m.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=discover]"));

        page.Find("[data-testid=discover]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=map-problem]").Count.ShouldBe(expected.Count), TimeSpan.FromSeconds(10));
        page.Find("[data-testid=map-problems]").TextContent.ShouldContain($"De kaart heeft {expected.Count} problemen.");
        page.FindAll("[data-testid=map-problem]").Select(p => p.GetAttribute("data-field")).ShouldBe(expected.Select(e => e.Field));
        page.Find("[data-testid=map-problems]").TextContent.ShouldContain("De tabel accounts is in scope maar heeft geen doel uit het register.");
        page.Find("[data-testid=index-warnings]").TextContent.ShouldContain("De kolom email van customers heeft geen index");
        page.Find("[data-testid=proposal-notice]");

        page.Find("[data-testid=close-all]").Click();
        foreach (var problem in expected)
        {
            var target = "";
            await page.InvokeAsync(() =>
            {
                var link = page.FindAll("[data-testid=map-problem]").First(p => p.GetAttribute("data-field") == problem.Field).QuerySelector("[data-target]")!;
                target = link.GetAttribute("data-target")!;
                link.Click();
            });
            // The table opens and the field with the problem is there, showing the same sentence.
            page.WaitForAssertion(() => page.Find($"[id='{target}']"));
        }
        var purposes = page.Find($"[id='{MapFields.Id("Tables[accounts].PurposeKeys")}']").Closest(".mud-input-control")!;
        purposes.ClassList.ShouldContain("mud-input-error");
        purposes.TextContent.ShouldContain("De tabel accounts is in scope maar heeft geen doel uit het register.");
    }
}
