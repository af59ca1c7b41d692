using MimeKit;
using PrivacyDesk.Data.Inbox;
using PrivacyDesk.Web.Features.Inbox;

namespace PrivacyDesk.Web.Tests.Inbox;

/// <summary>The key a message is read once by: what the look-up compares is what the unique index stores.</summary>
public sealed class InboxReadingTests
{
    private static MimeMessage WithId(string id)
    {
        var message = new MimeMessage { Subject = "Re: Uw verzoek" };
        message.From.Add(new MailboxAddress("A", "a@example.nl"));
        message.MessageId = id;
        message.Body = new TextPart("plain") { Text = "Hallo" };
        return message;
    }

    [Fact]
    public void TwoLongMessageIdsThatShareTheirStartAreTwoKeysThatFitTheColumn()
    {
        var start = new string('x', InboxMessage.HeaderIdMaxLength) + "@example.nl";
        var first = InboxReading.DedupeKey(WithId("a" + start));
        var second = InboxReading.DedupeKey(WithId("b" + start));

        first.ShouldNotBe(second, "a crafted pair sharing 300 characters must not collide on the unique index");
        first.Length.ShouldBeLessThanOrEqualTo(InboxMessage.HeaderIdMaxLength);
        second.Length.ShouldBeLessThanOrEqualTo(InboxMessage.HeaderIdMaxLength);
        InboxReading.DedupeKey(WithId("short@example.nl")).ShouldBe("short@example.nl");
    }
}
