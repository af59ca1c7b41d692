using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Deadlines;

/// <summary>Why the response period is extended by two further months (Art. 12(3)).</summary>
public enum ExtensionReason
{
    /// <summary>The request is complex.</summary>
    Complexity,

    /// <summary>The number of requests.</summary>
    NumberOfRequests,
}

/// <summary>An extension as the case records it and the extension notice tells the subject.</summary>
public sealed record ResponseExtension(ExtensionReason Reason, string Explanation, DateOnly DecidedOn, DateOnly ExtendedDueOn);

/// <summary>
/// When a case may be extended: once, with a reason and an explanation, and only while the subject can
/// still be told within the original period, i.e. on or before the original deadline (gdpr-rules.md §3).
/// </summary>
public static class ExtensionRule
{
    public const int ExplanationMaxLength = 2000;

    /// <param name="deadline">The case's deadlines; its <see cref="ResponseDeadline.DueOn"/> is the original deadline.</param>
    /// <param name="today">Today in the controller's time zone.</param>
    /// <returns>The extension to record, or every reason it is refused.</returns>
    public static Result<ResponseExtension> MayExtend(
        ResponseDeadline deadline, DateOnly today, bool alreadyExtended, ExtensionReason? reason, string? explanation)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var errors = new List<Error>();
        if (alreadyExtended)
        {
            errors.Add(DeadlineErrors.ExtensionAlreadyGranted);
        }
        if (today > deadline.DueOn)
        {
            errors.Add(DeadlineErrors.ExtensionTooLate);
        }
        if (reason is not { } given || !Enum.IsDefined(given))
        {
            errors.Add(DeadlineErrors.ExtensionReasonRequired);
        }
        var trimmed = explanation?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(DeadlineErrors.ExtensionExplanationRequired);
        }
        else if (trimmed.Length > ExplanationMaxLength)
        {
            errors.Add(DeadlineErrors.ExtensionExplanationTooLong);
        }

        return errors.Count > 0
            ? Result<ResponseExtension>.Failure(errors)
            : Result.Success(new ResponseExtension(reason!.Value, trimmed, today, deadline.ExtendedDueOn));
    }
}
