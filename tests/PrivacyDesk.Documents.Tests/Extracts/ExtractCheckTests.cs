using System.Text;
using PrivacyDesk.Documents.Extracts;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Documents.Tests.Extracts;

/// <summary>The upload's one call: the file read at the edge, then the domain's rule (moved here from the domain with every case).</summary>
public sealed class ExtractCheckTests
{
    private static readonly SubjectIdentifiers Ayse = new("C-004711", ["ayse@example.nl", "a.celik@werk.example"]);

    private static Result<ExtractTable> Check(string fileName, string content) =>
        ExtractCheck.Validate(fileName, Encoding.UTF8.GetBytes(content), Ayse);

    [Fact]
    public void AcceptsACsvWhoseRecordsAllCarryTheSubjectsCustomerNumber()
    {
        var table = Check("crm.csv", "klantnummer,naam,product\r\nC-004711,Ayşe Çelik,Betaalrekening\r\nc-004711 ,Ayşe Çelik,\"Spaarrekening, plus\"\r\n").ShouldSucceed();

        table.Format.ShouldBe(ExtractFormat.Csv);
        table.Columns.ShouldBe(["klantnummer", "naam", "product"]);
        table.RowCount.ShouldBe(2);
        table.Rows[1][2].ShouldBe("Spaarrekening, plus");
    }

    [Fact]
    public void ReadsSemicolonSeparatedCsvAsDutchSpreadsheetsWriteIt()
    {
        var table = Check("crm.csv", "\uFEFFE-mail;Opmerking\nayse@example.nl;\"zegt \"\"hallo\"\"\"\nA.Celik@werk.example;\n").ShouldSucceed();

        table.Rows.Select(row => row[1]).ShouldBe(["zegt \"hallo\"", ""]);
    }

    [Fact]
    public void AcceptsAJsonListOfRecordsAndAWrappedList()
    {
        Check("kern.json", """[{"customerNumber":"C-004711","saldo":12.5},{"email":"ayse@example.nl","actief":true}]""").ShouldSucceed()
            .Columns.ShouldBe(["customerNumber", "saldo", "email", "actief"]);
        Check("kern.json", """{"records":[{"customerNumber":"C-004711"}]}""").ShouldSucceed().RowCount.ShouldBe(1);
    }

    [Fact]
    public void RefusesAnExtractWithAnotherPersonsRecordAndSaysHowMany()
    {
        var result = Check("crm.csv", "klantnummer,naam\nC-004711,Ayşe\nC-000001,Jan Jansen\n");

        result.ShouldFailWith(CollectionErrors.ExtractWrongSubject);
        result.Errors[0].Arguments!["rows"].ShouldBe("1");
        result.Errors[0].Arguments!["total"].ShouldBe("2");
        result.Errors[0].Arguments!.Values.ShouldNotContain("Jan Jansen");
    }

    [Fact]
    public void RefusesARecordWithoutAnyIdentifierBecauseItCannotBeShownToBeTheSubjects()
    {
        Check("crm.json", """[{"customerNumber":"C-004711"},{"customerNumber":""}]""").ShouldFailWith(CollectionErrors.ExtractWrongSubject);
    }

    [Fact]
    public void RefusesARecordWhoseEmailIsSomeoneElsesEvenWithTheRightCustomerNumber()
    {
        Check("crm.csv", "customerNumber,email\nC-004711,jan@example.nl\n").ShouldFailWith(CollectionErrors.ExtractWrongSubject);
    }

    [Fact]
    public void RefusesAFileWithoutAnIdentifyingColumn()
    {
        Check("crm.csv", "naam,product\nAyşe,Betaalrekening\n").ShouldFailWith(CollectionErrors.ExtractNoIdentifier);
    }

    [Theory]
    [InlineData("crm.csv", "klantnummer,naam\nC-004711,\"open quote\n")]
    [InlineData("crm.csv", "klantnummer,naam\nC-004711,Ayşe,extra\n")]
    [InlineData("crm.json", "{ not json")]
    [InlineData("crm.xlsx", "klantnummer\nC-004711\n")]
    public void RefusesWhatIsNotReadableCsvOrJson(string fileName, string content)
    {
        Check(fileName, content).ShouldFailWith(CollectionErrors.ExtractWrongFormat);
    }

    [Fact]
    public void RefusesBytesThatAreNotText()
    {
        ExtractCheck.Validate("crm.csv", [0xFF, 0xFE, 0x00, 0xD8, 0x00], Ayse).ShouldFailWith(CollectionErrors.ExtractWrongFormat);
    }

    [Theory]
    [InlineData("crm.json", """{"customerNumber":"C-004711"}""")]
    [InlineData("crm.json", "[1,2,3]")]
    [InlineData("crm.json", "[]")]
    [InlineData("crm.csv", "klantnummer\n")]
    public void RefusesFilesThatAreNotATableOfRecords(string fileName, string content)
    {
        Check(fileName, content).ShouldFailWith(CollectionErrors.ExtractNotATable);
    }

    [Fact]
    public void RefusesAFileOverTheLimitBeforeReadingIt()
    {
        var content = new byte[ExtractCheck.MaxBytes + 1];

        var result = ExtractCheck.Validate("crm.csv", content, Ayse);

        result.ShouldFailWith(CollectionErrors.ExtractTooLarge);
        result.Errors[0].Arguments!["max"].ShouldBe("5");
    }
}
