using System.Buffers.Binary;
using PdfSharp.Fonts;
using PrivacyDesk.Documents.Fonts;

namespace PrivacyDesk.Documents.Layout;

/// <summary>
/// Which characters the document font can draw, read once from the regular face's <c>cmap</c> table
/// (formats 4 and 12, which every Unicode TrueType font has), and which fallback face draws the ones it
/// cannot (ADR 0025). PDFsharp would otherwise draw an empty box, or nothing, for a character no face has.
/// </summary>
internal static class GlyphCoverage
{
    /// <summary>The document family's own face.</summary>
    public const int Main = 0;

    /// <summary>No installed face has the character: it becomes <see cref="SafeText.Replacement"/>.</summary>
    public const int None = -1;

    private static readonly Lazy<HashSet<int>> Covered = new(Load);

    private static readonly Lazy<HashSet<int>[]> FallbackCoverage = new(LoadFallbacks);

    public static bool Has(int codePoint) => Face(codePoint) != None;

    /// <summary><see cref="Main"/>, the fallback number plus one, or <see cref="None"/>.</summary>
    public static int Face(int codePoint)
    {
        if (codePoint < 0x20 || Covered.Value.Count == 0 || Covered.Value.Contains(codePoint))
        {
            return Main;
        }
        var fallbacks = FallbackCoverage.Value;
        for (var i = 0; i < fallbacks.Length; i++)
        {
            if (fallbacks[i].Contains(codePoint))
            {
                return i + 1;
            }
        }
        return None;
    }

    private static HashSet<int> Load()
    {
        if (GlobalFontSettings.FontResolver is not OperatingSystemFontResolver { Catalog: var catalog }
            || !catalog.Files.TryGetValue(FontStyleKey.Regular, out var path))
        {
            return [];
        }
        return Read(File.ReadAllBytes(path));
    }

    private static HashSet<int>[] LoadFallbacks() =>
        GlobalFontSettings.FontResolver is OperatingSystemFontResolver { Catalog: var catalog }
            ? [.. catalog.Fallbacks.Select(path => Read(File.ReadAllBytes(path)))]
            : [];

    internal static HashSet<int> Read(ReadOnlySpan<byte> font)
    {
        var result = new HashSet<int>();
        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        for (var t = 0; t < tables; t++)
        {
            var record = font[(12 + (16 * t))..];
            if (record[0] != 'c' || record[1] != 'm' || record[2] != 'a' || record[3] != 'p')
            {
                continue;
            }
            var cmap = font[(int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])..];
            var subtables = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
            for (var s = 0; s < subtables; s++)
            {
                var entry = cmap[(4 + (8 * s))..];
                var platform = BinaryPrimitives.ReadUInt16BigEndian(entry);
                if (platform is not (0 or 3))
                {
                    continue;
                }
                var table = cmap[(int)BinaryPrimitives.ReadUInt32BigEndian(entry[4..])..];
                switch (BinaryPrimitives.ReadUInt16BigEndian(table))
                {
                    case 4:
                        ReadFormat4(table, result);
                        break;
                    case 12:
                        ReadFormat12(table, result);
                        break;
                }
            }
        }
        return result;
    }

    private static void ReadFormat4(ReadOnlySpan<byte> table, HashSet<int> result)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + (2 * segments))..];
        var deltas = starts[(2 * segments)..];
        var rangeOffsets = deltas[(2 * segments)..];
        for (var i = 0; i < segments; i++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(ends[(2 * i)..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(starts[(2 * i)..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(deltas[(2 * i)..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[(2 * i)..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = (2 * i) + rangeOffset + (2 * (c - start));
                    glyph = at + 1 < rangeOffsets.Length ? BinaryPrimitives.ReadUInt16BigEndian(rangeOffsets[at..]) : 0;
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                if (glyph != 0)
                {
                    result.Add(c);
                }
            }
        }
    }

    private static void ReadFormat12(ReadOnlySpan<byte> table, HashSet<int> result)
    {
        var groups = BinaryPrimitives.ReadUInt32BigEndian(table[12..]);
        for (var g = 0; g < groups; g++)
        {
            var group = table[(16 + (12 * g))..];
            var start = BinaryPrimitives.ReadUInt32BigEndian(group);
            var end = BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
            var glyph = BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
            {
                if (glyph + (c - start) != 0)
                {
                    result.Add((int)c);
                }
            }
        }
    }
}
