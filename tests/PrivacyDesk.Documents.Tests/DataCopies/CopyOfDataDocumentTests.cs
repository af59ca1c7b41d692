using PrivacyDesk.Documents.DataCopies;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Documents;
using UglyToad.PdfPig;
using static PrivacyDesk.Documents.Tests.Fixtures.DataCopiesCase;

namespace PrivacyDesk.Documents.Tests.DataCopies;

public sealed class CopyOfDataDocumentTests
{
    public CopyOfDataDocumentTests() => Pdf.UseMachineFonts();

    private static (RenderedDocument Document, IReadOnlyList<string> Pages, string All) Render(CaseDocumentInput input, string keepAs)
    {
        var result = CopyOfDataDocument.Render(input);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        Pdf.Keep(result.Value.Content, keepAs);
        var pages = Pdf.PageTexts(result.Value.Content);
        return (result.Value, pages, string.Join(" ", pages));
    }

    [Fact]
    public void TheDutchCopyAddressesTheSubjectWithReferenceAndDutchDateThenTheDataPerSystemWithItsFingerprint()
    {
        var input = Build(language: "nl");
        var (document, pages, all) = Render(input, "copy-of-data-nl");

        document.Kind.ShouldBe(DocumentKind.CopyOfData);
        document.FileName.ShouldBe("DSR-2026-000123-copy-of-data-nl.pdf");
        document.ContentType.ShouldBe(RenderedDocument.PdfContentType);
        pages[0].ShouldContain("Kopie van uw persoonsgegevens");
        pages[0].ShouldContain("Geachte Zoë van der Berg-Çelik,");
        pages[0].ShouldContain("DSR-2026-000123");
        pages[0].ShouldContain("5 maart 2026", Case.Sensitive, "23:30 UTC on 4 March is 5 March in Amsterdam");
        pages[0].ShouldContain("10 februari 2026");
        pages[0].ShouldContain("art. 15 lid 3 AVG");
        pages[0].ShouldContain("Archief", Case.Sensitive, "the system that held nothing is named");
        foreach (var extract in input.Extracts)
        {
            all.ShouldContain(extract.Sha256);
        }
        all.ShouldContain("1.1 CRM");
        all.ShouldContain("klantnummer naam email telefoon notitie", Case.Sensitive, "five columns fit as a table with a header row");
        all.ShouldContain("Gebruikt voor Controleren van uw identiteit", Case.Sensitive, "each system names the purposes that use it");
        all.ShouldNotContain("Record 1 van 1 ", Case.Sensitive, "the narrow CRM extract is not transposed");
        all.ShouldContain("+31 6 1234 5678", Case.Sensitive, "an extract value");
        all.ShouldContain("=SUM(A1) <b>geen</b> markup", Case.Sensitive, "user text is printed, not interpreted");
        document.PageCount.ShouldBe(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain($"Pagina {i + 1} van {pages.Count}");
        }
    }

    [Fact]
    public void AFetchedExtractIsPrintedPerSourceTableWithItsCountAndOnlyThatTablesColumns()
    {
        var input = Build(language: "nl", coreRows: 3, fetchedCore: true);
        var (_, _, all) = Render(input, "copy-of-data-fetched-nl");

        all.ShouldContain("Aantal records 6: klanten 1, rekeningen 2, transacties 3");
        all.ShouldContain("klanten · 1 record klantnummer naam email geboortedatum", Case.Sensitive, "the customers table with its own four columns");
        all.ShouldContain("rekeningen · 2 records rekeningnummer klantnummer product risicoprofiel", Case.Sensitive, "the accounts table with its own columns");
        all.ShouldContain("transacties · 3 records transactie rekeningnummer datum bedrag");
        all.ShouldContain("T-00003 NL91 ABNA 0417 1643 00 2026-01-04 37.50");
        all.ShouldNotContain("_table");
        all.ShouldContain("Beleggingsrekening Offensief");
    }

    [Fact]
    public void AnEnglishCopyNamesTheRecordsOfEachFetchedTableInEnglish()
    {
        var (_, _, all) = Render(Build(language: "en", coreRows: 1, fetchedCore: true), "copy-of-data-fetched-en");

        all.ShouldContain("Records 4: klanten 1, rekeningen 2, transacties 1");
        all.ShouldContain("rekeningen · 2 records");
        all.ShouldContain("transacties · 1 record ");
    }

    [Fact]
    public void AWideExtractIsShownPerRecordAsFieldAndValueAcrossPagesWithNothingLost()
    {
        var input = Build(coreRows: 60);
        var (_, pages, all) = Render(input, "copy-of-data-wide");

        all.ShouldContain("Record 1 van 60");
        all.ShouldContain("Record 60 van 60");
        all.ShouldContain("transactie T-00060");
        all.ShouldContain("omschrijving Aankoop ASML Holding N.V. (60 stuks)");
        pages.Count.ShouldBeGreaterThan(5);
    }

    [Fact]
    public void PartTwoGivesEveryPurposeOfTheSubjectWithItsGroundRecipientsRetentionSourceAndAutomatedDecisions()
    {
        var input = Build(language: "nl");
        var (_, _, all) = Render(input, "copy-of-data-nl-info");

        foreach (var purpose in input.Purposes)
        {
            all.ShouldContain(purpose.Name.Nl);
        }
        all.ShouldNotContain("Beveiliging", Case.Sensitive, "a Draft purpose processes no one's data");
        all.ShouldContain("Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)");
        all.ShouldContain("Wettelijke verplichting (art. 6 lid 1 sub c AVG): de wet verplicht ons hiertoe (Wwft art. 3");
        all.ShouldContain("Experian Nederland B.V. (kredietbureau, NL)");
        all.ShouldContain("Qualtrics LLC (US): Modelcontractbepalingen (art. 46 lid 2 sub c AVG)");
        all.ShouldContain("5 jaar na het einde van de relatie (5 jaar na het einde van de zakelijke relatie, Wwft art. 33)");
        all.ShouldContain("De termijn begint pas als uw relatie met ons eindigt.");
        all.ShouldContain("Niet van u afkomstig: Uitkomsten krediet- en identiteitscontroles (verkregen van een andere partij)");
        all.ShouldContain("Hoe het werkt: De passendheidstoets en het kredietonderzoek");
        all.ShouldContain("art. 22 lid 3 AVG");
        foreach (var article in new[] { "art. 16 AVG", "art. 17 AVG", "art. 18 AVG", "art. 19 AVG", "art. 20 AVG", "art. 21 AVG" })
        {
            all.ShouldContain(article);
        }
        all.ShouldContain("Autoriteit Persoonsgegevens");
    }

    [Fact]
    public void TheEnglishCopyUsesEnglishWordingDatesAndLegalReferences()
    {
        var input = Build(language: "en");
        var (_, pages, all) = Render(input, "copy-of-data-en");

        pages[0].ShouldContain("Copy of your personal data");
        pages[0].ShouldContain("Dear Zoë van der Berg-Çelik,");
        pages[0].ShouldContain("5 March 2026");
        pages[0].ShouldContain("Art. 15(3) GDPR");
        all.ShouldContain("Part 1. Your data, per system");
        all.ShouldContain("Legitimate interest (Art. 6(1)(f) GDPR)");
        all.ShouldContain("Verifying your identity and opening and managing your account");
        all.ShouldContain("Autoriteit Persoonsgegevens");
        all.ShouldContain("Objection (Art. 21 GDPR)");
        all.ShouldNotContain("Pagina");
        pages[^1].ShouldContain($"Page {pages.Count} of {pages.Count}");
    }

    [Fact]
    public void HostileTextInAnExtractRendersInsideThePageWithoutBreakingTheLayout()
    {
        var endless = new string('X', 300);
        var input = Build(crmNote: $"Zoë 🔥 <script>alert(1)</script> {{{{sjabloon}}}} \u0007 {endless}");
        var (document, _, all) = Render(input, "copy-of-data-hostile");

        all.ShouldContain("<script>alert(1)</", Case.Sensitive, "markup is printed (cut where the cell ends), not interpreted");
        all.ShouldContain("{{sjabloon}}");
        all.ShouldContain("Zoë ?", Case.Sensitive, "the emoji the font lacks becomes a question mark");
        using var pdf = PdfDocument.Open(document.Content);
        var letters = pdf.GetPages().SelectMany(p => p.Letters).ToList();
        letters.Count(l => l.Value == "X").ShouldBeGreaterThanOrEqualTo(300, "the long word is cut over lines, not lost");
        pdf.GetPages().ShouldAllBe(page => page.Letters.All(l => l.BoundingBox.Right <= page.Width - 50));
    }

    [Fact]
    public void FontsAreEmbeddedAsSubsets()
    {
        var result = CopyOfDataDocument.Render(Build());

        using var pdf = PdfDocument.Open(result.Value.Content);
        pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct()
            .ShouldAllBe(name => name != null && name.Contains('+'));
    }

    [Fact]
    public void WithoutAnyExtractTheCopySaysNoDataWereFoundAndStillGivesTheInformation()
    {
        var input = Build() with { Extracts = [] };
        var (_, _, all) = Render(input, "copy-of-data-empty");

        all.ShouldContain("Wij hebben in onze systemen geen gegevens over u aangetroffen.");
        all.ShouldContain("Deel 2. Wat wij met uw gegevens doen");
    }
}
