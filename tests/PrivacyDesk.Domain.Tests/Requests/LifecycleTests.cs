using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class LifecycleTests
{
    private const RequestStatus Received = RequestStatus.Received;
    private const RequestStatus AwaitingIdentity = RequestStatus.AwaitingIdentity;
    private const RequestStatus InProgress = RequestStatus.InProgress;
    private const RequestStatus AwaitingApproval = RequestStatus.AwaitingApproval;

    private static readonly RequestStatus[] Open = [Received, AwaitingIdentity, InProgress, AwaitingApproval];

    /// <summary>Each method, called with arguments that are otherwise valid, and the statuses it is legal in (gdpr-rules.md §3).</summary>
    private static readonly Dictionary<string, (Func<DataSubjectRequest, Result> Call, RequestStatus[] LegalIn)> Methods = new()
    {
        ["Assign"] = (r => r.Assign(TeamLead, OtherOfficer, At(10)), Open),
        ["RequestIdentityVerification"] = (r => r.RequestIdentityVerification(Officer, At(10)), [Received]),
        ["RecordIdentityVerification"] = (r => r.RecordIdentityVerification(
            Officer, At(10), IdentityVerificationMethod.CustomerPortalLogin, IdentityVerificationOutcome.Verified), [Received, AwaitingIdentity]),
        ["StartProcessing"] = (r => r.StartProcessing(Officer, At(10)), [Received, AwaitingIdentity]),
        ["RecordDecision"] = (r => r.RecordDecision(Officer, At(10), Decision(PurposeB)), [InProgress]),
        ["SubmitForApproval"] = (r => r.SubmitForApproval(Officer, At(10), []), [InProgress]),
        ["Approve"] = (r => r.Approve(TeamLead, At(10)), [AwaitingApproval]),
        ["SendBack"] = (r => r.SendBack(TeamLead, At(10), "Noem de bewaartermijn."), [AwaitingApproval]),
        ["MarkResponded"] = (r =>
        {
            // Approval is the precondition, not the subject of this row; in other statuses it fails too.
            r.Approve(TeamLead, At(10));
            return r.MarkResponded(Officer, At(11));
        }, [AwaitingApproval]),
        ["ProposeRejection"] = (r => r.ProposeRejection(Officer, At(10), new RefusalProposal(RequestRefusalGround.Excessive, "Herhaald verzoek zonder nieuwe aanleiding.", Demonstration: "Vijf keer hetzelfde."), []),
            [Received, AwaitingIdentity, InProgress]),
        ["Reject"] = (r =>
        {
            // A proposed and approved refusal is the precondition; in other statuses the transition itself is refused.
            if (r.Status == AwaitingApproval)
            {
                r.SendBack(TeamLead, At(8), "Weigeren.");
                r.ProposeRejection(Officer, At(9), new RefusalProposal(RequestRefusalGround.Excessive, "Herhaald verzoek zonder nieuwe aanleiding.", Demonstration: "Vijf keer hetzelfde."), []);
                r.Approve(TeamLead, At(9));
            }
            return r.Reject(Officer, At(10));
        }, [AwaitingApproval]),
        ["Withdraw"] = (r => r.Withdraw(Officer, At(10), "Per e-mail ingetrokken."), Open),
        ["Extend"] = (r => r.Extend(Officer, At(10), ExtensionReason.Complexity, "Gegevens in twaalf systemen.", DueOn, ExtendedDueOn), Open),
        ["NotifyFee"] = (r => r.NotifyFee(Officer, At(10), FeeReason.ManifestlyUnfounded, 2_500, demonstration: "Twintig identieke verzoeken."), Open),
    };

    public static TheoryData<RequestStatus, string> EveryStatusAndMethod()
    {
        var data = new TheoryData<RequestStatus, string>();
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var method in Methods.Keys)
            {
                data.Add(status, method);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndMethod))]
    public void AllowsEachChangeOnlyInItsStatuses(RequestStatus status, string method)
    {
        var request = InStatus(status);
        var (call, legalIn) = Methods[method];
        request.DequeueChanges();

        var result = call(request);

        if (legalIn.Contains(status))
        {
            result.ShouldSucceed();
            request.PendingChanges.ShouldNotBeEmpty();
        }
        else
        {
            result.ShouldFailWith(RequestErrors.TransitionNotAllowed);
            result.Errors.Single().Arguments!["status"].ShouldBe(status.ToString());
            request.Status.ShouldBe(status);
            request.PendingChanges.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(RequestStatus.Received, "RequestIdentityVerification", RequestStatus.AwaitingIdentity)]
    [InlineData(RequestStatus.Received, "StartProcessing", RequestStatus.InProgress)]
    [InlineData(RequestStatus.AwaitingIdentity, "StartProcessing", RequestStatus.InProgress)]
    [InlineData(RequestStatus.InProgress, "SubmitForApproval", RequestStatus.AwaitingApproval)]
    [InlineData(RequestStatus.AwaitingApproval, "Approve", RequestStatus.AwaitingApproval)]
    [InlineData(RequestStatus.AwaitingApproval, "SendBack", RequestStatus.InProgress)]
    [InlineData(RequestStatus.AwaitingApproval, "MarkResponded", RequestStatus.Responded)]
    [InlineData(RequestStatus.Received, "ProposeRejection", RequestStatus.AwaitingApproval)]
    [InlineData(RequestStatus.InProgress, "ProposeRejection", RequestStatus.AwaitingApproval)]
    [InlineData(RequestStatus.AwaitingApproval, "Reject", RequestStatus.Rejected)]
    [InlineData(RequestStatus.AwaitingIdentity, "Withdraw", RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.AwaitingApproval, "Withdraw", RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.InProgress, "Extend", RequestStatus.InProgress)]
    public void MovesToTheStatusTheLifecycleNames(RequestStatus from, string method, RequestStatus expected)
    {
        var request = InStatus(from);

        Methods[method].Call(request).ShouldSucceed();

        request.Status.ShouldBe(expected);
    }

    [Theory]
    [InlineData(RequestStatus.Responded)]
    [InlineData(RequestStatus.Rejected)]
    [InlineData(RequestStatus.Withdrawn)]
    public void StampsTheClosingTimeWhenClosed(RequestStatus closed)
    {
        var request = InStatus(closed);

        request.ClosedAt.ShouldNotBeNull();
        request.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void RefusesToStartProcessingWithoutAHandler()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(), [], Officer, At(0)).ShouldSucceed();

        request.StartProcessing(Officer, At(1)).ShouldFailWith(RequestErrors.HandlerRequired);
    }

    [Fact]
    public void RefusesToAssignTheSameHandlerAgain()
    {
        var request = Received();

        request.Assign(Officer, Officer, At(2)).ShouldFailWith(RequestErrors.HandlerUnchanged);
    }

    [Fact]
    public void LetsAnOfficerTakeAnUnassignedCaseButNotGiveItToAColleague()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(), [], Officer, At(0)).ShouldSucceed();

        request.Assign(Officer, OtherOfficer, At(1)).ShouldFailWith(RequestErrors.AssignNotPermitted);
        request.Assign(Officer, Officer, At(2)).ShouldSucceed();
        request.Assign(OtherOfficer, OtherOfficer, At(3)).ShouldFailWith(RequestErrors.AssignNotPermitted);
        request.HandlerId.ShouldBe(Officer.Id);
        request.Assign(TeamLead, OtherOfficer, At(4)).ShouldSucceed();
        request.HandlerId.ShouldBe(OtherOfficer.Id);
    }

    [Fact]
    public void RefusesToAssignSomeoneWhoMayNotHandleRequests()
    {
        var request = Received();

        request.Assign(Officer, Auditor, At(2)).ShouldFailWith(RequestErrors.HandlerNotPermitted);
        request.HandlerId.ShouldBe(Officer.Id);
    }

    [Fact]
    public void ReassignsTheCaseAndRecordsBothHandlers()
    {
        var request = Received();
        request.DequeueChanges();

        request.Assign(TeamLead, OtherOfficer, At(2)).ShouldSucceed();

        request.HandlerId.ShouldBe(OtherOfficer.Id);
        request.HandlerName.ShouldBe(OtherOfficer.Name);
        var change = request.PendingChanges.Single();
        change.Action.ShouldBe("request.assigned");
        change.Before!["handlerId"].ShouldBe(Officer.Id);
        change.After!["handlerId"].ShouldBe(OtherOfficer.Id);
    }

    [Fact]
    public void WithdrawsWithoutAReason()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.Withdraw(Officer, At(5)).ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.Withdrawn);
        request.WithdrawalReason.ShouldBeNull();
    }
}
