using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>gdpr-rules §3, four eyes: a change to the substance after approval withdraws the approval.</summary>
public sealed class ApprovalWithdrawalTests
{
    private static DataSubjectRequest Approved(RequestType type = RequestType.Access)
    {
        var request = InStatus(RequestStatus.AwaitingApproval, type);
        request.Approve(TeamLead, At(5)).ShouldSucceed();
        return request;
    }

    [Fact]
    public void ReassigningTheCaseToTheApproverWithdrawsTheApproval()
    {
        var request = Approved();

        request.Assign(TeamLead, TeamLead, At(6)).ShouldSucceed();

        request.IsApproved.ShouldBeFalse();
        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
        var withdrawn = request.PendingChanges.Single(change => change.Action == "request.approval.withdrawn");
        withdrawn.Before!["approvedById"].ShouldBe(TeamLead.Id);
        withdrawn.After!["approvedById"].ShouldBeNull();
        withdrawn.Reason.ShouldBe("handler");
        request.MarkResponded(TeamLead, At(7)).ShouldFailWith(RequestErrors.ApprovalRequired);
    }

    [Fact]
    public void TheApproverWhoBecameTheHandlerCannotApproveAgainButAnotherTeamLeadCan()
    {
        var request = Approved();
        request.Assign(TeamLead, TeamLead, At(6)).ShouldSucceed();

        request.Approve(TeamLead, At(7)).ShouldFailWith(RequestErrors.ApprovalOwnCase);
        request.Approve(OtherTeamLead, At(7)).ShouldSucceed();
        request.MarkResponded(TeamLead, At(8)).ShouldSucceed();
    }

    [Fact]
    public void ReassigningAnApprovedRefusalWithdrawsItsApprovalToo()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.ProposeRejection(Officer, At(3), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken.", Demonstration: "Vijftig verzoeken in een maand."), []).ShouldSucceed();
        request.Approve(TeamLead, At(4)).ShouldSucceed();

        request.Assign(TeamLead, OtherOfficer, At(5)).ShouldSucceed();

        request.IsApproved.ShouldBeFalse();
        request.Reject(OtherOfficer, At(6)).ShouldFailWith(RequestErrors.ApprovalRequired);
        request.ProposedRefusal.ShouldNotBeNull();
    }

    [Fact]
    public void PlanningRecipientsAfterApprovalWithdrawsTheApproval()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        request.RecordDecision(Officer, At(3), new PurposeDecisionDraft(PurposeA, PurposeDecisionOutcome.Comply)).ShouldSucceed();
        request.SubmitForApproval(Officer, At(3), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(4)).ShouldSucceed();

        request.PlanRecipientNotifications(Officer, At(5), [new PlannedRecipient("Experian", NotificationRecipientKind.External, PurposeA)]).ShouldSucceed();

        request.IsApproved.ShouldBeFalse();
        request.PendingChanges.Single(change => change.Action == "request.approval.withdrawn").Reason.ShouldBe("recipients");
    }

    [Fact]
    public void CarryingOutThePlannedNotificationsAfterApprovalKeepsTheApproval()
    {
        // Notifying, or recording why a planned recipient cannot be reached, carries out the approved plan; it adds no recipient.
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        request.RecordDecision(Officer, At(3), new PurposeDecisionDraft(PurposeA, PurposeDecisionOutcome.Comply)).ShouldSucceed();
        var planned = request.PlanRecipientNotifications(Officer, At(3), [
            new PlannedRecipient("Experian", NotificationRecipientKind.External, PurposeA),
            new PlannedRecipient("IDnow", NotificationRecipientKind.External, PurposeA)]).ShouldSucceed();
        request.SubmitForApproval(Officer, At(3), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(4)).ShouldSucceed();

        request.MarkRecipientNotified(Officer, planned[0].Id, At(5)).ShouldSucceed();
        request.ExemptRecipientNotification(Officer, planned[1].Id, At(6), RecipientNotificationExemption.Impossible, "Bestaat niet meer.").ShouldSucceed();

        request.IsApproved.ShouldBeTrue();
    }

    [Fact]
    public void ExtendingTheDeadlineAfterApprovalKeepsTheApproval()
    {
        var request = Approved();

        request.Extend(Officer, At(6), ExtensionReason.Complexity, "Veel systemen.", ReceivedOn, ExtendedDueOn).ShouldSucceed();

        request.IsApproved.ShouldBeTrue();
    }

    [Fact]
    public void AChangeBeforeApprovalWithdrawsNothing()
    {
        var request = InStatus(RequestStatus.AwaitingApproval);

        request.Assign(TeamLead, OtherOfficer, At(5)).ShouldSucceed();

        request.PendingChanges.ShouldNotContain(change => change.Action == "request.approval.withdrawn");
    }

    [Fact]
    public void RefusesToSendAResponseWhoseHandlerIsItsApprover()
    {
        // A case approved before this rule existed may already have its approver as handler.
        var request = Approved();
        typeof(DataSubjectRequest).GetProperty(nameof(DataSubjectRequest.HandlerId))!.SetValue(request, TeamLead.Id);

        request.MarkResponded(TeamLead, At(7)).ShouldFailWith(RequestErrors.ApprovalHandlerIsApprover);
        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
    }

    [Fact]
    public void RefusesToSendARefusalWhoseHandlerIsItsApprover()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.ProposeRejection(Officer, At(3), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken.", Demonstration: "Vijftig verzoeken in een maand."), []).ShouldSucceed();
        request.Approve(TeamLead, At(4)).ShouldSucceed();
        typeof(DataSubjectRequest).GetProperty(nameof(DataSubjectRequest.HandlerId))!.SetValue(request, TeamLead.Id);

        request.Reject(TeamLead, At(5)).ShouldFailWith(RequestErrors.ApprovalHandlerIsApprover);
        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
    }
}
