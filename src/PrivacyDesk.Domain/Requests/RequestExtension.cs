using PrivacyDesk.Domain.Deadlines;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// The one extension of a request's deadline (Art. 12(3)): why, and when the subject was told,
/// which must be on or before the original due date.
/// </summary>
public sealed record RequestExtension(
    ExtensionReason Reason,
    string Explanation,
    DateOnly SubjectNotifiedOn,
    DateOnly ExtendedDueOn,
    string ExtendedById,
    string ExtendedByName,
    DateTimeOffset ExtendedAt)
{
    public const int ExplanationMaxLength = 2_000;
}
