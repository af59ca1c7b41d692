namespace PrivacyDesk.Domain.Requests;

/// <summary>Where a request stands in its lifecycle (gdpr-rules.md §3).</summary>
public enum RequestStatus
{
    /// <summary>Registered; nobody has assessed it yet.</summary>
    Received,

    /// <summary>The subject has been asked for proof of identity (Art. 12(6)).</summary>
    AwaitingIdentity,

    /// <summary>The handler is collecting data and deciding per purpose.</summary>
    InProgress,

    /// <summary>The response waits for (or has) a team lead's approval before it is sent.</summary>
    AwaitingApproval,

    /// <summary>The approved response has been sent. Closed.</summary>
    Responded,

    /// <summary>The request was refused as a whole, with a ground (Art. 12(4)). Closed.</summary>
    Rejected,

    /// <summary>The subject withdrew the request. Closed.</summary>
    Withdrawn,
}

/// <summary>Facts about statuses that several rules share.</summary>
public static class RequestStatuses
{
    /// <summary>The statuses in which a request still needs work: everything but Responded, Rejected and Withdrawn.</summary>
    public static IReadOnlyList<RequestStatus> Open { get; } =
        [RequestStatus.Received, RequestStatus.AwaitingIdentity, RequestStatus.InProgress, RequestStatus.AwaitingApproval];

    public static bool IsOpen(this RequestStatus status) => Open.Contains(status);
}
