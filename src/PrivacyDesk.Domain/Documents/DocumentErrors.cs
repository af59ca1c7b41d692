using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Documents;

/// <summary>The expected failures of generating a document, each with a Dutch and English sentence.</summary>
public static class DocumentErrors
{
    /// <summary>The kind does not apply to the case as it stands (e.g. an extension notice without an extension).</summary>
    public static readonly Error NotAvailable = new("document.not_available");

    /// <summary>An Art. 19 notification is addressed to one recipient of the case; none (or an unknown one) was given.</summary>
    public static readonly Error RecipientRequired = new("document.recipient_required");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NotAvailable.Code] = new(
            "Dit document past niet bij het verzoek zoals het nu is. Er is niets opgeslagen.",
            "This document does not apply to the request as it stands. Nothing has been stored."),
        [RecipientRequired.Code] = new(
            "Kies de ontvanger aan wie deze kennisgeving is gericht.",
            "Choose the recipient this notification is addressed to."),
    };
}
