using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Fetching on the case against the real app on real SQLite, from a real SQLite source file (issue 14, ADR 0039).</summary>
public sealed class CaseFetchingTests : IAsyncLifetime
{
    private readonly FetchingAppFactory _factory = new();
    private CaseFetching _fetching = default!;
    private CaseObligations _obligations = default!;
    private ClaimsPrincipal _officer = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        var services = _factory.Services.CreateScope().ServiceProvider;
        (_fetching, _obligations) = (services.GetRequiredService<CaseFetching>(), services.GetRequiredService<CaseObligations>());
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<(Guid RequestId, Guid TaskId)> PlannedCaseAsync(RequestType type = RequestType.Access)
    {
        var requestId = await ObligationCases.CreateAsync(_factory, type);
        var view = (await _obligations.CollectionAsync(_officer, requestId)).Value;
        (await _obligations.PlanCollectionAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), new PlanCollectionInput(view.Case.EffectiveDueOn, null)))
            .IsSuccess.ShouldBeTrue();
        var task = (await _obligations.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.SourceSystem == FetchingAppFactory.SystemName);
        return (requestId, task.Id);
    }

    private async Task<(int Audit, int Extracts, Guid Stamp)> CaseStateAsync(Guid requestId)
    {
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        return (await db.AuditEvents.CountAsync(), await db.CollectionExtracts.CountAsync(), await CaseStamps.OfAsync(_factory, requestId));
    }

    private async Task<CollectionExtractFile> StoredExtractAsync(Guid requestId)
    {
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        return await db.CollectionExtracts.AsNoTracking().SingleAsync(f => f.RequestId == requestId);
    }

    private static List<string> RowsOf(byte[] json, string table) =>
    [
        .. JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Where(row => row.GetProperty("_table").GetString() == table)
            .Select(row => string.Join("|", row.EnumerateObject().Skip(1).Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetString())}"))),
    ];

    [Fact]
    public async Task FetchStoresTheSubjectsRowsOfEveryMappedTableAsTheSourceFileHoldsThem()
    {
        var systemId = await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync();

        var fetched = await _fetching.FetchAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), taskId);

        fetched.IsSuccess.ShouldBeTrue(string.Join(", ", fetched.Errors.Select(e => e.Code + " " + string.Join(",", e.Arguments ?? new Dictionary<string, string>()))));
        fetched.Value.Tables.ShouldBe([new("customers", 1), new("accounts", 2), new("transactions", 3)]);
        var file = await StoredExtractAsync(requestId);
        RowsOf(file.Content, "customers").ShouldBe(await _factory.ReadSourceAsync("SELECT id, customer_number, email, name FROM customers WHERE id = 1"));
        RowsOf(file.Content, "accounts").ShouldBe(await _factory.ReadSourceAsync("SELECT id, customer_id, iban, product FROM accounts WHERE customer_id = 1"), ignoreOrder: true);
        RowsOf(file.Content, "transactions").ShouldBe(
            await _factory.ReadSourceAsync("SELECT id, account_id, booked_on, amount, description FROM transactions WHERE account_id IN (10, 11)"), ignoreOrder: true);
        System.Text.Encoding.UTF8.GetString(file.Content).ShouldNotContain("Jan Jansen", Case.Sensitive, "another customer's rows are never read");
        file.SourceSystemId.ShouldBe(systemId);
        file.MapVersion.ShouldBe(1);
        file.TableRowCounts.ShouldBe([new("customers", 1), new("accounts", 2), new("transactions", 3)]);
        file.QueryTexts!.Select(q => q.Table).ShouldBe(["customers", "accounts", "transactions"]);
        file.QueryTexts!.ShouldAllBe(q => !q.QueryText.Contains(ObligationCases.CustomerNumber) && !q.QueryText.Contains(ObligationCases.Email));
        file.FileName.ShouldMatch($@"^handelsplatform-en-kernadministratie-DSR-\d{{4}}-\d{{6}}-\d{{12}}\.json$");
        file.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.Content)));

        var task = (await _obligations.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.Id == taskId);
        task.Status.ShouldBe(DataCollectionStatus.ExtractReceived);
        task.ExtractRowCount.ShouldBe(6);
        var preview = (await _obligations.PreviewExtractAsync(_officer, requestId, taskId)).Value;
        preview.RowCount.ShouldBe(6);
    }

    [Fact]
    public async Task TheTrailRecordsWhoFetchedFromWhichSystemAndMapVersionWithTablesAndCountsButNoValue()
    {
        var systemId = await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync();

        (await _fetching.FetchAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), taskId)).IsSuccess.ShouldBeTrue();

        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var entry = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Action == CollectionActions.ExtractFetched);
        entry.ActorName.ShouldBe("Sanne de Vries");
        entry.EntityId.ShouldBe(requestId.ToString());
        var after = JsonDocument.Parse(entry.After!).RootElement;
        after.GetProperty("sourceSystem").GetString().ShouldBe(FetchingAppFactory.SystemName);
        after.GetProperty("sourceSystemId").GetString().ShouldBe(systemId.ToString());
        after.GetProperty("mapVersion").GetString().ShouldBe("1");
        after.GetProperty("tables").GetString().ShouldBe("customers: 1; accounts: 2; transactions: 3");
        after.GetProperty("rows").GetString().ShouldBe("6");
        var all = entry.After + entry.Before + entry.Details;
        foreach (var value in new[] { ObligationCases.CustomerNumber, ObligationCases.Email, "Ayşe", "NL91ABNA0417164300", "Aankoop ASML", "125.00" })
        {
            all.ShouldNotContain(value);
        }
    }

    [Theory]
    [InlineData("ALTER TABLE accounts DROP COLUMN product", 100, "source.fetch.schema_drift")]
    [InlineData(null, 1, "source.fetch.row_cap")]
    [InlineData("DROP TABLE transactions", 100, "source.fetch.table_missing")]
    public async Task AFailingSystemLeavesTheCaseAsItWasAndSaysWhy(string? sourceChange, int rowCap, string code)
    {
        await _factory.ConnectAsync(rowCap: rowCap);
        var (requestId, taskId) = await PlannedCaseAsync();
        if (sourceChange is not null)
        {
            await _factory.ChangeSourceAsync(sourceChange);
        }
        var before = await CaseStateAsync(requestId);

        var fetched = await _fetching.FetchAsync(_officer, requestId, before.Stamp, taskId);

        fetched.Errors.Select(e => e.Code).ShouldBe([code]);
        (await CaseStateAsync(requestId)).ShouldBe(before);
        (await _obligations.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.Id == taskId).Status.ShouldBe(DataCollectionStatus.Open);
    }

    [Fact]
    public async Task AnUnreachableSourceFileLeavesTheCaseAsItWas()
    {
        await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_factory.SourcePath);
        var before = await CaseStateAsync(requestId);

        var fetched = await _fetching.FetchAsync(_officer, requestId, before.Stamp, taskId);

        fetched.IsFailure.ShouldBeTrue();
        fetched.Errors.ShouldAllBe(e => e.Code.StartsWith("source.", StringComparison.Ordinal));
        (await CaseStateAsync(requestId)).ShouldBe(before);
    }

    [Fact]
    public async Task ACaseChangedWhileTheSystemWasReadStoresNothingAndAnswersWhoChangedIt()
    {
        await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync();
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var workspace = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseWorkspace>();
        _factory.DuringFetch = async () => (await workspace.AddNoteAsync(lead, requestId, stamp, "Klant belde.")).IsSuccess.ShouldBeTrue();

        var fetched = await _fetching.FetchAsync(_officer, requestId, stamp, taskId);

        fetched.Errors.Single().Code.ShouldBe("edit.stale");
        fetched.Errors.Single().Arguments!["who"].ShouldBe("Fatima El Amrani");
        (await CaseStateAsync(requestId)).Extracts.ShouldBe(0);
        (await ObligationCases.LoadAsync(_factory, requestId)).CollectionTasks.Single(t => t.Id == taskId).Status.ShouldBe(DataCollectionStatus.Open);
    }

    [Fact]
    public async Task AStaleStampIsRefusedBeforeTheSystemIsAsked()
    {
        await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync();
        var old = await CaseStamps.OfAsync(_factory, requestId);
        var workspace = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseWorkspace>();
        (await workspace.AddNoteAsync(_officer, requestId, old, "Eerst een notitie.")).IsSuccess.ShouldBeTrue();

        var fetched = await _fetching.FetchAsync(_officer, requestId, old, taskId);

        fetched.Errors.Single().Code.ShouldBe("edit.stale");
        _factory.Fetches.ShouldBe(0);
        (await CaseStateAsync(requestId)).Extracts.ShouldBe(0);
    }

    [Theory]
    [InlineData("auditor@privacydesk.test", "auth.forbidden")]
    [InlineData("officer2@privacydesk.test", "case.not_found")]
    [InlineData("admin@privacydesk.test", "auth.forbidden")]
    public async Task OnlyWhoHandlesTheCaseMayFetch(string email, string code)
    {
        await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync();
        var before = await CaseStateAsync(requestId);

        var fetched = await _fetching.FetchAsync(await Callers.ForAsync(_factory, email), requestId, before.Stamp, taskId);

        fetched.Errors.Select(e => e.Code).ShouldBe([code]);
        _factory.Fetches.ShouldBe(0);
        (await CaseStateAsync(requestId)).ShouldBe(before);
    }

    [Fact]
    public async Task ASystemWithoutAConnectionCannotBeFetchedFrom()
    {
        await _factory.ConnectAsync();
        var (requestId, _) = await PlannedCaseAsync();
        var crm = (await _obligations.CollectionAsync(_officer, requestId)).Value.Tasks.Single(t => t.SourceSystem == "CRM");

        (await _fetching.FetchingAsync(_officer, requestId)).Value.Tasks.Keys.ShouldNotContain(crm.Id);
        var fetched = await _fetching.FetchAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), crm.Id);

        fetched.Errors.Select(e => e.Code).ShouldBe([CollectionErrors.FetchNotConnected.Code]);
    }

    [Fact]
    public async Task TheLookUpForAnotherRightFetchesTheSameWay()
    {
        await _factory.ConnectAsync();
        var (requestId, taskId) = await PlannedCaseAsync(RequestType.Erasure);

        (await _fetching.FetchAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), taskId)).IsSuccess.ShouldBeTrue();

        (await StoredExtractAsync(requestId)).TableRowCounts!.Sum(t => t.Rows).ShouldBe(6);
    }

    [Fact]
    public async Task AnAutomaticSystemIsPlannedDueTodayOnceIdentityIsVerified()
    {
        await _factory.ConnectAsync(automatic: true);
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, verifyIdentity: true);
        var unverified = await ObligationCases.CreateAsync(_factory, RequestType.Access);

        var view = (await _fetching.FetchingAsync(_officer, requestId)).Value;
        view.StartsAutomatically.ShouldBeTrue();
        view.AutomaticToPlan.ShouldBe([FetchingAppFactory.SystemName]);
        (await _fetching.FetchingAsync(_officer, unverified)).Value.StartsAutomatically.ShouldBeFalse();
        (await _fetching.FetchingAsync(await Callers.ForAsync(_factory, "auditor@privacydesk.test"), requestId)).Value.StartsAutomatically.ShouldBeFalse();

        (await _fetching.PlanAutomaticAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId))).IsSuccess.ShouldBeTrue();

        var collection = (await _obligations.CollectionAsync(_officer, requestId)).Value;
        collection.Tasks.Select(t => t.SourceSystem).ShouldBe([FetchingAppFactory.SystemName]);
        collection.Tasks.Single().DueOn.ShouldBe(collection.Case.Today);
        collection.UnplannedSourceSystems.ShouldContain("CRM", "the manual systems stay for the officer's plan dialog");
        var after = (await _fetching.FetchingAsync(_officer, requestId)).Value;
        after.AutomaticToPlan.ShouldBeEmpty();
        after.AutomaticTasks(collection.Tasks).Select(t => t.SourceSystem).ShouldBe([FetchingAppFactory.SystemName]);
    }
}
