using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Retention;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Retention;

/// <summary>
/// The retention ledger's follow-up on real SQLite: PrivacyDesk's database and the demo core bank's marketing platform as a
/// real SQLite source (CoreBankingDemo). The clock is the app's, moved by the test.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class RetentionFollowUpTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _app = new() { SeedDemoCases = true, ConnectDemoSources = true };
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<Program> _factory = default!;
    private Guid _jan;
    private DateOnly _today;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    private IServiceProvider Services => _factory.Services;

    private string MarketingSource => CoreBankingDemo.SqliteConnectionString(_app.DemoSourcesFolder, CoreBankingSchema.Marketing);

    public async ValueTask InitializeAsync()
    {
        _factory = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        _today = DeadlinePolicy.Default.Today(_clock);
        await using var db = Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        _jan = await db.DataSubjects.Where(s => s.CustomerNumber == DemoCases.WellKnownCustomerNumber).Select(s => s.Id).SingleAsync(Cancel);
        // The erasure user of the marketing platform: a separate connection (here the same demo file).
        var normalized = SourceSystem.Normalize(CoreBankingSchema.Marketing.SystemName);
        var marketing = await db.SourceSystems.SingleAsync(s => s.NormalizedName == normalized, Cancel);
        var protectedString = Services.GetRequiredService<SourceSystemConnections>().ProtectErasure(MarketingSource);
        marketing.SetErasureConnection(null, protectedString, Actor.System, _clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        await db.SaveChangesAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Actor> ActorAsync(string email) => Web.Hosting.IdentitySetup.ToActor(await Callers.ForAsync(_app, email));

    private async Task<long> ContactsOfJanAsync()
    {
        await using var source = new SqliteConnection(MarketingSource);
        await source.OpenAsync(Cancel);
        await using var command = source.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM contacts WHERE customer_number = $n";
        command.Parameters.AddWithValue("$n", DemoCases.WellKnownCustomerNumber);
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<long> ContactsAsync()
    {
        await using var source = new SqliteConnection(MarketingSource);
        await source.OpenAsync(Cancel);
        await using var command = source.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM contacts";
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<RetentionLedgerEntry> EntryAsync(Guid id) => WithDbAsync(db => db.RetentionLedger.AsNoTracking().SingleAsync(e => e.Id == id, Cancel));

    /// <summary>Kept for direct marketing until 10 days from now, then the clock moves past it and the daily scan runs.</summary>
    private async Task<(Guid EntryId, SourceChangePlan Plan)> FollowUpAsync()
    {
        var officer = await ActorAsync("officer@privacydesk.test");
        var entryId = await RetentionSeed.KeptAsync(Services, officer, _jan, CoreBankingSchema.Marketing.SystemName, "direct-marketing", _today.AddDays(10));
        var runner = Services.GetRequiredService<OutboxRunner>();

        // The daily scan runs, with whatever other recurring work is due (the portal's hourly purge).
        (await runner.RunDueAsync(Cancel)).ShouldBeGreaterThanOrEqualTo(1, "the scan");
        (await EntryAsync(entryId)).Status.ShouldBe(RetentionEntryStatus.Running, "not due yet");
        _clock.Advance(TimeSpan.FromDays(12));
        (await runner.RunDueAsync(Cancel)).ShouldBeGreaterThanOrEqualTo(1, "the next day's scan");

        var plan = await WithDbAsync(db => db.SourceChangePlans.AsNoTracking().SingleAsync(p => p.RetentionEntryId == entryId, Cancel));
        return (entryId, plan);
    }

    [Fact]
    public async Task MovingTheClockPastTheEndMakesAFollowUpPlanCountedInTheSourceAndChangesNothing()
    {
        var before = await ContactsOfJanAsync();
        before.ShouldBeGreaterThan(0);

        var (entryId, plan) = await FollowUpAsync();

        plan.Status.ShouldBe(SourceChangePlanStatus.AwaitingApproval);
        plan.RequestId.ShouldBeNull();
        plan.CreatedById.ShouldBe(Actor.System.Id);
        var system = plan.Systems.ShouldHaveSingleItem();
        system.Plan.SystemName.ShouldBe(CoreBankingSchema.Marketing.SystemName);
        system.DryRun.ShouldContain(s => s.Table == "contacts" && s.Operation == SourceChangeOperation.DeleteRows && s.RowCount == before);
        plan.SubjectKeyHashes.ShouldNotBeEmpty();
        var entry = await EntryAsync(entryId);
        entry.Status.ShouldBe(RetentionEntryStatus.FollowUpPlanned);
        entry.FollowUpPlanId.ShouldBe(plan.Id);
        (await ContactsOfJanAsync()).ShouldBe(before, "a dry run changes nothing");
        (await WithDbAsync(db => db.AuditEvents.AsNoTracking().CountAsync(e => e.EntityId == entryId.ToString() && e.Action == SourceChangeActions.EntryFollowUpPlanned, Cancel))).ShouldBe(1);

        var lead = await Callers.ForAsync(_app, "lead@privacydesk.test");
        var task = (await Services.GetRequiredService<RetentionLedgerQueries>().TasksAsync(lead, Cancel)).Value.ShouldHaveSingleItem();
        task.PlanId.ShouldBe(plan.Id);
        task.MayApprove.ShouldBeTrue("the system made it: any team lead approves");
        task.Rows.ShouldBeGreaterThanOrEqualTo((int)before);
    }

    [Fact]
    public async Task ALeadApprovesOnceAndRunsItTheSubjectsRowsAreGoneAndTheEntryIsErased()
    {
        var (entryId, plan) = await FollowUpAsync();
        var others = await ContactsAsync() - await ContactsOfJanAsync();
        var lead = await Callers.ForAsync(_app, "lead@privacydesk.test");
        var officer = await Callers.ForAsync(_app, "officer@privacydesk.test");
        var followUps = Services.GetRequiredService<RetentionFollowUps>();
        var stamp = (await Services.GetRequiredService<RetentionLedgerQueries>().TasksAsync(lead, Cancel)).Value.Single().Stamp;

        (await followUps.ApproveAsync(officer, plan.Id, stamp, false, Cancel)).Errors.ShouldHaveSingleItem().Code.ShouldBe("auth.forbidden");
        (await followUps.ApproveAsync(lead, plan.Id, stamp, false, Cancel)).IsSuccess.ShouldBeTrue();
        // The same approval from a second tab, with the stamp it read before: the stale-edit answer.
        (await followUps.ApproveAsync(lead, plan.Id, stamp, false, Cancel)).Errors.ShouldHaveSingleItem().Code.ShouldBe(StaleEdit.Code);

        var ran = await followUps.RunAsync(lead, plan.Id, Cancel);

        ran.IsSuccess.ShouldBeTrue(string.Join(", ", ran.Errors));
        ran.Value.Done.ShouldBe([CoreBankingSchema.Marketing.SystemName]);
        (await ContactsOfJanAsync()).ShouldBe(0);
        (await ContactsAsync()).ShouldBe(others, "other customers' rows stay");
        (await EntryAsync(entryId)).Status.ShouldBe(RetentionEntryStatus.Erased);
        var done = await WithDbAsync(db => db.SourceChangePlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id, Cancel));
        done.Status.ShouldBe(SourceChangePlanStatus.Completed);
        done.Systems.Single().Proof!.Holds.ShouldBeTrue();
    }

    [Fact]
    public async Task AfterARestoreFromBackupAnAdministratorReappliesTheCompletedErasure()
    {
        var (_, plan) = await FollowUpAsync();
        var lead = await Callers.ForAsync(_app, "lead@privacydesk.test");
        var followUps = Services.GetRequiredService<RetentionFollowUps>();
        var file = CoreBankingDemo.SqliteFile(_app.DemoSourcesFolder, CoreBankingSchema.Marketing);
        var backup = file + ".backup";
        SqliteConnection.ClearAllPools();
        File.Copy(file, backup, overwrite: true);
        var stamp = (await Services.GetRequiredService<RetentionLedgerQueries>().TasksAsync(lead, Cancel)).Value.Single().Stamp;
        (await followUps.ApproveAsync(lead, plan.Id, stamp, false, Cancel)).IsSuccess.ShouldBeTrue();
        (await followUps.RunAsync(lead, plan.Id, Cancel)).IsSuccess.ShouldBeTrue();
        (await ContactsOfJanAsync()).ShouldBe(0);

        // The restore brings the subject's rows back.
        SqliteConnection.ClearAllPools();
        File.Copy(backup, file, overwrite: true);
        (await ContactsOfJanAsync()).ShouldBeGreaterThan(0);
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");
        var completed = (await Services.GetRequiredService<RetentionLedgerQueries>().CompletedAsync(admin, Cancel)).Value;
        completed.ShouldContain(c => c.PlanId == plan.Id && c.IsFollowUp && c.SubjectKeyHashes > 0);
        (await followUps.ReapplyAsync(lead, plan.Id, Cancel)).Errors.ShouldHaveSingleItem().Code.ShouldBe("auth.forbidden");

        var reapplied = await followUps.ReapplyAsync(admin, plan.Id, Cancel);

        reapplied.IsSuccess.ShouldBeTrue(string.Join(", ", reapplied.Errors));
        var system = reapplied.Value.Systems.ShouldHaveSingleItem();
        system.ErrorCode.ShouldBeNull();
        system.Rows.ShouldBeGreaterThan(0);
        system.ProofHolds.ShouldBeTrue();
        (await ContactsOfJanAsync()).ShouldBe(0);
        var audited = await WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == RetentionFollowUps.ReappliedAction && e.EntityId == plan.Id.ToString()).ToListAsync(Cancel));
        audited.ShouldHaveSingleItem().Details!.ShouldNotContain(DemoCases.WellKnownEmail);
        File.Delete(backup);
    }
}
