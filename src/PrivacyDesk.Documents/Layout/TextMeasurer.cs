using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PrivacyDesk.Documents.Layout;

/// <summary>
/// Fonts and text widths for one document. Widths are cached per font and word, and shared by every
/// document in the process (letters repeat the same words, and measuring is the most expensive step of
/// layout): one resolver serves the process, so a word's width in a face and size never changes. The
/// shared cache is emptied when it grows past <see cref="SharedCapacity"/> words, so user text cannot
/// grow it without bound.
/// </summary>
internal sealed class TextMeasurer : IDisposable
{
    /// <summary>Any family name reaches the operating-system resolver, which answers with the catalogue's family.</summary>
    public const string Family = "PrivacyDesk";

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private readonly Dictionary<(double Size, bool Bold, bool Italic, int Face), XFont> _fonts = [];
    internal const int SharedCapacity = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Family, double Size, XFontStyleEx Style, string Text), double> SharedWidths = new();
    private readonly Dictionary<string, XSolidBrush> _brushes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Color, double Width), XPen> _pens = [];
    private XGraphics? _measure;

    /// <summary>Whether any text drawn holds a character above U+FFFF (its ToUnicode entry needs <see cref="ToUnicodeRepair"/>).</summary>
    public bool DrewSupplementaryPlane { get; set; }

    /// <param name="face"><see cref="GlyphCoverage.Main"/>, or a fallback face from <see cref="GlyphCoverage.Face"/>.</param>
    public XFont Font(TextStyle style, int face = GlyphCoverage.Main)
    {
        var key = (style.Size, style.Bold, style.Italic, face);
        if (!_fonts.TryGetValue(key, out var font))
        {
            var fontStyle = (style.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (style.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
            var family = face == GlyphCoverage.Main ? Family : Fonts.OperatingSystemFontResolver.FallbackFamily(face - 1);
            font = new XFont(family, style.Size, fontStyle, Unicode);
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
        var key = (font.FontFamily.Name, font.Size, font.Style, text);
        if (!SharedWidths.TryGetValue(key, out var width))
        {
            // XGraphics is not thread-safe: each document measures with its own context, created at its first new word.
            _measure ??= XGraphics.CreateMeasureContext(new XSize(2000, 2000), XGraphicsUnit.Point, XPageDirection.Downwards);
            width = _measure.MeasureString(text, font).Width;
            if (SharedWidths.Count >= SharedCapacity)
            {
                SharedWidths.Clear();
            }
            SharedWidths[key] = width;
        }
        return width;
    }

    /// <summary>One brush per colour for the whole document: a large table draws the same few colours a hundred thousand times.</summary>
    public XSolidBrush Brush(string color)
    {
        if (!_brushes.TryGetValue(color, out var brush))
        {
            brush = new XSolidBrush(XColor.FromArgb(ColorParser.Argb(color)));
            _brushes[color] = brush;
        }
        return brush;
    }

    public XPen Pen(string color, double width)
    {
        if (!_pens.TryGetValue((color, width), out var pen))
        {
            pen = new XPen(XColor.FromArgb(ColorParser.Argb(color)), width);
            _pens[(color, width)] = pen;
        }
        return pen;
    }

    /// <summary>Whether <paramref name="font"/> is the document family's own (not a fallback for a few characters).</summary>
    public static bool IsMain(XFont font) => font.FontFamily.Name == Family;

    /// <summary>Distance from the top of a line to its baseline.</summary>
    public static double Ascent(XFont font) => font.Size * font.Metrics.Ascent / font.Metrics.UnitsPerEm;

    /// <summary>The line's height: the font's own line spacing times the style's factor.</summary>
    public static double LineHeight(XFont font, TextStyle style) => font.GetHeight() * style.LineHeight;

    public void Dispose() => _measure?.Dispose();
}
