using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>Internal notes on a case (issue 4): added by those who work cases, in any status, audited.</summary>
public sealed partial class DataSubjectRequest
{
    /// <summary>The audit action of a note; kept beside the notes so the other request actions stay untouched.</summary>
    public const string NoteAddedAction = "request.note.added";

    private readonly List<CaseNote> _notes = [];

    /// <summary>Every note, oldest first.</summary>
    public IReadOnlyList<CaseNote> Notes => _notes;

    /// <summary>
    /// Adds an internal note. Also on a closed case: what happened afterwards (a complaint, a call) belongs
    /// in the file. The note text is not copied into the audit trail, which keeps only that, who and when.
    /// </summary>
    public Result<CaseNote> AddNote(Actor actor, DateTimeOffset at, string? text)
    {
        var allowed = MayChange(actor, nameof(AddNote), Enum.GetValues<RequestStatus>());
        if (allowed.IsFailure)
        {
            return Result<CaseNote>.Failure(allowed.Errors);
        }
        if (IsBlank(text))
        {
            return Result<CaseNote>.Failure(CaseNoteErrors.TextRequired);
        }
        var trimmed = text!.Trim();
        if (trimmed.Length > CaseNote.TextMaxLength)
        {
            return Result<CaseNote>.Failure(CaseNoteErrors.TextTooLong with { Arguments = MaxArgument(CaseNote.TextMaxLength) });
        }
        var note = new CaseNote(trimmed, actor.Id, actor.Name, at);
        _notes.Add(note);
        Audit(NoteAddedAction, actor, at, after: Fields(
            ("noteId", note.Id.ToString()),
            ("length", trimmed.Length.ToString(CultureInfo.InvariantCulture))));
        return Result<CaseNote>.Of(note);
    }
}
