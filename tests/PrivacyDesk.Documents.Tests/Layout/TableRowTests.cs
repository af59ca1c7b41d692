using PrivacyDesk.Documents.Layout;

namespace PrivacyDesk.Documents.Tests.Layout;

public sealed class TableRowTests
{
    public TableRowTests() => Pdf.UseMachineFonts();

    [Fact]
    public void ATableRowMovesToTheNextPageWholeInsteadOfSplittingAcrossThePageEdge()
    {
        var output = Document.Create(document => document.Page(page => page.Content().Table(table =>
        {
            table.ColumnsDefinition(c =>
            {
                c.ConstantColumn(60);
                c.RelativeColumn();
            });
            table.Header(h =>
            {
                h.Cell().Text("Nr");
                h.Cell().Text("Regels");
            });
            for (var i = 1; i <= 120; i++)
            {
                var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                table.Cell().Text(n);
                // Rows of 2 to 6 lines, so that some row meets the page edge whatever the page height.
                table.Cell().Text($"eerste{n}\n" + string.Concat(Enumerable.Repeat($"midden{n}\n", i % 5)) + $"derde{n}");
            }
        }))).Generate();
        Pdf.Keep(output.Content, "layout-table-rows");

        var pages = Pdf.PageTexts(output.Content);
        pages.Count.ShouldBeGreaterThan(2);
        for (var i = 1; i <= 120; i++)
        {
            var first = pages.ToList().FindIndex(p => p.Split(' ').Contains($"eerste{i}"));
            var last = pages.ToList().FindIndex(p => p.Split(' ').Contains($"derde{i}"));
            first.ShouldBeGreaterThanOrEqualTo(0);
            last.ShouldBe(first, $"row {i} stays on one page");
        }
    }
}
