using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Administration;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Requests;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// Someone with direct access to the database (SQLite file or PostgreSQL server) edits, deletes or rewrites audit rows, or changes a request's columns:
/// the case timeline, the administrator's verification, /health and the anchors each show it.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class AuditTrailIntegrityTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private AuditTrailVerifier Verifier => _factory.Services.GetRequiredService<AuditTrailVerifier>();

    private CaseWorkspace Workspace => ActivatorUtilities.CreateInstance<CaseWorkspace>(_factory.Services);

    private AuditTrailIntegrity Integrity => ActivatorUtilities.CreateInstance<AuditTrailIntegrity>(_factory.Services);

    private Task<int> ExecuteSqlAsync(string sql, params object?[] values) => _factory.ExecuteSqlDirectlyAsync(sql, values);

    private async Task<List<AuditEvent>> TrailAsync()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync();
    }

    /// <summary>A registered case the team lead has taken: its stream has a "received" and an "assigned" entry.</summary>
    private async Task<(CaseView View, System.Security.Claims.ClaimsPrincipal Lead)> TakenCaseAsync()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var view = (await Workspace.ReloadAsync(lead, reference.ToString())).Value;
        (await Workspace.TakeAsync(lead, view.Id, view.Stamp)).IsSuccess.ShouldBeTrue();
        return ((await Workspace.ReloadAsync(lead, reference.ToString())).Value, lead);
    }

    private static void Set(AuditEvent audit, string property, object? value) => typeof(AuditEvent).GetProperty(property)!.SetValue(audit, value);

    private async Task<string> HealthAsync()
    {
        using var anonymous = SignedInClient.Anonymous(_factory);
        var response = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AnEditedRowIsMarkedOnTheCaseTimelineWithAWarningAboveIt()
    {
        var (view, lead) = await TakenCaseAsync();
        var assigned = view.Timeline.Single(e => e.Action == RequestActions.Assigned);
        view.Timeline.ShouldAllBe(e => !e.Altered);

        await ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"ActorName\" = 'Mallory' WHERE \"Sequence\" = {assigned.Sequence}");

        view = (await Workspace.ReloadAsync(lead, view.Reference)).Value;
        view.TrailIntegrity!.FirstBrokenSequence.ShouldBe(assigned.Sequence);
        RenderProviders();
        var timeline = Render<AuditTimeline>(p => p
            .Add(x => x.Entries, view.Timeline).Add(x => x.Purposes, view.Purposes).Add(x => x.Integrity, view.TrailIntegrity));
        var marked = timeline.FindAll("[data-testid=timeline-entry][data-altered=true]");
        marked.Count.ShouldBe(1);
        marked[0].GetAttribute("data-sequence").ShouldBe(assigned.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        marked[0].TextContent.ShouldContain("Mallory", Case.Sensitive, "the stored, false value still shows, but marked");
        timeline.Find("[data-testid=timeline-broken]").TextContent.ShouldContain(assigned.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TheAdministratorsVerificationShowsTheFirstBrokenSequenceAndHealthIsDegradedWithoutDetails()
    {
        var (view, _) = await TakenCaseAsync();
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        var integrity = Integrity;
        (await integrity.VerifyAsync(admin)).Value.Verification.IsIntact.ShouldBeTrue();
        (await HealthAsync()).ShouldBe("Healthy");
        var assigned = view.Timeline.Single(e => e.Action == RequestActions.Assigned);

        await ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Reason\" = 'covered up' WHERE \"Sequence\" = {assigned.Sequence}");

        var check = (await integrity.VerifyAsync(admin)).Value;
        check.Verification.FirstBrokenSequence.ShouldBe(assigned.Sequence);
        check.Verification.Break.ShouldBe(AuditBreak.ContentChanged);
        integrity.Status.IsBroken.ShouldBeTrue();
        (await HealthAsync()).ShouldBe("Degraded", "the status word only: no sequence, no reason, for anyone");
    }

    [Fact]
    public async Task OnlyAdministratorsAndAuditorsMayVerify()
    {
        var integrity = Integrity;

        (await integrity.VerifyAsync(await Callers.ForAsync(_factory, "officer@privacydesk.test"))).IsFailure.ShouldBeTrue();
        (await integrity.VerifyAsync(await Callers.ForAsync(_factory, "auditor@privacydesk.test"))).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public async Task AnIncrementalPassAfterAFullOneThatFoundABreakDoesNotClearIt()
    {
        await TakenCaseAsync();
        var monitor = _factory.Services.GetRequiredService<AuditTrailMonitor>();
        (await monitor.VerifyAsync(full: true)).Verification.IsIntact.ShouldBeTrue();
        await ExecuteSqlAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = 'Mallory' WHERE \"Sequence\" = 2");

        (await monitor.VerifyAsync(full: false)).Verification.IsIntact.ShouldBeTrue("only entries after the checkpoint are read");
        (await monitor.VerifyAsync(full: true)).Verification.FirstBrokenSequence.ShouldBe(2);
        (await monitor.VerifyAsync(full: false)).Verification.IsIntact.ShouldBeFalse("the break stays until a full pass finds the trail intact");
    }

    [Fact]
    public async Task DeletingTheNewestEntriesIsFoundThroughTheCheckpointInTheDatabaseAndThroughTheFile()
    {
        await TakenCaseAsync();
        var monitor = _factory.Services.GetRequiredService<AuditTrailMonitor>();
        var head = (await monitor.VerifyAsync(full: true)).Verification.LastSequence;
        File.Exists(Path.Combine(_factory.CheckpointFolder, AuditAnchor.CheckpointFileName)).ShouldBeTrue();

        (await ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" > {head - 2}")).ShouldBe(2);

        var verification = await Verifier.VerifyAllAsync();
        verification.FirstBrokenSequence.ShouldBe(head - 1);
        verification.Break.ShouldBe(AuditBreak.NewestEntriesMissing);
        (await Verifier.VerifyNewAsync()).IsIntact.ShouldBeFalse();

        await ExecuteSqlAsync("DELETE FROM \"AuditCheckpoints\"");
        (await Verifier.VerifyAllAsync()).Break.ShouldBe(AuditBreak.NewestEntriesMissing, "the file outside the database still knows the head");
    }

    [Fact]
    public async Task RewritingTheChainWithFreshHashesButWithoutTheKeyIsFoundAtTheFirstRewrittenEntry()
    {
        await TakenCaseAsync();
        var trail = await TrailAsync();
        var target = trail[^2];
        Set(target, nameof(AuditEvent.ActorName), "Mallory");
        // Everything someone with only the database can recompute: every hash and link from the edited entry on.
        for (var i = trail.IndexOf(target); i < trail.Count; i++)
        {
            var entry = trail[i];
            Set(entry, nameof(AuditEvent.PreviousHash), trail[i - 1].Hash);
            Set(entry, nameof(AuditEvent.PreviousStreamHash), trail.Take(i).LastOrDefault(e => e.EntityType == entry.EntityType && e.EntityId == entry.EntityId)?.Hash);
            Set(entry, nameof(AuditEvent.Hash), AuditChain.ComputeHash(entry));
            await ExecuteSqlAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = {0}, \"Hash\" = {1}, \"PreviousHash\" = {2}, \"PreviousStreamHash\" = {3} WHERE \"Sequence\" = {4}",
                entry.ActorName, entry.Hash, entry.PreviousHash, entry.PreviousStreamHash, entry.Sequence);
        }

        var verification = await Verifier.VerifyAllAsync();

        verification.FirstBrokenSequence.ShouldBe(target.Sequence);
        verification.Break.ShouldBe(AuditBreak.SealMismatch);
    }

    [Fact]
    public async Task ChangingARequestsHandlerColumnDirectlyIsFound()
    {
        var (view, _) = await TakenCaseAsync();
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var assigned = view.Timeline.Single(e => e.Action == RequestActions.Assigned);
        (await Verifier.VerifyAllAsync()).IsIntact.ShouldBeTrue();

        var changed = await ExecuteSqlAsync("UPDATE \"Requests\" SET \"HandlerId\" = {0} WHERE \"HandlerId\" IS NOT NULL",
            officer.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

        changed.ShouldBe(1);
        var verification = await Verifier.VerifyAllAsync();
        verification.Break.ShouldBe(AuditBreak.RecordDisagrees);
        verification.FirstBrokenSequence.ShouldBe(assigned.Sequence);
        verification.Detail.ShouldBe($"{DataSubjectRequest.AuditEntityType} {view.Id} handlerId");
    }

    [Fact]
    public async Task ChangingARequestsStatusColumnDirectlyIsFound()
    {
        var (view, _) = await TakenCaseAsync();

        await ExecuteSqlAsync("UPDATE \"Requests\" SET \"Status\" = {0}", nameof(RequestStatus.Responded));

        var verification = await Verifier.VerifyAllAsync();
        verification.Break.ShouldBe(AuditBreak.RecordDisagrees);
        verification.Detail.ShouldBe($"{DataSubjectRequest.AuditEntityType} {view.Id} status");
    }

    [Fact]
    public async Task EntriesWrittenBeforeVersionTwoKeepVerifyingAndNewEntriesFollowThem()
    {
        await TakenCaseAsync();
        // The database as it was before the upgrade: every entry hashed under version 1, unsealed.
        var trail = await TrailAsync();
        for (var i = 0; i < trail.Count; i++)
        {
            var entry = trail[i];
            Set(entry, nameof(AuditEvent.ChainVersion), AuditChain.LegacyVersion);
            Set(entry, nameof(AuditEvent.PreviousHash), i == 0 ? null : trail[i - 1].Hash);
            Set(entry, nameof(AuditEvent.PreviousStreamHash), trail.Take(i).LastOrDefault(e => e.EntityType == entry.EntityType && e.EntityId == entry.EntityId)?.Hash);
            Set(entry, nameof(AuditEvent.Hash), AuditChain.ComputeHash(entry));
            await ExecuteSqlAsync("UPDATE \"AuditEvents\" SET \"ChainVersion\" = 1, \"Seal\" = NULL, \"Hash\" = {0}, \"PreviousHash\" = {1}, \"PreviousStreamHash\" = {2} WHERE \"Sequence\" = {3}",
                entry.Hash, entry.PreviousHash, entry.PreviousStreamHash, entry.Sequence);
        }
        // Nor any checkpoint: those came with version 2.
        await ExecuteSqlAsync("DELETE FROM \"AuditCheckpoints\"");
        File.Delete(Path.Combine(_factory.CheckpointFolder, AuditAnchor.CheckpointFileName));
        (await Verifier.VerifyAllAsync()).IsIntact.ShouldBeTrue();

        await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Erasure);

        var after = await TrailAsync();
        after.Select(e => e.ChainVersion).Distinct().Order().ShouldBe([AuditChain.LegacyVersion, AuditChain.CurrentVersion]);
        after[^1].Seal.ShouldNotBeNull();
        (await Verifier.VerifyAllAsync()).IsIntact.ShouldBeTrue();
    }
}
