using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class DuplicateRequestPolicyTests
{
    private static readonly Guid OtherSubject = Guid.Parse("5a1b3c4d-0000-4000-8000-000000000002");

    private static ExistingRequest Existing(int sequence, RequestType type, Guid subject, RequestStatus status) =>
        new(RequestReference.Create(2026, sequence).Value, type, subject, status);

    [Theory]
    [InlineData(RequestStatus.Received, true)]
    [InlineData(RequestStatus.AwaitingIdentity, true)]
    [InlineData(RequestStatus.InProgress, true)]
    [InlineData(RequestStatus.AwaitingApproval, true)]
    [InlineData(RequestStatus.Responded, false)]
    [InlineData(RequestStatus.Rejected, false)]
    [InlineData(RequestStatus.Withdrawn, false)]
    public void FlagsOnlyAnOpenRequest(RequestStatus status, bool flagged)
    {
        var found = DuplicateRequestPolicy.FindDuplicate(RequestType.Access, Subject, [Existing(7, RequestType.Access, Subject, status)]);

        (found is not null).ShouldBe(flagged);
    }

    [Fact]
    public void IgnoresAnotherTypeOrAnotherSubject()
    {
        DuplicateRequestPolicy.FindDuplicate(RequestType.Access, Subject,
        [
            Existing(7, RequestType.Erasure, Subject, RequestStatus.InProgress),
            Existing(8, RequestType.Access, OtherSubject, RequestStatus.InProgress),
        ]).ShouldBeNull();
    }

    [Fact]
    public void NamesTheEarliestOpenRequest()
    {
        DuplicateRequestPolicy.FindDuplicate(RequestType.Access, Subject,
        [
            Existing(9, RequestType.Access, Subject, RequestStatus.InProgress),
            Existing(3, RequestType.Access, Subject, RequestStatus.Responded),
            Existing(5, RequestType.Access, Subject, RequestStatus.Received),
        ])!.ToString().ShouldBe("DSR-2026-000005");
    }

    [Fact]
    public void StoresTheFlagOnTheRequestWhenRegistered()
    {
        var request = DataSubjectRequest.Receive(
            Reference, Intake(), [Existing(5, RequestType.Access, Subject, RequestStatus.InProgress)], Officer, At(0)).ShouldSucceed();

        request.DuplicateOf!.ToString().ShouldBe("DSR-2026-000005");
        request.PendingChanges.Single().After!["duplicateOf"].ShouldBe("DSR-2026-000005");
    }

    [Fact]
    public void RegistersAnUnflaggedRequestWhenThereIsNoOpenRepeat()
    {
        DataSubjectRequest.Receive(Reference, Intake(), [], Officer, At(0)).ShouldSucceed().DuplicateOf.ShouldBeNull();
    }
}
