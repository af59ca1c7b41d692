using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class ExtensionTests
{
    private const string Why = "De gegevens staan in twaalf systemen en drie archieven.";

    [Theory]
    [InlineData(-20)]
    [InlineData(-1)]
    [InlineData(0)]
    public void ExtendsWhenTheSubjectIsToldOnOrBeforeTheOriginalDeadline(int daysFromDeadline)
    {
        var request = InStatus(RequestStatus.InProgress);

        request.Extend(Officer, At(5), ExtensionReason.Complexity, Why, DueOn.AddDays(daysFromDeadline), ExtendedDueOn).ShouldSucceed();

        request.ExtendedDueOn.ShouldBe(ExtendedDueOn);
        request.EffectiveDueOn.ShouldBe(ExtendedDueOn);
        request.DueOn.ShouldBe(DueOn);
        request.Extension!.Reason.ShouldBe(ExtensionReason.Complexity);
        request.Extension.SubjectNotifiedOn.ShouldBe(DueOn.AddDays(daysFromDeadline));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void RefusesAnExtensionAfterTheOriginalDeadline(int daysLate)
    {
        var request = InStatus(RequestStatus.InProgress);

        request.Extend(Officer, At(5), ExtensionReason.NumberOfRequests, Why, DueOn.AddDays(daysLate), ExtendedDueOn)
            .ShouldFailWith(RequestErrors.ExtensionTooLate);
        request.ExtendedDueOn.ShouldBeNull();
    }

    [Fact]
    public void RefusesASecondExtension()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.Extend(Officer, At(5), ExtensionReason.Complexity, Why, DueOn, ExtendedDueOn).ShouldSucceed();

        request.Extend(Officer, At(6), ExtensionReason.NumberOfRequests, Why, DueOn, ExtendedDueOn.AddMonths(1))
            .ShouldFailWith(RequestErrors.ExtensionAlreadyExtended);
        request.ExtendedDueOn.ShouldBe(ExtendedDueOn);
    }

    [Fact]
    public void RefusesAnExtensionWithoutAnExplanation()
    {
        InStatus(RequestStatus.InProgress).Extend(Officer, At(5), ExtensionReason.Complexity, " ", DueOn, ExtendedDueOn)
            .ShouldFailWith(RequestErrors.ExtensionExplanationRequired);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void RefusesAnExtendedDeadlineThatIsNotLater(int daysAfterDue)
    {
        InStatus(RequestStatus.InProgress).Extend(Officer, At(5), ExtensionReason.Complexity, Why, DueOn, DueOn.AddDays(daysAfterDue))
            .ShouldFailWith(RequestErrors.ExtensionDueNotLater);
    }

    [Fact]
    public void RefusesANoticeDatedBeforeTheRequestArrived()
    {
        InStatus(RequestStatus.InProgress).Extend(Officer, At(5), ExtensionReason.Complexity, Why, ReceivedOn.AddDays(-1), ExtendedDueOn)
            .ShouldFailWith(RequestErrors.ExtensionNoticeDateInvalid);
    }

    [Fact]
    public void RecordsBothDeadlinesAndTheReason()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.DequeueChanges();

        request.Extend(Officer, At(5), ExtensionReason.NumberOfRequests, Why, DueOn.AddDays(-3), ExtendedDueOn).ShouldSucceed();

        var change = request.PendingChanges.Single();
        change.Action.ShouldBe("request.extended");
        change.Before!["extendedDueOn"].ShouldBeNull();
        change.After!["extendedDueOn"].ShouldBe("2026-05-11");
        change.After!["extensionReason"].ShouldBe("NumberOfRequests");
        change.After!["subjectNotifiedOn"].ShouldBe("2026-03-07");
        change.Reason.ShouldBe(Why);
    }
}
