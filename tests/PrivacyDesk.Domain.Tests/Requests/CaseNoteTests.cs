using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class CaseNoteTests
{
    [Fact]
    public void AddsANoteWithItsAuthorAndAuditsWhoAndWhenButNotTheText()
    {
        var request = Received();
        request.DequeueChanges();

        var added = request.AddNote(Officer, At(2), "  Klant belde: wil vooral geen marketing meer.  ");

        added.IsSuccess.ShouldBeTrue();
        var note = request.Notes.ShouldHaveSingleItem();
        note.Text.ShouldBe("Klant belde: wil vooral geen marketing meer.");
        note.AuthorName.ShouldBe("Olga Officer");
        note.WrittenAt.ShouldBe(At(2));
        var change = request.DequeueChanges().ShouldHaveSingleItem();
        change.Action.ShouldBe(DataSubjectRequest.NoteAddedAction);
        change.After!.Values.ShouldNotContain(note.Text);
    }

    [Fact]
    public void AddsNotesToClosedCasesToo()
    {
        var request = InStatus(RequestStatus.Withdrawn);

        request.AddNote(Officer, At(9), "Betrokkene belde na de intrekking.").IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void RefusesAnEmptyOrTooLongNoteAndAnAuditorsNote()
    {
        var request = Received();

        request.AddNote(Officer, At(2), "   ").Errors.ShouldHaveSingleItem().ShouldBe(CaseNoteErrors.TextRequired);
        request.AddNote(Officer, At(2), new string('x', CaseNote.TextMaxLength + 1)).Errors.ShouldHaveSingleItem().Code.ShouldBe(CaseNoteErrors.TextTooLong.Code);
        request.AddNote(Auditor, At(2), "Gezien.").Errors.ShouldHaveSingleItem().ShouldBe(RequestErrors.Forbidden);
        request.Notes.ShouldBeEmpty();
    }
}
