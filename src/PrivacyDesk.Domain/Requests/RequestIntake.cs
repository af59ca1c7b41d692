namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// What is known when a request comes in. The dates are computed outside the domain: the receipt
/// date in the controller's time zone and the statutory due date from the deadline calculator.
/// </summary>
/// <param name="ReceivedOn">The calendar date of receipt in the controller's time zone (deadlines.md rule 1).</param>
/// <param name="Language">"nl" or "en": the language of every letter of the case.</param>
/// <param name="DueOn">The one-month deadline the calculator computed from <paramref name="ReceivedOn"/>.</param>
/// <param name="ThirdParty">For portability only: the controller the subject wants the data sent to (Art. 20(2)).</param>
/// <param name="SubjectAskedForRecipients">The subject asked to be told who received the data (Art. 19, last sentence).</param>
public sealed record RequestIntake(
    RequestType Type,
    RequestChannel Channel,
    DateTimeOffset ReceivedAt,
    DateOnly ReceivedOn,
    string Language,
    Guid SubjectId,
    string Description,
    DateOnly DueOn,
    ThirdPartyRecipient? ThirdParty = null,
    bool SubjectAskedForRecipients = false);

/// <summary>The third party a portability request asks the data to be transmitted to (Art. 20(2)).</summary>
public sealed record ThirdPartyRecipient(string Name, string Email)
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
}

/// <summary>Another request as duplicate detection needs to see it.</summary>
public sealed record ExistingRequest(RequestReference Reference, RequestType Type, Guid SubjectId, RequestStatus Status);

/// <summary>
/// Flags a request that repeats an open request of the same type by the same subject. It only
/// flags: whether a repeat is "excessive" (Art. 12(5)) is the officer's judgement, not the system's.
/// </summary>
public static class DuplicateRequestPolicy
{
    /// <returns>The reference of the earliest open request of the same type for the same subject, or null.</returns>
    public static RequestReference? FindDuplicate(RequestType type, Guid subjectId, IEnumerable<ExistingRequest> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing
            .Where(other => other.Type == type && other.SubjectId == subjectId && other.Status.IsOpen())
            .OrderBy(other => other.Reference.Year)
            .ThenBy(other => other.Reference.Sequence)
            .Select(other => other.Reference)
            .FirstOrDefault();
    }
}
