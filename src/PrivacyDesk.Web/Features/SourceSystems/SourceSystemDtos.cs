using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Features.Register;

namespace PrivacyDesk.Web.Features.SourceSystems;

/// <summary>Where a system's connection string comes from; the secret itself is never part of any page's data.</summary>
public enum SourceConnectionKind
{
    None,

    /// <summary>A named connection string in configuration (<c>SourceSystems__Connections__&lt;name&gt;</c>).</summary>
    ConfigurationReference,

    /// <summary>Typed once by an administrator, stored encrypted with Data Protection.</summary>
    EncryptedConnectionString,
}

/// <summary>One system in the list: what a reader scans for (kind, connected, map usable, how many purposes name it).</summary>
public sealed record SourceSystemRow(
    Guid Id,
    string Name,
    string? Owner,
    ConnectorKind Connector,
    SourceSystemStatus Status,
    bool IsConnected,
    bool FetchAutomatically,
    int MapVersion,
    int MapProblems,
    int PurposeCount);

/// <summary>A register purpose as the map editor offers it: its key, name and the data categories it names.</summary>
public sealed record MapPurpose(string Key, LocalizedText Name, PurposeStatus Status, IReadOnlyList<string> DataCategories);

/// <summary>One system as its page shows and edits it, with the stamp its next change must match.</summary>
/// <param name="ConnectionReference">The configuration name (not a secret); the encrypted string is never included.</param>
/// <param name="MapProblems">Every rule the saved map breaks now (register changes can break a map saved earlier); empty without a map.</param>
/// <param name="IndexWarnings">Identity and reference columns without an index (warnings, never blocking).</param>
/// <param name="ErasureConnectionKind">The erasure user's connection (issue 15): the same two forms as the read one, its string never included.</param>
public sealed record SourceSystemDetail(
    Guid Id,
    string Name,
    string? Owner,
    string? Description,
    ConnectorKind Connector,
    SourceSystemStatus Status,
    SourceConnectionKind ConnectionKind,
    string? ConnectionReference,
    bool IsConnected,
    bool FetchAutomatically,
    int RowCapPerTable,
    int StatementTimeoutSeconds,
    DataMap Map,
    int MapVersion,
    DateTimeOffset? MapSavedAt,
    string? MapSavedByName,
    IReadOnlyList<Error> MapProblems,
    IReadOnlyList<Error> IndexWarnings,
    IReadOnlyList<string> UsedByPurposes,
    IReadOnlyList<MapPurpose> Purposes,
    Guid ConcurrencyStamp,
    SourceConnectionKind ErasureConnectionKind = SourceConnectionKind.None,
    string? ErasureConnectionReference = null);

public sealed record NewSourceSystem(string Name, string? Owner, string? Description, ConnectorKind Connector);

/// <summary>The fields an administrator edits together: a new name renames the system everywhere (register, open collection tasks).</summary>
public sealed record SourceSystemUpdate(
    string Name, string? Owner, string? Description, bool FetchAutomatically, int RowCapPerTable, int StatementTimeoutSeconds);

/// <summary>
/// What discovery found: the proposed map (the office's annotations kept), every problem it still has against the
/// register and the live catalog, its index warnings, and what the live catalog says of the map saved now.
/// </summary>
public sealed record SourceDiscovery(
    DataMap Proposal, IReadOnlyList<Error> ProposalProblems, IReadOnlyList<Error> IndexWarnings, IReadOnlyList<Error> SavedMapProblems);

/// <summary>One audit event of a system, for its history (map versions included).</summary>
public sealed record SourceSystemHistoryEntry(DateTimeOffset At, string ActorName, string Action, IReadOnlyList<FieldChange> Changes);
