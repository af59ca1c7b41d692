namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// The order in which a retrieval reads a map's in-scope tables for one subject, made by walking the map from the
/// identifier columns along the references (both directions). Every step reads one table by one column, with
/// values that are either the subject's identifiers or the values an earlier step read.
/// </summary>
public sealed record RetrievalPlan(int MapVersion, IReadOnlyList<RetrievalStep> Steps);

/// <param name="Table">The table to read (all its mapped columns are selected).</param>
/// <param name="MatchColumn">The column of <paramref name="Table"/> compared with the values.</param>
/// <param name="Source">Where the values come from.</param>
/// <param name="IsLookup">Reached along the previous table's own reference (accounts → products): read for the copy, but its rows are not the subject's, so erasure never touches it.</param>
public sealed record RetrievalStep(MappedTable Table, string MatchColumn, RetrievalSource Source, bool IsLookup = false);

/// <summary>Either the subject's own identifier of one kind, or the values of a column of a table an earlier step read.</summary>
public sealed record RetrievalSource(SubjectIdentifierKind? Identifier, string? FromSchema, string? FromTable, string? FromColumn)
{
    public static RetrievalSource OfIdentifier(SubjectIdentifierKind kind) => new(kind, null, null, null);

    public static RetrievalSource OfColumn(string? schema, string table, string column) => new(null, schema, table, column);
}

/// <summary>The subject's identifiers a retrieval starts from (the values, case as stored in PrivacyDesk).</summary>
public sealed record SubjectKeys(IReadOnlyDictionary<SubjectIdentifierKind, IReadOnlyList<string>> Values)
{
    public IReadOnlyList<string> Of(SubjectIdentifierKind kind) => Values.TryGetValue(kind, out var values) ? values : [];
}
