using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>How a message from the data subject reached the case.</summary>
public enum SubjectMessageChannel
{
    /// <summary>Written on the privacy portal's status page, after a fresh code.</summary>
    Portal,

    /// <summary>An e-mail reply that threaded onto the case (In-Reply-To / References), read from the office's mailbox.</summary>
    Email,
}

/// <summary>
/// A message from the data subject about their case: correspondence, shown on the case and in the auditor's case file.
/// Only added, never edited or removed. Unlike a <see cref="CaseNote"/> it is the subject's own words; the text is
/// personal data and never goes into the audit trail.
/// </summary>
public sealed class SubjectMessage
{
    public const int TextMaxLength = 10_000;
    public const int TopicMaxLength = 300;

    private SubjectMessage()
    {
    }

    internal SubjectMessage(SubjectMessageChannel channel, string? topic, string text, DateTimeOffset receivedAt, Guid? inboxMessageId)
    {
        Id = Guid.CreateVersion7();
        Channel = channel;
        Topic = topic;
        Text = text;
        ReceivedAt = receivedAt;
        InboxMessageId = inboxMessageId;
    }

    public Guid Id { get; private set; }

    public SubjectMessageChannel Channel { get; private set; }

    /// <summary>The e-mail's subject line; null for a portal message.</summary>
    public string? Topic { get; private set; }

    /// <summary>Plain text only: an HTML e-mail arrives here as its text (scripts and markup never reach a staff screen).</summary>
    public string Text { get; private set; } = "";

    /// <summary>When the message arrived: the portal's submit time, or the e-mail's arrival in the mailbox.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The mailbox message it came from (its original .eml is kept there); null for a portal message.</summary>
    public Guid? InboxMessageId { get; private set; }
}

/// <summary>The coded errors of messages from the subject, with a plain Dutch and English sentence each.</summary>
public static class SubjectMessageErrors
{
    public static readonly Error TextRequired = new("request.message.text_required", "Text");

    public static readonly Error TextTooLong = new("request.message.text_too_long", "Text");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [TextRequired.Code] = new("Schrijf eerst uw bericht.", "Write your message first."),
        [TextTooLong.Code] = new(
            "Dit bericht is te lang: maximaal {max} tekens.",
            "This message is too long: at most {max} characters."),
    };
}
