namespace PrivacyDesk.Domain.Auditing;

/// <summary>
/// One append-only entry of the audit trail: who did what, when, to which thing. Details never
/// hold personal data of data subjects beyond what the action itself is about.
/// </summary>
public sealed class AuditEvent
{
    public const int ActionMaxLength = 100;
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 100;
    public const int ActorMaxLength = 256;

    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string? ActorId { get; private set; }

    public string ActorName { get; private set; } = "";

    /// <summary>A stable code such as <c>staff.user.created</c>.</summary>
    public string Action { get; private set; } = "";

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>Before/after or other context, as JSON.</summary>
    public string? Details { get; private set; }

    public static AuditEvent Record(
        DateTimeOffset occurredAt, string? actorId, string actorName, string action,
        string entityType, string entityId, string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        return new AuditEvent
        {
            OccurredAt = occurredAt,
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
        };
    }
}
