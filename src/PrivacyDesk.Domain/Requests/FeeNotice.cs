namespace PrivacyDesk.Domain.Requests;

/// <summary>The only grounds on which a fee may be asked (Art. 12(5), 15(3)).</summary>
public enum FeeReason
{
    /// <summary>A further copy of the personal data (access requests; the first copy is free).</summary>
    AdditionalCopy,

    /// <summary>A manifestly unfounded request, which the controller must be able to demonstrate.</summary>
    ManifestlyUnfounded,

    /// <summary>An excessive request, in particular a repetitive one, which the controller must be able to demonstrate.</summary>
    Excessive,
}

public enum FeeStatus
{
    /// <summary>The subject has been told the amount and may still withdraw.</summary>
    Notified,
    Paid,
    Waived,

    /// <summary>The subject withdrew after the notice: nothing is owed.</summary>
    Cancelled,
}

/// <summary>A fee the subject was told about beforehand, and what became of it.</summary>
/// <param name="CopyNumber">For additional copies: which copy this is (1 is the free first copy).</param>
/// <param name="Demonstration">For unfounded or excessive requests: why, as the controller would demonstrate it.</param>
public sealed record FeeNotice(
    FeeReason Reason,
    long AmountInCents,
    int? CopyNumber,
    string? Demonstration,
    DateTimeOffset NotifiedAt,
    string NotifiedById,
    string NotifiedByName,
    FeeStatus Status = FeeStatus.Notified,
    DateTimeOffset? SettledAt = null,
    string? WaiverReason = null)
{
    public const int DemonstrationMaxLength = 2_000;

    public bool IsOutstanding => Status == FeeStatus.Notified;
}
