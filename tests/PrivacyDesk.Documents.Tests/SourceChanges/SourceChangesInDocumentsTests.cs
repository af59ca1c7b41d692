using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Documents.Tests.SourceChanges;

/// <summary>Issue 15 in the documents: the auditor's case file proves what was carried out; the letter says what was erased and what is kept.</summary>
public sealed class SourceChangesInDocumentsTests
{
    public SourceChangesInDocumentsTests() => Pdf.UseMachineFonts();

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void TheCaseFileShowsPerSystemWhetherTheErasureIsProvenOrOnlyConfirmedAndWhatTheLedgerKeeps(string language)
    {
        var dutch = language == "nl";
        var input = CaseFileCases.CaseFile(SourceChangeCases.Carried(language, failMarketing: true));

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, $"case-file-source-changes-{language}");

        var pages = Pdf.PageTexts(document.Content);
        var section = Between(string.Join(" ", pages), dutch ? "8. Uitvoering in de bronsystemen" : "8. Carried out in the source systems", dutch ? "9. Correspondentie van de betrokkene" : "9. Correspondence from the subject");
        section.ShouldContain(dutch ? "goedgekeurd door Lea van der Leiding" : "approved by Lea van der Leiding");
        section.ShouldContain(SourceChangeCases.CoreSystem);
        section.ShouldContain(dutch ? "uitgevoerd en bewezen" : "carried out and proven");
        section.ShouldContain("public.newsletter_contacts");
        section.ShouldContain(dutch ? "geen oorspronkelijke waarde over" : "no original value left");
        section.ShouldContain(SourceChangeCases.DeleteHash[..12], customMessage: "the statement is named by its hash");
        section.ShouldContain(dutch ? "(+1 nieuw)" : "(+1 new)", customMessage: "a row added since the dry run is shown");
        // The manual archive: confirmed, not proven, with the officer's note.
        section.ShouldContain(dutch ? "met de hand bevestigd" : "confirmed by hand");
        section.ShouldContain(dutch ? "niet door PrivacyDesk gecontroleerd" : "not checked by PrivacyDesk");
        section.ShouldContain("dossier 4711");
        // The failure, with its code; and the ledger's entry with its end date and ground.
        section.ShouldContain(dutch ? "mislukt (source.unreachable)" : "failed (source.unreachable)");
        section.ShouldContain(dutch ? "1 maart 2031" : "1 March 2031");
        section.ShouldContain("Wwft art. 33");
    }

    [Fact]
    public void ACaseFileWithoutAPlanSaysSoInItsOwnSection()
    {
        var document = DocumentRenderer.RenderCaseFile(CaseFileCases.CaseFile("en"));

        var text = string.Join(" ", Pdf.PageTexts(document.Content));
        Between(text, "8. Carried out in the source systems", "9. Correspondence from the subject")
            .ShouldContain("No plan was made to carry out this case's decisions in the source systems.");
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void TheErasureLetterNamesTheSystemsWhereItIsDoneAndWhatIsKeptUntilWhenButNotAFailedSystem(string language)
    {
        var dutch = language == "nl";
        var input = SourceChangeCases.Carried(language, failMarketing: true);

        var letter = DocumentRenderer.Render(DocumentKind.Response, input).Value;
        Pdf.Keep(letter.Content, $"erasure-letter-source-changes-{language}");

        var text = string.Join(" ", Pdf.PageTexts(letter.Content));
        text.ShouldContain(dutch ? "Uitgevoerd in onze systemen" : "Carried out in our systems");
        text.ShouldContain(dutch ? "In deze systemen hebben wij uw gegevens gewist" : "In these systems we erased your data");
        text.ShouldContain(SourceChangeCases.CoreSystem);
        text.ShouldContain(dutch ? "daarna hebben wij gecontroleerd" : "afterwards we checked");
        text.ShouldContain(SourceChangeCases.ArchiveSystem);
        text.ShouldContain(dutch ? "door de beheerders van het systeem" : "by the system's administrators");
        text.ShouldNotContain(SourceChangeCases.FailedSystem, Case.Sensitive, "a letter never claims an erasure that failed");
        text.ShouldContain(dutch ? "bewaard tot en met 1 maart 2031" : "kept until 1 March 2031");
        // The subject reads systems and dates, never the office's tables or statements.
        text.ShouldNotContain("newsletter_contacts");
        text.ShouldNotContain("DELETE");
    }

    [Fact]
    public void AnApprovedPlanThatHasNotRunIsNotMentionedInTheLetter()
    {
        var letter = DocumentRenderer.Render(DocumentKind.Response, SourceChangeCases.Carried("en", run: false)).Value;

        var text = string.Join(" ", Pdf.PageTexts(letter.Content));
        text.ShouldNotContain("Carried out in our systems");
        text.ShouldNotContain(SourceChangeCases.CoreSystem);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"'{start}' is in the document");
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }
}
