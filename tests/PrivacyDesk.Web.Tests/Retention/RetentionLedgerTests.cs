using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Retention;
using PrivacyDesk.Web.Features.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Retention;

/// <summary>The ledger's reads, the dashboard's expiries and the relationship end's recompute, on real SQLite.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class RetentionLedgerTests : IAsyncLifetime
{
    private const string System = "Handelsplatform en kernadministratie";
    private readonly PrivacyDeskAppFactory _factory = new();
    private Actor _officer = default!;
    private Guid _subjectId;
    private DateOnly _today;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _officer = await ObligationCases.ActorAsync(_factory, "officer@privacydesk.test");
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);
        _subjectId = (await ObligationCases.LoadAsync(_factory, requestId)).SubjectId;
        _today = DeadlinePolicy.Default.Today(TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<Guid> KeptAsync(DateOnly? endsOn, RetentionEntryStatus? status = null, RetentionPeriod? retention = null) =>
        RetentionSeed.KeptAsync(_factory.Services, _officer, _subjectId, System, "legal-compliance", endsOn, retention, status: status);

    private async Task<RetentionLedgerEntry> EntryAsync(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().RetentionLedger.AsNoTracking().SingleAsync(e => e.Id == id, Cancel);
    }

    [Fact]
    public async Task RecordingTheRelationshipsEndLaterGivesTheRunningEntriesTheirEndDateAudited()
    {
        var fromEnd = await KeptAsync(null);
        var fromCollection = await KeptAsync(null, retention: new RetentionPeriod(6, RetentionUnit.Months, RetentionStart.AfterCollection, "AVG art. 5(1)(e)"));
        var erased = await KeptAsync(_today.AddDays(-400), RetentionEntryStatus.Erased);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var profile = (await ActivatorUtilities.CreateInstance<SubjectDirectory>(_factory.Services).ProfileAsync(officer, _subjectId, "nl", Cancel)).Value;

        var result = await ActivatorUtilities.CreateInstance<SubjectRelationship>(_factory.Services)
            .CorrectAsync(officer, _subjectId, profile.Version, new DateOnly(2020, 1, 15), new DateOnly(2024, 3, 31), Cancel);

        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        (await EntryAsync(fromEnd)).EndsOn.ShouldBe(new DateOnly(2026, 3, 31), "two years after the end");
        (await EntryAsync(fromCollection)).EndsOn.ShouldBe(new DateOnly(2020, 7, 15), "six months after the start (collection)");
        (await EntryAsync(erased)).EndsOn.ShouldBe(_today.AddDays(-400), "an erased entry keeps its date");
        await using var scope = _factory.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == fromEnd.ToString() && e.Action == SourceChangeActions.EntryRecomputed).ToListAsync(Cancel);
        audit.ShouldHaveSingleItem().After!.ShouldContain("2026-03-31");
    }

    [Fact]
    public async Task TheDashboardCountsExpiriesPerMonthForTwelveMonthsAndOverdue()
    {
        var thisMonth = new DateOnly(_today.Year, _today.Month, 1);
        await KeptAsync(thisMonth.AddMonths(1).AddDays(3));
        await KeptAsync(thisMonth.AddMonths(1).AddDays(20));
        await KeptAsync(thisMonth.AddMonths(11));
        await KeptAsync(thisMonth.AddMonths(12), null);
        await KeptAsync(_today.AddDays(-5));
        await KeptAsync(_today.AddDays(-40), RetentionEntryStatus.Erased);
        await KeptAsync(null);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");

        var figures = (await ActivatorUtilities.CreateInstance<SlaFigures>(_factory.Services).ReadAsync(lead, new DashboardQuery(), Cancel)).Value.Retention;

        figures.ShouldNotBeNull();
        figures.Overdue.ShouldBe(1, "erased is gone; no end date is not overdue");
        figures.Months.Count.ShouldBe(12);
        figures.Months[0].First.ShouldBe(thisMonth);
        figures.Months[1].Count.ShouldBe(2);
        figures.Months[11].Count.ShouldBe(1);
        figures.Upcoming.ShouldBe(3, "the thirteenth month lies beyond");
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        (await ActivatorUtilities.CreateInstance<SlaFigures>(_factory.Services).ReadAsync(admin, new DashboardQuery(), Cancel)).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public async Task TheLedgerFiltersByMonthOverdueStatusAndSystemInTheDatabase()
    {
        var next = new DateOnly(_today.Year, _today.Month, 1).AddMonths(1);
        var inMonth = await KeptAsync(next.AddDays(2));
        await KeptAsync(next.AddMonths(1));
        var overdue = await KeptAsync(_today.AddDays(-3));
        var erased = await KeptAsync(_today.AddDays(-30), RetentionEntryStatus.Erased);
        var queries = _factory.Services.GetRequiredService<RetentionLedgerQueries>();
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");

        (await queries.LedgerAsync(lead, new LedgerFilter(Month: next), Cancel)).Value.Rows.ShouldHaveSingleItem().Id.ShouldBe(inMonth);
        var late = (await queries.LedgerAsync(lead, new LedgerFilter(Overdue: true), Cancel)).Value.Rows.ShouldHaveSingleItem();
        late.Id.ShouldBe(overdue);
        late.Overdue.ShouldBeTrue();
        late.CaseReference.ShouldNotBeNullOrEmpty();
        (await queries.LedgerAsync(lead, new LedgerFilter(Status: RetentionEntryStatus.Erased), Cancel)).Value.Rows.ShouldHaveSingleItem().Id.ShouldBe(erased);
        var all = (await queries.LedgerAsync(lead, new LedgerFilter(System: System), Cancel)).Value;
        all.Total.ShouldBe(4);
        all.Systems.ShouldBe([System]);
        all.Rows[0].Id.ShouldBe(erased, "soonest end first");
        (await queries.LedgerAsync(lead, new LedgerFilter(System: "Marketingplatform"), Cancel)).Value.Total.ShouldBe(0);
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        (await queries.LedgerAsync(admin, new LedgerFilter(), Cancel)).Errors.ShouldHaveSingleItem().Code.ShouldBe("auth.forbidden");
    }
}
