using System.Text;
using PrivacyDesk.Documents.Extracts;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Documents.Tests.Extracts;

/// <summary>What source systems and spreadsheets really write, read the way the privacy officer would read it.</summary>
public sealed class ExtractReaderTests
{
    private static PrivacyDesk.Domain.Common.Result<ExtractTable> Read(string content, string fileName = "crm.csv") =>
        ExtractReader.Read(fileName, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void KeepsASemicolonAndALineBreakInsideAQuotedField()
    {
        var table = Read("klantnummer;opmerking\r\nC-004711;\"belt liever; mailt niet\r\nzegt \"\"hallo\"\"\"\r\nC-004711;kort\r\n").ShouldSucceed();

        table.Columns.ShouldBe(["klantnummer", "opmerking"]);
        table.Rows.Select(row => row[1]).ShouldBe(["belt liever; mailt niet\r\nzegt \"hallo\"", "kort"]);
    }

    [Fact]
    public void ReadsExcelsDutchExportWithByteOrderMarkAndSemicolons()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Klantnummer;Naam;Saldo\r\nC-004711;Ayşe Çelik;12,50\r\n")).ToArray();

        var table = ExtractReader.Read("export.csv", bytes).ShouldSucceed();

        table.Columns.ShouldBe(["Klantnummer", "Naam", "Saldo"]);
        table.Rows[0].ShouldBe(["C-004711", "Ayşe Çelik", "12,50"]);
    }

    [Fact]
    public void ReadsTabSeparatedExtracts()
    {
        var table = Read("klantnummer\tnaam\nC-004711\tAyşe, Çelik\n").ShouldSucceed();

        table.Columns.ShouldBe(["klantnummer", "naam"]);
        table.Rows[0][1].ShouldBe("Ayşe, Çelik");
    }

    [Fact]
    public void KeepsFormulaLookingCellsAsTheTextTheSourceSystemHolds()
    {
        // Defused only where a CSV leaves for a spreadsheet (CsvFile); the copy of data shows what the system holds.
        var table = Read("klantnummer;opmerking\nC-004711;\"=HYPERLINK(\"\"https://evil.example\"\";\"\"klik\"\")\"\nC-004711;@SUM(1+1)\nC-004711;-12\n").ShouldSucceed();

        table.Rows.Select(row => row[1]).ShouldBe(["=HYPERLINK(\"https://evil.example\";\"klik\")", "@SUM(1+1)", "-12"]);
    }

    [Theory]
    [InlineData("klantnummer;naam;product\nC-004711;Ayşe;Betaalrekening\nC-004711;Ayşe\n")]
    [InlineData("klantnummer;naam\nC-004711;Ayşe;Betaalrekening\n")]
    public void RefusesARecordWithMoreOrFewerFieldsThanTheHeader(string content)
    {
        Read(content).ShouldFailWith(CollectionErrors.ExtractWrongFormat);
    }

    [Fact]
    public void ReadsOneHugeRecordWithinTheSizeLimit()
    {
        var note = new string('x', 4 * 1024 * 1024);

        var table = Read($"klantnummer;notitie\nC-004711;{note}\n").ShouldSucceed();

        table.Rows[0][1].Length.ShouldBe(note.Length);
    }

    [Fact]
    public void ReadsALineThatStartsWithAHashAsARecordNotAComment()
    {
        Read("notitie;klantnummer\n# geen opmerking;C-004711\n").ShouldSucceed().Rows[0].ShouldBe(["# geen opmerking", "C-004711"]);
    }

    [Fact]
    public void SkipsEmptyLinesBetweenRecords()
    {
        Read("klantnummer\r\nC-004711\r\n\r\nC-004711\r\n\r\n").ShouldSucceed().RowCount.ShouldBe(2);
    }

    [Fact]
    public void ReadsAQuoteInsideAnUnquotedFieldAsAQuote()
    {
        Read("klantnummer,product\nC-004711,Monitor 27\" breed\n").ShouldSucceed().Rows[0][1].ShouldBe("Monitor 27\" breed");
    }

    [Fact]
    public void RefusesTextAfterAClosingQuote()
    {
        Read("klantnummer,product\nC-004711,\"Monitor\" breed\n").ShouldFailWith(CollectionErrors.ExtractWrongFormat);
    }

    [Fact]
    public void RefusesAFileInAnotherEncodingThanUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("klantnummer;naam\nC-004711;Françoise\n");

        ExtractReader.Read("crm.csv", latin1).ShouldFailWith(CollectionErrors.ExtractWrongFormat);
    }

    [Theory]
    [InlineData("klantnummer;;naam\nC-004711;x;Ayşe\n")]
    [InlineData("klantnummer;Naam;naam\nC-004711;Ayşe;Ayşe\n")]
    public void RefusesAHeaderWithAnEmptyOrRepeatedColumnName(string content)
    {
        Read(content).ShouldFailWith(CollectionErrors.ExtractNotATable);
    }

    [Theory]
    [InlineData("crm.csv", "  \r\n ")]
    [InlineData("crm.json", "\uFEFF")]
    public void RefusesAnEmptyFile(string fileName, string content)
    {
        Read(content, fileName).ShouldFailWith(CollectionErrors.ExtractEmptyFile);
    }
}
