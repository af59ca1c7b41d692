using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Domain.Common;

/// <summary>
/// The plain Dutch and English message of every domain error code. Each area keeps its own
/// dictionary next to its rules (e.g. <c>DeadlineErrors.Messages</c>); this catalogue joins them.
/// </summary>
public static class ErrorCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, LocalizedText>> All = new(() =>
    {
        var all = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var source in Sources())
        {
            foreach (var (code, text) in source)
            {
                all.Add(code, text);
            }
        }
        return all;
    });

    // Every area's messages; add a line when an area gets its own.
    private static IEnumerable<IReadOnlyDictionary<string, LocalizedText>> Sources() =>
    [
        DeadlineErrors.Messages,
        RequestErrors.Messages,
        IntakeErrors.Messages,
        IntakeApiErrors.Messages,
        ApiKeyErrors.Messages,
        CollectionErrors.Messages,
        Register.RegisterErrors.Messages,
        Subjects.SubjectErrors.Messages,
        Rights.RightsErrors.Messages,
        Controller.ControllerErrors.Messages,
        CaseNoteErrors.Messages,
        SubjectMessageErrors.Messages,
        Documents.DocumentErrors.Messages,
        Documents.DocumentStoreErrors.Messages,
        AutomatedDecisionReviewErrors.Messages,
        ConsentWithdrawalScopeErrors.Messages,
        SourceErrors.Messages,
        SourceSystemErrors.Messages,
        SourceChangeErrors.Messages,
        Delivery.DeliveryErrors.Messages,
    ];

    public static IReadOnlyDictionary<string, LocalizedText> Messages => All.Value;

    /// <summary>The message for <paramref name="error"/> in the language, or null when the code is not a domain code.</summary>
    public static string? Message(Error error, string language)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Messages.TryGetValue(error.Code, out var text) ? text.In(language, error.Arguments) : null;
    }
}
