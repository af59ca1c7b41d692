using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

namespace PrivacyDesk.Web.Tests.SourceSystems;

/// <summary>The map editor keeps the erasure settings of issue 15 (method, restriction marker, column masks) through an edit and save.</summary>
public sealed class DataMapFormErasureTests
{
    private static readonly DataMap Map = new(
    [
        new(null, "customers", true, null, ["products-and-services"],
        [
            new("id", "INTEGER", true, true, null, null),
            new("email", "TEXT", false, false, SubjectIdentifierKind.EmailAddress, "Contactgegevens (e-mail, telefoon)", new ColumnMask(MaskStrategy.KeyedHash)),
            new("name", "TEXT", false, false, null, "Identificatiegegevens", new ColumnMask(MaskStrategy.FixedValue, "verwijderd")),
        ], [], ErasureMethod.MaskColumns, new RestrictionMarker("processing_restricted", "1")),
    ]);

    [Fact]
    public void AMapRoundTripsThroughTheEditorWithItsErasureMethodRestrictionMarkerAndMasks()
    {
        var form = DataMapForm.From(Map);

        var saved = form.ToMap().Tables.Single();

        saved.Erasure.ShouldBe(ErasureMethod.MaskColumns);
        saved.Restriction.ShouldBe(new RestrictionMarker("processing_restricted", "1"));
        saved.Columns.Single(c => c.Name == "email").Mask.ShouldBe(new ColumnMask(MaskStrategy.KeyedHash));
        saved.Columns.Single(c => c.Name == "name").Mask.ShouldBe(new ColumnMask(MaskStrategy.FixedValue, "verwijderd"));
    }

    [Fact]
    public void TheEditorSetsTheMethodTheMarkerColumnAndAFixedMask()
    {
        var form = DataMapForm.From(Map with { Tables = [Map.Tables[0] with { Erasure = ErasureMethod.DeleteRows, Restriction = null }] });
        var table = form.Tables.Single();

        table.Erasure = ErasureMethod.MaskColumns;
        table.RestrictionColumn = "processing_restricted";
        table.RestrictionValue = "true";
        table.Columns.Single(c => c.Name == "name").MaskStrategy = MaskStrategy.FixedValue;
        table.Columns.Single(c => c.Name == "name").MaskValue = "onbekend";
        table.Columns.Single(c => c.Name == "email").MaskStrategy = MaskStrategy.Null;
        var saved = form.ToMap().Tables.Single();

        saved.Erasure.ShouldBe(ErasureMethod.MaskColumns);
        saved.Restriction.ShouldBe(new RestrictionMarker("processing_restricted", "true"));
        saved.Columns.Single(c => c.Name == "name").Mask.ShouldBe(new ColumnMask(MaskStrategy.FixedValue, "onbekend"));
        saved.Columns.Single(c => c.Name == "email").Mask.ShouldBeNull("null is the default mask");
    }
}
