using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
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

    public static Result<RetentionLedgerEntry> Keep(
        SourceChangePlan plan, Guid requestId, SystemChangePlan system, KeptData kept, Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    /// <summary>The relationship's end (or the collection date) changed: a period that counts from it gets a new end date.</summary>
    public Result Recompute(DateOnly? relationshipEnd, DateOnly? collectedOn, Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    public Result PlanFollowUp(Guid planId, Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    public Result MarkErased(Actor actor, DateTimeOffset at) => throw new NotImplementedException();

    public Result Cancel(string reason, Actor actor, DateTimeOffset at) => throw new NotImplementedException();
}
