using System.Text;

namespace PrivacyDesk.Documents.Csv;

/// <summary>
/// The one writer of every CSV the product hands out (the Art. 30 register, the SLA dashboard, the portability
/// package). Separator <c>;</c>: Dutch Excel (and LibreOffice in Dutch) use it as the list separator, because the
/// comma is the decimal sign. UTF-8 with a byte-order mark, because without it Excel reads the file as
/// Windows-1252; no "sep=;" line, because Excel then ignores the byte-order mark. Lines end in CRLF (RFC 4180).
/// A cell a spreadsheet would run as a formula is prefixed with an apostrophe (see <see cref="Cell"/>).
/// </summary>
public sealed class CsvFile
{
    public const char Separator = ';';

    private readonly StringBuilder _text = new();

    public CsvFile Row(params IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _text.AppendJoin(Separator, cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    /// <summary>
    /// RFC 4180 quoting, and an apostrophe before a cell that starts with = + - @ (or their full-width forms), also
    /// after leading spaces or control characters, or with a tab or carriage return: what Excel, LibreOffice and
    /// Google Sheets would read as a formula (OWASP "CSV injection"). Data from source systems and subjects is
    /// stored as given; it is defused here, where it leaves for a spreadsheet.
    /// </summary>
    public static string Cell(string? value)
    {
        var cell = value ?? "";
        if (RunsAsFormula(cell))
        {
            cell = "'" + cell;
        }
        return cell.IndexOfAny([Separator, '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    private static bool RunsAsFormula(string cell)
    {
        if (cell.Length > 0 && cell[0] is '\t' or '\r')
        {
            return true;
        }
        var first = cell.FirstOrDefault(c => !char.IsWhiteSpace(c) && !char.IsControl(c));
        return first is '=' or '+' or '-' or '@' or '\uFF1D' or '\uFF0B' or '\uFF0D' or '\uFF20';
    }
}
