using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Rights;

/// <summary>The path from an officer's proposal to a recorded decision on a case: the law first, then the case.</summary>
public sealed class DecisionRecordingTests
{
    private static readonly Actor Handler = new("officer-1", "Fatima de Vries", [StaffRole.PrivacyOfficer]);

    private static (DataSubjectRequest Request, Purpose Purpose, PurposeAssessment Assessment) Case(RequestType type, string purposeKey)
    {
        var register = PrivacyNoticeRegister.Import(PrivacyNotice(), Officer, Now).Value.Purposes.Where(p => p.IsActive).ToList();
        var subject = Customer(relationshipStart: new DateOnly(2019, 1, 1), relationshipEnd: new DateOnly(2025, 6, 30));
        var purpose = register.Single(p => p.Key == purposeKey);
        var assessment = RightsEngine.Assess(type, subject, register, Today).For(purpose.Id)!;
        var intake = new RequestIntake(type, RequestChannel.Email, Now, Today, "nl", subject.Id, "Verzoek.", Today.AddMonths(1));
        var request = DataSubjectRequest.Receive(RequestReference.Parse("DSR-2026-000001"), intake, [], Handler, Now).Value;
        request.Assign(Handler, Handler, Now).IsSuccess.ShouldBeTrue();
        request.StartProcessing(Handler, Now).IsSuccess.ShouldBeTrue();
        request.DequeueChanges();
        return (request, purpose, assessment);
    }

    [Fact]
    public void AForbiddenDecisionNeverReachesTheCase()
    {
        var (request, purpose, assessment) = Case(RequestType.Objection, "direct-marketing");

        var result = DecisionRecording.Record(request, purpose, assessment,
            ProposedDecision.Refuse(purpose.Id, RefusalGround.CompellingLegitimateGrounds, "Wij hebben zwaarwegende gronden."), Handler, Now);

        result.Codes().ShouldContain("rights.decision.direct_marketing_objection_refused");
        request.Decisions.ShouldBeEmpty();
        request.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void ALawfulPartialErasureIsRecordedWithTheBasisThatRemains()
    {
        var (request, purpose, assessment) = Case(RequestType.Erasure, "identity-verification");

        var result = DecisionRecording.Record(request, purpose, assessment,
            ProposedDecision.PartiallyComply(purpose.Id, [LawfulBasisKind.LegalObligation], "De Wwft verplicht ons uw identiteitsgegevens te bewaren."), Handler, Now);

        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        var decision = request.CurrentDecisions.Single();
        decision.Outcome.ShouldBe(PurposeDecisionOutcome.PartiallyComply);
        decision.RemainingBasis!.ShouldContain("6(1)(c)");
        request.PendingChanges.Single().Action.ShouldBe(RequestActions.DecisionRecorded);
    }
}
