using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Sources.Changes;

public enum RetentionEntryStatus
{
    /// <summary>The data are kept; the end date has not passed (or is not known yet).</summary>
    Running,

    /// <summary>The end date passed; a follow-up erasure plan waits for a team lead.</summary>
    FollowUpPlanned,

    /// <summary>The follow-up erasure ran: the data are gone.</summary>
    Erased,

    /// <summary>No longer kept on this ground (e.g. the case's plan was superseded before it ran).</summary>
    Cancelled,
}

/// <summary>
/// One "kept until a date under a ground" of a carried-out case (issue 15): the subject's data of one purpose in one
/// system's tables, kept under the purpose's retention period. A period that counts from the end of the relationship
/// has no end date until that end is recorded; recording it (later) recomputes the date. When the date has passed,
/// the retention runner turns the entry into a follow-up erasure plan.
/// </summary>
public sealed class RetentionLedgerEntry : AggregateRoot
{
    public const string AuditEntityType = "RetentionLedgerEntry";

    private readonly List<string> _tables = [];

    private RetentionLedgerEntry()
    {
    }

    public Guid Id { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The case whose decision kept the data.</summary>
    public Guid RequestId { get; private set; }

    /// <summary>The plan whose execution kept the data.</summary>
    public Guid PlanId { get; private set; }

    public Guid SourceSystemId { get; private set; }

    public string SystemName { get; private set; } = "";

    /// <summary>The tables (display names) whose rows the purpose keeps.</summary>
    public IReadOnlyList<string> Tables => _tables;

    public Guid PurposeId { get; private set; }

    public string PurposeKey { get; private set; } = "";

    /// <summary>The period and its ground as the register had it (e.g. 5 years after the end of the relationship, Wwft art. 33).</summary>
    public RetentionPeriod Retention { get; private set; } = null!;

    /// <summary>The last day the data are kept; null while the period has not started.</summary>
    public DateOnly? EndsOn { get; private set; }

    public RetentionEntryStatus Status { get; private set; }

    public Guid? FollowUpPlanId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Due: kept beyond its last day.</summary>
    public bool IsDue(DateOnly today) => Status == RetentionEntryStatus.Running && EndsOn is { } end && end < today;

    public const int ReasonMaxLength = 2_000;

    public static Result<RetentionLedgerEntry> Keep(
        SourceChangePlan plan, Guid requestId, SystemChangePlan system, KeptData kept, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return Keep(plan, requestId, system, kept.PurposeId, kept.PurposeKey, kept.Retention, kept.Until, [kept.DisplayName], actor, at);
    }

    /// <summary>
    /// The entries a finished system of an erasure plan makes: one per kept purpose with a retention period, naming all
    /// of that purpose's kept tables. Kept data without a period (unknown purposes) make none: they are not erased later either.
    /// </summary>
    /// <param name="subject">The subject as it is when the data are kept: the end date counts from its relationship now, not as it was when the plan was made.</param>
    public static IReadOnlyList<RetentionLedgerEntry> KeepAll(SourceChangePlan plan, Guid requestId, SystemChangePlan system, Actor actor, DateTimeOffset at, Subjects.DataSubject? subject = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(system);
        if (plan.Kind != RequestType.Erasure)
        {
            return [];
        }
        return
        [
            .. system.Kept
                .Where(k => k.Retention is not null)
                .GroupBy(k => (k.PurposeId, k.PurposeKey))
                .OrderBy(g => g.Key.PurposeKey, StringComparer.Ordinal)
                .Select(g => Keep(plan, requestId, system, g.Key.PurposeId, g.Key.PurposeKey, g.First().Retention,
                    subject is null ? g.First().Until : g.First().Retention?.RetainUntil(subject.RelationshipEnd, subject.RelationshipStart),
                    [.. g.Select(k => k.DisplayName).Distinct(StringComparer.Ordinal)], actor, at).Value),
        ];
    }

    /// <summary>The relationship's end (or the collection date) changed: a period that counts from it gets a new end date.</summary>
    public Result Recompute(DateOnly? relationshipEnd, DateOnly? collectedOn, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != RetentionEntryStatus.Running)
        {
            return Result.Failure(SourceChangeErrors.RetentionNotRunning with { Arguments = Argument("status", Status.ToString()) });
        }
        var endsOn = Retention.RetainUntil(relationshipEnd, collectedOn);
        if (endsOn == EndsOn)
        {
            return Result.Success();
        }
        var before = Fields(("EndsOn", Iso(EndsOn)));
        EndsOn = endsOn;
        Audit(SourceChangeActions.EntryRecomputed, actor, at, before, Fields(("EndsOn", Iso(EndsOn)), ("Ground", Retention.Ground)));
        return Result.Success();
    }

    /// <summary>The end date passed: the runner made a follow-up erasure plan for a team lead (or a newer one replacing it).</summary>
    public Result PlanFollowUp(Guid planId, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == RetentionEntryStatus.FollowUpPlanned)
        {
            // The follow-up was superseded by a newer plan: the entry now waits for that one.
            var previous = FollowUpPlanId;
            FollowUpPlanId = planId;
            Audit(SourceChangeActions.EntryFollowUpPlanned, actor, at,
                Fields(("Status", Status.ToString()), ("FollowUpPlanId", previous?.ToString())),
                Fields(("Status", Status.ToString()), ("FollowUpPlanId", planId.ToString()), ("EndsOn", Iso(EndsOn))));
            return Result.Success();
        }
        if (Status != RetentionEntryStatus.Running)
        {
            return Result.Failure(SourceChangeErrors.RetentionNotRunning with { Arguments = Argument("status", Status.ToString()) });
        }
        // The date of the moment as its own offset reads it: the runner passes the controller's local time.
        if (!IsDue(DateOnly.FromDateTime(at.DateTime)))
        {
            return Result.Failure(SourceChangeErrors.RetentionNotDue with { Arguments = Argument("until", EndsOn is { } end ? Iso(end)! : "?") });
        }
        Status = RetentionEntryStatus.FollowUpPlanned;
        FollowUpPlanId = planId;
        Audit(SourceChangeActions.EntryFollowUpPlanned, actor, at,
            Fields(("Status", nameof(RetentionEntryStatus.Running))),
            Fields(("Status", Status.ToString()), ("FollowUpPlanId", planId.ToString()), ("EndsOn", Iso(EndsOn))));
        return Result.Success();
    }

    /// <summary>The follow-up plan ran (or was confirmed by hand) in the entry's system: the kept data are gone.</summary>
    public Result MarkErased(Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != RetentionEntryStatus.FollowUpPlanned)
        {
            return Result.Failure(SourceChangeErrors.RetentionNoFollowUp with { Arguments = Argument("status", Status.ToString()) });
        }
        Status = RetentionEntryStatus.Erased;
        ErasedAt = at;
        Audit(SourceChangeActions.EntryErased, actor, at,
            Fields(("Status", nameof(RetentionEntryStatus.FollowUpPlanned))),
            Fields(("Status", Status.ToString()), ("FollowUpPlanId", FollowUpPlanId?.ToString())));
        return Result.Success();
    }

    /// <summary>No longer kept on this ground (e.g. its follow-up was replaced, or the data left by another route); the reason is required.</summary>
    public Result Cancel(string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status is not (RetentionEntryStatus.Running or RetentionEntryStatus.FollowUpPlanned))
        {
            return Result.Failure(SourceChangeErrors.RetentionNotRunning with { Arguments = Argument("status", Status.ToString()) });
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Failure(SourceChangeErrors.RetentionReasonRequired);
        }
        if (reason.Trim().Length > ReasonMaxLength)
        {
            return Result.Failure(SourceChangeErrors.RetentionReasonTooLong with { Arguments = Argument("max", ReasonMaxLength.ToString(CultureInfo.InvariantCulture)) });
        }
        var before = Status;
        Status = RetentionEntryStatus.Cancelled;
        Audit(SourceChangeActions.EntryCancelled, actor, at, Fields(("Status", before.ToString())), Fields(("Status", Status.ToString())), reason.Trim());
        return Result.Success();
    }

    private static Result<RetentionLedgerEntry> Keep(
        SourceChangePlan plan, Guid requestId, SystemChangePlan system, Guid purposeId, string purposeKey, RetentionPeriod? retention,
        DateOnly? until, IReadOnlyList<string> tables, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(actor);
        if (plan.Kind != RequestType.Erasure)
        {
            return Result<RetentionLedgerEntry>.Failure(SourceChangeErrors.RetentionNotErasure);
        }
        if (retention is null)
        {
            return Result<RetentionLedgerEntry>.Failure(SourceChangeErrors.RetentionMissing);
        }
        var entry = new RetentionLedgerEntry
        {
            Id = Guid.NewGuid(),
            SubjectId = plan.SubjectId,
            RequestId = requestId,
            PlanId = plan.Id,
            SourceSystemId = system.SystemId,
            SystemName = system.SystemName,
            PurposeId = purposeId,
            PurposeKey = purposeKey,
            Retention = retention,
            EndsOn = until,
            Status = RetentionEntryStatus.Running,
            CreatedAt = at,
        };
        entry._tables.AddRange(tables);
        entry.Audit(SourceChangeActions.EntryKept, actor, at, null, Fields(
            ("System", entry.SystemName),
            ("PurposeKey", entry.PurposeKey),
            ("Tables", string.Join(", ", entry._tables)),
            ("Retention", retention.ToString()),
            ("EndsOn", Iso(entry.EndsOn)),
            ("PlanId", plan.Id.ToString()),
            ("RequestId", requestId.ToString())));
        return Result.Success(entry);
    }

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

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
