using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace PrivacyDesk.Documents.Layout;

/// <summary>
/// PDFsharp 6.2.4 writes a character outside the Basic Multilingual Plane into a font's ToUnicode map as its
/// bare code point (<c>&lt;1D409&gt;</c>) where the PDF standard wants UTF-16BE (<c>&lt;D835DC09&gt;</c>), so readers,
/// search and copy-paste get garbage for a name like "𝐉𝐚𝐧" that prints correctly. This rewrites those maps
/// (ADR 0025); it runs only for documents that drew such a character.
/// </summary>
internal static partial class ToUnicodeRepair
{
    public static byte[] Apply(byte[] pdf)
    {
        using var input = new MemoryStream(pdf);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var changed = false;
        foreach (var item in document.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary { Stream: { } stream } dictionary)
            {
                continue;
            }
            var text = Encoding.ASCII.GetString(stream.UnfilteredValue);
            if (!text.Contains("begincmap", StringComparison.Ordinal) || !text.Contains("Adobe-Identity-UCS", StringComparison.Ordinal))
            {
                continue;
            }
            var repaired = SupplementaryCodePoint().Replace(text, match =>
            {
                var pair = char.ConvertFromUtf32(Convert.ToInt32(match.Groups[1].Value, 16));
                return $"<{(int)pair[0]:X4}{(int)pair[1]:X4}>";
            });
            if (repaired == text)
            {
                continue;
            }
            dictionary.Elements.Remove("/Filter");
            dictionary.Elements.Remove("/DecodeParms");
            stream.Value = Encoding.ASCII.GetBytes(repaired);
            changed = true;
        }
        if (!changed)
        {
            return pdf;
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    // A destination of five or six hex digits is a code point above U+FFFF; BMP ones and glyph ids have four.
    [GeneratedRegex("<(1[0-9A-F]{4}|10[0-9A-F]{4}|[2-9A-F][0-9A-F]{4})>", RegexOptions.CultureInvariant)]
    private static partial Regex SupplementaryCodePoint();
}
