using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

/// <summary>
/// The data map as the editor binds to it: every table, column and reference of a <see cref="DataMap"/> as
/// something a form can change. It keeps whatever the administrator chose, valid or not, so a refused save loses
/// nothing; the domain judges the result (<see cref="ToMap"/>).
/// </summary>
public sealed class DataMapForm
{
    public List<TableForm> Tables { get; init; } = [];

    public static DataMapForm From(DataMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new DataMapForm { Tables = [.. map.Tables.Select(TableForm.From)] };
    }

    public DataMap ToMap() => new([.. Tables.Select(t => t.ToTable())]);

    public TableForm? Table(string displayName) => Tables.FirstOrDefault(t => t.DisplayName == displayName);
}

/// <summary>One table of the map being edited.</summary>
public sealed class TableForm
{
    public string? Schema { get; init; }

    public string Name { get; init; } = "";

    public string DisplayName => Schema is null ? Name : $"{Schema}.{Name}";

    public bool InScope { get; set; } = true;

    public string OutOfScopeReason { get; set; } = "";

    /// <summary>The register purposes (by key) that use the table; a set, as the multi-select binds it.</summary>
    public IReadOnlyCollection<string> PurposeKeys { get; set; } = [];

    public List<ColumnForm> Columns { get; init; } = [];

    public List<ReferenceForm> References { get; init; } = [];

    /// <summary>Issue 15: what erasure does to the subject's rows when no kept purpose needs them.</summary>
    public ErasureMethod Erasure { get; set; } = ErasureMethod.DeleteRows;

    /// <summary>Art. 18: a column of this table set to <see cref="RestrictionValue"/>; empty means no column marker.</summary>
    public string RestrictionColumn { get; set; } = "";

    public string RestrictionValue { get; set; } = "";

    /// <summary>A marker table the map named (kept as it was: the editor offers the column form only).</summary>
    public RestrictionMarker? RestrictionTable { get; set; }

    private RestrictionMarker? Restriction => RestrictionColumn.Trim().Length > 0
        ? new RestrictionMarker(RestrictionColumn.Trim(), RestrictionValue.Trim())
        : RestrictionTable;

    /// <summary>The references that start at <paramref name="column"/> (foreign keys or added by the office).</summary>
    public IEnumerable<ReferenceForm> ReferencesFrom(string column) => References.Where(r => r.Column == column);

    public static TableForm From(MappedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new TableForm
        {
            Schema = table.Schema,
            Name = table.Name,
            InScope = table.InScope,
            OutOfScopeReason = table.OutOfScopeReason ?? "",
            PurposeKeys = [.. table.PurposeKeys],
            Columns = [.. table.Columns.Select(c => new ColumnForm
            {
                Name = c.Name, DataType = c.DataType, IsPrimaryKey = c.IsPrimaryKey, IsIndexed = c.IsIndexed, Identifies = c.Identifies, Category = c.Category,
                MaskStrategy = c.Mask?.Strategy ?? MaskStrategy.Null, MaskValue = c.Mask?.FixedValue ?? "",
            })],
            Erasure = table.Erasure,
            RestrictionColumn = table.Restriction is { IsColumn: true } column ? column.Column! : "",
            RestrictionValue = table.Restriction is { IsColumn: true } marker ? marker.Value ?? "" : "",
            RestrictionTable = table.Restriction is { IsColumn: false } markerTable ? markerTable : null,
            References = [.. table.References.Select(r => new ReferenceForm
            {
                Column = r.Column, ToSchema = r.ToSchema, ToTable = r.ToTable, ToColumn = r.ToColumn, Discovered = r.Discovered,
            })],
        };
    }

    /// <summary>An out-of-scope table keeps its purposes and categories out of the saved map: nothing is read from it.</summary>
    public MappedTable ToTable() => new(
        Schema,
        Name,
        InScope,
        InScope || string.IsNullOrWhiteSpace(OutOfScopeReason) ? null : OutOfScopeReason.Trim(),
        [.. PurposeKeys.Order(StringComparer.Ordinal)],
        [.. Columns.Select(c => new MappedColumn(c.Name, c.DataType, c.IsPrimaryKey, c.IsIndexed, c.Identifies, string.IsNullOrWhiteSpace(c.Category) ? null : c.Category, c.Mask))],
        [.. References.Where(r => r.IsComplete).Select(r => new TableReference(r.Column, r.ToSchema, r.ToTable, r.ToColumn, r.Discovered))],
        Erasure,
        Restriction);
}

/// <summary>One column: the catalog's facts (name, type, key, index) and the office's choices (identifier, category).</summary>
public sealed class ColumnForm
{
    public string Name { get; init; } = "";

    public string DataType { get; init; } = "";

    public bool IsPrimaryKey { get; init; }

    public bool IsIndexed { get; init; }

    public SubjectIdentifierKind? Identifies { get; set; }

    public string? Category { get; set; }

    /// <summary>Issue 15: how erasure overwrites the column when its row is kept; Null (the default) is saved as no mask.</summary>
    public MaskStrategy MaskStrategy { get; set; } = MaskStrategy.Null;

    public string MaskValue { get; set; } = "";

    public ColumnMask? Mask => MaskStrategy switch
    {
        MaskStrategy.Null => null,
        MaskStrategy.FixedValue => new ColumnMask(MaskStrategy.FixedValue, MaskValue),
        _ => new ColumnMask(MaskStrategy),
    };
}

/// <summary>A reference from a column of this table to a column of another; a discovered one is the database's own and cannot be removed.</summary>
public sealed class ReferenceForm
{
    public string Column { get; set; } = "";

    public string? ToSchema { get; set; }

    public string ToTable { get; set; } = "";

    public string ToColumn { get; set; } = "";

    public bool Discovered { get; init; }

    public string ToDisplayName => ToSchema is null ? ToTable : $"{ToSchema}.{ToTable}";

    /// <summary>A reference being added is saved only once every part is chosen.</summary>
    public bool IsComplete => Column.Length > 0 && ToTable.Length > 0 && ToColumn.Length > 0;
}
