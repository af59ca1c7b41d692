using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Auditing;

/// <summary>
/// One append-only entry of the audit trail: who did what, when, to which thing, with before/after
/// where relevant and why. Each entry is chained by SHA-256 to the previous entry of the whole trail
/// and to the previous entry about the same thing (its stream), so any later edit or deletion shows.
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 100;
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 100;
    public const int ActorMaxLength = 256;
    public const int HashLength = 64;

    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    /// <summary>Position in the whole trail, 1, 2, 3, ... without gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>When, in the controller's local time; the offset makes the UTC instant exact too.</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>A stable code such as <c>staff.user.created</c> or <c>request.extended</c>.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>State before the change, as JSON, where relevant.</summary>
    public string? Before { get; private set; }

    /// <summary>State after the change, as JSON, where relevant.</summary>
    public string? After { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Other context, as a JSON object of text fields (the same shape as before/after).</summary>
    public string? Details { get; private set; }

    /// <summary>Position among the entries about the same thing (EntityType + EntityId).</summary>
    public int StreamSequence { get; private set; }

    public string? PreviousHash { get; private set; }

    public string? PreviousStreamHash { get; private set; }

    public string Hash { get; private set; } = "";

    /// <summary>How <see cref="Hash"/> was computed: 1 for entries written before the length-prefixed form, <see cref="AuditChain.CurrentVersion"/> since.</summary>
    public int ChainVersion { get; private set; } = AuditChain.LegacyVersion;

    /// <summary>HMAC-SHA256 of <see cref="Hash"/> under the anchor key, which is not in the database; null where no key was configured.</summary>
    public string? Seal { get; private set; }

    /// <summary>
    /// The one way an entry is made: <paramref name="details"/> is a map of field name to text, stored as a JSON
    /// object exactly like before/after, so every reader can read every entry (see <see cref="AuditDetails"/>).
    /// </summary>
    public static AuditEvent Record(
        DateTimeOffset occurredAt, string? actorId, string actorName, string action,
        string entityType, string entityId, IReadOnlyDictionary<string, string?>? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        return new AuditEvent
        {
            OccurredAt = AuditChain.Truncate(occurredAt),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = AuditChain.ToJson(details),
        };
    }

    public static AuditEvent From(DomainChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var audit = Record(change.At, change.ActorId, change.ActorName, change.Action, change.EntityType, change.EntityId);
        audit.Before = AuditChain.ToJson(change.Before);
        audit.After = AuditChain.ToJson(change.After);
        audit.Reason = change.Reason;
        return audit;
    }

    /// <summary>
    /// Links the entry into the trail, just before it is written (again, if the write is retried).
    /// Once stored it is never changed: the trail is append-only.
    /// </summary>
    public void Chain(
        long sequence, string? previousHash, int streamSequence, string? previousStreamHash, TimeZoneInfo controllerTimeZone, AuditSealKey? sealKey = null)
    {
        ArgumentNullException.ThrowIfNull(controllerTimeZone);
        OccurredAt = TimeZoneInfo.ConvertTime(OccurredAt, controllerTimeZone);
        Sequence = sequence;
        PreviousHash = previousHash;
        StreamSequence = streamSequence;
        PreviousStreamHash = previousStreamHash;
        ChainVersion = AuditChain.CurrentVersion;
        Hash = AuditChain.ComputeHash(this);
        Seal = sealKey?.SealOf(Hash);
    }
}
