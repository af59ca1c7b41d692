using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace PrivacyDesk.Documents.Layout;

public enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A paragraph built from spans (QuestPDF's <c>Text(text => ...)</c>).</summary>
public sealed class TextDescriptor
{
    internal List<SpanDescriptor> Spans { get; } = [];

    internal TextAlignment Alignment { get; private set; } = TextAlignment.Left;

    public SpanDescriptor Span(string? text)
    {
        var span = new SpanDescriptor(text ?? "", SpanKind.Text);
        Spans.Add(span);
        return span;
    }

    /// <summary>A span followed by a line break.</summary>
    public SpanDescriptor Line(string? text) => Span((text ?? "") + "\n");

    public void EmptyLine() => Span("\n");

    /// <summary>The number of the page this text lands on.</summary>
    public SpanDescriptor CurrentPageNumber() => Add(new SpanDescriptor("", SpanKind.PageNumber));

    /// <summary>The document's page count, known only after pagination.</summary>
    public SpanDescriptor TotalPages() => Add(new SpanDescriptor("", SpanKind.TotalPages));

    public TextDescriptor AlignLeft() => Align(TextAlignment.Left);

    public TextDescriptor AlignCenter() => Align(TextAlignment.Center);

    public TextDescriptor AlignRight() => Align(TextAlignment.Right);

    private TextDescriptor Align(TextAlignment alignment)
    {
        Alignment = alignment;
        return this;
    }

    private SpanDescriptor Add(SpanDescriptor span)
    {
        Spans.Add(span);
        return span;
    }
}

internal enum SpanKind
{
    Text,
    PageNumber,
    TotalPages,
}

/// <summary>One run of text; its style changes apply on top of the inherited style.</summary>
public sealed class SpanDescriptor
{
    private readonly List<Func<TextStyle, TextStyle>> _changes = [];

    internal SpanDescriptor(string text, SpanKind kind)
    {
        Text = text;
        Kind = kind;
    }

    internal string Text { get; }

    internal SpanKind Kind { get; }

    public SpanDescriptor Bold() => Change(s => s with { Bold = true });

    public SpanDescriptor Italic() => Change(s => s with { Italic = true });

    public SpanDescriptor FontSize(double size) => Change(s => s with { Size = size });

    public SpanDescriptor FontColor(string color) => Change(s => s with { Color = color });

    public SpanDescriptor Style(Func<TextStyle, TextStyle> change) => Change(change);

    internal TextStyle Apply(TextStyle inherited)
    {
        var style = inherited;
        foreach (var change in _changes)
        {
            style = change(style);
        }
        return style;
    }

    private SpanDescriptor Change(Func<TextStyle, TextStyle> change)
    {
        _changes.Add(change);
        return this;
    }
}

internal sealed class TextElement(TextDescriptor descriptor) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        var builder = new LineBuilder(context, x, width, descriptor.Alignment);
        foreach (var span in descriptor.Spans)
        {
            var style = span.Apply(context.Style);
            var font = context.Measurer.Font(style);
            if (span.Kind != SpanKind.Text)
            {
                builder.AddWord(new Piece(font, style, "", span.Kind, context.Measurer.Width(font, "999")));
                continue;
            }
            var clean = SafeText.Clean(span.Text);
            context.Measurer.DrewSupplementaryPlane |= clean.Any(char.IsHighSurrogate);
            foreach (var (run, face) in SafeText.Runs(clean))
            {
                builder.AddText(run, face == GlyphCoverage.Main ? font : context.Measurer.Font(style, face), style);
            }
        }
        builder.Finish(output);
    }

    private sealed class LineBuilder(FlattenContext context, double x, double width, TextAlignment alignment)
    {
        private readonly List<Piece> _line = [];
        private double _lineWidth;
        private Piece? _pendingSpace;
        private bool _anyLine;
        private readonly List<Block> _lines = [];
        private (XFont Font, TextStyle Style)? _lastStyle;

        public void AddText(string text, XFont font, TextStyle style)
        {
            _lastStyle = (font, style);
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var atEnd = i == text.Length;
                var c = atEnd ? '\0' : text[i];
                if (!atEnd && c != ' ' && c != '\n')
                {
                    continue;
                }
                if (i > start)
                {
                    AddWordSplitting(text[start..i], font, style);
                }
                if (c == ' ')
                {
                    _pendingSpace = new Piece(font, style, " ", SpanKind.Text, context.Measurer.Width(font, " "));
                }
                else if (c == '\n')
                {
                    Break(font, style);
                }
                start = i + 1;
            }
        }

        public void AddWord(Piece word)
        {
            var space = _line.Count > 0 && _pendingSpace is not null ? _pendingSpace.Width : 0;
            if (_line.Count > 0 && _lineWidth + space + word.Width > width + StackBlock.Epsilon)
            {
                Break(word.Font, word.Style);
                space = 0;
            }
            if (space > 0)
            {
                _line.Add(_pendingSpace!);
                _lineWidth += space;
            }
            _pendingSpace = null;
            _line.Add(word);
            _lineWidth += word.Width;
        }

        public void Finish(List<Block> output)
        {
            if (_line.Count > 0 || !_anyLine)
            {
                var (font, style) = _lastStyle ?? (context.Measurer.Font(context.Style), context.Style);
                Break(font, style);
            }
            output.AddRange(_lines);
        }

        private void AddWordSplitting(string word, XFont font, TextStyle style)
        {
            var wordWidth = context.Measurer.Width(font, word);
            if (wordWidth <= width)
            {
                AddWord(new Piece(font, style, word, SpanKind.Text, wordWidth));
                return;
            }
            // A word wider than the line (a long IBAN, a pasted URL, "aaaa..."): cut it where it no longer fits.
            var from = 0;
            while (from < word.Length)
            {
                var length = FittingLength(word, from, font, _line.Count == 0 ? width : Math.Max(0, width - _lineWidth));
                if (length == 0)
                {
                    if (_line.Count > 0)
                    {
                        Break(font, style);
                        continue;
                    }
                    length = StringInfo.GetNextTextElementLength(word, from);
                }
                var part = word.Substring(from, length);
                AddWord(new Piece(font, style, part, SpanKind.Text, context.Measurer.Width(font, part)));
                from += length;
                if (from < word.Length)
                {
                    Break(font, style);
                }
            }
        }

        private int FittingLength(string word, int from, XFont font, double room)
        {
            var length = 0;
            while (from + length < word.Length)
            {
                var next = length + StringInfo.GetNextTextElementLength(word, from + length);
                if (context.Measurer.Width(font, word.Substring(from, next)) > room)
                {
                    break;
                }
                length = next;
            }
            return length;
        }

        private void Break(XFont font, TextStyle style)
        {
            double height, ascent, glyphs;
            if (_line.Count == 0)
            {
                (height, ascent, glyphs) = (TextMeasurer.LineHeight(font, style), TextMeasurer.Ascent(font), font.GetHeight());
            }
            else
            {
                (height, ascent, glyphs) = (0.0, 0.0, 0.0);
                XFont? last = null;
                // A fallback face's own line spacing (a maths font's is tall) must not open up the line: the family's sets it.
                var setting = _line.Any(p => TextMeasurer.IsMain(p.Font)) ? _line.Where(p => TextMeasurer.IsMain(p.Font)) : _line;
                foreach (var piece in setting)
                {
                    height = Math.Max(height, TextMeasurer.LineHeight(piece.Font, piece.Style));
                    if (!ReferenceEquals(piece.Font, last))
                    {
                        ascent = Math.Max(ascent, TextMeasurer.Ascent(piece.Font));
                        glyphs = Math.Max(glyphs, piece.Font.GetHeight());
                        last = piece.Font;
                    }
                }
            }
            // Centre the glyphs in the extra leading, so line height does not push text to the top.
            var baseline = ascent + ((height - glyphs) / 2);
            _lines.Add(new TextLineBlock(x, width, alignment, Merge(_line), height, baseline, _lineWidth));
            _line.Clear();
            _lineWidth = 0;
            _pendingSpace = null;
            _anyLine = true;
        }

        /// <summary>Neighbouring pieces in one style become one string: fewer text operators, and readers copy whole phrases.</summary>
        private static List<Piece> Merge(List<Piece> pieces)
        {
            var merged = new List<Piece>(pieces.Count);
            foreach (var piece in pieces)
            {
                if (merged.Count > 0 && merged[^1] is { Kind: SpanKind.Text } last && piece.Kind == SpanKind.Text && ReferenceEquals(last.Font, piece.Font) && last.Style.Color == piece.Style.Color)
                {
                    merged[^1] = last with { Text = last.Text + piece.Text, Width = last.Width + piece.Width };
                    continue;
                }
                merged.Add(piece);
            }
            return merged;
        }
    }
}

internal sealed record Piece(XFont Font, TextStyle Style, string Text, SpanKind Kind, double Width);

/// <summary>One laid-out line of a paragraph.</summary>
internal sealed class TextLineBlock(double x, double width, TextAlignment alignment, IReadOnlyList<Piece> pieces, double height, double baseline, double contentWidth) : Block
{
    public override double Height => height;

    private readonly bool _onlyText = pieces.All(p => p.Kind == SpanKind.Text);

    public override void Draw(DrawContext context, double top)
    {
        if (_onlyText)
        {
            // The common line: no page numbers, widths known from layout, nothing to allocate.
            var x0 = context.Left + x + alignment switch
            {
                TextAlignment.Right => width - contentWidth,
                TextAlignment.Center => (width - contentWidth) / 2,
                _ => 0,
            };
            foreach (var piece in pieces)
            {
                if (!string.IsNullOrWhiteSpace(piece.Text))
                {
                    context.Graphics.DrawString(piece.Text, piece.Font, context.Measurer.Brush(piece.Style.Color), x0, top + baseline, XStringFormats.BaseLineLeft);
                }
                x0 += piece.Width;
            }
            return;
        }
        var texts = pieces.Select(p => p.Kind switch
        {
            SpanKind.PageNumber => context.PageNumber.ToString(CultureInfo.InvariantCulture),
            SpanKind.TotalPages => context.TotalPages.ToString(CultureInfo.InvariantCulture),
            _ => p.Text,
        }).ToList();
        var widths = pieces.Select((p, i) => p.Kind == SpanKind.Text ? p.Width : context.Measurer.Width(p.Font, texts[i])).ToList();
        var total = pieces.Any(p => p.Kind != SpanKind.Text) ? widths.Sum() : contentWidth;
        var offset = alignment switch
        {
            TextAlignment.Right => width - total,
            TextAlignment.Center => (width - total) / 2,
            _ => 0,
        };
        var left = context.Left + x + offset;
        for (var i = 0; i < pieces.Count; i++)
        {
            if (texts[i].Length > 0 && !string.IsNullOrWhiteSpace(texts[i]))
            {
                context.Graphics.DrawString(texts[i], pieces[i].Font, context.Measurer.Brush(pieces[i].Style.Color), left, top + baseline, XStringFormats.BaseLineLeft);
            }
            left += widths[i];
        }
    }
}

/// <summary>
/// User text may hold anything: control characters, tabs, Windows line ends, emoji. Line ends become
/// breaks, tabs spaces, controls disappear, and characters the document font cannot draw become a
/// visible replacement instead of an empty box or a crash.
/// </summary>
internal static class SafeText
{
    public static string Clean(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        continue;
                    }
                    builder.Append('\n');
                    continue;
                case '\n' or '\u2028' or '\u2029':
                    builder.Append('\n');
                    continue;
                case '\t':
                    builder.Append("    ");
                    continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                builder.Append(GlyphCoverage.Has(codePoint) ? char.ConvertFromUtf32(codePoint) : Replacement);
                continue;
            }
            if (char.IsSurrogate(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format)
            {
                continue;
            }
            builder.Append(GlyphCoverage.Has(c) ? c : Replacement);
        }
        return builder.ToString();
    }

    /// <summary>
    /// The cleaned text cut where the face that draws it changes: the family's own, or the first fallback that has
    /// the character. Spaces and line ends stay with the run they are in, so words keep their spacing.
    /// </summary>
    public static IEnumerable<(string Text, int Face)> Runs(string clean)
    {
        var start = 0;
        var face = GlyphCoverage.Main;
        for (var i = 0; i < clean.Length; i += char.IsSurrogatePair(clean, i) ? 2 : 1)
        {
            var c = clean[i];
            if (c is ' ' or '\n')
            {
                continue;
            }
            var next = GlyphCoverage.Face(char.ConvertToUtf32(clean, i));
            if (next == GlyphCoverage.None)
            {
                next = GlyphCoverage.Main;
            }
            if (next != face)
            {
                if (i > start)
                {
                    yield return (clean[start..i], face);
                }
                start = i;
                face = next;
            }
        }
        if (clean.Length > start)
        {
            yield return (clean[start..], face);
        }
    }

    /// <summary>What stands in for a character the font lacks (an emoji, a CJK character in a Latin font).</summary>
    public const char Replacement = '?';
}
