using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Domain.Tests.Sources;

public sealed class DataMapProposalTests
{
    private static MappedTable Bare(MappedTable table) => table with
    {
        InScope = true,
        OutOfScopeReason = null,
        PurposeKeys = [],
        Columns = [.. table.Columns.Select(c => c with { Identifies = null, Category = null })],
    };

    private static DataMap Discovered => new([.. SourceMaps.Valid.Tables.Select(Bare)]);

    [Theory]
    [InlineData("customer_number", SubjectIdentifierKind.CustomerNumber)]
    [InlineData("KlantNummer", SubjectIdentifierKind.CustomerNumber)]
    [InlineData("klantnr", SubjectIdentifierKind.CustomerNumber)]
    [InlineData("email", SubjectIdentifierKind.EmailAddress)]
    [InlineData("E-mail", SubjectIdentifierKind.EmailAddress)]
    [InlineData("email_address", SubjectIdentifierKind.EmailAddress)]
    [InlineData("emailadres", SubjectIdentifierKind.EmailAddress)]
    [InlineData("phone", SubjectIdentifierKind.PhoneNumber)]
    [InlineData("telefoonnummer", SubjectIdentifierKind.PhoneNumber)]
    [InlineData("mobile_number", SubjectIdentifierKind.PhoneNumber)]
    public void ProposesAnIdentityByTheColumnsName(string column, SubjectIdentifierKind kind)
    {
        var discovered = new DataMap([new(null, "people", true, null, [], [new(column, "text", false, false, null, null)], [])]);

        DataMapProposal.From(discovered, null).Tables[0].Columns[0].Identifies.ShouldBe(kind);
    }

    [Theory]
    [InlineData("customer_id")]
    [InlineData("name")]
    [InlineData("email_opt_in")]
    public void ProposesNoIdentityForOtherColumns(string column)
    {
        var discovered = new DataMap([new(null, "people", true, null, [], [new(column, "text", false, false, null, null)], [])]);

        DataMapProposal.From(discovered, null).Tables[0].Columns[0].Identifies.ShouldBeNull();
    }

    [Fact]
    public void ProposesNewTablesInScopeWithoutPurposes()
    {
        var proposal = DataMapProposal.From(Discovered, null);

        proposal.Tables.Select(t => (t.Name, t.InScope, t.PurposeKeys.Count)).ShouldBe(
            [("customers", true, 0), ("accounts", true, 0), ("transactions", true, 0), ("branches", true, 0)]);
        proposal.Tables[0].Column("email")!.Identifies.ShouldBe(SubjectIdentifierKind.EmailAddress);
        proposal.Tables[1].References.ShouldBe(SourceMaps.Accounts.References);
    }

    [Fact]
    public void KeepsTheOfficesAnnotationsForWhatStillExists()
    {
        // The office took the identity off e-mail; discovery must not put it back, and keeps scope, reasons, purposes and categories.
        var current = SourceMaps.Valid.With("customers", t => t.WithColumn("email", c => c with { Identifies = null }));

        var proposal = DataMapProposal.From(Discovered, current);

        proposal.Find("public", "customers")!.Column("email")!.Identifies.ShouldBeNull();
        proposal.Find("public", "customers")!.Column("name")!.Category.ShouldBe("Contact details");
        proposal.Find("public", "accounts")!.PurposeKeys.ShouldBe(["kyc"]);
        proposal.Find("public", "branches")!.InScope.ShouldBeFalse();
        proposal.Find("public", "branches")!.OutOfScopeReason.ShouldBe("Holds no personal data");
    }

    [Fact]
    public void TakesTypesAndIndexesFromTheLiveCatalog()
    {
        var discovered = new DataMap([.. Discovered.Tables.Select(t => t.Name == "transactions" ? t.WithColumn("amount", c => c with { DataType = "text", IsIndexed = true }) : t)]);

        var amount = DataMapProposal.From(discovered, SourceMaps.Valid).Find("public", "transactions")!.Column("amount")!;

        amount.DataType.ShouldBe("text");
        amount.IsIndexed.ShouldBeTrue();
        amount.Category.ShouldBe("Transactions");
    }

    [Fact]
    public void DropsTablesAndColumnsTheCatalogNoLongerHasAndKeepsTheOfficesOwnReferences()
    {
        var current = SourceMaps.Valid
            .With("transactions", t => t with { Columns = [.. t.Columns, new("note", "text", false, false, null, "Transactions")] })
            .With("accounts", t => t with { References = [.. t.References, new("iban", "public", "transactions", "account_id", false)] });
        current = new DataMap([.. current.Tables, new(null, "legacy", false, "Archive", [], [], [])]);

        var proposal = DataMapProposal.From(Discovered, current);

        proposal.Tables.Select(t => t.Name).ShouldNotContain("legacy");
        proposal.Find("public", "transactions")!.Column("note").ShouldBeNull();
        proposal.Find("public", "accounts")!.References.ShouldContain(new TableReference("iban", "public", "transactions", "account_id", false));
    }

    [Fact]
    public void DropsAnOfficeReferenceWhoseTargetIsGone()
    {
        var current = SourceMaps.Valid.With("accounts", t => t with { References = [.. t.References, new("iban", "public", "ledgers", "iban", false)] });

        DataMapProposal.From(Discovered, current).Find("public", "accounts")!.References.ShouldBe(SourceMaps.Accounts.References);
    }
}
