using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Register;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using UglyToad.PdfPig;
using static PrivacyDesk.Documents.Tests.Fixtures.DataCopiesCase;

namespace PrivacyDesk.Documents.Tests.Register;

public sealed class ProcessingRecordDocumentTests
{
    public ProcessingRecordDocumentTests() => Pdf.UseMachineFonts();

    private static ProcessingRecordInput Input(string language, IReadOnlyList<Purpose>? purposes = null) =>
        new(Controller(), false, purposes ?? ActiveRegister(), Amsterdam, GeneratedAt, "Fatima de Vries", language);

    private static (RenderedDocument Document, IReadOnlyList<string> Pages, string All) Render(ProcessingRecordInput input, string keepAs)
    {
        var document = ProcessingRecordDocument.Render(input);
        Pdf.Keep(document.Content, keepAs);
        var pages = Pdf.PageTexts(document.Content);
        return (document, pages, string.Join(" ", pages));
    }

    [Fact]
    public void TheDutchRecordNamesTheControllerAndDpoThenEveryPurposeWithTheFactsOfArticle30()
    {
        var (document, pages, all) = Render(Input("nl"), "art30-record-nl");

        document.Kind.ShouldBe(DocumentKind.ProcessingRecord);
        document.FileName.ShouldBe("art30-record-nl.pdf");
        pages[0].ShouldContain("Register van verwerkingsactiviteiten");
        pages[0].ShouldContain("Voorbeeld Beleggen B.V.");
        pages[0].ShouldContain("Herengracht 500, 1017 CB Amsterdam");
        pages[0].ShouldContain("Mr. drs. A. Özdemir, fg@voorbeeld.nl");
        pages[0].ShouldContain("5 maart 2026 00:30");
        pages[0].ShouldContain("13 (12 actief, 1 concept)");
        foreach (var purpose in DefaultRegister.Purposes)
        {
            all.ShouldContain(purpose.Definition.Name.Nl);
        }
        all.ShouldContain("Wettelijke verplichting (art. 6 lid 1 sub c AVG) Wwft art. 3 (cliëntenonderzoek) en Wwft art. 33 (bewaarplicht)");
        all.ShouldContain("Doeltoets: Weten wie onze klanten zijn");
        all.ShouldContain("Herbeoordeling: 30 juni 2027");
        all.ShouldContain("Verkregen: Opt-in bij aanmelding voor de nieuwsbrief");
        all.ShouldContain("Experian Nederland B.V. (kredietbureau, NL)");
        all.ShouldContain("Salesforce, Inc. (US): Adequaatheidsbesluit (art. 45 AVG)");
        all.ShouldContain("5 jaar na het einde van de relatie. Grond: 5 jaar na het einde van de zakelijke relatie, Wwft art. 33");
        all.ShouldContain("Noodzakelijk voor een overeenkomst (art. 22 lid 2 sub a AVG)");
        all.ShouldContain("Bijzondere persoonsgegevens");
        all.ShouldContain("Strafrechtelijke gegevens");
        all.ShouldContain("Geen rechtsgrond vastgelegd", Case.Sensitive, "Beveiliging has no basis and says so");
        all.ShouldContain("Open punten (blokkeren activering)");
        all.ShouldContain("actief sinds 5 januari 2026");
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain($"Pagina {i + 1} van {pages.Count}");
        }
        document.PageCount.ShouldBe(pages.Count);
    }

    [Fact]
    public void TheEnglishRecordUsesEnglishNamesLabelsAndReferences()
    {
        var (_, pages, all) = Render(Input("en"), "art30-record-en");

        pages[0].ShouldContain("Record of processing activities");
        pages[0].ShouldContain("13 (12 active, 1 draft)");
        all.ShouldContain("Verifying your identity and opening and managing your account");
        all.ShouldContain("Legal obligation (Art. 6(1)(c) GDPR)");
        all.ShouldContain("Standard contractual clauses (Art. 46(2)(c) GDPR)");
        all.ShouldContain("No lawful basis recorded");
        all.ShouldContain("Review: 30 June 2027");
        pages[^1].ShouldContain($"Page {pages.Count} of {pages.Count}");
    }

    [Fact]
    public void AnActivePurposeIsListedBeforeADraftAndItsStatusIsShown()
    {
        var (_, _, all) = Render(Input("nl"), "art30-record-order");

        var active = all.IndexOf("1. Bedrijfsherstructurering", StringComparison.Ordinal);
        var draft = all.IndexOf("13. Beveiliging", StringComparison.Ordinal);
        active.ShouldBeGreaterThan(0);
        draft.ShouldBeGreaterThan(all.IndexOf("12. ", StringComparison.Ordinal));
        all[active..draft].ShouldContain("Actief");
        all[draft..].ShouldContain("Concept");
    }

    [Fact]
    public void AnEmptyRegisterSaysSoAndFontsAreEmbedded()
    {
        var (document, pages, _) = Render(Input("nl", []), "art30-record-empty");

        pages.Count.ShouldBe(1);
        pages[0].ShouldContain("Het register bevat nog geen doelen.");
        using var pdf = PdfDocument.Open(document.Content);
        pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ShouldAllBe(name => name != null && name.Contains('+'));
    }
}
