using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Tests.Delivery;

public sealed class ResponseDeliveryTests
{
    private static readonly Actor Portal = new("portal", "Privacyportaal", []);
    private static readonly Guid Letter = Guid.NewGuid();
    private static readonly Guid Copy = Guid.NewGuid();

    private static ResponseDelivery Delivery(int days = 30) => ResponseDelivery.Create(
        Guid.NewGuid(), "hash", AnswerDeliveryMethod.Link,
        [new OfferedDocument(Letter, DocumentKind.Response), new OfferedDocument(Copy, DocumentKind.CopyOfData)], TestData.Now, days, TestData.Officer).Value;

    [Fact]
    public void ExpiresAfterTheConfiguredDays()
    {
        var delivery = Delivery(30);

        delivery.ExpiresAt.ShouldBe(TestData.Now.AddDays(30));
        delivery.IsExpired(TestData.Now.AddDays(30).AddSeconds(-1)).ShouldBeFalse();
        delivery.IsExpired(TestData.Now.AddDays(30)).ShouldBeTrue();
    }

    [Fact]
    public void RecordsItsCreationInTheRequestsStreamWithIdsOnly()
    {
        var delivery = Delivery();

        var change = delivery.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe(ResponseDelivery.CreatedAction);
        change.EntityType.ShouldBe(DataSubjectRequest.AuditEntityType);
        change.EntityId.ShouldBe(delivery.RequestId.ToString());
        change.After!["documents"].ShouldBe($"{Letter},{Copy}");
    }

    [Fact]
    public void RefusesAnEmptyOffer() =>
        ResponseDelivery.Create(Guid.NewGuid(), "hash", AnswerDeliveryMethod.Link, [], TestData.Now, 30, TestData.Officer)
            .Codes().ShouldBe([DeliveryErrors.NothingToDeliver.Code]);

    [Theory]
    [InlineData(DocumentKind.CaseFile)]
    [InlineData(DocumentKind.Acknowledgement)]
    [InlineData(DocumentKind.RecipientNotification)]
    public void RefusesToOfferWhatIsNotPartOfTheAnswer(DocumentKind kind) =>
        ResponseDelivery.Create(Guid.NewGuid(), "hash", AnswerDeliveryMethod.Link, [new OfferedDocument(Guid.NewGuid(), kind)], TestData.Now, 30, TestData.Officer)
            .Codes().ShouldBe([DeliveryErrors.DocumentNotOffered.Code]);

    [Fact]
    public void CountsDownloadsAndKeepsTheFirstAndLast()
    {
        var delivery = Delivery();

        delivery.RecordDownload(Letter, TestData.Now.AddDays(1), Portal).IsSuccess.ShouldBeTrue();
        delivery.RecordDownload(Copy, TestData.Now.AddDays(2), Portal).IsSuccess.ShouldBeTrue();

        delivery.DownloadCount.ShouldBe(2);
        delivery.FirstDownloadedAt.ShouldBe(TestData.Now.AddDays(1));
        delivery.LastDownloadedAt.ShouldBe(TestData.Now.AddDays(2));
        var audit = delivery.PendingChanges[^1];
        audit.Action.ShouldBe(ResponseDelivery.DownloadedAction);
        audit.After!["documentId"].ShouldBe(Copy.ToString());
    }

    [Fact]
    public void RefusesADocumentItDoesNotOfferAndChangesNothing()
    {
        var delivery = Delivery();

        delivery.RecordDownload(Guid.NewGuid(), TestData.Now, Portal).Codes().ShouldBe([DeliveryErrors.DocumentNotOffered.Code]);

        delivery.DownloadCount.ShouldBe(0);
        delivery.FirstDownloadedAt.ShouldBeNull();
    }

    [Fact]
    public void RefusesADownloadAfterExpiry()
    {
        var delivery = Delivery(1);

        delivery.RecordDownload(Letter, TestData.Now.AddDays(2), Portal).Codes().ShouldBe([DeliveryErrors.LinkExpired.Code]);
        delivery.DownloadCount.ShouldBe(0);
    }

    [Fact]
    public void ExtendsFromTheCurrentEndWhileValidAndFromNowOnceExpired()
    {
        var valid = Delivery(30);
        valid.Extend(14, TestData.Now.AddDays(10), TestData.Officer).IsSuccess.ShouldBeTrue();
        valid.ExpiresAt.ShouldBe(TestData.Now.AddDays(44));

        var expired = Delivery(1);
        expired.Extend(14, TestData.Now.AddDays(5), TestData.Officer).IsSuccess.ShouldBeTrue();
        expired.ExpiresAt.ShouldBe(TestData.Now.AddDays(19));
        expired.RecordDownload(Letter, TestData.Now.AddDays(6), Portal).IsSuccess.ShouldBeTrue();
        expired.PendingChanges.ShouldContain(c => c.Action == ResponseDelivery.ExtendedAction);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ResponseDelivery.MaxExtensionDays + 1)]
    public void RefusesAnExtensionOutOfRange(int days)
    {
        var delivery = Delivery(30);

        delivery.Extend(days, TestData.Now, TestData.Officer).Codes().ShouldBe([DeliveryErrors.ExtensionOutOfRange.Code]);
        delivery.ExpiresAt.ShouldBe(TestData.Now.AddDays(30));
    }

    [Fact]
    public void EveryCodeHasADutchAndEnglishSentence()
    {
        foreach (var code in DeliveryErrors.Messages.Keys)
        {
            ErrorCatalog.Message(new Error(code), "nl").ShouldNotBeNullOrWhiteSpace();
            ErrorCatalog.Message(new Error(code), "en").ShouldNotBeNullOrWhiteSpace();
        }
        ErrorCatalog.Message(DeliveryErrors.ExtensionOutOfRange with
        {
            Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = "90" },
        }, "en").ShouldBe("Extend the link by 1 to 90 days.");
    }
}
