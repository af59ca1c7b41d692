using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;
using PrivacyDesk.Web.Features.Common;

namespace PrivacyDesk.Web.Tests.SourceSystems;

public sealed class DataMapPageStateTests
{
    private static MappedTable Table(string name, params string[] columns) =>
        new(null, name, true, null, ["customer-relationship"], [.. columns.Select(c => new MappedColumn(c, "TEXT", c == "id", c == "id", null, null))], []);

    /// <summary>A map of many tables, as a real system has hundreds.</summary>
    private static DataMap ManyTables(int count) => new([.. Enumerable.Range(1, count).Select(i => Table($"table_{i:000}", "id", $"column_{i}"))]);

    [Fact]
    public void ALargeMapOpensOnlyTheTablesWithProblems()
    {
        var state = new DataMapPageState(mayManage: true);
        Error[] problems = [new("source.map.purposes_missing", "Tables[table_042].PurposeKeys")];

        state.Show(ManyTables(300), [], problems, [], proposal: false);

        state.VisibleTables.Count.ShouldBe(300);
        state.VisibleTables.Where(state.IsOpen).Select(t => t.DisplayName).ShouldBe(["table_042"]);
        state.ProblemCount(state.Form!.Table("table_042")!).ShouldBe(1);
    }

    [Fact]
    public void TheFilterFindsTablesByTableOrColumnNameAndCanShowOnlyTablesWithProblems()
    {
        var state = new DataMapPageState(mayManage: true);
        state.Show(ManyTables(30), [], [new("source.map.reason_missing", "Tables[table_007].OutOfScopeReason")], [], proposal: false);

        state.Filter = "COLUMN_12";
        state.VisibleTables.Select(t => t.DisplayName).ShouldBe(["table_012"]);
        state.Filter = "";
        state.OnlyWithProblems = true;
        state.VisibleTables.Select(t => t.DisplayName).ShouldBe(["table_007"]);
    }

    [Fact]
    public void GoingToAProblemOpensItsTableAndLiftsAFilterThatHidesIt()
    {
        var state = new DataMapPageState(mayManage: true);
        var problem = new Error("source.map.category_not_in_purposes", "Tables[table_100].Columns[column_100].Category");
        state.Show(ManyTables(120), [], [problem], [], proposal: false);
        state.CloseAll();
        state.Filter = "table_001";

        var target = state.GoTo(problem);

        target.ShouldBe(MapFields.Id("Tables[table_100].Columns[column_100].Category"));
        state.IsOpen(state.Form!.Table("table_100")!).ShouldBeTrue();
        state.VisibleTables.ShouldContain(state.Form.Table("table_100")!);
    }

    [Fact]
    public void ARefusedSaveKeepsTheEditsAndSaysStaleApartFromTheProblems()
    {
        var state = new DataMapPageState(mayManage: true);
        state.Show(ManyTables(2), [], [], [], proposal: false);
        state.Form!.Tables[0].InScope = false;
        state.Edited();

        state.Checked([new Error(StaleEdit.Code), new Error("source.map.reason_missing", "Tables[table_001].OutOfScopeReason"), new Error("source.retired")]);

        state.Form.Tables[0].InScope.ShouldBeFalse();
        state.Stale!.Code.ShouldBe(StaleEdit.Code);
        state.FieldProblems.Select(p => p.Code).ShouldBe(["source.map.reason_missing"]);
        state.GeneralErrors.Select(p => p.Code).ShouldBe(["source.retired"]);
        state.ChangedSinceCheck.ShouldBeFalse();
        state.IsDirty.ShouldBeTrue();
    }

    [Fact]
    public void AnOutOfScopeTableIsSavedWithItsReasonAndAnAddedReferenceOnlyWhenComplete()
    {
        var form = DataMapForm.From(ManyTables(2));
        form.Tables[0].InScope = false;
        form.Tables[0].OutOfScopeReason = "  reference data  ";
        form.Tables[1].References.Add(new ReferenceForm { Column = "column_2", ToTable = "table_001", ToColumn = "id" });
        form.Tables[1].References.Add(new ReferenceForm { Column = "column_2", ToTable = "table_001" });

        var map = form.ToMap();

        map.Tables[0].OutOfScopeReason.ShouldBe("reference data");
        map.Tables[1].References.ShouldBe([new TableReference("column_2", null, "table_001", "id", false)]);
    }
}
