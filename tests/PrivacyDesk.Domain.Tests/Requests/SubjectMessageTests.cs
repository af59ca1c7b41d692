using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class SubjectMessageTests
{
    private static readonly Actor Mailbox = new("mailbox", "Postvak privacy", []);

    [Fact]
    public void TheMailboxReaderRelaysAReplyOntoAClosedCaseWithoutTheTextInTheAudit()
    {
        var request = InStatus(RequestStatus.Responded);
        request.DequeueChanges();
        var inboxId = Guid.CreateVersion7();

        var received = request.ReceiveSubjectMessage(Mailbox, At(50), SubjectMessageChannel.Email, "  Dank, maar ik mis mijn betaalgegevens.  ", "Re: uw verzoek", inboxId);

        received.IsSuccess.ShouldBeTrue();
        var message = request.Messages.ShouldHaveSingleItem();
        message.Text.ShouldBe("Dank, maar ik mis mijn betaalgegevens.");
        message.InboxMessageId.ShouldBe(inboxId);
        var change = request.DequeueChanges().ShouldHaveSingleItem();
        change.ActorName.ShouldBe("Postvak privacy");
        change.After!.Values.ShouldNotContain(message.Text);
    }

    [Fact]
    public void RefusesABlankMessage()
    {
        var request = Received();

        request.ReceiveSubjectMessage(Mailbox, At(2), SubjectMessageChannel.Portal, "  ").Errors.ShouldHaveSingleItem().ShouldBe(SubjectMessageErrors.TextRequired);
    }
}
