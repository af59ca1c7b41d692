namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// What the office knows about one connected system's tables (issue 14, after fides' annotated datasets): which
/// columns identify a subject, how the other tables reach those through references, which data category each
/// column holds, which register purposes use each table, and which tables are out of scope and why.
/// Discovery proposes one from the engine's catalog; the office confirms and edits it; a valid map is what a
/// retrieval walks. Names are the catalog's names, exactly as the engine spells them (quoted when queried).
/// </summary>
public sealed record DataMap(IReadOnlyList<MappedTable> Tables)
{
    public static DataMap Empty { get; } = new([]);

    public MappedTable? Find(string? schema, string name) =>
        Tables.FirstOrDefault(t => string.Equals(t.Schema ?? "", schema ?? "", StringComparison.Ordinal) && string.Equals(t.Name, name, StringComparison.Ordinal));
}

/// <param name="Schema">The engine's schema (PostgreSQL "public", SQL Server "dbo"); null where the engine has none (SQLite, MySQL's current database).</param>
/// <param name="InScope">False: the table holds nothing about subjects, or is kept out for a reason the office gives in <paramref name="OutOfScopeReason"/>.</param>
/// <param name="PurposeKeys">The register purposes (by <c>Purpose.Key</c>) that use this table.</param>
public sealed record MappedTable(
    string? Schema,
    string Name,
    bool InScope,
    string? OutOfScopeReason,
    IReadOnlyList<string> PurposeKeys,
    IReadOnlyList<MappedColumn> Columns,
    IReadOnlyList<TableReference> References,
    ErasureMethod Erasure = ErasureMethod.DeleteRows,
    RestrictionMarker? Restriction = null)
{
    public string DisplayName => Schema is null ? Name : $"{Schema}.{Name}";

    public MappedColumn? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <param name="DataType">The engine's own type name, as the catalog reports it.</param>
/// <param name="IsIndexed">Whether the engine has an index whose first column is this one (retrieval speed; the map page warns when an identity or reference column has none).</param>
/// <param name="Identifies">Set when the column holds one of the subject's identifiers: retrieval starts here.</param>
/// <param name="Category">The register data category (<c>DataCategory.Name</c>) the column holds; null for keys and technical columns.</param>
/// <param name="Mask">How the column is erased when its table's rows are kept (issue 15); null means set to NULL.</param>
public sealed record MappedColumn(
    string Name,
    string DataType,
    bool IsPrimaryKey,
    bool IsIndexed,
    SubjectIdentifierKind? Identifies,
    string? Category,
    ColumnMask? Mask = null);

/// <summary>How erasure treats a table's rows of the subject when no retained purpose needs them (issue 15).</summary>
public enum ErasureMethod
{
    /// <summary>Delete the rows (children first, in foreign-key order).</summary>
    DeleteRows,

    /// <summary>Keep the rows (a ledger, an id others point at) and mask every column that holds a data category.</summary>
    MaskColumns,
}

public enum MaskStrategy
{
    /// <summary>Set the column to NULL.</summary>
    Null,

    /// <summary>Set the column to <see cref="ColumnMask.FixedValue"/> (e.g. "verwijderd").</summary>
    FixedValue,

    /// <summary>Set the column to a keyed hash (HMAC) of the subject and column: a stable pseudonym, never the original value.</summary>
    KeyedHash,
}

public sealed record ColumnMask(MaskStrategy Strategy, string? FixedValue = null);

/// <summary>
/// Where the map says a subject's rows are marked as restricted (Art. 18): either a column of the table set to
/// <see cref="Value"/>, or a marker table into which one row per restricted row's key is inserted.
/// </summary>
/// <param name="Column">A column of the table itself (e.g. <c>processing_restricted</c>), set to <see cref="Value"/>.</param>
/// <param name="MarkerTable">A table that lists restricted rows; <see cref="MarkerKeyColumn"/> receives the restricted row's primary key.</param>
public sealed record RestrictionMarker(string? Column, string? Value, string? MarkerSchema = null, string? MarkerTable = null, string? MarkerKeyColumn = null)
{
    public bool IsColumn => Column is not null;
}

/// <summary>A single-column reference from <see cref="Column"/> of the table that holds it to a column of another table (a foreign key, discovered, or added by the office where the database has none).</summary>
public sealed record TableReference(string Column, string? ToSchema, string ToTable, string ToColumn, bool Discovered);
