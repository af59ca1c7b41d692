using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RestrictionTests
{
    private static DataSubjectRequest Restricted()
    {
        var request = InProgressWithDecision(RequestType.Restriction);
        request.ApplyRestriction(Officer, At(4)).ShouldSucceed();
        return request;
    }

    [Fact]
    public void RestrictsTheDataWhileKeepingThemStored()
    {
        var request = Restricted();

        request.IsRestricted.ShouldBeTrue();
        request.RestrictionAppliedAt.ShouldBe(At(4));
    }

    [Fact]
    public void RefusesToLiftARestrictionBeforeTheSubjectIsInformed()
    {
        var request = Restricted();

        request.LiftRestriction(Officer, At(10)).ShouldFailWith(RequestErrors.RestrictionLiftNotNotified);
        request.IsRestricted.ShouldBeTrue();
    }

    [Fact]
    public void LiftsARestrictionAfterInformingTheSubject()
    {
        var request = Restricted();

        request.NotifyRestrictionLift(Officer, At(10)).ShouldSucceed();
        request.LiftRestriction(Officer, At(10)).ShouldSucceed();

        request.IsRestricted.ShouldBeFalse();
        request.RestrictionLiftNotifiedAt.ShouldBe(At(10));
        request.RestrictionLiftedAt.ShouldBe(At(10));
    }

    [Fact]
    public void RefusesALiftDatedBeforeTheSubjectWasInformed()
    {
        var request = Restricted();
        request.NotifyRestrictionLift(Officer, At(10)).ShouldSucceed();

        request.LiftRestriction(Officer, At(9)).ShouldFailWith(RequestErrors.RestrictionLiftNotNotified);
    }

    [Fact]
    public void LiftsARestrictionAfterTheCaseIsClosed()
    {
        var request = Restricted();
        request.PlanRecipientNotifications(Officer, At(4), []).ShouldSucceed();
        request.SubmitForApproval(Officer, At(5), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(6)).ShouldSucceed();
        request.MarkResponded(Officer, At(7)).ShouldSucceed();

        request.NotifyRestrictionLift(Officer, At(500)).ShouldSucceed();
        request.LiftRestriction(Officer, At(600)).ShouldSucceed();

        request.IsRestricted.ShouldBeFalse();
    }

    [Fact]
    public void RefusesToRespondToAGrantedRestrictionThatWasNotApplied()
    {
        var request = InProgressWithDecision(RequestType.Restriction);
        request.PlanRecipientNotifications(Officer, At(4), []).ShouldSucceed();
        request.SubmitForApproval(Officer, At(5), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(6)).ShouldSucceed();

        request.MarkResponded(Officer, At(7)).ShouldFailWith(RequestErrors.RestrictionNotApplied);
    }

    [Fact]
    public void RefusesRestrictionStepsOnAnotherKindOfRequest()
    {
        var request = InProgressWithDecision(RequestType.Erasure);

        request.ApplyRestriction(Officer, At(4)).ShouldFailWith(RequestErrors.NotARestrictionRequest);
        request.NotifyRestrictionLift(Officer, At(4)).ShouldFailWith(RequestErrors.NotARestrictionRequest);
    }

    [Fact]
    public void RefusesLiftStepsWhenNothingIsRestrictedOrTwice()
    {
        InProgressWithDecision(RequestType.Restriction).NotifyRestrictionLift(Officer, At(4)).ShouldFailWith(RequestErrors.RestrictionNotApplied);

        var request = Restricted();
        request.ApplyRestriction(Officer, At(5)).ShouldFailWith(RequestErrors.RestrictionAlreadyApplied);
        request.NotifyRestrictionLift(Officer, At(6)).ShouldSucceed();
        request.NotifyRestrictionLift(Officer, At(7)).ShouldFailWith(RequestErrors.RestrictionLiftAlreadyNotified);
        request.LiftRestriction(Officer, At(8)).ShouldSucceed();
        request.LiftRestriction(Officer, At(9)).ShouldFailWith(RequestErrors.RestrictionAlreadyLifted);
    }
}
