using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Web.Features.SourceChanges;

/// <summary>Why there is nothing to plan yet (the panel's empty states).</summary>
public enum SourceChangeReadiness
{
    /// <summary>Decisions are recorded and systems are in the register: a plan can be made.</summary>
    Ready,

    /// <summary>No decision recorded yet: nothing says what to erase, restrict or correct.</summary>
    NoDecisions,

    /// <summary>No active source system with a data map (or a manual one) to carry anything out in.</summary>
    NoSystems,
}

/// <summary>One plan as the panel shows it: its systems with dry run, state and proof (the domain's records), who made and approved it.</summary>
public sealed record SourceChangePlanView(
    Guid Id,
    Guid Stamp,
    int Version,
    SourceChangePlanStatus Status,
    DateTimeOffset CreatedAt,
    string CreatedByName,
    DateTimeOffset? ApprovedAt,
    string? ApprovedByName,
    bool LargeChangeConfirmed,
    IReadOnlyList<PlannedSystem> Systems)
{
    /// <summary>Systems still to run (pending or failed); the Run / Retry button runs exactly these.</summary>
    public IReadOnlyList<PlannedSystem> ToRun => [.. Systems.Where(s => !s.Plan.IsManual && s.State is PlannedSystemState.Pending or PlannedSystemState.Failed)];

    public bool AnyFailed => Systems.Any(s => s.State == PlannedSystemState.Failed);

    public bool AnyNeedsNewApproval => Systems.Any(s => s.State == PlannedSystemState.NeedsNewApproval);

    public int LargestCount => Systems.Count == 0 ? 0 : Systems.Max(s => s.LargestCount);
}

/// <summary>What the caller may do on the panel now (the service checks each again).</summary>
/// <param name="Approve">A team lead who neither handles the case nor made the plan, on a plan awaiting approval.</param>
/// <param name="Run">The handler or a team lead, on an approved plan with systems left to run.</param>
public sealed record SourceChangeAbilities(bool Plan, bool Approve, bool Run, bool ConfirmByHand, bool Correct)
{
    public static SourceChangeAbilities None { get; } = new(false, false, false, false, false);
}

/// <summary>A column the officer may correct (rectification): a system's mapped table and column, by the map.</summary>
public sealed record CorrectionTarget(string SystemName, string? Schema, string Table, IReadOnlyList<string> Columns)
{
    public string DisplayName => Schema is null ? Table : $"{Schema}.{Table}";
}

/// <summary>A recorded correction as the panel lists it: the value shown masked (it is personal data).</summary>
public sealed record CorrectionRow(Guid Id, string SystemName, string Table, string Column, string ValueShown, string RecordedByName, DateTimeOffset RecordedAt);

/// <summary>
/// The "Carry out in source systems" panel (issue 15): the case's right, whether a plan can be made, the current plan (or the
/// last one), whether the decisions moved since it was made, and the rectification's corrections.
/// </summary>
/// <param name="Outdated">The decisions or the systems' maps changed since the plan was made: it must be made again.</param>
/// <param name="Waiting">The caller handles the case and the plan waits for a team lead (the handler cannot approve it).</param>
public sealed record SourceChangesView(
    RequestType Kind,
    SourceChangeReadiness Readiness,
    int ConnectedSystems,
    SourceChangePlanView? Plan,
    bool Outdated,
    bool Waiting,
    int MaxRowsPerTable,
    SourceChangeAbilities Can,
    IReadOnlyList<CorrectionRow> Corrections,
    IReadOnlyList<CorrectionTarget> CorrectionTargets,
    IReadOnlyDictionary<Guid, LocalizedText> PurposeNames)
{
    /// <summary>The rights whose decisions are carried out in the source systems.</summary>
    public static bool Applies(RequestType kind) => SourceChangePlan.ChangesSources(kind);
}

/// <summary>A correction the officer enters on a rectification case.</summary>
public sealed record CorrectionInput(string SystemName, string? Schema, string Table, string Column, string Value);

/// <summary>What one run did: systems done, failed, or waiting for a new approval, by name.</summary>
public sealed record SourceChangeRunOutcome(IReadOnlyList<string> Done, IReadOnlyList<string> Failed, IReadOnlyList<string> NeedNewApproval);
