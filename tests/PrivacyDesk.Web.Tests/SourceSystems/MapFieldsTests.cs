using PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

namespace PrivacyDesk.Web.Tests.SourceSystems;

public sealed class MapFieldsTests
{
    private static readonly string[] OddNames = ["Tables[a.b]", "Tables[a b]", "Tables[a\"b]", "Tables[a_b]", "Tables[a-b]"];

    [Theory]
    [InlineData("Tables[public.customers].Columns[email].Category", "public.customers", "email", "Category")]
    [InlineData("Tables[customers].Columns[email]", "customers", "email", null)]
    [InlineData("Tables[public.kyc_checks].OutOfScopeReason", "public.kyc_checks", null, "OutOfScopeReason")]
    [InlineData("Tables[accounts].References[customer_id]", "accounts", null, "References")]
    [InlineData("Tables[weird \"table\" name].Columns[col.with.dots]", "weird \"table\" name", "col.with.dots", null)]
    [InlineData("Tables[a[1]].Columns[b]", "a[1]", "b", null)]
    public void ReadsTheTableColumnAndMemberAValidationFieldNames(string field, string table, string? column, string? member) =>
        MapFields.Parse(field).ShouldBe(new MapFieldPath(table, column, member));

    [Theory]
    [InlineData(null)]
    [InlineData("Name")]
    [InlineData("Map")]
    [InlineData("Tables[unclosed")]
    public void AFieldOutsideTheMapHasNoPlaceInIt(string? field) => MapFields.Parse(field).ShouldBeNull();

    [Fact]
    public void EveryProblemLinksToTheFieldThatShowsIt()
    {
        MapFields.TargetId(MapFields.Parse("Tables[public.customers].Columns[email].Category")!)
            .ShouldBe(MapFields.Id("Tables[public.customers].Columns[email].Category"));
        // A column's problem without a field of its own (gone from the database) links to the column's row.
        MapFields.TargetId(MapFields.Parse("Tables[customers].Columns[old_name]")!).ShouldBe(MapFields.Id("Tables[customers].Columns[old_name]"));
        MapFields.TargetId(MapFields.Parse("Tables[accounts].References[customer_id]")!).ShouldBe(MapFields.Id("Tables[accounts].References"));
        MapFields.TargetId(MapFields.Parse("Tables[accounts]")!).ShouldBe(MapFields.Id("Tables[accounts]"));
    }

    [Fact]
    public void IdsAreValidAndDistinctForNamesWithQuotesSpacesAndDots()
    {
        var ids = OddNames.Select(MapFields.Id).ToList();

        ids.ShouldAllBe(id => id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        ids.Distinct().Count().ShouldBe(ids.Count);
    }
}
