using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.SourceChanges;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.SourceChanges;

/// <summary>
/// Carrying out an erasure in a real SQLite source through the real app on real SQLite (issue 15): plan with a dry run, four
/// eyes, run, proof read back from the source file itself, and the retention ledger entries of what is kept.
/// </summary>
public sealed class CaseSourceChangesTests : IAsyncLifetime
{
    private readonly ErasureAppFactory _factory = new();
    private CaseSourceChanges _changes = default!;
    private ClaimsPrincipal _officer = default!;
    private ClaimsPrincipal _lead = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _changes = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseSourceChanges>();
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        _lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private Task<Guid> DecidedErasureAsync() => _factory.DecidedErasureAsync(_officer);

    private async Task<SourceChangesView> ViewAsync(ClaimsPrincipal caller, Guid requestId)
    {
        var view = await _changes.ViewAsync(caller, requestId);
        view.IsSuccess.ShouldBeTrue(Codes(view));
        return view.Value;
    }

    private async Task<SourceChangesView> PlannedAsync(Guid requestId)
    {
        var planned = await _changes.PlanAsync(_officer, new SeenCase(requestId, await CaseStamps.OfAsync(_factory, requestId)));
        planned.IsSuccess.ShouldBeTrue(Codes(planned));
        return await ViewAsync(_officer, requestId);
    }

    private static string Codes(Result result) => string.Join(", ", result.Errors.Select(e => e.Code));

    [Fact]
    public async Task TheDryRunCountsTheMarketingRowsAndNamesWhatIsKeptWithoutChangingTheSource()
    {
        var requestId = await DecidedErasureAsync();

        var view = await PlannedAsync(requestId);

        var plan = view.Plan.ShouldNotBeNull();
        plan.Status.ShouldBe(SourceChangePlanStatus.AwaitingApproval);
        // Shown in the controller's zone, as the timeline beside the panel shows its moments.
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        plan.CreatedAt.Offset.ShouldBe(amsterdam.GetUtcOffset(plan.CreatedAt));
        var system = plan.Systems.Single(s => s.Plan.SystemName == ErasureAppFactory.SystemName);
        system.CountedAt!.Value.Offset.ShouldBe(amsterdam.GetUtcOffset(plan.CreatedAt));
        var delete = system.DryRun.Single(s => s.Table == "marketing_preferences");
        delete.Operation.ShouldBe(SourceChangeOperation.DeleteRows);
        delete.RowCount.ShouldBe(2, "the subject's two preferences; the stranger's stays");
        delete.Sql.ShouldContain("marketing_preferences");
        delete.ParametersShown.ShouldNotContain(p => p.Contains(ObligationCases.Email, StringComparison.Ordinal) || p.Contains(ObligationCases.CustomerNumber, StringComparison.Ordinal));
        system.DryRun.ShouldNotContain(s => s.Table == "customers" || s.Table == "accounts");
        system.Plan.Kept.ShouldContain(k => k.Table == "customers" && k.PurposeKey == "products-and-services" && k.Retention != null);
        (await _factory.ReadSourceAsync("SELECT id FROM marketing_preferences ORDER BY id")).ShouldBe(["id=20", "id=21", "id=22"], "a dry run changes nothing");
    }

    [Fact]
    public async Task TheHandlerWaitsAndCannotApproveATeamLeadApprovesAndTheRunErasesWithProofAndLedgerEntries()
    {
        var requestId = await DecidedErasureAsync();
        var plan = (await PlannedAsync(requestId)).Plan!;

        var byHandler = await _changes.ApproveAsync(_officer, requestId, plan.Id, plan.Stamp, confirmLargeChange: false);
        byHandler.Errors.Select(e => e.Code).ShouldContain(CaseUnitOfWork.Forbidden.Code);
        var handlerView = await ViewAsync(_officer, requestId);
        handlerView.Waiting.ShouldBeTrue();
        handlerView.Can.Approve.ShouldBeFalse();
        (await _changes.RunAsync(_officer, requestId, plan.Id)).IsFailure.ShouldBeTrue("nothing runs before the approval");
        (await _factory.ReadSourceAsync("SELECT id FROM marketing_preferences")).Count.ShouldBe(3);

        var leadView = await ViewAsync(_lead, requestId);
        leadView.Can.Approve.ShouldBeTrue();
        var approved = await _changes.ApproveAsync(_lead, requestId, plan.Id, leadView.Plan!.Stamp, confirmLargeChange: false);
        approved.IsSuccess.ShouldBeTrue(Codes(approved));

        var ran = await _changes.RunAsync(_officer, requestId, plan.Id);

        ran.IsSuccess.ShouldBeTrue(Codes(ran));
        ran.Value.Done.ShouldBe([ErasureAppFactory.SystemName]);
        (await _factory.ReadSourceAsync("SELECT id FROM marketing_preferences ORDER BY id")).ShouldBe(["id=22"], "only the stranger's preference remains");
        (await _factory.ReadSourceAsync("SELECT id, name FROM customers ORDER BY id")).ShouldBe(["id=1|name=Ayşe Çelik", "id=2|name=Jan Jansen"], "kept under the bookkeeping obligation");
        (await _factory.ReadSourceAsync("SELECT id FROM accounts ORDER BY id")).Count.ShouldBe(3);
        var done = (await ViewAsync(_officer, requestId)).Plan!;
        var system = done.Systems.Single(s => s.Plan.SystemName == ErasureAppFactory.SystemName);
        system.State.ShouldBe(PlannedSystemState.Done);
        var proof = system.Proof.ShouldNotBeNull();
        proof.Holds.ShouldBeTrue();
        proof.Tables.Single(t => t.Table == "marketing_preferences").RowsRemaining.ShouldBe(0);
        done.ApprovedByName.ShouldBe("Fatima El Amrani");

        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var ledger = await db.RetentionLedger.AsNoTracking().Where(e => e.RequestId == requestId).ToListAsync();
        ledger.ShouldContain(e => e.PurposeKey == "products-and-services" && e.SystemName == ErasureAppFactory.SystemName && e.Tables.Contains("customers"));
        var workspace = _factory.Services.CreateScope().ServiceProvider.GetRequiredService<CaseWorkspace>();
        var request = await ObligationCases.LoadAsync(_factory, requestId);
        var timeline = (await workspace.ReloadAsync(_officer, request.Reference.ToString())).Value.Timeline.Select(e => e.Action).ToList();
        timeline.ShouldContain(SourceChangeActions.Planned);
        timeline.ShouldContain(SourceChangeActions.Approved);
        timeline.ShouldContain(SourceChangeActions.SystemDone);
        timeline.ShouldContain(SourceChangeActions.EntryKept);
    }

    [Fact]
    public async Task ADecisionChangedAfterTheApprovalStopsTheRunAndTheSourceKeepsItsRows()
    {
        var requestId = await DecidedErasureAsync();
        var plan = (await PlannedAsync(requestId)).Plan!;
        var approved = await _changes.ApproveAsync(_lead, requestId, plan.Id, (await ViewAsync(_lead, requestId)).Plan!.Stamp, confirmLargeChange: false);
        approved.IsSuccess.ShouldBeTrue(Codes(approved));

        // The handler now keeps direct marketing after all: the approved plan would still delete its rows.
        await using (var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext())
        {
            var marketing = (await db.Purposes.AsNoTracking().SingleAsync(p => p.Key == "direct-marketing")).Id;
            var changed = await _factory.Services.GetRequiredService<CaseUnitOfWork>().ChangeAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId),
                CaseAccess.Handle, work => Task.FromResult<Result>(work.Request.RecordDecision(work.Actor, work.Now,
                    new PurposeDecisionDraft(marketing, PurposeDecisionOutcome.Refuse, RefusalGround.LegalClaims, "Lopende procedure"))));
            changed.IsSuccess.ShouldBeTrue(Codes(changed));
        }

        var ran = await _changes.RunAsync(_officer, requestId, plan.Id);

        ran.Errors.Select(e => e.Code).ShouldBe([SourceChangeErrors.PlanOutdated.Code]);
        (await _factory.ReadSourceAsync("SELECT id FROM marketing_preferences ORDER BY id")).Count.ShouldBe(3, "nothing ran");
        (await ViewAsync(_officer, requestId)).Outdated.ShouldBeTrue();
    }

    [Fact]
    public async Task ALeadWhoHasTakenTheCaseOverMayNotApproveItsPlan()
    {
        var requestId = await DecidedErasureAsync();
        var plan = (await PlannedAsync(requestId)).Plan!;
        var taken = await _factory.Services.GetRequiredService<CaseUnitOfWork>().ChangeAsync(_lead, requestId, await CaseStamps.OfAsync(_factory, requestId),
            CaseAccess.Assign, work => Task.FromResult(work.Request.Assign(work.Actor, work.Actor, work.Now)));
        taken.IsSuccess.ShouldBeTrue(Codes(taken));

        var approved = await _changes.ApproveAsync(_lead, requestId, plan.Id, (await ViewAsync(_lead, requestId)).Plan!.Stamp, confirmLargeChange: false);

        approved.Errors.Select(e => e.Code).ShouldBe([SourceChangeErrors.ApprovalOwnPlan.Code]);
    }

    [Fact]
    public async Task ASecondApprovalWithTheSameStampInAnotherTabIsAStaleEdit()
    {
        var requestId = await DecidedErasureAsync();
        var plan = (await PlannedAsync(requestId)).Plan!;

        var first = await _changes.ApproveAsync(_lead, requestId, plan.Id, plan.Stamp, confirmLargeChange: false);
        var second = await _changes.ApproveAsync(_lead, requestId, plan.Id, plan.Stamp, confirmLargeChange: false);

        first.IsSuccess.ShouldBeTrue(Codes(first));
        var stale = second.Errors.ShouldHaveSingleItem();
        stale.Code.ShouldBe(StaleEdit.Code);
        stale.Arguments!["who"].ShouldBe("Fatima El Amrani");
    }

    [Fact]
    public async Task APlanMadeWithAnOldCaseStampStoresNothing()
    {
        var requestId = await DecidedErasureAsync();
        var old = await CaseStamps.OfAsync(_factory, requestId);
        var cases = _factory.Services.GetRequiredService<CaseUnitOfWork>();
        (await cases.ChangeAsync(_officer, requestId, old, CaseAccess.Work, work => Task.FromResult(work.Request.AddNote(work.Actor, work.Now, "Gebeld met de klant."))))
            .IsSuccess.ShouldBeTrue();

        var planned = await _changes.PlanAsync(_officer, new SeenCase(requestId, old));

        planned.Errors.Select(e => e.Code).ShouldBe([StaleEdit.Code]);
        (await ViewAsync(_officer, requestId)).Plan.ShouldBeNull();
    }

    [Fact]
    public async Task WithoutDecisionsThePanelIsEmptyAndPlanningIsRefused()
    {
        await _factory.ConnectAsync();
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);

        var view = await ViewAsync(_officer, requestId);
        var planned = await _changes.PlanAsync(_officer, new SeenCase(requestId, await CaseStamps.OfAsync(_factory, requestId)));

        view.Readiness.ShouldBe(SourceChangeReadiness.NoDecisions);
        view.Can.Plan.ShouldBeFalse();
        planned.Errors.Select(e => e.Code).ShouldBe([CaseSourceChanges.NoDecisions.Code]);
    }

    [Fact]
    public async Task AnAccessRequestIsNotCarriedOutInTheSourceSystems()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, decideAll: true);

        var planned = await _changes.PlanAsync(_officer, new SeenCase(requestId, await CaseStamps.OfAsync(_factory, requestId)));

        planned.Errors.Select(e => e.Code).ShouldBe([CaseSourceChanges.NotApplicable.Code]);
    }

    [Fact]
    public async Task AMarketingRowChangedAfterTheDryRunStopsTheSystemForANewApprovalAndANewPlanSupersedesTheOld()
    {
        var requestId = await DecidedErasureAsync();
        var plan = (await PlannedAsync(requestId)).Plan!;
        (await _changes.ApproveAsync(_lead, requestId, plan.Id, plan.Stamp, confirmLargeChange: false)).IsSuccess.ShouldBeTrue();
        await _factory.ChangeSourceAsync("DELETE FROM marketing_preferences WHERE id = 21");

        var ran = await _changes.RunAsync(_officer, requestId, plan.Id);

        ran.IsSuccess.ShouldBeTrue(Codes(ran));
        ran.Value.NeedNewApproval.ShouldBe([ErasureAppFactory.SystemName]);
        (await _factory.ReadSourceAsync("SELECT id FROM marketing_preferences ORDER BY id")).ShouldBe(["id=20", "id=22"], "nothing ran in that system");
        var view = await ViewAsync(_officer, requestId);
        view.Plan!.Systems.Single(s => s.Plan.SystemName == ErasureAppFactory.SystemName).State.ShouldBe(PlannedSystemState.NeedsNewApproval);
        view.Can.Plan.ShouldBeTrue();

        var again = await PlannedAsync(requestId);

        again.Plan!.Version.ShouldBe(2);
        again.Plan.Systems.Single(s => s.Plan.SystemName == ErasureAppFactory.SystemName).DryRun.Single(s => s.Table == "marketing_preferences").RowCount.ShouldBe(1);
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        (await db.SourceChangePlans.AsNoTracking().SingleAsync(p => p.Id == plan.Id)).Status.ShouldBe(SourceChangePlanStatus.Superseded);
    }
}
