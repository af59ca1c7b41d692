using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>What a statement does to the subject's rows of one table (issue 15).</summary>
public enum SourceChangeOperation
{
    /// <summary>Delete the rows (children before parents).</summary>
    DeleteRows,

    /// <summary>Keep the rows and overwrite the listed columns (null, a fixed value or a keyed hash).</summary>
    MaskColumns,

    /// <summary>Art. 18: set the map's restriction marker (a column, or a row in a marker table).</summary>
    MarkRestricted,

    /// <summary>Art. 16: write the corrected values from the case.</summary>
    Rectify,
}

/// <summary>What the case wants for one purpose of the subject: change its data (erase, restrict, rectify), keep them, or leave the purpose alone.</summary>
public enum PurposeIntent
{
    /// <summary>The purpose's data are changed (erasure: Comply; restriction: Comply/PartiallyComply; rectification: Comply).</summary>
    Change,

    /// <summary>The purpose keeps its data (erasure refused or partly carried out under a retention ground).</summary>
    Keep,

    /// <summary>The purpose holds nothing of the subject, or the right does not reach it.</summary>
    None,
}

/// <summary>One column of a planned change: for masking the strategy (and fixed value), for rectification the corrected value, for a restriction marker column its value.</summary>
/// <param name="Value">A fixed mask value, a corrected value (personal data: shown masked, never logged) or a marker value.</param>
public sealed record PlannedColumnChange(string Column, MaskStrategy? Mask, string? Value);

/// <summary>
/// One table's change for one subject. Rows are the subject's rows as the retrieval walk finds them (never a lookup
/// table's). <paramref name="PurposeKeys"/> are the purposes whose decisions caused the change.
/// </summary>
/// <param name="Note">Why the change is narrower than the map's method (e.g. rows kept because a kept table points at them).</param>
public sealed record PlannedTableChange(
    string? Schema,
    string Table,
    SourceChangeOperation Operation,
    IReadOnlyList<PlannedColumnChange> Columns,
    IReadOnlyList<string> PurposeKeys,
    string? Note = null)
{
    public string DisplayName => Schema is null ? Table : $"{Schema}.{Table}";
}

/// <summary>
/// Data of the subject a retained purpose still needs: not touched now, and (with a retention ground) an entry in the
/// retention ledger. <paramref name="Until"/> is null while the period has not started (the relationship continues).
/// </summary>
public sealed record KeptData(
    string? Schema,
    string Table,
    Guid PurposeId,
    string PurposeKey,
    RetentionPeriod? Retention,
    DateOnly? Until,
    IReadOnlyList<string> Columns)
{
    public string DisplayName => Schema is null ? Table : $"{Schema}.{Table}";
}

/// <summary>Work the product cannot do itself: a manual system, or a restriction where the map names no marker.</summary>
public sealed record HandInstruction(string? Table, SourceChangeOperation Operation, IReadOnlyList<string> PurposeKeys, string Reason);

/// <summary>The plan for one source system: its changes in execution order (children first), what it keeps and what is left to do by hand.</summary>
public sealed record SystemChangePlan(
    Guid SystemId,
    string SystemName,
    ConnectorKind Connector,
    int MapVersion,
    IReadOnlyList<PlannedTableChange> Changes,
    IReadOnlyList<KeptData> Kept,
    IReadOnlyList<HandInstruction> ByHand)
{
    /// <summary>Nothing for PrivacyDesk to run: the officer does it and confirms.</summary>
    public bool IsManual => Connector == ConnectorKind.Manual || Changes.Count == 0 && ByHand.Count > 0;
}

/// <summary>What the planner proposes for one case (or one retention follow-up): per system, in the register's order.</summary>
public sealed record SourceChangeProposal(RequestType Kind, IReadOnlyList<SystemChangePlan> Systems);

/// <summary>
/// What the planner reads: the right, the subject, per purpose what the case wants, the register, the systems with
/// their maps, the corrections recorded on the case (rectification) and today (for retention end dates).
/// </summary>
public sealed record SourceChangeInput(
    RequestType Kind,
    Subjects.DataSubject Subject,
    IReadOnlyDictionary<Guid, PurposeIntent> Intents,
    IReadOnlyList<Purpose> Purposes,
    IReadOnlyList<SourceSystem> Systems,
    IReadOnlyList<SourceCorrection> Corrections,
    DateOnly Today);

/// <summary>
/// A corrected value the officer recorded on a rectification case (Art. 16), to be written into one column of the
/// subject's rows of one table. The value is personal data: shown masked in the dry run, never logged.
/// </summary>
public sealed record SourceCorrection(
    Guid Id,
    string SystemName,
    string? Schema,
    string Table,
    string Column,
    string Value,
    string RecordedByName,
    DateTimeOffset RecordedAt)
{
    public const int ValueMaxLength = 1_000;

    /// <summary>The longest system, schema, table or column name a correction may name.</summary>
    public const int NameMaxLength = 200;

    public string DisplayName => Schema is null ? Table : $"{Schema}.{Table}";

    /// <summary>Whether this correction is for that column (system names compare as <see cref="SourceSystem.Normalize"/> does).</summary>
    public bool Targets(string systemName, string? schema, string table, string column) =>
        SourceSystem.Normalize(SystemName) == SourceSystem.Normalize(systemName)
        && string.Equals(Schema ?? "", schema ?? "", StringComparison.Ordinal)
        && string.Equals(Table, table, StringComparison.Ordinal)
        && string.Equals(Column, column, StringComparison.Ordinal);
}
