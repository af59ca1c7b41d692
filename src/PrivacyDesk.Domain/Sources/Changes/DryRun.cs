namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>
/// One statement of a system's plan as the dry run counted it (issue 15): the SQL text with parameter names, the
/// parameters as shown (masked), how many of the subject's rows it touches now, and keyed hashes of those rows'
/// primary keys (no personal data), so execution can tell rows added since from rows that changed.
/// </summary>
/// <param name="StatementHash">SHA-256 of the SQL text and parameter names: what the proof and audit trail name the statement by.</param>
/// <param name="ExecutedCount">Rows the statement changed when it ran; null until then.</param>
/// <param name="AddedSince">Of those, rows that were not there (or not the subject's) at the dry run.</param>
public sealed record DryRunStatement(
    int Order,
    string? Schema,
    string Table,
    SourceChangeOperation Operation,
    string Sql,
    IReadOnlyList<string> ParametersShown,
    int RowCount,
    IReadOnlyList<string> RowKeyHashes,
    string StatementHash,
    int? ExecutedCount = null,
    int? AddedSince = null)
{
    public string DisplayName => Schema is null ? Table : $"{Schema}.{Table}";
}

/// <summary>What the product found when it re-queried one table after execution.</summary>
/// <param name="RowsRemaining">The subject's rows (by the executed keys and by the walk) still in the table.</param>
/// <param name="RowsExpected">What must remain: 0 after deletion, the kept rows otherwise.</param>
/// <param name="MaskedColumns">Columns that were masked.</param>
/// <param name="NoOriginalValueRemains">For masked columns: no row of the subject still holds a value other than the mask, and no row anywhere holds the subject's identifiers in an erased identity column.</param>
public sealed record TableProof(
    string? Schema,
    string Table,
    int RowsRemaining,
    int RowsExpected,
    IReadOnlyList<string> MaskedColumns,
    bool NoOriginalValueRemains,
    string StatementHash)
{
    public string DisplayName => Schema is null ? Table : $"{Schema}.{Table}";

    public bool Holds => RowsRemaining == RowsExpected && NoOriginalValueRemains;
}

/// <summary>The proof for one system: timestamps, the map version walked and per table what remains. No personal data.</summary>
public sealed record SystemProof(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int MapVersion, IReadOnlyList<TableProof> Tables)
{
    public bool Holds => Tables.All(t => t.Holds);
}
