using System.Text;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>A file is what its content says, not what its name claims: checked by the first bytes, for every allowed type.</summary>
public sealed class AttachmentContentTests
{
    private static readonly Guid RequestId = Guid.NewGuid();

    private static readonly byte[] Html = "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray();

    private static readonly Dictionary<string, byte[]> Files = new(StringComparer.Ordinal)
    {
        ["brief.pdf"] = "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray(),
        ["scan.png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
        ["scan.jpg"] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46],
        ["scan.jpeg"] = [0xFF, 0xD8, 0xFF, 0xE1, 0, 16, 0x45, 0x78],
        ["scan.tif"] = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0],
        ["scan.tiff"] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8],
        ["mail.msg"] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        ["mail.eml"] = "Received: from mx.example.nl\r\nFrom: jan@example.nl\r\nSubject: inzage\r\n\r\nBeste,"u8.ToArray(),
        ["brief.txt"] = Encoding.UTF8.GetBytes("Geachte heer, graag inzage in mijn gegevens. Met vriendelijke groet, Zoë"),
    };

    public static TheoryData<string, byte[]> Genuine()
    {
        var data = new TheoryData<string, byte[]>();
        foreach (var (name, content) in Files)
        {
            data.Add(name, content);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Genuine))]
    public void AcceptsAFileWhoseContentIsItsType(string name, byte[] content)
    {
        RequestAttachment.Attach(RequestId, name, content, TestData.Officer, TestData.Now).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("brief.pdf")]
    [InlineData("scan.png")]
    [InlineData("scan.jpg")]
    [InlineData("scan.tif")]
    [InlineData("mail.msg")]
    [InlineData("mail.eml")]
    public void RefusesHtmlNamedAsAnotherType(string name)
    {
        var result = RequestAttachment.Attach(RequestId, name, Html, TestData.Officer, TestData.Now);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("intake.attachment.content_mismatch");
        error.Arguments!["file"].ShouldBe(name);
    }

    [Theory]
    [InlineData("scan.png", "brief.pdf")]
    [InlineData("brief.pdf", "scan.jpg")]
    [InlineData("mail.msg", "scan.png")]
    public void RefusesOneAllowedTypeNamedAsAnother(string genuine, string claimed)
    {
        RequestAttachment.Attach(RequestId, claimed, Files[genuine], TestData.Officer, TestData.Now)
            .Errors.Select(e => e.Code).ShouldBe(["intake.attachment.content_mismatch"]);
    }

    [Fact]
    public void RefusesBinaryNamedAsText()
    {
        RequestAttachment.Attach(RequestId, "brief.txt", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], TestData.Officer, TestData.Now)
            .Errors.Select(e => e.Code).ShouldBe(["intake.attachment.content_mismatch"]);
    }

    [Theory]
    [InlineData("factuur\u202Efdp.exe")]
    [InlineData("brief\u200B.pdf")]
    [InlineData("brief\u2067.pdf")]
    public void RefusesAFileNameWithInvisibleDirectionOrFormatCharacters(string name)
    {
        RequestAttachment.Attach(RequestId, name, "%PDF-1.7\n"u8.ToArray(), TestData.Officer, TestData.Now)
            .Errors.Select(e => e.Code).ShouldBe(["intake.attachment.name_hidden_characters"]);
    }
}
