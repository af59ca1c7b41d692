namespace PrivacyDesk.Domain.Requests;

/// <summary>Whether a recipient sits inside the firm or outside it.</summary>
public enum NotificationRecipientKind
{
    Internal,
    External,
}

public enum RecipientNotificationStatus
{
    /// <summary>Planned, not yet sent.</summary>
    Open,
    Sent,

    /// <summary>Art. 19: notification proves impossible (reason recorded).</summary>
    Impossible,

    /// <summary>Art. 19: notification involves disproportionate effort (reason recorded).</summary>
    Disproportionate,
}

/// <summary>How a sent notification went out: recorded by hand (a letter, a call, another system), or e-mailed from PrivacyDesk by a secure link.</summary>
public enum RecipientNotificationChannel
{
    Manual,
    Email,
}

/// <summary>The two exemptions Art. 19 allows from notifying a recipient.</summary>
public enum RecipientNotificationExemption
{
    Impossible,
    Disproportionate,
}

/// <summary>A recipient of an affected purpose, as the register lists it, to be told of a rectification, erasure or restriction.</summary>
public sealed record PlannedRecipient(string Name, NotificationRecipientKind Kind, Guid PurposeId);

/// <summary>One Art. 19 notification: a task and a letter to one recipient of one affected purpose.</summary>
public sealed class RecipientNotification
{
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 2_000;

    /// <summary>As the register's <c>Recipient.EmailMaxLength</c>.</summary>
    public const int EmailMaxLength = 254;

    private RecipientNotification()
    {
    }

    internal RecipientNotification(PlannedRecipient recipient, DateTimeOffset plannedAt)
    {
        Id = Guid.CreateVersion7();
        RecipientName = recipient.Name.Trim();
        Kind = recipient.Kind;
        PurposeId = recipient.PurposeId;
        PlannedAt = plannedAt;
    }

    public Guid Id { get; private set; }

    public string RecipientName { get; private set; } = "";

    public NotificationRecipientKind Kind { get; private set; }

    public Guid PurposeId { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    public RecipientNotificationStatus Status { get; private set; }

    /// <summary>When it was sent, or when the exemption was recorded.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedById { get; private set; }

    /// <summary>Why notification was impossible or disproportionate.</summary>
    public string? ExemptionReason { get; private set; }

    /// <summary>How it was sent; null while open or exempt, and for notifications recorded before the channel was kept (by hand).</summary>
    public RecipientNotificationChannel? Channel { get; private set; }

    /// <summary>The address it was e-mailed to, as the register had it then (the register may change since).</summary>
    public string? EmailedTo { get; private set; }

    public bool IsOpen => Status == RecipientNotificationStatus.Open;

    internal void MarkSent(string byId, DateTimeOffset at)
    {
        Channel = RecipientNotificationChannel.Manual;
        Status = RecipientNotificationStatus.Sent;
        ClosedAt = at;
        ClosedById = byId;
    }

    internal void MarkEmailed(string address, string byId, DateTimeOffset at)
    {
        Channel = RecipientNotificationChannel.Email;
        EmailedTo = address;
        Status = RecipientNotificationStatus.Sent;
        ClosedAt = at;
        ClosedById = byId;
    }

    internal void Exempt(RecipientNotificationExemption exemption, string reason, string byId, DateTimeOffset at)
    {
        Status = exemption == RecipientNotificationExemption.Impossible
            ? RecipientNotificationStatus.Impossible
            : RecipientNotificationStatus.Disproportionate;
        ExemptionReason = reason;
        ClosedAt = at;
        ClosedById = byId;
    }
}
