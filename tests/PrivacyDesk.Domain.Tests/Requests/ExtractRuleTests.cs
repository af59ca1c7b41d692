using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Tests.Requests;

/// <summary>The rule on a read extract: every record identifies this subject (reading the file is not the domain's job).</summary>
public sealed class ExtractRuleTests
{
    private static readonly SubjectIdentifiers Ayse = new("C-004711", ["ayse@example.nl", "a.celik@werk.example"]);

    private static ExtractTable Table(string[] columns, params string[][] rows) =>
        new(ExtractFormat.Csv, columns, [.. rows.Select(row => (IReadOnlyList<string>)row)]);

    [Fact]
    public void AcceptsRecordsThatCarryTheSubjectsCustomerNumberOrEmailWhateverTheCaseOrSpacing()
    {
        var table = Table(["Klant-nummer", "E-mail", "naam"], ["c-004711 ", "", "Ayşe"], ["", "A.Celik@Werk.Example", "Ayşe"]);

        ExtractRule.Check(table, Ayse).ShouldSucceed().ShouldBeSameAs(table);
    }

    [Fact]
    public void RefusesAnotherPersonsRecordAndCountsWithoutNamingThem()
    {
        var result = ExtractRule.Check(Table(["klantnummer", "naam"], ["C-004711", "Ayşe"], ["C-000001", "Jan Jansen"]), Ayse);

        result.ShouldFailWith(CollectionErrors.ExtractWrongSubject);
        result.Errors[0].Arguments!["rows"].ShouldBe("1");
        result.Errors[0].Arguments!["total"].ShouldBe("2");
        result.Errors[0].Arguments!.Values.ShouldNotContain("Jan Jansen");
    }

    [Fact]
    public void RefusesARecordWithoutAnyIdentifierAndOneWithAStrangersEmailBesideTheRightNumber()
    {
        ExtractRule.Check(Table(["customerNumber", "email"], ["", ""]), Ayse).ShouldFailWith(CollectionErrors.ExtractWrongSubject);
        ExtractRule.Check(Table(["customerNumber", "email"], ["C-004711", "jan@example.nl"]), Ayse).ShouldFailWith(CollectionErrors.ExtractWrongSubject);
    }

    [Fact]
    public void RefusesCustomerNumbersWhenTheSubjectHasNone()
    {
        ExtractRule.Check(Table(["klantnummer"], ["C-004711"]), Ayse with { CustomerNumber = null }).ShouldFailWith(CollectionErrors.ExtractWrongSubject);
    }

    [Fact]
    public void RefusesATableWithoutAnIdentifyingColumn()
    {
        ExtractRule.Check(Table(["naam", "product"], ["Ayşe", "Betaalrekening"]), Ayse).ShouldFailWith(CollectionErrors.ExtractNoIdentifier);
    }

    [Fact]
    public void RefusesAFileOverFiveMegabytes()
    {
        ExtractRule.CheckSize(ExtractRule.MaxBytes).ShouldSucceed();
        var result = ExtractRule.CheckSize(ExtractRule.MaxBytes + 1);

        result.ShouldFailWith(CollectionErrors.ExtractTooLarge);
        result.Errors[0].Arguments!["max"].ShouldBe("5");
    }
}
