using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// An internal note on a case: working knowledge between colleagues, never sent to the subject.
/// Notes are only added, never edited or removed, so the case file shows what was known when.
/// </summary>
public sealed class CaseNote
{
    public const int TextMaxLength = 4_000;

    private CaseNote()
    {
    }

    internal CaseNote(string text, string authorId, string authorName, DateTimeOffset writtenAt)
    {
        Id = Guid.CreateVersion7();
        Text = text;
        AuthorId = authorId;
        AuthorName = authorName;
        WrittenAt = writtenAt;
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    public string AuthorId { get; private set; } = "";

    public string AuthorName { get; private set; } = "";

    public DateTimeOffset WrittenAt { get; private set; }
}

/// <summary>The coded errors of internal case notes, with a plain Dutch and English sentence each.</summary>
public static class CaseNoteErrors
{
    public static readonly Error TextRequired = new("request.note.text_required", "Text");

    public static readonly Error TextTooLong = new("request.note.text_too_long", "Text");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [TextRequired.Code] = new("Schrijf eerst de notitie.", "Write the note first."),
        [TextTooLong.Code] = new(
            "Deze notitie is te lang: maximaal {max} tekens.",
            "This note is too long: at most {max} characters."),
    };
}
