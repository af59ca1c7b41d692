using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Sources.Changes;

public enum SourceChangePlanStatus
{
    /// <summary>Dry run counted; nothing runs until a team lead who did not handle the case approves.</summary>
    AwaitingApproval,

    /// <summary>Approved; systems run (and may be retried) until all are done or confirmed by hand.</summary>
    Approved,

    /// <summary>Every system done (proven) or confirmed by hand.</summary>
    Completed,

    /// <summary>Replaced by a newer plan (a decision changed, counts moved, a map changed); kept for the record.</summary>
    Superseded,
}

public enum PlannedSystemState
{
    Pending,
    Done,
    Failed,

    /// <summary>At execution the rows differed from the approved dry run by more than rows added since: a new plan and approval are needed.</summary>
    NeedsNewApproval,

    /// <summary>A manual system: the officer confirmed with a note that the system's team did it (confirmed, not proven).</summary>
    ConfirmedByHand,
}

/// <summary>One system of a plan: what it will do (the plan and its dry run), where it stands, and the proof once done.</summary>
public sealed record PlannedSystem(
    SystemChangePlan Plan,
    IReadOnlyList<DryRunStatement> DryRun,
    DateTimeOffset? CountedAt,
    PlannedSystemState State,
    string? FailureCode = null,
    int Attempts = 0,
    DateTimeOffset? FinishedAt = null,
    SystemProof? Proof = null,
    string? HandNote = null,
    string? HandConfirmedByName = null)
{
    public Guid SystemId => Plan.SystemId;

    public bool IsFinished => State is PlannedSystemState.Done or PlannedSystemState.ConfirmedByHand;

    /// <summary>The largest number of rows one statement would touch (for the second confirmation).</summary>
    public int LargestCount => DryRun.Count == 0 ? 0 : DryRun.Max(s => s.RowCount);
}

/// <summary>
/// The carrying out of a case's decisions in the source systems (issue 15, ADR 0040): computed from the recorded
/// per-purpose decisions, counted in a dry run, approved by a team lead who did not handle the case (the same
/// four-eyes rule as responses), then run per system, each in its own transaction, with proof afterwards.
/// A retention follow-up (an expired ledger entry) is a plan without a case. A plan never changes what it will do:
/// a changed decision or count makes a new plan (the old one is superseded).
/// </summary>
public sealed class SourceChangePlan : AggregateRoot
{
    public const string AuditEntityType = "SourceChangePlan";
    public const int NoteMaxLength = 2_000;
    public const int FingerprintMaxLength = 128;

    private readonly List<PlannedSystem> _systems = [];
    private readonly List<string> _subjectKeyHashes = [];

    private SourceChangePlan()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case whose decisions the plan carries out; null for a retention follow-up.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>The retention ledger entry whose end the plan carries out; null for a case's plan.</summary>
    public Guid? RetentionEntryId { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>Erasure, restriction or rectification.</summary>
    public RequestType Kind { get; private set; }

    /// <summary>1 for the case's first plan; each new plan for the same case adds one.</summary>
    public int Version { get; private set; }

    public SourceChangePlanStatus Status { get; private set; }

    /// <summary>What the plan was computed from (the current decisions' ids, the maps' versions), so a change is seen.</summary>
    public string Fingerprint { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedById { get; private set; }

    public string CreatedByName { get; private set; } = "";

    /// <summary>The case's handler when the plan was made (the one who may not approve it).</summary>
    public string? HandlerId { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedById { get; private set; }

    public string? ApprovedByName { get; private set; }

    /// <summary>The approver confirmed a second time that a statement touches more rows than the configured maximum per table.</summary>
    public bool LargeChangeConfirmed { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset? SupersededAt { get; private set; }

    public IReadOnlyList<PlannedSystem> Systems => _systems;

    /// <summary>Keyed hashes of the subject's identifiers the plan ran with: a completed erasure can be re-applied after a restore without keeping who it was.</summary>
    public IReadOnlyList<string> SubjectKeyHashes => _subjectKeyHashes;

    public bool IsOpen => Status is SourceChangePlanStatus.AwaitingApproval or SourceChangePlanStatus.Approved;

    public PlannedSystem? System(Guid systemId) => _systems.FirstOrDefault(s => s.SystemId == systemId);

    /// <summary>A case's plan: every system counted (or manual), waiting for approval.</summary>
    public static Result<SourceChangePlan> ForCase(
        DataSubjectRequest request, int version, string fingerprint, IReadOnlyList<PlannedSystem> systems,
        IReadOnlyList<string> subjectKeyHashes, Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>A retention follow-up: the ledger entry's data are due for erasure; made by the system, approved by any team lead.</summary>
    public static Result<SourceChangePlan> ForRetentionEnd(
        RetentionLedgerEntry entry, string fingerprint, IReadOnlyList<PlannedSystem> systems,
        IReadOnlyList<string> subjectKeyHashes, Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>Four eyes: a team lead who is neither the handler nor the maker; above <paramref name="maxRowsPerTable"/> only with <paramref name="confirmLargeChange"/>.</summary>
    public Result Approve(Actor approver, DateTimeOffset at, int maxRowsPerTable, bool confirmLargeChange) => throw new NotImplementedException();

    /// <summary>Whether a system may run now (approved, not finished, not waiting for a new approval).</summary>
    public Result MayRun(Guid systemId) => throw new NotImplementedException();

    public Result RecordDone(Guid systemId, IReadOnlyList<DryRunStatement> executed, SystemProof proof, DateTimeOffset at) => throw new NotImplementedException();

    public Result RecordFailed(Guid systemId, string errorCode, DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>The rows differed from the approved dry run beyond rows added since: this system waits for a new plan.</summary>
    public Result RecordNeedsNewApproval(Guid systemId, DateTimeOffset at) => throw new NotImplementedException();

    public Result ConfirmByHand(Guid systemId, string note, Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>A newer plan replaces this one (a decision changed, a count moved); systems already done stay done.</summary>
    public Result Supersede(Actor actor, DateTimeOffset at, string reason) => throw new NotImplementedException();
}
