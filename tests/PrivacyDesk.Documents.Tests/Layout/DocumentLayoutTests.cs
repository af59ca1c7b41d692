using PrivacyDesk.Documents.Layout;
using UglyToad.PdfPig;

namespace PrivacyDesk.Documents.Tests.Layout;

public sealed class DocumentLayoutTests
{
    public DocumentLayoutTests() => Pdf.UseMachineFonts();

    private static PdfOutput Render(Action<Container> content, string language = "nl-NL") =>
        Document.Create(document =>
        {
            document.Metadata(new DocumentMetadata("Ontvangstbevestiging", "Verzoek PD-2026-000123", "Voorbeeld B.V.", language, new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.Zero)));
            document.Page(page =>
            {
                page.Header().Text(t => t.Span("Voorbeeld B.V.").Bold().FontSize(14));
                content(page.Content());
                page.Footer().Text(t =>
                {
                    t.AlignRight();
                    t.Span("Pagina ");
                    t.CurrentPageNumber();
                    t.Span(" van ");
                    t.TotalPages();
                });
            });
        }).Generate();

    [Fact]
    public void ALongTableContinuesOnNewPagesWithItsHeaderRepeatedAndEveryPageNumbered()
    {
        var output = Render(content => content.Table(table =>
        {
            table.ColumnsDefinition(c =>
            {
                c.ConstantColumn(60);
                c.RelativeColumn();
            });
            table.Header(h =>
            {
                h.Cell().Text("Volgnr");
                h.Cell().Text("Gebeurtenis");
            });
            for (var i = 1; i <= 200; i++)
            {
                table.Cell().Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                table.Cell().Text($"Besluit vastgelegd voor doel {i}");
            }
        }));
        Pdf.Keep(output.Content, "layout-table");

        var pages = Pdf.PageTexts(output.Content);
        output.PageCount.ShouldBeGreaterThan(3);
        pages.Count.ShouldBe(output.PageCount);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain("Volgnr Gebeurtenis", Case.Sensitive, $"page {i + 1} repeats the header");
            pages[i].ShouldContain($"Pagina {i + 1} van {pages.Count}");
        }
        var all = string.Join(" ", pages);
        all.ShouldContain("Besluit vastgelegd voor doel 1 ");
        all.ShouldContain("Besluit vastgelegd voor doel 200");
    }

    [Fact]
    public void UserTextWithEmojiMarkupControlCharactersAndEndlessWordsRendersInsideThePage()
    {
        var endless = new string('W', 400);
        var output = Render(content => content.Column(column =>
        {
            column.Item().Text("Naam: Zoë Ŝmit-Çelik 😀 <b>vet</b> & {{sjabloon}}\u0007\tklaar\r\nvolgende regel");
            column.Item().Text(endless);
            column.Item().Text("€ 12,50 — ĳ IJssel");
        }));
        Pdf.Keep(output.Content, "layout-hostile-text");

        using var pdf = PdfDocument.Open(output.Content);
        var page = pdf.GetPage(1);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        text.ShouldContain("Zoë");
        text.ShouldContain("Ŝmit-Çelik");
        text.ShouldContain("<b>vet</b>");
        text.ShouldContain("{{sjabloon}}");
        text.ShouldContain("€ 12,50");
        text.ShouldNotContain("\u0007");
        page.Letters.Count(l => l.Value == "W").ShouldBe(400, "the long word is cut over lines, not lost");
        page.Letters.ShouldAllBe(l => l.BoundingBox.Right <= page.Width - 50, "nothing runs past the right margin");
    }

    [Fact]
    public void ANameOutsideTheBasicMultilingualPlanePrintsAsWrittenFromAFallbackFont()
    {
        // Mathematical bold letters (U+1D409...) are in no Liberation face: DejaVu (fonts-dejavu-extra) has them.
        var output = Render(content => content.Column(column =>
        {
            column.Item().Text("Geachte 𝐉𝐚𝐧 de Vries,");
            column.Item().Text(t => t.Span("Aan: 𝐉𝐚𝐧 de Vries").Bold());
            column.Item().Text("Alleen dit teken heeft geen lettertype: 中.");
        }));
        Pdf.Keep(output.Content, "layout-non-bmp-name");

        var text = Pdf.PageTexts(output.Content)[0];
        text.ShouldContain("Geachte 𝐉𝐚𝐧 de Vries,");
        text.ShouldContain("Aan: 𝐉𝐚𝐧 de Vries");
        text.ShouldContain("lettertype: ?.", customMessage: "a character no installed font has still becomes '?'");
    }

    [Fact]
    public void ShowEntireMovesAShortBlockToTheNextPageInsteadOfSplittingIt()
    {
        var output = Render(content => content.Column(column =>
        {
            column.Item().Spacer(665);
            column.Item().ShowEntire().Column(block =>
            {
                block.Item().Text("Handtekening");
                block.Item().Text("Met vriendelijke groet,");
                block.Item().Text("Sanne de Vries");
                block.Item().Text("Privacy Office");
            });
        }));

        var pages = Pdf.PageTexts(output.Content);
        pages.Count.ShouldBe(2);
        pages[0].ShouldNotContain("Handtekening");
        pages[1].ShouldContain("Handtekening Met vriendelijke groet, Sanne de Vries Privacy Office");
    }

    [Fact]
    public void TheDocumentCarriesTitleAuthorLanguageAndEmbeddedFonts()
    {
        var output = Render(content => content.Text(t =>
        {
            t.Span("Gewoon ");
            t.Span("vet").Bold();
        }));

        using var pdf = PdfDocument.Open(output.Content);
        pdf.Information.Title.ShouldBe("Ontvangstbevestiging");
        pdf.Information.Author.ShouldBe("Voorbeeld B.V.");
        pdf.Information.Subject.ShouldBe("Verzoek PD-2026-000123");
        System.Text.Encoding.Latin1.GetString(output.Content).ShouldContain("/Lang(nl-NL)");
        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        fonts.Count.ShouldBe(2);
        fonts.ShouldAllBe(name => name != null && name.Contains('+'), "subset fonts are named with a six-letter tag and a plus");
    }
}
