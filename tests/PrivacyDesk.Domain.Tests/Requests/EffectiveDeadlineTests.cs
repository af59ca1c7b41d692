using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>The stored effective deadline, which the queue filters and sorts on, follows the domain's own changes.</summary>
public sealed class EffectiveDeadlineTests
{
    [Fact]
    public void AReceivedRequestIsDueOnItsOneMonthDeadline()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(), [], Officer, At(0)).ShouldSucceed();

        request.EffectiveDueOn.ShouldBe(DueOn);
    }

    [Fact]
    public void AnExtensionMovesTheEffectiveDeadlineToTheExtendedOne()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.Extend(Officer, At(5), ExtensionReason.Complexity, "Twaalf bronsystemen.", DueOn, ExtendedDueOn).ShouldSucceed();

        request.EffectiveDueOn.ShouldBe(ExtendedDueOn);
    }

    [Fact]
    public void ARefusedExtensionLeavesTheEffectiveDeadlineAlone()
    {
        var request = InStatus(RequestStatus.InProgress);

        request.Extend(Officer, At(5), ExtensionReason.Complexity, "Te laat.", DueOn.AddDays(1), ExtendedDueOn).IsFailure.ShouldBeTrue();

        request.EffectiveDueOn.ShouldBe(DueOn);
    }
}
