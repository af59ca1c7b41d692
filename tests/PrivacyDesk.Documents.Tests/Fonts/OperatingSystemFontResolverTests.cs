using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PrivacyDesk.Documents.Fonts;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace PrivacyDesk.Documents.Tests.Fonts;

public sealed class OperatingSystemFontResolverTests
{
    [Fact]
    public void RendersDutchDiacriticsAndTheEuroSignWithTheMachinesFont()
    {
        var resolver = OperatingSystemFontResolver.InstallOnce(() => FontCatalog.Discover(FontCatalog.DefaultFolders()));
        const string text = "Geachte mevrouw Çelik-van Dĳk, wij ontvingen uw verzoek (€ 12,50; café, reünie, ruïne).";

        using var stream = new MemoryStream();
        using (var document = new PdfDocument())
        {
            var page = document.AddPage();
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                graphics.DrawString(text, new XFont(resolver.Catalog.Family, 11), XBrushes.Black, new XPoint(40, 60));
                graphics.DrawString("Bold", new XFont(resolver.Catalog.Family, 11, XFontStyleEx.Bold), XBrushes.Black, new XPoint(40, 80));
            }
            document.Save(stream, closeStream: false);
        }

        using var pdf = PdfPigDocument.Open(stream.ToArray());
        var extracted = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        extracted.ShouldContain("€");
        extracted.ShouldContain("Çelik-van");
        extracted.ShouldContain("reünie,");
        extracted.ShouldContain("ruïne).");
        pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().Count().ShouldBe(2, "regular and bold faces are both embedded");
    }
}
