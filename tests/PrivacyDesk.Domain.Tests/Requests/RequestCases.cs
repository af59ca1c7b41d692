using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>Staff, dates and requests in a known status, so each test states only what it is about.</summary>
internal static class RequestCases
{
    public static readonly Actor Officer = new("officer-1", "Olga Officer", [StaffRole.PrivacyOfficer]);
    public static readonly Actor OtherOfficer = new("officer-2", "Otto Officer", [StaffRole.PrivacyOfficer]);
    public static readonly Actor TeamLead = new("lead-1", "Lea Lead", [StaffRole.TeamLead]);
    public static readonly Actor OtherTeamLead = new("lead-2", "Luc Lead", [StaffRole.TeamLead]);
    public static readonly Actor Auditor = new("auditor-1", "Ada Auditor", [StaffRole.Auditor]);
    public static readonly Actor Administrator = new("admin-1", "Adam Admin", [StaffRole.Administrator]);

    public static readonly Guid Subject = Guid.Parse("5a1b3c4d-0000-4000-8000-000000000001");
    public static readonly Guid PurposeA = Guid.Parse("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid PurposeB = Guid.Parse("b0000000-0000-4000-8000-00000000000b");

    // deadlines.md worked example: received Tue 10 Feb 2026, due Tue 10 Mar, extended Mon 11 May.
    public static readonly DateTimeOffset ReceivedAt = new(2026, 2, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly ReceivedOn = new(2026, 2, 10);
    public static readonly DateOnly DueOn = new(2026, 3, 10);
    public static readonly DateOnly ExtendedDueOn = new(2026, 5, 11);

    public static readonly RequestReference Reference = RequestReference.Parse("DSR-2026-000123");

    /// <summary>A moment on the case's timeline, <paramref name="hours"/> after receipt.</summary>
    public static DateTimeOffset At(int hours) => ReceivedAt.AddHours(hours);

    /// <summary>The whole refusal path: the officer proposes, a team lead approves (four eyes), the officer sends.</summary>
    public static Result RefuseWithApproval(
        this DataSubjectRequest request, RequestRefusalGround ground, string explanation, string? legalReference = null, int at = 5, string? demonstration = null)
    {
        var proposed = request.ProposeRejection(Officer, At(at), new RefusalProposal(ground, explanation, legalReference, demonstration), []);
        if (proposed.IsFailure)
        {
            return proposed;
        }
        request.Approve(TeamLead, At(at)).ShouldSucceed();
        return request.Reject(Officer, At(at));
    }

    public static RequestIntake Intake(RequestType type = RequestType.Access) =>
        new(type, RequestChannel.Email, ReceivedAt, ReceivedOn, "nl", Subject, "Ik wil weten welke gegevens u van mij heeft.", DueOn);

    /// <summary>A freshly received request with Olga as its handler.</summary>
    public static DataSubjectRequest Received(RequestType type = RequestType.Access)
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(type), [], Officer, At(0)).ShouldSucceed();
        request.Assign(Officer, Officer, At(1)).ShouldSucceed();
        return request;
    }

    public static DataSubjectRequest InStatus(RequestStatus status, RequestType type = RequestType.Access)
    {
        var request = Received(type);
        switch (status)
        {
            case RequestStatus.Received:
                break;
            case RequestStatus.AwaitingIdentity:
                request.RequestIdentityVerification(Officer, At(2)).ShouldSucceed();
                request.RecordIdentityVerification(Officer, At(3), IdentityVerificationMethod.VideoCall, IdentityVerificationOutcome.Verified).ShouldSucceed();
                break;
            case RequestStatus.InProgress:
                request.StartProcessing(Officer, At(2)).ShouldSucceed();
                break;
            case RequestStatus.AwaitingApproval:
                Submitted(request);
                break;
            case RequestStatus.Responded:
                Submitted(request);
                request.Approve(TeamLead, At(5)).ShouldSucceed();
                request.MarkResponded(Officer, At(6)).ShouldSucceed();
                break;
            case RequestStatus.Rejected:
                request.RefuseWithApproval(RequestRefusalGround.ManifestlyUnfounded, "Het tiende identieke verzoek deze maand.", at: 2, demonstration: "Tien identieke verzoeken.").ShouldSucceed();
                break;
            case RequestStatus.Withdrawn:
                request.Withdraw(Officer, At(2)).ShouldSucceed();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
        request.Status.ShouldBe(status);
        return request;
    }

    /// <summary>In progress with Comply decided for purpose A.</summary>
    public static DataSubjectRequest InProgressWithDecision(RequestType type, PurposeDecisionOutcome outcome = PurposeDecisionOutcome.Comply)
    {
        var request = InStatus(RequestStatus.InProgress, type);
        request.RecordDecision(Officer, At(3), Decision(PurposeA, outcome)).ShouldSucceed();
        return request;
    }

    public static PurposeDecisionDraft Decision(Guid purpose, PurposeDecisionOutcome outcome = PurposeDecisionOutcome.Comply) =>
        outcome == PurposeDecisionOutcome.Refuse
            ? new(purpose, outcome, PrivacyDesk.Domain.Rights.RefusalGround.LegalRetentionObligation, "Wwft art. 33")
            : new(purpose, outcome, RemainingBasis: outcome == PurposeDecisionOutcome.PartiallyComply ? "Wwft art. 33" : null);

    public static void ShouldSucceed(this Result result) =>
        result.IsSuccess.ShouldBeTrue($"expected success, got {string.Join(", ", result.Errors)}");

    public static T ShouldSucceed<T>(this Result<T> result)
    {
        result.IsSuccess.ShouldBeTrue($"expected success, got {string.Join(", ", result.Errors)}");
        return result.Value;
    }

    public static void ShouldFailWith(this Result result, params Error[] errors) =>
        result.Errors.Select(error => error.Code).ShouldBe(errors.Select(error => error.Code), ignoreOrder: true);

    private static void Submitted(DataSubjectRequest request)
    {
        request.StartProcessing(Officer, At(2)).ShouldSucceed();
        request.RecordDecision(Officer, At(3), Decision(PurposeA)).ShouldSucceed();
        request.SubmitForApproval(Officer, At(4), [PurposeA]).ShouldSucceed();
    }
}
