using System.Security.Cryptography;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class RequestAttachmentTests
{
    private static readonly Guid RequestId = Guid.NewGuid();

    [Fact]
    public void KeepsTheBareFileNameOurContentTypeAndTheHashOfTheContent()
    {
        var content = "From: jan@example.nl\r\nSubject: inzage"u8.ToArray();

        var attachment = RequestAttachment.Attach(RequestId, @"C:\fakepath\Verzoek inzage.EML", content, TestData.Officer, TestData.Now).Value;

        attachment.FileName.ShouldBe("Verzoek inzage.EML");
        attachment.ContentType.ShouldBe("message/rfc822");
        attachment.SizeBytes.ShouldBe(content.Length);
        attachment.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        attachment.UploadedByName.ShouldBe(TestData.Officer.Name);
    }

    [Fact]
    public void IsRecordedInTheRequestsStreamWithoutItsFileName()
    {
        var attachment = RequestAttachment.Attach(RequestId, "brief van Jan de Vries.pdf", "%PDF-1.4\n"u8.ToArray(), TestData.Officer, TestData.Now).Value;

        var change = attachment.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe(RequestAttachment.AddedAction);
        change.EntityType.ShouldBe(DataSubjectRequest.AuditEntityType);
        change.EntityId.ShouldBe(RequestId.ToString());
        change.After!.Values.ShouldNotContain(value => value != null && value.Contains("Jan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("factuur.exe", 10, "intake.attachment.type_not_allowed")]
    [InlineData("brief.docm", 10, "intake.attachment.type_not_allowed")]
    [InlineData("brief.pdf", RequestAttachment.MaxSizeBytes + 1, "intake.attachment.too_large")]
    [InlineData("brief.pdf", 0, "intake.attachment.empty")]
    [InlineData("   ", 10, "intake.attachment.name_invalid")]
    public void RefusesWhatIsNotAnOriginalRequestBeforeReadingIt(string fileName, long size, string code)
    {
        RequestAttachment.Check(fileName, size).ShouldContain(error => error.Code == code);
    }

    [Fact]
    public void AcceptsAFileOfExactlyTheLimit()
    {
        RequestAttachment.Check("scan.tiff", RequestAttachment.MaxSizeBytes).ShouldBeEmpty();
    }
}
