using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The case workspace service on the real app and a real SQLite database.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class CaseWorkspaceTests : IAsyncLifetime
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

    private async Task<CaseView> OpenAsync(System.Security.Claims.ClaimsPrincipal caller, RequestReference reference)
    {
        var opened = await Workspace.ReloadAsync(caller, reference.ToString());
        opened.IsSuccess.ShouldBeTrue(string.Join(", ", opened.Errors));
        return opened.Value;
    }

    private static void ShouldSucceed(PrivacyDesk.Domain.Common.Result result) => result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));

    [Fact]
    public async Task TakesACaseFromReceiptToRespondedWithFourEyes()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");

        var view = await OpenAsync(officer, reference);
        view.Can.Take.ShouldBeTrue();
        ShouldSucceed(await Workspace.TakeAsync(officer, view.Id, view.Stamp));

        view = await OpenAsync(officer, reference);
        view.HandlerName.ShouldBe("Sanne de Vries");
        ShouldSucceed(await Workspace.RecordIdentityCheckAsync(officer, view.Id, view.Stamp,
            new IdentityCheckInput(IdentityVerificationMethod.IdDocumentCopy, IdentityVerificationOutcome.Verified, "Paspoort, BSN en foto afgeschermd", true, true)));
        view = await OpenAsync(officer, reference);
        view.IdentityChecks.Single().IdCopyAwaitingDeletion.ShouldBeTrue();
        ShouldSucceed(await Workspace.ConfirmIdCopyDeletedAsync(officer, view.Id, view.Stamp, view.IdentityChecks.Single().Id));

        view = await OpenAsync(officer, reference);
        view.CurrentStep.ShouldBe(CaseStep.VerifyIdentity);
        ShouldSucceed(await Workspace.StartProcessingAsync(officer, view.Id, view.Stamp));

        view = await OpenAsync(officer, reference);
        view.CurrentStep.ShouldBe(CaseStep.Assess);
        view.Purposes.ShouldNotBeEmpty();
        foreach (var row in view.Purposes)
        {
            var option = row.Options[0];
            ShouldSucceed(await Workspace.RecordDecisionAsync(officer, view.Id, view.Stamp,
                new DecisionInput(row.PurposeId, option.Kind, option.Ground, "De betrokkene krijgt een afschrift.")));
            view = await OpenAsync(officer, reference);
        }
        view.AllDecided.ShouldBeTrue();
        view.CurrentStep.ShouldBe(CaseStep.DraftResponse);
        view.Can.Submit.ShouldBeTrue();
        ShouldSucceed(await Workspace.SubmitForApprovalAsync(officer, view.Id, view.Stamp));

        view = await OpenAsync(lead, reference);
        view.CurrentStep.ShouldBe(CaseStep.Approval);
        view.Can.Review.ShouldBeTrue();
        ShouldSucceed(await Workspace.ApproveAsync(lead, view.Id, view.Stamp, "Akkoord."));

        view = await OpenAsync(officer, reference);
        view.ApprovedByName.ShouldBe("Fatima El Amrani");
        view.CurrentStep.ShouldBe(CaseStep.Send);
        ShouldSucceed(await Workspace.MarkRespondedAsync(officer, view.Id, view.Stamp));

        view = await OpenAsync(officer, reference);
        view.Status.ShouldBe(RequestStatus.Responded);
        view.CurrentStep.ShouldBe(CaseStep.Closed);
        view.Deadline.Sla.State.ShouldBe(PrivacyDesk.Domain.Deadlines.SlaState.AnsweredOnTime);
        view.Timeline.Select(e => e.Action).ShouldContain(RequestActions.Approved);
        view.Timeline[0].Action.ShouldBe(RequestActions.Responded);
    }

    [Fact]
    public async Task RefusesTheHandlersOwnApprovalOnTheServer()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = await OpenAsync(lead, reference);
        ShouldSucceed(await Workspace.TakeAsync(lead, view.Id, view.Stamp));
        view = await OpenAsync(lead, reference);
        ShouldSucceed(await Workspace.StartProcessingAsync(lead, view.Id, view.Stamp));
        view = await OpenAsync(lead, reference);
        foreach (var row in view.Purposes)
        {
            ShouldSucceed(await Workspace.RecordDecisionAsync(lead, view.Id, view.Stamp, new DecisionInput(row.PurposeId, DecisionKind.Comply)));
            view = await OpenAsync(lead, reference);
        }
        ShouldSucceed(await Workspace.SubmitForApprovalAsync(lead, view.Id, view.Stamp));
        view = await OpenAsync(lead, reference);

        view.Can.Review.ShouldBeFalse();
        var own = await Workspace.ApproveAsync(lead, view.Id, view.Stamp, null);
        own.Errors.Select(e => e.Code).ShouldBe([RequestErrors.ApprovalOwnCase.Code]);
        var byOfficer = await Workspace.ApproveAsync(officer, view.Id, view.Stamp, null);
        byOfficer.Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.Forbidden.Code]);

        var secondLead = await CaseWorkspaceData.SecondTeamLeadAsync(_factory);
        (await OpenAsync(secondLead, reference)).Can.Review.ShouldBeTrue();
        ShouldSucceed(await Workspace.ApproveAsync(secondLead, view.Id, view.Stamp, null));
    }

    [Fact]
    public async Task ASecondSaveOnAStaleCaseSaysWhoChangedItAndWhen()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var secondLead = await CaseWorkspaceData.SecondTeamLeadAsync(_factory);
        var seenByLead = await OpenAsync(lead, reference);
        var seenBySecond = await OpenAsync(secondLead, reference);

        ShouldSucceed(await Workspace.AddNoteAsync(lead, seenByLead.Id, seenByLead.Stamp, "Klant belde na."));
        var stale = await Workspace.AddNoteAsync(secondLead, seenBySecond.Id, seenBySecond.Stamp, "Mijn notitie");

        var error = stale.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(StaleEdit.Code);
        error.Arguments!["who"].ShouldBe("Fatima El Amrani");
        (await OpenAsync(secondLead, reference)).Notes.Select(n => n.Text).ShouldBe(["Klant belde na."]);
    }

    [Fact]
    public async Task AnOfficerCannotOpenAnotherOfficersCase()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var otherOfficer = await Callers.ForAsync(_factory, "officer2@privacydesk.test");
        var view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.TakeAsync(officer, view.Id, view.Stamp));

        var opened = await Workspace.OpenAsync(otherOfficer, reference.ToString());
        opened.Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.NotFound.Code]);
        var unknown = await Workspace.OpenAsync(otherOfficer, "DSR-2026-999999");
        unknown.Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.NotFound.Code]);
        var note = await Workspace.AddNoteAsync(otherOfficer, view.Id, (await OpenAsync(officer, reference)).Stamp, "Even kijken");
        note.Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.NotFound.Code]);
    }

    [Fact]
    public async Task OpeningACaseWritesWhoOpenedItToTheAuditTrail()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");

        var opened = await Workspace.OpenAsync(auditor, reference.ToString());

        opened.IsSuccess.ShouldBeTrue();
        opened.Value.Can.Nothing.ShouldBeTrue();
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync();
        var views = await db.AuditEvents.Where(e => e.Action == CaseWorkspace.ViewedAction && e.EntityId == opened.Value.Id.ToString()).ToListAsync();
        views.ShouldHaveSingleItem().ActorName.ShouldBe("Pieter Bakker");
        (await Workspace.ReloadAsync(auditor, reference.ToString())).Value.Timeline[0].Action.ShouldBe(CaseWorkspace.ViewedAction);
    }

    [Fact]
    public async Task AnAuditorAndAnAdministratorChangeNothing()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var auditor = await Callers.ForAsync(_factory, "auditor@privacydesk.test");
        var admin = await Callers.ForAsync(_factory, "admin@privacydesk.test");
        var view = await OpenAsync(auditor, reference);

        (await Workspace.TakeAsync(auditor, view.Id, view.Stamp)).Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.Forbidden.Code]);
        (await Workspace.AddNoteAsync(auditor, view.Id, view.Stamp, "x")).Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.Forbidden.Code]);
        (await Workspace.OpenAsync(admin, reference.ToString())).Errors.Select(e => e.Code).ShouldBe([CaseWorkspace.Forbidden.Code]);
    }

    [Fact]
    public async Task ErasureShowsKycRetainedUnderTheWwftAndMarketingErased()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Erasure);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.TakeAsync(officer, view.Id, view.Stamp));
        view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.StartProcessingAsync(officer, view.Id, view.Stamp));
        view = await OpenAsync(officer, reference);

        var kyc = view.Purposes.Single(p => p.Key == "identity-verification");
        kyc.RetentionProvision.ShouldNotBeNull().ShouldContain("Wwft");
        kyc.Options.ShouldNotContain(o => o.Kind == DecisionKind.Comply);
        var erase = await Workspace.RecordDecisionAsync(officer, view.Id, view.Stamp, new DecisionInput(kyc.PurposeId, DecisionKind.Comply));
        erase.Errors.Select(e => e.Code).ShouldContain(RightsErrors.ErasureUnderRetentionObligation.Code);
        var marketing = view.Purposes.Single(p => p.Key == "direct-marketing");
        marketing.Requirement.ShouldBe(Requirement.Comply);
        marketing.Options.ShouldContain(o => o.Kind == DecisionKind.Comply);
    }

    /// <summary>An access request Sanne handles, in progress, with a manifestly unfounded refusal proposed through the actions service.</summary>
    private async Task<(RequestReference Reference, System.Security.Claims.ClaimsPrincipal Officer, System.Security.Claims.ClaimsPrincipal Lead)> ProposedRefusalAsync()
    {
        var reference = await CaseWorkspaceData.RegisterAsync(_factory, RequestType.Access);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");
        var view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.TakeAsync(officer, view.Id, view.Stamp));
        view = await OpenAsync(officer, reference);
        ShouldSucceed(await Workspace.StartProcessingAsync(officer, view.Id, view.Stamp));
        var obligations = _scope.ServiceProvider.GetRequiredService<CaseObligations>();
        var actions = (await obligations.ActionsAsync(officer, view.Id)).Value;
        ShouldSucceed(await obligations.ProposeRefusalAsync(officer, view.Id, (await actions.Case.StampAsync(_factory)),
            new RefusalInput(RequestRefusalGround.ManifestlyUnfounded, "Uw verzoek is kennelijk ongegrond.", null, "Tien identieke verzoeken in oktober.")));
        return (reference, officer, lead);
    }

    [Fact]
    public async Task ATeamLeadWhoDidNotHandleAProposedRefusalApprovesItAndTheRefusalIsSent()
    {
        var (reference, officer, lead) = await ProposedRefusalAsync();

        var view = await OpenAsync(lead, reference);
        view.Status.ShouldBe(RequestStatus.AwaitingApproval);
        view.CurrentStep.ShouldBe(CaseStep.Approval);
        view.Refusal!.Ground.ShouldBe(RequestRefusalGround.ManifestlyUnfounded);
        view.Refusal.Demonstration.ShouldBe("Tien identieke verzoeken in oktober.");
        view.Can.Review.ShouldBeTrue();
        (await OpenAsync(officer, reference)).Can.Review.ShouldBeFalse("four eyes: the proposer never reviews");
        ShouldSucceed(await Workspace.ApproveAsync(lead, view.Id, view.Stamp, "Akkoord."));

        view = await OpenAsync(officer, reference);
        view.CurrentStep.ShouldBe(CaseStep.Send);
        view.Can.SendRefusal.ShouldBeTrue();
        view.Can.MarkResponded.ShouldBeFalse();
        ShouldSucceed(await Workspace.SendRefusalAsync(officer, view.Id, view.Stamp));

        view = await OpenAsync(officer, reference);
        view.Status.ShouldBe(RequestStatus.Rejected);
        view.Refusal!.IsSent.ShouldBeTrue();
        view.Timeline[0].Action.ShouldBe(RequestActions.Rejected);
    }

    [Fact]
    public async Task ATeamLeadSendsAProposedRefusalBack()
    {
        var (reference, _, lead) = await ProposedRefusalAsync();
        var view = await OpenAsync(lead, reference);

        ShouldSucceed(await Workspace.SendBackAsync(lead, view.Id, view.Stamp, "Eerst per doel beslissen."));

        view = await OpenAsync(lead, reference);
        view.Status.ShouldBe(RequestStatus.InProgress);
        view.Refusal.ShouldBeNull();
    }

    [Fact]
    public async Task ReassigningAnApprovedCaseToItsApproverWithdrawsTheApprovalInTheAuditTrail()
    {
        var (reference, _, lead) = await ProposedRefusalAsync();
        var view = await OpenAsync(lead, reference);
        ShouldSucceed(await Workspace.ApproveAsync(lead, view.Id, view.Stamp, null));
        var queue = _scope.ServiceProvider.GetRequiredService<RequestQueue>();
        view = await OpenAsync(lead, reference);

        var assigned = await queue.AssignAsync(lead, [new SeenCase(view.Id, view.Stamp)], lead.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

        assigned.Value.Assigned.ShouldBe(1);
        view = await OpenAsync(lead, reference);
        view.IsApproved.ShouldBeFalse();
        view.Can.SendRefusal.ShouldBeFalse();
        view.Can.Review.ShouldBeFalse("the approver is now the handler");
        view.Timeline.Select(e => e.Action).ShouldContain("request.approval.withdrawn");
        var sent = await Workspace.SendRefusalAsync(lead, view.Id, view.Stamp);
        sent.Errors.Select(e => e.Code).ShouldBe([RequestErrors.ApprovalRequired.Code]);
        (await OpenAsync(lead, reference)).Status.ShouldBe(RequestStatus.AwaitingApproval);
    }
}
