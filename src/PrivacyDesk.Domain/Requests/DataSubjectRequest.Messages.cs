using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>Correspondence from the data subject (issue 16): portal messages and e-mail replies, on the case and in the case file.</summary>
public sealed partial class DataSubjectRequest
{
    /// <summary>The audit action of a message from the subject: who relayed it (the portal, the mailbox reader), when, how long; never the text.</summary>
    public const string SubjectMessageReceivedAction = "request.message.received";

    private readonly List<SubjectMessage> _messages = [];

    /// <summary>Every message from the subject, oldest first.</summary>
    public IReadOnlyList<SubjectMessage> Messages => _messages;

    /// <summary>
    /// Adds a message from the subject. In any status: a reply after the answer (a complaint, a question) belongs in the
    /// file too. Trimmed; blank or too long is refused with a coded error.
    /// </summary>
    /// <param name="actor">Who relayed it: the portal or the mailbox reader (system actors, without roles; the caller decides who may relay).</param>
    public Result<SubjectMessage> ReceiveSubjectMessage(
        Actor actor, DateTimeOffset at, SubjectMessageChannel channel, string? text, string? topic = null, Guid? inboxMessageId = null)
    {
        // The subject's own words, relayed by the portal or the mailbox reader (system actors holding no staff role): no staff permission applies.
        ArgumentNullException.ThrowIfNull(actor);
        if (IsBlank(text))
        {
            return Result<SubjectMessage>.Failure(SubjectMessageErrors.TextRequired);
        }
        var trimmed = text!.Trim();
        if (trimmed.Length > SubjectMessage.TextMaxLength)
        {
            return Result<SubjectMessage>.Failure(SubjectMessageErrors.TextTooLong with { Arguments = MaxArgument(SubjectMessage.TextMaxLength) });
        }
        var shortTopic = Trimmed(topic);
        if (shortTopic is { Length: > SubjectMessage.TopicMaxLength })
        {
            shortTopic = shortTopic[..SubjectMessage.TopicMaxLength];
        }
        var message = new SubjectMessage(channel, shortTopic, trimmed, at, inboxMessageId);
        _messages.Add(message);
        Audit(SubjectMessageReceivedAction, actor, at, after: Fields(
            ("messageId", message.Id.ToString()),
            ("channel", channel.ToString()),
            ("length", trimmed.Length.ToString(CultureInfo.InvariantCulture))));
        return Result<SubjectMessage>.Of(message);
    }
}
