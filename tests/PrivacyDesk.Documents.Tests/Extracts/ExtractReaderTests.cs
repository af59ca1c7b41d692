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
    public void AFetchedExtractIsReadPerSourceTableEachWithOnlyItsOwnColumns()
    {
        var table = Read("""
            [
              {"_table": "customers", "customer_number": "C-004711", "email": "jan@example.nl"},
              {"_table": "accounts", "iban": "NL91ABNA0417164300", "customer_number": "C-004711", "closed_on": null},
              {"_table": "accounts", "iban": "NL20INGB0001234567", "customer_number": "C-004711", "closed_on": "2025-01-31"}
            ]
            """, "core-banking.json").ShouldSucceed();

        table.HasSections.ShouldBeTrue();
        table.Sections.Select(s => s.Name).ShouldBe(["customers", "accounts"]);
        table.Sections[0].Columns.ShouldBe(["customer_number", "email"]);
        table.Sections[1].Columns.ShouldBe(["iban", "customer_number", "closed_on"]);
        table.Sections[1].Rows.ShouldBe([["NL91ABNA0417164300", "C-004711", ""], ["NL20INGB0001234567", "C-004711", "2025-01-31"]]);
        table.RowCount.ShouldBe(3);
        table.Columns[0].ShouldBe("_table", "the flat table is the file as it is");
    }

    [Theory]
    [InlineData("""[{"klantnummer": "C-004711", "naam": "Jan"}]""")]
    [InlineData("""[{"_table": "customers", "klantnummer": "C-004711"}, {"klantnummer": "C-004711", "_table": "accounts"}]""")]
    [InlineData("""[{"_table": 7, "klantnummer": "C-004711"}]""")]
    public void AnUploadWhoseRecordsDoNotAllStartWithTheirTableIsOneTableAsBefore(string json)
    {
        var table = Read(json, "upload.json").ShouldSucceed();

        table.HasSections.ShouldBeFalse();
        table.Parts.Count.ShouldBe(1);
        table.Parts[0].Name.ShouldBeNull();
        table.Parts[0].Columns.ShouldBe(table.Columns);
    }

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
