using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Domain.Tests.Sources;

public sealed class DataMapIndexWarningsTests
{
    [Fact]
    public void WarnsNothingWhenIdentityAndReferenceColumnsAreIndexed()
    {
        DataMapIndexWarnings.For(SourceMaps.Valid).ShouldBeEmpty();
    }

    [Fact]
    public void WarnsForAnIdentityColumnWithoutIndex()
    {
        var map = SourceMaps.Valid.With("customers", t => t.WithColumn("email", c => c with { IsIndexed = false }));

        var warning = DataMapIndexWarnings.For(map).ShouldHaveSingleItem();

        warning.Code.ShouldBe("source.map.index_missing");
        warning.Field.ShouldBe("Tables[public.customers].Columns[email]");
        ErrorCatalog.Message(warning, "en")!.ShouldContain("email of public.customers");
    }

    [Fact]
    public void WarnsForBothEndsOfAReferenceWithoutIndex()
    {
        var map = SourceMaps.Valid
            .With("accounts", t => t.WithColumn("customer_id", c => c with { IsIndexed = false }).WithColumn("id", c => c with { IsIndexed = false, IsPrimaryKey = false }));

        DataMapIndexWarnings.For(map).Select(w => w.Field).ShouldBe(
            ["Tables[public.accounts].Columns[customer_id]", "Tables[public.accounts].Columns[id]"], ignoreOrder: true);
    }

    [Fact]
    public void APrimaryKeyCountsAsIndexed()
    {
        var map = SourceMaps.Valid.With("customers", t => t.WithColumn("id", c => c with { IsIndexed = false }));

        DataMapIndexWarnings.For(map).ShouldBeEmpty();
    }

    [Fact]
    public void IgnoresOutOfScopeTables()
    {
        var map = SourceMaps.Valid.With("branches", t => t.WithColumn("city", c => c with { Identifies = SubjectIdentifierKind.PhoneNumber }));

        DataMapIndexWarnings.For(map).ShouldBeEmpty();
    }
}
