using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class DecisionTests
{
    [Fact]
    public void RecordsTheDecisionWithWhoAndWhen()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);

        var decision = request.RecordDecision(Officer, At(5), new(PurposeA, PurposeDecisionOutcome.PartiallyComply,
            RemainingBasis: "Wwft art. 33, bewaard tot 2031-03-01", Note: "Marketinggegevens gewist")).ShouldSucceed();

        decision.PurposeId.ShouldBe(PurposeA);
        decision.Outcome.ShouldBe(PurposeDecisionOutcome.PartiallyComply);
        decision.RemainingBasis.ShouldBe("Wwft art. 33, bewaard tot 2031-03-01");
        decision.DecidedById.ShouldBe(Officer.Id);
        decision.DecidedAt.ShouldBe(At(5));
        decision.IsCurrent.ShouldBeTrue();
        request.CurrentDecisions.ShouldBe([decision]);
    }

    [Fact]
    public void KeepsOneCurrentDecisionPerPurposeAndTheReplacedOnesAsHistory()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        var first = request.RecordDecision(Officer, At(5), Decision(PurposeA)).ShouldSucceed();
        request.RecordDecision(Officer, At(5), Decision(PurposeB)).ShouldSucceed();
        request.DequeueChanges();

        var second = request.RecordDecision(OtherOfficer, At(6), Decision(PurposeA, PurposeDecisionOutcome.Refuse)).ShouldSucceed();

        first.IsCurrent.ShouldBeFalse();
        first.ReplacedAt.ShouldBe(At(6));
        first.ReplacedById.ShouldBe(OtherOfficer.Id);
        request.Decisions.Count.ShouldBe(3);
        request.CurrentDecisions.Count.ShouldBe(2);
        request.CurrentDecisions.ShouldContain(second);
        var change = request.PendingChanges.Single();
        change.Action.ShouldBe("request.decision.replaced");
        change.Before!["outcome"].ShouldBe("Comply");
        change.After!["outcome"].ShouldBe("Refuse");
        change.After!["groundReference"].ShouldBe("Wwft art. 33");
    }

    [Fact]
    public void RefusesARefusalWithoutAGround()
    {
        InStatus(RequestStatus.InProgress).RecordDecision(Officer, At(5), new(PurposeA, PurposeDecisionOutcome.Refuse))
            .ShouldFailWith(RequestErrors.DecisionGroundRequired);
    }

    [Fact]
    public void RefusesAPartialAnswerThatSaysNeitherWhatIsRefusedNorWhatRemains()
    {
        InStatus(RequestStatus.InProgress).RecordDecision(Officer, At(5), new(PurposeA, PurposeDecisionOutcome.PartiallyComply, RemainingBasis: " "))
            .ShouldFailWith(RequestErrors.DecisionGroundRequired);
    }

    [Fact]
    public void RefusesADecisionWithoutAPurpose()
    {
        InStatus(RequestStatus.InProgress).RecordDecision(Officer, At(5), Decision(Guid.Empty))
            .ShouldFailWith(RequestErrors.DecisionPurposeRequired);
    }

    [Fact]
    public void RefusesToSubmitWhileAPurposeOfTheSubjectIsUndecided()
    {
        var request = InProgressWithDecision(RequestType.Access);

        var result = request.SubmitForApproval(Officer, At(6), [PurposeA, PurposeB]);

        result.ShouldFailWith(RequestErrors.DecisionsMissing);
        result.Errors.Single().Arguments!["count"].ShouldBe("1");
        result.Errors.Single().Arguments!["purposes"].ShouldBe(PurposeB.ToString());
        request.Status.ShouldBe(RequestStatus.InProgress);
    }

    [Fact]
    public void SubmitsWhenEveryPurposeOfTheSubjectHasADecision()
    {
        var request = InProgressWithDecision(RequestType.Access);
        request.RecordDecision(Officer, At(5), Decision(PurposeB, PurposeDecisionOutcome.NotApplicable)).ShouldSucceed();

        request.SubmitForApproval(Officer, At(6), [PurposeA, PurposeB, PurposeA]).ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.AwaitingApproval);
        request.SubmittedById.ShouldBe(Officer.Id);
    }
}
