using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class AuthorizationAndAuditTests
{
    /// <summary>Every change, each in a status where the lifecycle allows it.</summary>
    private static readonly Dictionary<string, (RequestStatus From, RequestType Type, Func<DataSubjectRequest, Actor, Result> Call)> Changes = new()
    {
        ["Assign"] = (RequestStatus.Received, RequestType.Access, (r, a) => r.Assign(a, OtherOfficer, At(10))),
        ["RequestIdentityVerification"] = (RequestStatus.Received, RequestType.Access, (r, a) => r.RequestIdentityVerification(a, At(10))),
        ["RecordIdentityVerification"] = (RequestStatus.Received, RequestType.Access, (r, a) => r.RecordIdentityVerification(
            a, At(10), IdentityVerificationMethod.KnownChannel, IdentityVerificationOutcome.Verified)),
        ["StartProcessing"] = (RequestStatus.Received, RequestType.Access, (r, a) => r.StartProcessing(a, At(10))),
        ["RecordDecision"] = (RequestStatus.InProgress, RequestType.Access, (r, a) => r.RecordDecision(a, At(10), Decision(PurposeB))),
        ["SubmitForApproval"] = (RequestStatus.InProgress, RequestType.Access, (r, a) => r.SubmitForApproval(a, At(10), [])),
        ["Approve"] = (RequestStatus.AwaitingApproval, RequestType.Access, (r, a) => r.Approve(a, At(10))),
        ["SendBack"] = (RequestStatus.AwaitingApproval, RequestType.Access, (r, a) => r.SendBack(a, At(10), "Aanvullen")),
        ["ProposeRejection"] = (RequestStatus.InProgress, RequestType.Access, (r, a) => r.ProposeRejection(a, At(10), new RefusalProposal(RequestRefusalGround.Excessive, "Herhaald.", Demonstration: "Vijf keer hetzelfde."), [])),
        ["Withdraw"] = (RequestStatus.InProgress, RequestType.Access, (r, a) => r.Withdraw(a, At(10))),
        ["Extend"] = (RequestStatus.InProgress, RequestType.Access, (r, a) => r.Extend(a, At(10), ExtensionReason.Complexity, "Veel systemen.", DueOn, ExtendedDueOn)),
        ["NotifyFee"] = (RequestStatus.InProgress, RequestType.Access, (r, a) => r.NotifyFee(a, At(10), FeeReason.AdditionalCopy, 500, 2)),
        ["ApplyRestriction"] = (RequestStatus.InProgress, RequestType.Restriction, (r, a) => r.ApplyRestriction(a, At(10))),
        ["PlanRecipientNotifications"] = (RequestStatus.InProgress, RequestType.Erasure, (r, a) =>
        {
            r.RecordDecision(Officer, At(9), Decision(PurposeA)).ShouldSucceed();
            r.DequeueChanges();
            return r.PlanRecipientNotifications(a, At(10), [new("BKR", NotificationRecipientKind.External, PurposeA)]);
        }),
    };

    public static TheoryData<string> ChangeNames() => [.. Changes.Keys];

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void RefusesEveryChangeByAnAuditorOrAnAdministrator(string change)
    {
        var (from, type, call) = Changes[change];
        foreach (var outsider in new[] { Auditor, Administrator, new Actor("nobody", "Nobody", []) })
        {
            var request = InStatus(from, type);
            var statusBefore = request.Status;
            request.DequeueChanges();

            call(request, outsider).ShouldFailWith(RequestErrors.Forbidden);

            request.Status.ShouldBe(statusBefore);
            request.PendingChanges.ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void RecordsEveryChangeWithItsActorAndTime(string change)
    {
        var (from, type, call) = Changes[change];
        var request = InStatus(from, type);
        request.DequeueChanges();
        var actor = change is "Approve" or "SendBack" or "Assign" ? OtherTeamLead : OtherOfficer;

        call(request, actor).ShouldSucceed();

        var recorded = request.PendingChanges.ShouldHaveSingleItem();
        recorded.Action.ShouldStartWith("request.");
        recorded.EntityType.ShouldBe("DataSubjectRequest");
        recorded.EntityId.ShouldBe(request.Id.ToString());
        recorded.ActorId.ShouldBe(actor.Id);
        recorded.ActorName.ShouldBe(actor.Name);
        recorded.At.ShouldBe(At(10));
    }

    [Fact]
    public void RecordsTheWholeLifeOfARequestInOrder()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(RequestType.Erasure), [], Actor.System, At(0)).ShouldSucceed();
        request.Assign(TeamLead, Officer, At(1)).ShouldSucceed();
        request.RequestIdentityVerification(Officer, At(2)).ShouldSucceed();
        var verification = request.RecordIdentityVerification(Officer, At(3), IdentityVerificationMethod.IdDocumentCopy,
            IdentityVerificationOutcome.Verified, idCopyMasking: new(true, true)).ShouldSucceed();
        request.ConfirmIdCopyDeleted(Officer, verification.Id, At(4)).ShouldSucceed();
        request.StartProcessing(Officer, At(5)).ShouldSucceed();
        request.Extend(Officer, At(6), ExtensionReason.Complexity, "Veel systemen.", DueOn, ExtendedDueOn).ShouldSucceed();
        request.RecordDecision(Officer, At(7), Decision(PurposeA)).ShouldSucceed();
        request.PlanRecipientNotifications(Officer, At(8), [new("BKR", NotificationRecipientKind.External, PurposeA)]).ShouldSucceed();
        request.SubmitForApproval(Officer, At(9), [PurposeA]).ShouldSucceed();
        request.SendBack(TeamLead, At(10), "Ontvanger ontbreekt").ShouldSucceed();
        request.SubmitForApproval(Officer, At(11), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(12)).ShouldSucceed();
        request.MarkRecipientNotified(Officer, request.RecipientNotifications[0].Id, At(13)).ShouldSucceed();
        request.MarkResponded(Officer, At(14)).ShouldSucceed();

        var changes = request.DequeueChanges();

        changes.Select(change => change.Action).ShouldBe(
        [
            "request.received", "request.assigned", "request.identity.requested", "request.identity.verified",
            "request.identity.copy_deleted", "request.processing.started", "request.extended", "request.decision.recorded",
            "request.recipients.planned", "request.submitted_for_approval", "request.sent_back", "request.submitted_for_approval",
            "request.approved", "request.recipient.notified", "request.responded",
        ]);
        changes.Select(change => change.At).ShouldBe(Enumerable.Range(0, 15).Select(At));
        changes.ShouldAllBe(change => change.EntityId == request.Id.ToString());
        changes[^1].Before!["status"].ShouldBe("AwaitingApproval");
        changes[^1].After!["status"].ShouldBe("Responded");
        request.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void RecordsNothingWhenAChangeIsRefused()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.DequeueChanges();

        request.Extend(Officer, At(5), ExtensionReason.Complexity, "Veel systemen.", DueOn.AddDays(1), ExtendedDueOn).IsFailure.ShouldBeTrue();
        request.SubmitForApproval(Officer, At(5), [PurposeA]).IsFailure.ShouldBeTrue();

        request.PendingChanges.ShouldBeEmpty();
    }
}
