using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Issue 13: "Accept the proposals" records every proposed decision in one action, through the same rules and audit as one at a time.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class AcceptProposalsTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private AsyncServiceScope _scope;

    public ValueTask InitializeAsync()
    {
        _scope = _factory.Services.CreateAsyncScope();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private CaseWorkspace Workspace => _scope.ServiceProvider.GetRequiredService<CaseWorkspace>();

    private async Task<CaseView> OpenAsync(ClaimsPrincipal caller, RequestReference reference)
    {
        var opened = await Workspace.ReloadAsync(caller, reference.ToString());
        opened.IsSuccess.ShouldBeTrue(string.Join(", ", opened.Errors));
        return opened.Value;
    }

    private static void ShouldSucceed(Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));

    private async Task<(RequestReference Reference, ClaimsPrincipal Officer, CaseView View)> ErasureInProgressAsync()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Erasure);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.TakeAsync(officer, view.Id, view.Stamp));
        view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.StartProcessingAsync(officer, view.Id, view.Stamp));
        return (reference, officer, await OpenAsync(officer, reference));
    }

    private async Task<int> DecisionEventsAsync(Guid requestId)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync();
        var id = requestId.ToString();
        return await db.AuditEvents.CountAsync(e => e.EntityId == id && e.Action == RequestActions.DecisionRecorded);
    }

    [Fact]
    public async Task RecordsEveryProposedDecisionAuditedOneByOneAndLeavesTheJudgementsOpen()
    {
        var (reference, officer, view) = await ErasureInProgressAsync();
        var proposed = view.Purposes.Where(p => p.Proposal is { NeedsJudgement: false }).ToList();
        var judgements = view.Purposes.Where(p => p.Proposal is { NeedsJudgement: true }).Select(p => p.PurposeId).ToList();
        proposed.ShouldNotBeEmpty();
        view.ProposalsToAccept.ShouldBe(proposed.Count);

        var accepted = await Workspace.AcceptProposalsAsync(officer, view.Id, view.Stamp);

        accepted.IsSuccess.ShouldBeTrue(string.Join(", ", accepted.Errors));
        accepted.Value.ShouldBe(proposed.Count);
        var after = await OpenAsync(officer, reference);
        foreach (var row in proposed)
        {
            var decided = after.Purposes.Single(p => p.PurposeId == row.PurposeId).Decision.ShouldNotBeNull(row.Key);
            decided.Outcome.ToString().ShouldBe(row.Proposal!.Decision!.Kind.ToString(), row.Key);
            // The reasons the letter gives are the law's own, in the request's language.
            decided.Note.ShouldBe(row.Proposal.Decision.Reasons, row.Key);
        }
        after.Purposes.Where(p => judgements.Contains(p.PurposeId)).ShouldAllBe(p => p.Decision == null);
        after.ProposalsToAccept.ShouldBe(0);
        (await DecisionEventsAsync(view.Id)).ShouldBe(proposed.Count);
    }

    [Fact]
    public async Task AStaleStampIsRefusedAndNothingIsRecorded()
    {
        var (reference, officer, view) = await ErasureInProgressAsync();
        ShouldSucceed(await Workspace.AddNoteAsync(officer, view.Id, view.Stamp, "Gebeld met klant."));

        var stale = await Workspace.AcceptProposalsAsync(officer, view.Id, view.Stamp);

        stale.Errors.Select(e => e.Code).ShouldBe([StaleEdit.Code]);
        (await OpenAsync(officer, reference)).DecidedCount.ShouldBe(0);
        (await DecisionEventsAsync(view.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task NeverRecordsADecisionTheLawDoesNotAllowAndNothingTwice()
    {
        var (reference, officer, view) = await ErasureInProgressAsync();
        // The KYC purpose may not be erased while the Wwft keeps it (17(3)(b)): never proposed as "comply".
        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        kyc.Proposal.ShouldNotBeNull().Decision?.Kind.ShouldNotBe(DecisionKind.Comply);
        var judgements = view.Purposes.Where(p => p.Proposal is { NeedsJudgement: true }).Select(p => p.PurposeId).ToList();

        ShouldSucceed(await Workspace.AcceptProposalsAsync(officer, view.Id, view.Stamp));
        var after = await OpenAsync(officer, reference);
        foreach (var row in after.Purposes.Where(p => p.Decision is not null))
        {
            row.Options.ShouldContain(o => o.Kind.ToString() == row.Decision!.Outcome.ToString(), row.Key);
        }

        after.Purposes.Where(p => judgements.Contains(p.PurposeId)).ShouldAllBe(p => p.Decision == null);

        var again = await Workspace.AcceptProposalsAsync(officer, after.Id, after.Stamp);
        again.Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.NothingToAccept.Code]);
        (await OpenAsync(officer, reference)).Stamp.ShouldBe(after.Stamp);
    }

    [Fact]
    public async Task OnlyTheHandlerAcceptsTheProposals()
    {
        var (_, _, view) = await ErasureInProgressAsync();
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");

        (await Workspace.AcceptProposalsAsync(auditor, view.Id, view.Stamp)).Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.Forbidden.Code]);
        (await DecisionEventsAsync(view.Id)).ShouldBe(0);
    }
}
