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

    /// <summary>No purpose of the subject rests on consent or contract with processing by automated means (Art. 20(1)).</summary>
    public static readonly Error NothingPortable = new("document.portability.nothing_portable");

    /// <summary>Portable purposes exist, but no collected extract comes from a system they use, or only derived columns do.</summary>
    public static readonly Error NoProvidedData = new("document.portability.no_provided_data");

    /// <summary>The copy of data (Art. 15(3)) is made from collected data: no collection has been planned on the case.</summary>
    public static readonly Error CopyNeedsCollection = new("document.copy.collection_not_planned");

    /// <summary>
    /// The copy of data cannot be made while a collection task is open (it would leave data out, or say "no data" untruthfully).
    /// Arguments: <c>count</c> and <c>systems</c> (the open tasks' source systems).
    /// </summary>
    public static readonly Error CopyCollectionOpen = new("document.copy.collection_open");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NotAvailable.Code] = new(
            "Deze brief past nu niet bij dit verzoek: wat de brief moet melden (zoals een verlenging, een vergoeding, een weigering of een beperking) is niet vastgelegd.",
            "This letter does not fit this request now: what it has to state (such as an extension, a fee, a refusal or a restriction) has not been recorded."),
        [RecipientRequired.Code] = new(
            "Kies de ontvanger van dit verzoek aan wie de kennisgeving (art. 19 AVG) gericht is.",
            "Choose the recipient of this request the notification (Art. 19 GDPR) is addressed to."),
        [CopyNeedsCollection.Code] = new(
            "De kopie van de gegevens kan nog niet worden gemaakt: plan eerst het verzamelen van de gegevens per bronsysteem. Pas als elk systeem is doorzocht, mag de kopie zeggen dat er geen gegevens zijn.",
            "The copy of the data cannot be made yet: plan collecting the data per source system first. Only once every system has been searched may the copy say there are no data."),
        [CopyCollectionOpen.Code] = new(
            "De kopie van de gegevens kan nog niet worden gemaakt: niet elke verzameltaak is afgerond (nog open: {systems}). Rond elke taak af met een uittreksel, of markeer hem als niet van toepassing met een reden.",
            "The copy of the data cannot be made yet: not every collection task is closed (still open: {systems}). Close every task with an extract, or mark it not applicable with a reason."),
        [NothingPortable.Code] = new(
            "Geen doel van deze betrokkene valt onder het recht op overdraagbaarheid: dat geldt alleen voor geautomatiseerde verwerking op basis van toestemming of overeenkomst (art. 20 lid 1 AVG), en niet voor doelen waarvoor u het verzoek heeft afgewezen.",
            "No purpose of this subject is covered by the right to data portability: it applies only to automated processing based on consent or contract (Art. 20(1) GDPR), and not to purposes for which you refused the request."),
        [NoProvidedData.Code] = new(
            "Er is nog geen uittreksel verzameld uit een systeem van de doelen die onder overdraagbaarheid vallen, of zo'n uittreksel bevat alleen afgeleide gegevens. Verzamel eerst de gegevens.",
            "No extract has been collected yet from a system of the purposes covered by portability, or such an extract holds derived data only. Collect the data first."),
    };
}
