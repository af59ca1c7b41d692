using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PrivacyDesk.Documents.Layout;

/// <summary>
/// Fonts and text widths for one document. Widths are cached per font and word: letters repeat the
/// same words, and measuring is the most expensive step of layout.
/// </summary>
internal sealed class TextMeasurer : IDisposable
{
    /// <summary>Any family name reaches the operating-system resolver, which answers with the catalogue's family.</summary>
    public const string Family = "PrivacyDesk";

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(double Size, bool Bold, bool Italic), XFont> _fonts = [];
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);

    public XFont Font(TextStyle style)
    {
        var key = (style.Size, style.Bold, style.Italic);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var fontStyle = (style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (style.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            font = new XFont(Family, style.Size, fontStyle, Unicode);
            _fonts[key] = font;
        }
        return font;
    }

    public double Width(XFont font, string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = _measure.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }
        return width;
    }

    /// <summary>Distance from the top of a line to its baseline.</summary>
    public static double Ascent(XFont font) => font.Size * font.Metrics.Ascent / font.Metrics.UnitsPerEm;

    /// <summary>The line's height: the font's own line spacing times the style's factor.</summary>
    public static double LineHeight(XFont font, TextStyle style) => font.GetHeight() * style.LineHeight;

    public void Dispose() => _measure.Dispose();
}
