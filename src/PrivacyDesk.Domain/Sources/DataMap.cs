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
    IReadOnlyList<TableReference> References)
{
    public string DisplayName => Schema is null ? Name : $"{Schema}.{Name}";

    public MappedColumn? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <param name="DataType">The engine's own type name, as the catalog reports it.</param>
/// <param name="IsIndexed">Whether the engine has an index whose first column is this one (retrieval speed; the map page warns when an identity or reference column has none).</param>
/// <param name="Identifies">Set when the column holds one of the subject's identifiers: retrieval starts here.</param>
/// <param name="Category">The register data category (<c>DataCategory.Name</c>) the column holds; null for keys and technical columns.</param>
public sealed record MappedColumn(
    string Name,
    string DataType,
    bool IsPrimaryKey,
    bool IsIndexed,
    SubjectIdentifierKind? Identifies,
    string? Category);

/// <summary>A single-column reference from <see cref="Column"/> of the table that holds it to a column of another table (a foreign key, discovered, or added by the office where the database has none).</summary>
public sealed record TableReference(string Column, string? ToSchema, string ToTable, string ToColumn, bool Discovered);
