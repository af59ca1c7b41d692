using System.IO.Compression;
using System.Text;
using PrivacyDesk.Documents.DataCopies;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Documents.Tests.Fixtures.DataCopiesCase;

namespace PrivacyDesk.Documents.Tests.DataCopies;

/// <summary>What a source system held is handed to the subject, but never as a formula their spreadsheet runs.</summary>
public sealed class PortabilityCsvTests
{
    [Theory]
    [InlineData("=1+2")]
    [InlineData("+31 6 1234 5678")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+2")]
    [InlineData(" =HYPERLINK(A1)")]
    [InlineData("\u00A0=1+2")]
    [InlineData("\uFF1D1+2")]
    [InlineData("\uFF0B1+2")]
    public void ACellThatASpreadsheetWouldRunBeginsWithAnApostrophe(string note)
    {
        var csv = CrmCsv(note);

        var cell = NoteCell(csv);
        cell.ShouldStartWith("'");
        cell[1..].ShouldBe(note);
    }

    [Theory]
    [InlineData("Bel na 17:00")]
    [InlineData("a=b")]
    [InlineData("e-mail gestuurd")]
    public void AnOrdinaryCellIsLeftAsItIs(string note)
    {
        NoteCell(CrmCsv(note)).ShouldBe(note);
    }

    private static string CrmCsv(string note)
    {
        var result = PortabilityPackage.Render(Build(RequestType.Portability, crmNote: note));
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        using var archive = new ZipArchive(new MemoryStream(result.Value.Content), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry("data/crm.csv")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The last cell of the first record (the CRM extract's note column), unquoted.</summary>
    private static string NoteCell(string csv)
    {
        var record = csv.Split("\r\n")[1];
        var cell = record.EndsWith('"') ? record[(record.LastIndexOf(";\"", StringComparison.Ordinal) + 2)..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : record[(record.LastIndexOf(';') + 1)..];
        return cell;
    }
}
