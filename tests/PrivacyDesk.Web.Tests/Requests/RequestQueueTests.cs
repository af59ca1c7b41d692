using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>One seeded app for the read-only queue tests (they change nothing).</summary>
public sealed class QueueDatabase : IAsyncLifetime
{
    public PrivacyDeskAppFactory Factory { get; } = new();

    public QueueSeed Seed { get; private set; } = default!;

    public RequestQueue Queue { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        Seed = await QueueSeed.CreateAsync(Factory);
        Queue = ActivatorUtilities.CreateInstance<RequestQueue>(Factory.Services);
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

/// <summary>The queue service on real SQLite: filters, visibility, sorting, paging and search, all in SQL.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class RequestQueueTests(QueueDatabase database) : IClassFixture<QueueDatabase>
{
    private readonly QueueSeed _seed = database.Seed;
    private readonly RequestQueue _queue = database.Queue;

    private async Task<QueuePage> PageAsync(System.Security.Claims.ClaimsPrincipal caller, QueueQuery query)
    {
        var result = await _queue.PageAsync(caller, query, Xunit.TestContext.Current.CancellationToken);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        return result.Value;
    }

    private async Task<IReadOnlyList<string>> ReferencesAsync(System.Security.Claims.ClaimsPrincipal caller, QueueQuery query) =>
        [.. (await PageAsync(caller, query)).Rows.Select(r => r.Reference)];

    [Theory]
    [InlineData(QueueFilter.Open, new[] { "R3", "R2", "R5", "R6", "R4", "R8", "R1" })]
    [InlineData(QueueFilter.Unassigned, new[] { "R1" })]
    [InlineData(QueueFilter.DueWithinWeek, new[] { "R2" })]
    [InlineData(QueueFilter.Overdue, new[] { "R3" })]
    [InlineData(QueueFilter.AwaitingIdentity, new[] { "R4" })]
    [InlineData(QueueFilter.AwaitingMyApproval, new[] { "R5" })]
    [InlineData(QueueFilter.Closed, new[] { "R7" })]
    public async Task EachQuickFilterShowsItsRequestsMostUrgentFirst(QueueFilter filter, string[] expected)
    {
        var page = await PageAsync(_seed.Lead, new QueueQuery(filter));

        page.Rows.Select(r => r.Reference).ShouldBe(_seed.References(expected));
        page.TotalCount.ShouldBe(expected.Length);
        page.CountIsCapped.ShouldBeFalse();
    }

    [Fact]
    public async Task MineIsTheCallersOwnOpenCases()
    {
        (await ReferencesAsync(_seed.Officer, new QueueQuery(QueueFilter.Mine))).ShouldBe(_seed.References("R2", "R4"));
        (await ReferencesAsync(_seed.Officer2, new QueueQuery(QueueFilter.Mine))).ShouldBe(_seed.References("R3", "R5", "R8"));
    }

    [Fact]
    public async Task AnOfficerSeesTheUnassignedQueueAndTheirOwnCasesOnly()
    {
        (await ReferencesAsync(_seed.Officer, new QueueQuery())).ShouldBe(_seed.References("R2", "R4", "R1"));
        (await ReferencesAsync(_seed.Officer, new QueueQuery(QueueFilter.Overdue))).ShouldBeEmpty("R3 is Daan's");
        (await ReferencesAsync(_seed.Officer, new QueueQuery(QueueFilter.Closed))).ShouldBe(_seed.References("R7"));
        (await ReferencesAsync(_seed.Officer, new QueueQuery(Search: "Ayşe"))).ShouldBeEmpty("Ayşe's open requests are Daan's and the team lead's");
    }

    [Fact]
    public async Task AuditorsSeeEveryCaseButHaveNoApprovalQueue()
    {
        (await ReferencesAsync(_seed.Auditor, new QueueQuery())).Count.ShouldBe(7);

        var approval = await _queue.PageAsync(_seed.Auditor, new QueueQuery(QueueFilter.AwaitingMyApproval), Xunit.TestContext.Current.CancellationToken);
        approval.Errors.Single().Code.ShouldBe("auth.forbidden");
        (await _queue.PageAsync(_seed.Officer, new QueueQuery(QueueFilter.AwaitingMyApproval), Xunit.TestContext.Current.CancellationToken))
            .Errors.Single().Code.ShouldBe("auth.forbidden");
    }

    [Fact]
    public async Task RowsCarryTheDeadlineDaysLeftAndSlaState()
    {
        var rows = (await PageAsync(_seed.Lead, new QueueQuery())).Rows.ToDictionary(r => r.Reference);

        var dueSoon = rows[_seed["R2"]];
        dueSoon.DueOn.ShouldBe(QueueSeed.Today.AddDays(3));
        dueSoon.Sla!.State.ShouldBe(SlaState.DueSoon);
        dueSoon.Sla.CalendarDaysLeft.ShouldBe(3);
        dueSoon.Sla.WorkingDaysLeft.ShouldBe(HolidayCalendar.LegalOnly.WorkingDaysFromTo(QueueSeed.Today, QueueSeed.Today.AddDays(3)));
        dueSoon.SubjectName.ShouldBe("Bram Visser");
        dueSoon.HandlerName.ShouldBe("Sanne de Vries");
        dueSoon.Type.ShouldBe(RequestType.Erasure);
        rows[_seed["R3"]].Sla!.State.ShouldBe(SlaState.Overdue);
        rows[_seed["R1"]].Sla!.State.ShouldBe(SlaState.OnTrack);
        rows[_seed["R1"]].HandlerId.ShouldBeNull();
    }

    [Fact]
    public async Task SortsByReceiptAndByReferenceBothWays()
    {
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Sort: QueueSort.Received, Descending: true)))
            .ShouldBe(_seed.References("R1", "R8", "R4", "R6", "R5", "R2", "R3"));
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Sort: QueueSort.Received)))
            .ShouldBe(_seed.References("R3", "R2", "R5", "R6", "R4", "R8", "R1"));
        var byReference = await ReferencesAsync(_seed.Lead, new QueueQuery(Sort: QueueSort.Reference));
        byReference.ShouldBe(byReference.Order(StringComparer.Ordinal));
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Sort: QueueSort.Deadline, Descending: true)))
            .ShouldBe(_seed.References("R1", "R8", "R4", "R6", "R5", "R2", "R3"));
    }

    [Fact]
    public async Task PagesSplitTheResultWithoutRepeatsOrGaps()
    {
        var first = await PageAsync(_seed.Lead, new QueueQuery(PageSize: 3));
        var second = await PageAsync(_seed.Lead, new QueueQuery(Page: 1, PageSize: 3));
        var third = await PageAsync(_seed.Lead, new QueueQuery(Page: 2, PageSize: 3));

        first.TotalCount.ShouldBe(7);
        first.Rows.Count.ShouldBe(3);
        third.Rows.Count.ShouldBe(1);
        first.Rows.Concat(second.Rows).Concat(third.Rows).Select(r => r.Reference)
            .ShouldBe(_seed.References("R3", "R2", "R5", "R6", "R4", "R8", "R1"));
    }

    [Theory]
    [InlineData("anna", new[] { "R4", "R1" })]
    [InlineData("De Boer", new[] { "R4", "R1" })]
    [InlineData("celik", new[] { "R3", "R6", "R8" })]
    [InlineData("bram@visser.example", new[] { "R2", "R5" })]
    [InlineData("C-100002", new[] { "R2", "R5" })]
    [InlineData("100003", new[] { "R3", "R6", "R8" })]
    [InlineData("nobody", new string[0])]
    public async Task SearchFindsTheSubjectByNameEmailOrCustomerNumber(string search, string[] expected)
    {
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Search: search))).ShouldBe(_seed.References(expected));
    }

    [Theory]
    [InlineData(QueueSort.Deadline, false, new[] { "R3", "R6", "R8" })]
    [InlineData(QueueSort.Received, true, new[] { "R8", "R6", "R3" })]
    public async Task ANameSearchCountsAndPagesItsMatchesWithoutRepeatsOrGaps(QueueSort sort, bool descending, string[] expected)
    {
        var first = await PageAsync(_seed.Lead, new QueueQuery(Search: "celik", Sort: sort, Descending: descending, PageSize: 2));
        var second = await PageAsync(_seed.Lead, new QueueQuery(Search: "celik", Sort: sort, Descending: descending, Page: 1, PageSize: 2));

        first.TotalCount.ShouldBe(3);
        second.TotalCount.ShouldBe(3);
        first.Rows.Concat(second.Rows).Select(r => r.Reference).ShouldBe(_seed.References(expected));
        first.Rows[0].SubjectName.ShouldNotBeNullOrEmpty();
        (await PageAsync(_seed.Officer, new QueueQuery(Search: "celik"))).TotalCount.ShouldBe(0, "Ayşe Çelik's open cases are not the officer's");
    }

    [Fact]
    public async Task SearchFindsAReferenceWholeByPrefixOrByItsNumber()
    {
        var r5 = _seed["R5"];
        var number = r5[^6..];

        (await ReferencesAsync(_seed.Lead, new QueueQuery(Search: r5.ToLowerInvariant()))).ShouldBe([r5]);
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Search: number))).ShouldBe([r5]);
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Search: number.TrimStart('0')))).ShouldBe([r5]);
        (await ReferencesAsync(_seed.Lead, new QueueQuery(Search: r5[..^1]))).ShouldContain(r5);
        (await ReferencesAsync(_seed.Lead, new QueueQuery(QueueFilter.Closed, Search: _seed["R7"]))).ShouldBe([_seed["R7"]]);
    }

    [Fact]
    public async Task SearchStaysWithinTheFilter()
    {
        (await ReferencesAsync(_seed.Lead, new QueueQuery(QueueFilter.Closed, Search: "anna"))).ShouldBe(_seed.References("R7"));
        (await ReferencesAsync(_seed.Lead, new QueueQuery(QueueFilter.Overdue, Search: "anna"))).ShouldBeEmpty();
    }

    [Trait(TestDatabases.PlannerTrait, TestDatabases.SqlitePlanner)]
    [Theory]
    [InlineData(QueueFilter.Open)]
    [InlineData(QueueFilter.Overdue)]
    [InlineData(QueueFilter.DueWithinWeek)]
    [InlineData(QueueFilter.AwaitingIdentity)]
    [InlineData(QueueFilter.AwaitingMyApproval)]
    public async Task OpenFiltersReadTheOpenCasesIndexInDeadlineOrderWithoutSorting(QueueFilter filter)
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var query = RequestQueue.Filtered(db, _seed.Lead.ToActor(), new QueueQuery(filter), QueueSeed.Today).OrderBy(r => r.EffectiveDueOn).ThenBy(r => r.Id).Take(25).Select(r => new { r.Id, r.Reference, r.HandlerName });

        var plan = await PlanAsync(db, query.AsSingleQuery().ToQueryString());

        plan.ShouldContain("IX_Requests_Open_EffectiveDueOn");
        plan.ShouldNotContain("TEMP B-TREE");
    }

    [Trait(TestDatabases.PlannerTrait, TestDatabases.SqlitePlanner)]
    [Fact]
    public async Task ClosedCasesAreReadNewestFirstFromTheReceiptIndex()
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var query = RequestQueue.Filtered(db, _seed.Officer.ToActor(), new QueueQuery(QueueFilter.Closed), QueueSeed.Today)
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(25).Select(r => new { r.Id, r.Reference, r.HandlerName });

        var plan = await PlanAsync(db, query.AsSingleQuery().ToQueryString());

        plan.ShouldContain("IX_Requests_ReceivedAt");
        plan.ShouldNotContain("TEMP B-TREE FOR ORDER BY");
    }

    [Trait(TestDatabases.PlannerTrait, TestDatabases.SqlitePlanner)]
    [Theory]
    [InlineData(QueueFilter.Closed, QueueSort.Received, true)]
    [InlineData(QueueFilter.Open, QueueSort.Deadline, false)]
    [InlineData(QueueFilter.Overdue, QueueSort.Deadline, false)]
    public async Task AnOfficersCountSeeksUnassignedAndOwnCasesWithoutSortingThem(QueueFilter filter, QueueSort sort, bool descending)
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();

        var parts = RequestQueue.CountQueries(db, _seed.Officer.ToActor(), new QueueQuery(filter, sort, descending), QueueSeed.Today);

        foreach (var part in parts)
        {
            var plan = await PlanAsync(db, part.Take(RequestQueue.CountCap + 1).Select(r => new { r.Id }).AsSingleQuery().ToQueryString());
            plan.ShouldNotContain("TEMP B-TREE");
            plan.ShouldNotContain("MULTI-INDEX OR");
        }
    }

    [Trait(TestDatabases.PlannerTrait, TestDatabases.SqlitePlanner)]
    [Theory]
    [InlineData(QueueFilter.Open, false)]
    [InlineData(QueueFilter.Overdue, false)]
    [InlineData(QueueFilter.Unassigned, false)]
    [InlineData(QueueFilter.Open, true)]
    public async Task ANameSearchAmongOpenCasesReadsOnlyTheMatchingSubjectsOpenCases(QueueFilter filter, bool asOfficer)
    {
        await using var scope = database.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var query = new QueueQuery(filter, Search: "jansen");
        var actor = (asOfficer ? _seed.Officer : _seed.Lead).ToActor();

        var page = await PlanAsync(db, RequestQueue.PageRows(db, actor, query, QueueSeed.Today, 0, 25)
            .Select(r => new { r.Id, r.Reference, r.HandlerName, r.ClosedAt }).AsSingleQuery().ToQueryString());
        var counts = new List<string>();
        foreach (var part in RequestQueue.CountQueries(db, actor, query, QueueSeed.Today))
        {
            counts.Add(await PlanAsync(db, part.Take(RequestQueue.CountCap + 1).Select(r => new { r.Id }).AsSingleQuery().ToQueryString()));
        }
        // The one pass that gives both when the matches are few (PageAsync): read like the count.
        counts.Add(await PlanAsync(db, RequestQueue.NameSearchMatches(db, actor, query, QueueSeed.Today)!.Take(RequestQueue.NameSearchMatchCap + 1).Select(id => new { id }).AsSingleQuery().ToQueryString()));

        // Never every request of every subject called Jansen (IX_Requests_SubjectId_Type): at 1,000,000 requests that read
        // 28,000 rows to keep 650. All open cases go by the open cases' subject index; a handler's or the unassigned cases
        // may go by the handler's open cases instead (a few thousand at most).
        page.ShouldNotContain("IX_Requests_SubjectId_Type");
        counts.ShouldAllBe(plan => !plan.Contains("IX_Requests_SubjectId_Type") && !plan.Contains("SCAN r\n"));
        if (filter != QueueFilter.Unassigned && !asOfficer)
        {
            page.ShouldContain("IX_Requests_Open_SubjectId");
            counts.ShouldAllBe(plan => plan.Contains("IX_Requests_Open_SubjectId"));
        }
    }

    /// <summary>EXPLAIN QUERY PLAN of EF's SQL, with its parameters declared as EF printed them (single-query mode: split mode puts a note before the statement).</summary>
    private static async Task<string> PlanAsync(PrivacyDeskDbContext db, string sqlWithDeclarations)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(Xunit.TestContext.Current.CancellationToken);
        var lines = sqlWithDeclarations.Split('\n');
        await using var command = connection.CreateCommand();
        foreach (var declaration in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = declaration[".param set ".Length..].Trim().Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim('\''));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Xunit.TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(Xunit.TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(3));
        }
        return string.Join('\n', plan);
    }
}
