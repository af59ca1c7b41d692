namespace PrivacyDesk.Domain.Subjects;

public enum CreditReferenceStatus
{
    Open,
    Provided,
    Declined,
}

/// <summary>
/// A request from a credit bureau or other party for a reference about the subject. The notice
/// promises that, when in doubt, the firm contacts the subject before giving one.
/// </summary>
public sealed class CreditReferenceInquiry
{
    private CreditReferenceInquiry()
    {
    }

    internal CreditReferenceInquiry(string requestedBy, DateTimeOffset receivedAt)
    {
        Id = Guid.NewGuid();
        RequestedBy = requestedBy;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public CreditReferenceStatus Status { get; private set; }

    public string? DoubtReason { get; private set; }

    public bool IsInDoubt => DoubtReason is not null;

    public DateTimeOffset? SubjectContactedAt { get; private set; }

    public string? ContactNote { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    internal void RaiseDoubt(string reason) => DoubtReason = reason;

    internal void RecordContact(DateTimeOffset at, string note)
    {
        SubjectContactedAt = at;
        ContactNote = note;
    }

    internal void Answer(CreditReferenceStatus status, DateTimeOffset at)
    {
        Status = status;
        AnsweredAt = at;
    }
}
