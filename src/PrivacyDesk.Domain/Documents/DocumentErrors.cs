using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Documents;

/// <summary>Why a document cannot be made for a case now, each with a plain Dutch and English sentence.</summary>
public static class DocumentErrors
{
    /// <summary>
    /// The letter does not apply to this case now (no extension, no fee, no refusal, not a restriction...).
    /// Arguments: <c>kind</c> (the document) and <c>missing</c> (what the case lacks), for the log and the UI.
    /// </summary>
    public static readonly Error NotAvailable = new("document.not_available");

    /// <summary>An Art. 19 notification needs one recipient of the case.</summary>
    public static readonly Error RecipientRequired = new("document.recipient_required", "RecipientNotificationId");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NotAvailable.Code] = new(
            "Deze brief past nu niet bij dit verzoek: wat de brief moet melden (zoals een verlenging, een vergoeding, een weigering of een beperking) is niet vastgelegd.",
            "This letter does not fit this request now: what it has to state (such as an extension, a fee, a refusal or a restriction) has not been recorded."),
        [RecipientRequired.Code] = new(
            "Kies de ontvanger van dit verzoek aan wie de kennisgeving (art. 19 AVG) gericht is.",
            "Choose the recipient of this request the notification (Art. 19 GDPR) is addressed to."),
    };
}
