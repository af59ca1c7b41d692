using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>An Art. 19 notification e-mailed by a secure link (ADR 0051): what the row keeps and how the Art. 19 check counts it.</summary>
public sealed class RecipientEmailTests
{
    private static readonly PlannedRecipient CreditBureau = new("BKR", NotificationRecipientKind.External, PurposeA);

    private static DataSubjectRequest ApprovedErasure()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.PlanRecipientNotifications(Officer, At(4), [CreditBureau]).ShouldSucceed();
        request.SubmitForApproval(Officer, At(5), [PurposeA]).ShouldSucceed();
        request.Approve(TeamLead, At(6)).ShouldSucceed();
        return request;
    }

    [Fact]
    public void EmailingKeepsTheAddressTheChannelAndWhenAndCountsAsSentForTheArt19Check()
    {
        var request = ApprovedErasure();
        var notification = request.RecipientNotifications[0];

        request.EmailRecipientNotification(Officer, notification.Id, At(7), " privacy@bkr.nl ").ShouldSucceed();

        notification.Status.ShouldBe(RecipientNotificationStatus.Sent);
        notification.Channel.ShouldBe(RecipientNotificationChannel.Email);
        notification.EmailedTo.ShouldBe("privacy@bkr.nl");
        notification.ClosedAt.ShouldBe(At(7));
        notification.ClosedById.ShouldBe(Officer.Id);
        var change = request.PendingChanges[^1];
        change.Action.ShouldBe(RequestActions.RecipientEmailed);
        change.After!["emailedTo"].ShouldBe("privacy@bkr.nl");
        change.After["channel"].ShouldBe("Email");
        change.After["notificationStatus"].ShouldBe("Sent");
        // The existing rule: no open notification, so the answer may go.
        request.MarkResponded(Officer, At(8)).ShouldSucceed();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bkr.nl")]
    [InlineData("privacy@bkr")]
    [InlineData("privacy @bkr.nl")]
    [InlineData("privacy@bkr.nl\r\nBcc: x@y.nl")]
    public void RefusesAnAddressThatIsNotOneAndChangesNothing(string address)
    {
        var request = ApprovedErasure();
        var notification = request.RecipientNotifications[0];
        var changes = request.PendingChanges.Count;

        request.EmailRecipientNotification(Officer, notification.Id, At(7), address).ShouldFailWith(RequestErrors.RecipientEmailInvalid);

        notification.IsOpen.ShouldBeTrue();
        notification.Channel.ShouldBeNull();
        notification.EmailedTo.ShouldBeNull();
        request.PendingChanges.Count.ShouldBe(changes);
        ErrorCatalog.Messages.ShouldContainKey(RequestErrors.RecipientEmailInvalid.Code);
    }

    [Fact]
    public void RefusesToEmailANotificationAlreadyDealtWith()
    {
        var request = ApprovedErasure();
        var id = request.RecipientNotifications[0].Id;
        request.MarkRecipientNotified(Officer, id, At(7)).ShouldSucceed();

        request.EmailRecipientNotification(Officer, id, At(8), "privacy@bkr.nl").ShouldFailWith(RequestErrors.RecipientNotificationClosed);
        request.RecipientNotifications[0].Channel.ShouldBe(RecipientNotificationChannel.Manual);
        request.RecipientNotifications[0].EmailedTo.ShouldBeNull();
    }

    [Fact]
    public void AnAuditorMayNotEmailIt()
    {
        var request = ApprovedErasure();

        request.EmailRecipientNotification(Auditor, request.RecipientNotifications[0].Id, At(7), "privacy@bkr.nl").ShouldFailWith(RequestErrors.Forbidden);
        request.RecipientNotifications[0].IsOpen.ShouldBeTrue();
    }

    [Fact]
    public void ANoticeDeliveryOffersOnlyTheRecipientsLetterAndAuditsItsDownloadsAsTheNotices()
    {
        var requestId = Guid.NewGuid();
        var notificationId = Guid.NewGuid();
        var letter = Guid.NewGuid();
        var delivery = ResponseDelivery.CreateForRecipientNotice(
            requestId, notificationId, "hash", new OfferedDocument(letter, DocumentKind.RecipientNotification), At(7), 30, Officer).Value;

        delivery.IsRecipientNotice.ShouldBeTrue();
        delivery.RecipientNotificationId.ShouldBe(notificationId);
        delivery.DocumentIds.ShouldBe([letter]);
        delivery.PendingChanges[0].Action.ShouldBe(ResponseDelivery.NoticeCreatedAction);
        delivery.PendingChanges[0].After!["notificationId"].ShouldBe(notificationId.ToString());

        delivery.RecordDownload(letter, At(8), Officer).IsSuccess.ShouldBeTrue();
        delivery.PendingChanges[^1].Action.ShouldBe(ResponseDelivery.NoticeDownloadedAction);
        delivery.FirstDownloadedAt.ShouldBe(At(8));
        delivery.RecordDownload(Guid.NewGuid(), At(8), Officer).IsFailure.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DocumentKind.Response)]
    [InlineData(DocumentKind.CaseFile)]
    [InlineData(DocumentKind.CopyOfData)]
    public void ANoticeDeliveryRefusesAnyOtherDocument(DocumentKind kind) =>
        ResponseDelivery.CreateForRecipientNotice(Guid.NewGuid(), Guid.NewGuid(), "hash", new OfferedDocument(Guid.NewGuid(), kind), At(7), 30, Officer)
            .Codes().ShouldBe([DeliveryErrors.DocumentNotOffered.Code]);
}
