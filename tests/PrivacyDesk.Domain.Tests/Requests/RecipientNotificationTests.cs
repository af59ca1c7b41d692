using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RecipientNotificationTests
{
    private static readonly PlannedRecipient CreditBureau = new("BKR", NotificationRecipientKind.External, PurposeA);
    private static readonly PlannedRecipient IdChecker = new("IDcheck B.V.", NotificationRecipientKind.External, PurposeA);

    private static DataSubjectRequest ApprovedErasureWith(params PlannedRecipient[] recipients)
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.PlanRecipientNotifications(Officer, At(4), recipients).ShouldSucceed();
        request.SubmitForApproval(Officer, At(5), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(6)).ShouldSucceed();
        return request;
    }

    [Theory]
    [InlineData(RequestType.Access)]
    [InlineData(RequestType.Portability)]
    [InlineData(RequestType.Objection)]
    [InlineData(RequestType.RecipientsDisclosure)]
    public void PlansNoNotificationsOutsideRectificationErasureAndRestriction(RequestType type)
    {
        InProgressWithDecision(type).PlanRecipientNotifications(Officer, At(4), [CreditBureau])
            .ShouldFailWith(RequestErrors.RecipientsNotApplicable);
    }

    [Theory]
    [InlineData(RequestType.Rectification)]
    [InlineData(RequestType.Erasure)]
    [InlineData(RequestType.Restriction)]
    public void PlansOneNotificationPerRecipientOfAnAffectedPurpose(RequestType type)
    {
        var request = InProgressWithDecision(type);

        var planned = request.PlanRecipientNotifications(Officer, At(4), [CreditBureau, IdChecker]).ShouldSucceed();

        planned.Select(notification => notification.RecipientName).ShouldBe(["BKR", "IDcheck B.V."]);
        planned.ShouldAllBe(notification => notification.Status == RecipientNotificationStatus.Open && notification.PurposeId == PurposeA);
        request.RecipientNotificationsPlanned.ShouldBeTrue();
    }

    [Fact]
    public void RefusesARecipientOfAPurposeWithoutADecision()
    {
        InProgressWithDecision(RequestType.Erasure).PlanRecipientNotifications(Officer, At(4), [new("BKR", NotificationRecipientKind.External, PurposeB)])
            .ShouldFailWith(RequestErrors.RecipientPurposeNotDecided);
    }

    [Fact]
    public void RefusesARecipientOfAPurposeForWhichNothingWasCarriedOut()
    {
        InProgressWithDecision(RequestType.Erasure, PurposeDecisionOutcome.Refuse).PlanRecipientNotifications(Officer, At(4), [CreditBureau])
            .ShouldFailWith(RequestErrors.RecipientPurposeNotAffected);
    }

    [Fact]
    public void RefusesTheSameRecipientTwiceForOnePurpose()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.PlanRecipientNotifications(Officer, At(4), [CreditBureau]).ShouldSucceed();

        request.PlanRecipientNotifications(Officer, At(5), [CreditBureau with { Name = " bkr " }]).ShouldFailWith(RequestErrors.RecipientDuplicate);
    }

    [Fact]
    public void RefusesToRespondBeforeTheRecipientsArePlanned()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.SubmitForApproval(Officer, At(5), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(6)).ShouldSucceed();

        request.MarkResponded(Officer, At(7)).ShouldFailWith(RequestErrors.RecipientsNotPlanned);
    }

    [Fact]
    public void RespondsWhenThereTurnOutToBeNoRecipients()
    {
        ApprovedErasureWith().MarkResponded(Officer, At(7)).ShouldSucceed();
    }

    [Fact]
    public void RefusesToRespondWhileANotificationIsOpen()
    {
        var request = ApprovedErasureWith(CreditBureau, IdChecker);
        request.MarkRecipientNotified(Officer, request.RecipientNotifications[0].Id, At(7)).ShouldSucceed();

        request.MarkResponded(Officer, At(8)).ShouldFailWith(RequestErrors.RecipientNotificationsOpen);
    }

    [Fact]
    public void RespondsOnceEveryRecipientIsNotifiedOrExempted()
    {
        var request = ApprovedErasureWith(CreditBureau, IdChecker);
        request.MarkRecipientNotified(Officer, request.RecipientNotifications[0].Id, At(7)).ShouldSucceed();
        request.ExemptRecipientNotification(
            Officer, request.RecipientNotifications[1].Id, At(8), RecipientNotificationExemption.Impossible, "Leverancier failliet, geen curator.").ShouldSucceed();

        request.MarkResponded(Officer, At(9)).ShouldSucceed();

        request.RecipientNotifications[0].Status.ShouldBe(RecipientNotificationStatus.Sent);
        request.RecipientNotifications[0].ClosedAt.ShouldBe(At(7));
        request.RecipientNotifications[1].Status.ShouldBe(RecipientNotificationStatus.Impossible);
        request.RecipientNotifications[1].ExemptionReason.ShouldBe("Leverancier failliet, geen curator.");
    }

    [Fact]
    public void RefusesAnExemptionWithoutAReason()
    {
        var request = ApprovedErasureWith(CreditBureau);

        request.ExemptRecipientNotification(Officer, request.RecipientNotifications[0].Id, At(7), RecipientNotificationExemption.Disproportionate, "")
            .ShouldFailWith(RequestErrors.RecipientExemptionReasonRequired);
        request.RecipientNotifications[0].IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void RefusesToCloseANotificationTwiceOrOneThatIsNotOnTheCase()
    {
        var request = ApprovedErasureWith(CreditBureau);
        request.MarkRecipientNotified(Officer, request.RecipientNotifications[0].Id, At(7)).ShouldSucceed();

        request.MarkRecipientNotified(Officer, request.RecipientNotifications[0].Id, At(8)).ShouldFailWith(RequestErrors.RecipientNotificationClosed);
        request.MarkRecipientNotified(Officer, Guid.NewGuid(), At(8)).ShouldFailWith(RequestErrors.RecipientNotificationUnknown);
    }
}

/// <summary>Art. 19 at submission and approval: a warning, not a block (ADR 0031); the send step blocks.</summary>
public sealed class RecipientPlanningWarningTests
{
    [Fact]
    public void WarnsAtSubmissionAndApprovalWhileTheRecipientsAreUnplannedButDoesNotBlock()
    {
        var request = InProgressWithDecision(RequestType.Erasure);

        request.RecipientPlanningWarnings().Select(error => error.Code).ShouldBe(["request.recipients.unplanned_warning"]);
        request.SubmitForApproval(Officer, At(5), [PurposeA]).ShouldSucceed();
        request.RecipientPlanningWarnings().ShouldNotBeEmpty();
        request.Approve(TeamLead, At(6)).ShouldSucceed();
        PrivacyDesk.Domain.Common.ErrorCatalog.Message(request.RecipientPlanningWarnings()[0], "nl")!.ShouldContain("ontvangers");
        PrivacyDesk.Domain.Common.ErrorCatalog.Message(request.RecipientPlanningWarnings()[0], "en")!.ShouldContain("recipients");
    }

    [Fact]
    public void StopsWarningOnceTheRecipientsArePlannedEvenWhenThereAreNone()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.PlanRecipientNotifications(Officer, At(4), []).ShouldSucceed();

        request.RecipientPlanningWarnings().ShouldBeEmpty();
    }

    [Fact]
    public void NeverWarnsWhereArticle19DoesNotApply()
    {
        InProgressWithDecision(RequestType.Access).RecipientPlanningWarnings().ShouldBeEmpty();
    }
}
