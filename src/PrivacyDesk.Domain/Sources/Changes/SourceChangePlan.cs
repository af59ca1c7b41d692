using System.Globalization;
using System.Security.Cryptography;
using System.Text;
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

    // Methods, not properties: EF would take a get-only list of records for a navigation (the systems are one JSON column).

    /// <summary>Systems still to do: waiting to run, failed (may be retried) or waiting for a new plan.</summary>
    public IReadOnlyList<PlannedSystem> PendingSystems() => [.. _systems.Where(s => !s.IsFinished)];

    /// <summary>Systems PrivacyDesk changed itself and proved afterwards.</summary>
    public IReadOnlyList<PlannedSystem> ProvenSystems() => [.. _systems.Where(s => s.State == PlannedSystemState.Done)];

    /// <summary>Systems the officer confirmed were changed by hand (confirmed, not proven).</summary>
    public IReadOnlyList<PlannedSystem> ConfirmedSystems() => [.. _systems.Where(s => s.State == PlannedSystemState.ConfirmedByHand)];

    /// <summary>A retention follow-up (no case): any team lead but the maker approves it.</summary>
    public bool IsRetentionFollowUp => RetentionEntryId is not null;

    /// <summary>Whether a system's work is over: run and proven (and any work by hand confirmed), or confirmed by hand.</summary>
    public static bool IsSettled(PlannedSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.State == PlannedSystemState.ConfirmedByHand
            || system.State == PlannedSystemState.Done && (system.Plan.ByHand.Count == 0 || system.HandNote is not null);
    }

    /// <summary>A case's plan: every system counted (or manual), waiting for approval.</summary>
    public static Result<SourceChangePlan> ForCase(
        DataSubjectRequest request, int version, string fingerprint, IReadOnlyList<PlannedSystem> systems,
        IReadOnlyList<string> subjectKeyHashes, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = CommonErrors(fingerprint, systems, subjectKeyHashes);
        if (!actor.Has(Permission.HandleRequests))
        {
            errors.Insert(0, SourceChangeErrors.Forbidden);
        }
        if (!ChangesSources(request.Type))
        {
            errors.Add(SourceChangeErrors.KindNotChanging with { Arguments = Argument("type", request.Type.ToString()) });
        }
        if (version < 1)
        {
            errors.Add(SourceChangeErrors.VersionInvalid);
        }
        if (errors.Count > 0)
        {
            return Result<SourceChangePlan>.Failure(errors);
        }
        var plan = New(request.Type, fingerprint, systems, subjectKeyHashes, actor, at);
        plan.RequestId = request.Id;
        plan.SubjectId = request.SubjectId;
        plan.Version = version;
        plan.HandlerId = request.HandlerId;
        plan.RecordPlanned(actor, at);
        return Result.Success(plan);
    }

    /// <summary>A retention follow-up: the ledger entry's data are due for erasure; made by the system, approved by any team lead.</summary>
    /// <param name="version">1 for the entry's first follow-up; a follow-up replacing a superseded one adds one.</param>
    public static Result<SourceChangePlan> ForRetentionEnd(
        RetentionLedgerEntry entry, string fingerprint, IReadOnlyList<PlannedSystem> systems,
        IReadOnlyList<string> subjectKeyHashes, Actor actor, DateTimeOffset at, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = CommonErrors(fingerprint, systems, subjectKeyHashes);
        // A follow-up already planned may be planned again (a newer version replaces a superseded one).
        if (entry.Status is not (RetentionEntryStatus.Running or RetentionEntryStatus.FollowUpPlanned))
        {
            errors.Add(SourceChangeErrors.RetentionNotRunning with { Arguments = Argument("status", entry.Status.ToString()) });
        }
        if (version < 1)
        {
            errors.Add(SourceChangeErrors.VersionInvalid);
        }
        if (errors.Count > 0)
        {
            return Result<SourceChangePlan>.Failure(errors);
        }
        var plan = New(RequestType.Erasure, fingerprint, systems, subjectKeyHashes, actor, at);
        plan.RetentionEntryId = entry.Id;
        plan.SubjectId = entry.SubjectId;
        plan.Version = version;
        plan.RecordPlanned(actor, at);
        return Result.Success(plan);
    }

    /// <summary>Four eyes: a team lead who is neither the handler nor the maker; above <paramref name="maxRowsPerTable"/> only with <paramref name="confirmLargeChange"/>.</summary>
    public Result Approve(Actor approver, DateTimeOffset at, int maxRowsPerTable, bool confirmLargeChange)
    {
        ArgumentNullException.ThrowIfNull(approver);
        if (Status != SourceChangePlanStatus.AwaitingApproval)
        {
            return Result.Failure(SourceChangeErrors.NotAwaitingApproval with { Arguments = Argument("status", Status.ToString()) });
        }
        if (!approver.Has(Permission.ApproveResponses))
        {
            return Result.Failure(SourceChangeErrors.ApprovalNotPermitted);
        }
        // Four eyes: a case's handler and the plan's maker never approve it; a follow-up has no handler, only its maker.
        if (approver.Id == CreatedById || !IsRetentionFollowUp && approver.Id == HandlerId)
        {
            return Result.Failure(SourceChangeErrors.ApprovalOwnPlan);
        }
        var largest = _systems
            .SelectMany(s => s.DryRun.Select(statement => (s.Plan.SystemName, Statement: statement)))
            .Where(x => x.Statement.RowCount > maxRowsPerTable)
            .OrderByDescending(x => x.Statement.RowCount)
            .FirstOrDefault();
        var isLarge = largest.Statement is not null;
        if (isLarge && !confirmLargeChange)
        {
            return Result.Failure(SourceChangeErrors.LargeChangeUnconfirmed with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["table"] = $"{largest.SystemName}: {largest.Statement!.DisplayName}",
                    ["count"] = Number(largest.Statement.RowCount),
                    ["max"] = Number(maxRowsPerTable),
                },
            });
        }
        Status = SourceChangePlanStatus.Approved;
        ApprovedAt = at;
        ApprovedById = approver.Id;
        ApprovedByName = approver.Name;
        LargeChangeConfirmed = isLarge;
        Audit(SourceChangeActions.Approved, approver, at,
            Fields(("Status", nameof(SourceChangePlanStatus.AwaitingApproval))),
            Fields(
                ("Status", Status.ToString()),
                ("Version", Number(Version)),
                ("LargeChangeConfirmed", isLarge ? "true" : "false"),
                ("MaxRowsPerTable", Number(maxRowsPerTable))));
        SettleKeptOnly(approver, at);
        return Result.Success();
    }

    /// <summary>Whether a system may run now (approved, not finished, not waiting for a new approval).</summary>
    public Result MayRun(Guid systemId)
    {
        var found = Find(systemId);
        if (found.IsFailure)
        {
            return found;
        }
        var system = found.Value;
        if (system.Plan.IsManual)
        {
            return Result.Failure(SourceChangeErrors.SystemIsManual with { Arguments = Argument("system", system.Plan.SystemName) });
        }
        return MayProgress(system);
    }

    public Result RecordDone(Guid systemId, IReadOnlyList<DryRunStatement> executed, SystemProof proof, DateTimeOffset at) =>
        RecordDone(systemId, executed, proof, at, Actor.System);

    /// <summary>Records a proven run; a proof that does not hold is refused (record the run as failed instead).</summary>
    public Result RecordDone(Guid systemId, IReadOnlyList<DryRunStatement> executed, SystemProof proof, DateTimeOffset at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(executed);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = MayRun(systemId);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var system = System(systemId)!;
        if (!proof.Holds)
        {
            return Result.Failure(SourceChangeErrors.ProofDoesNotHold with { Arguments = Argument("system", system.Plan.SystemName) });
        }
        var index = _systems.IndexOf(system);
        var done = system with
        {
            // The executed statements carry their counts; none passed keeps the approved dry run on record.
            DryRun = executed.Count > 0 ? executed : system.DryRun,
            State = PlannedSystemState.Done,
            FailureCode = null,
            Attempts = system.Attempts + 1,
            FinishedAt = at,
            Proof = proof,
        };
        _systems[index] = done;
        var after = SystemFields(done);
        // The proof, without personal data: per table what remains against what must, the statements by their hash.
        after["MapVersion"] = Number(proof.MapVersion);
        after["StartedAt"] = proof.StartedAt.ToString("O", CultureInfo.InvariantCulture);
        after["FinishedAt"] = proof.FinishedAt.ToString("O", CultureInfo.InvariantCulture);
        after["Proof"] = string.Join("\n", proof.Tables.Select(t =>
            $"{t.DisplayName}: {Number(t.RowsRemaining)} remaining, {Number(t.RowsExpected)} expected"
            + (t.MaskedColumns.Count > 0 ? $", masked {string.Join(", ", t.MaskedColumns)}" : "")
            + $", statement {t.StatementHash}"));
        after["Executed"] = string.Join("\n", executed.Select(e =>
            $"{e.DisplayName} {e.Operation}: {Number(e.ExecutedCount ?? 0)} rows ({Number(e.AddedSince ?? 0)} added since the dry run), statement {e.StatementHash}"));
        CompleteIfSettled(at, after);
        Audit(SourceChangeActions.SystemDone, actor, at, SystemFields(system), after);
        return Result.Success();
    }

    public Result RecordFailed(Guid systemId, string errorCode, DateTimeOffset at) => RecordFailed(systemId, errorCode, at, Actor.System);

    /// <summary>A run that changed nothing (its transaction rolled back); the system may be retried.</summary>
    public Result RecordFailed(Guid systemId, string errorCode, DateTimeOffset at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (string.IsNullOrWhiteSpace(errorCode))
        {
            return Result.Failure(SourceChangeErrors.ErrorCodeRequired);
        }
        var allowed = MayRun(systemId);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var system = System(systemId)!;
        var failed = system with { State = PlannedSystemState.Failed, FailureCode = errorCode.Trim(), Attempts = system.Attempts + 1 };
        _systems[_systems.IndexOf(system)] = failed;
        Audit(SourceChangeActions.SystemFailed, actor, at, SystemFields(system), SystemFields(failed));
        return Result.Success();
    }

    public Result RecordNeedsNewApproval(Guid systemId, DateTimeOffset at) => RecordNeedsNewApproval(systemId, at, Actor.System);

    /// <summary>The rows differed from the approved dry run beyond rows added since: this system waits for a new plan.</summary>
    public Result RecordNeedsNewApproval(Guid systemId, DateTimeOffset at, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var allowed = MayRun(systemId);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var system = System(systemId)!;
        var waiting = system with
        {
            State = PlannedSystemState.NeedsNewApproval,
            FailureCode = SourceChangeErrors.PlanChanged.Code,
            Attempts = system.Attempts + 1,
        };
        _systems[_systems.IndexOf(system)] = waiting;
        Audit(SourceChangeActions.NeedsNewApproval, actor, at, SystemFields(system), SystemFields(waiting));
        return Result.Success();
    }

    /// <summary>
    /// The officer confirms, with a note, that the system's team did the work by hand: a manual system becomes
    /// confirmed (not proven); on a connected system with work by hand (a restriction without a marker) after its run.
    /// </summary>
    public Result ConfirmByHand(Guid systemId, string note, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(Permission.HandleRequests))
        {
            return Result.Failure(SourceChangeErrors.Forbidden);
        }
        var found = Find(systemId);
        if (found.IsFailure)
        {
            return found;
        }
        var system = found.Value;
        var name = Argument("system", system.Plan.SystemName);
        if (!system.Plan.IsManual && system.Plan.ByHand.Count == 0)
        {
            return Result.Failure(SourceChangeErrors.NotByHand with { Arguments = name });
        }
        if (Status != SourceChangePlanStatus.Approved)
        {
            return Result.Failure(SourceChangeErrors.NotApproved with { Arguments = Argument("status", Status.ToString()) });
        }
        if (IsSettled(system))
        {
            return Result.Failure(SourceChangeErrors.SystemFinished with { Arguments = name });
        }
        if (!system.Plan.IsManual && system.State != PlannedSystemState.Done)
        {
            return Result.Failure(SourceChangeErrors.RunBeforeHand with { Arguments = name });
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            return Result.Failure(SourceChangeErrors.HandNoteRequired);
        }
        if (note.Trim().Length > NoteMaxLength)
        {
            return Result.Failure(SourceChangeErrors.HandNoteTooLong with { Arguments = Argument("max", Number(NoteMaxLength)) });
        }
        var confirmed = system with
        {
            State = system.Plan.IsManual ? PlannedSystemState.ConfirmedByHand : PlannedSystemState.Done,
            FinishedAt = system.Plan.IsManual ? at : system.FinishedAt,
            FailureCode = null,
            HandNote = note.Trim(),
            HandConfirmedByName = actor.Name,
        };
        _systems[_systems.IndexOf(system)] = confirmed;
        var after = SystemFields(confirmed);
        after["ByHand"] = string.Join("\n", system.Plan.ByHand.Select(h => $"{h.Table ?? "(whole system)"} {h.Operation}"));
        CompleteIfSettled(at, after);
        // The note stays on the plan (free text may name the subject); the audit trail records who confirmed what.
        Audit(SourceChangeActions.ConfirmedByHand, actor, at, SystemFields(system), after);
        return Result.Success();
    }

    /// <summary>A newer plan replaces this one (a decision changed, a count moved); systems already done stay done.</summary>
    public Result Supersede(Actor actor, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsOpen)
        {
            return Result.Failure(SourceChangeErrors.Closed with { Arguments = Argument("status", Status.ToString()) });
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Failure(SourceChangeErrors.ReasonRequired);
        }
        if (reason.Trim().Length > NoteMaxLength)
        {
            return Result.Failure(SourceChangeErrors.ReasonTooLong with { Arguments = Argument("max", Number(NoteMaxLength)) });
        }
        var before = Status;
        Status = SourceChangePlanStatus.Superseded;
        SupersededAt = at;
        Audit(SourceChangeActions.Superseded, actor, at,
            Fields(("Status", before.ToString())),
            Fields(
                ("Status", Status.ToString()),
                ("Version", Number(Version)),
                ("SystemsDone", string.Join("; ", _systems.Where(IsSettled).Select(s => s.Plan.SystemName)))),
            reason.Trim());
        return Result.Success();
    }

    /// <summary>The rights that change data in the source systems (issue 15).</summary>
    public static bool ChangesSources(RequestType type) => type is RequestType.Erasure or RequestType.Restriction or RequestType.Rectification;

    /// <summary>
    /// The fingerprint of what a plan is computed from: the current decisions' ids (a case) or the ledger entry's id (a
    /// follow-up), and each system's map version. Order does not matter; a changed decision or map gives another one.
    /// </summary>
    public static string FingerprintOf(IEnumerable<Guid> decisionOrEntryIds, IEnumerable<(Guid SystemId, int MapVersion)> maps)
    {
        ArgumentNullException.ThrowIfNull(decisionOrEntryIds);
        ArgumentNullException.ThrowIfNull(maps);
        var text = string.Join(";", decisionOrEntryIds.Select(id => id.ToString("N")).Order(StringComparer.Ordinal))
            + "|" + string.Join(";", maps.Select(m => $"{m.SystemId:N}:{Number(m.MapVersion)}").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>A system with nothing to run and nothing to do by hand (it only keeps data) is done once the plan is approved: no connection is opened for it.</summary>
    private void SettleKeptOnly(Actor approver, DateTimeOffset at)
    {
        foreach (var system in _systems.Where(s => s.State == PlannedSystemState.Pending && s.Plan.Changes.Count == 0 && s.Plan.ByHand.Count == 0).ToList())
        {
            var done = system with { State = PlannedSystemState.Done, FinishedAt = at, Proof = new SystemProof(at, at, system.Plan.MapVersion, []) };
            _systems[_systems.IndexOf(system)] = done;
            var after = SystemFields(done);
            after["Proof"] = "nothing to change: the system only keeps data";
            after["Kept"] = string.Join("\n", system.Plan.Kept.Select(k => $"{k.DisplayName} for {k.PurposeKey}"));
            CompleteIfSettled(at, after);
            Audit(SourceChangeActions.SystemDone, approver, at, SystemFields(system), after);
        }
    }

    private static List<Error> CommonErrors(string fingerprint, IReadOnlyList<PlannedSystem> systems, IReadOnlyList<string> subjectKeyHashes)
    {
        ArgumentNullException.ThrowIfNull(systems);
        ArgumentNullException.ThrowIfNull(subjectKeyHashes);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(fingerprint) || fingerprint.Length > FingerprintMaxLength)
        {
            errors.Add(SourceChangeErrors.FingerprintInvalid);
        }
        if (systems.Count == 0)
        {
            errors.Add(SourceChangeErrors.NothingToDo);
        }
        if (systems.Select(s => s.SystemId).Distinct().Count() != systems.Count)
        {
            errors.Add(SourceChangeErrors.SystemDuplicate);
        }
        return errors;
    }

    private static SourceChangePlan New(
        RequestType kind, string fingerprint, IReadOnlyList<PlannedSystem> systems, IReadOnlyList<string> subjectKeyHashes, Actor actor, DateTimeOffset at)
    {
        var plan = new SourceChangePlan
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Status = SourceChangePlanStatus.AwaitingApproval,
            Fingerprint = fingerprint,
            CreatedAt = at,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
        };
        // Every system starts pending whatever the caller passed: a new plan has run nowhere.
        plan._systems.AddRange(systems.Select(s => s with
        {
            State = PlannedSystemState.Pending,
            FailureCode = null,
            Attempts = 0,
            FinishedAt = null,
            Proof = null,
            HandNote = null,
            HandConfirmedByName = null,
        }));
        plan._subjectKeyHashes.AddRange(subjectKeyHashes.Distinct(StringComparer.Ordinal));
        return plan;
    }

    private void RecordPlanned(Actor actor, DateTimeOffset at) =>
        Audit(SourceChangeActions.Planned, actor, at, null, Fields(
            ("Kind", Kind.ToString()),
            ("Version", Number(Version)),
            ("RequestId", RequestId?.ToString()),
            ("RetentionEntryId", RetentionEntryId?.ToString()),
            ("Fingerprint", Fingerprint),
            ("Systems", string.Join("\n", _systems.Select(s =>
                $"{s.Plan.SystemName} (map v{Number(s.Plan.MapVersion)}): "
                + (s.Plan.IsManual ? "by hand" : $"{Number(s.DryRun.Count)} statements, at most {Number(s.LargestCount)} rows")
                + $", {Number(s.Plan.Kept.Count)} kept")))));

    private Result<PlannedSystem> Find(Guid systemId) =>
        System(systemId) is { } system ? Result.Success(system) : Result<PlannedSystem>.Failure(SourceChangeErrors.SystemUnknown);

    private Result MayProgress(PlannedSystem system)
    {
        if (Status != SourceChangePlanStatus.Approved)
        {
            return Result.Failure(SourceChangeErrors.NotApproved with { Arguments = Argument("status", Status.ToString()) });
        }
        var name = Argument("system", system.Plan.SystemName);
        return system.State switch
        {
            PlannedSystemState.Done or PlannedSystemState.ConfirmedByHand => Result.Failure(SourceChangeErrors.SystemFinished with { Arguments = name }),
            PlannedSystemState.NeedsNewApproval => Result.Failure(SourceChangeErrors.SystemNeedsNewApproval with { Arguments = name }),
            _ => Result.Success(),
        };
    }

    private void CompleteIfSettled(DateTimeOffset at, Dictionary<string, string?> after)
    {
        if (_systems.All(IsSettled))
        {
            Status = SourceChangePlanStatus.Completed;
            CompletedAt = at;
        }
        after["PlanStatus"] = Status.ToString();
    }

    private static Dictionary<string, string?> SystemFields(PlannedSystem system) => Fields(
        ("System", system.Plan.SystemName),
        ("SystemId", system.SystemId.ToString()),
        ("State", system.State.ToString()),
        ("FailureCode", system.FailureCode),
        ("Attempts", Number(system.Attempts)));

    private void Audit(
        string action, Actor actor, DateTimeOffset at,
        IReadOnlyDictionary<string, string?>? before, IReadOnlyDictionary<string, string?>? after, string? reason = null) =>
        Record(new DomainChange(action, AuditEntityType, Id.ToString(), actor.Id, actor.Name, at, before, after, reason));

    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] fields)
    {
        var dictionary = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            dictionary[key] = value;
        }
        return dictionary;
    }

    private static Dictionary<string, string> Argument(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
