using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Documents.CaseFiles;

/// <summary>
/// The case file's Dutch and English words. Statuses, types, channels, methods, outcomes, decisions and
/// grounds are the office's terms from the domain's <see cref="Glossary"/>, so the auditor reads in the file
/// what the officer saw on screen; legal references in the spec's form ("art. 17 lid 3 onder b AVG" /
/// "Art. 17(3)(b) GDPR"). Audit actions use the case page's timeline wording.
/// </summary>
internal static class CaseFileText
{
    public static string In(this LocalizedText text, bool dutch) => dutch ? text.Nl : text.En;

    private static string Language(bool dutch) => dutch ? "nl" : "en";

    public static string Status(RequestStatus status, bool dutch) => Glossary.Term(status).In(dutch);

    /// <summary>A status as the trail stores it (the enum's name); unknown text is shown as stored.</summary>
    public static string Status(string? stored, bool dutch) =>
        Enum.TryParse<RequestStatus>(stored, out var status) ? Status(status, dutch) : stored ?? "";

    /// <summary>"Inzage (art. 15 AVG)".</summary>
    public static string Type(RequestType type, bool dutch) => Glossary.WithArticle(type, Language(dutch));

    /// <summary>"art. 15 AVG" / "Art. 15 GDPR".</summary>
    public static string Article(RequestType type, bool dutch) => LegalCitations.Format(Glossary.Article(type), dutch);

    public static string Channel(RequestChannel channel, bool dutch) => Glossary.Term(channel).In(dutch);

    public static string Method(IdentityVerificationMethod method, bool dutch) => Glossary.Term(method).In(dutch);

    /// <summary>The outcome; "cannot identify" with its article, because it decides how the request ends (Art. 11(2)).</summary>
    public static string Outcome(IdentityVerificationOutcome outcome, bool dutch) =>
        Glossary.Cited(Glossary.Term(outcome), outcome == IdentityVerificationOutcome.CannotIdentify ? ["AVG art. 11(2)"] : [], Language(dutch));

    public static string Decision(PurposeDecisionOutcome outcome, bool dutch) => Glossary.Term(outcome).In(dutch);

    /// <summary>The ground of a purpose decision with its article, e.g. "Wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)".</summary>
    public static string Ground(RefusalGround ground, RequestType right, bool dutch) => Glossary.WithArticles(ground, right, Language(dutch));

    /// <summary>The ground of a whole request's refusal with its articles (Art. 20(4) for a refused portability package).</summary>
    public static string RequestGround(RequestRefusalGround ground, RequestType type, bool dutch) => Glossary.WithArticles(ground, type, Language(dutch));

    public static string Extension(ExtensionReason reason, bool dutch) => (reason switch
    {
        ExtensionReason.Complexity => new LocalizedText("Het verzoek is complex (art. 12 lid 3 AVG)", "The request is complex (Art. 12(3) GDPR)"),
        ExtensionReason.NumberOfRequests => new("Het aantal verzoeken (art. 12 lid 3 AVG)", "The number of requests (Art. 12(3) GDPR)"),
        _ => new(reason.ToString(), reason.ToString()),
    }).In(dutch);

    public static string Fee(FeeReason reason, bool dutch) => (reason switch
    {
        FeeReason.AdditionalCopy => new LocalizedText("Extra kopie (art. 15 lid 3 AVG)", "Further copy (Art. 15(3) GDPR)"),
        FeeReason.ManifestlyUnfounded => new("Kennelijk ongegrond (art. 12 lid 5 AVG)", "Manifestly unfounded (Art. 12(5) GDPR)"),
        FeeReason.Excessive => new("Buitensporig (art. 12 lid 5 AVG)", "Excessive (Art. 12(5) GDPR)"),
        _ => new(reason.ToString(), reason.ToString()),
    }).In(dutch);

    public static string FeeStatus(FeeStatus status, bool dutch) => (status switch
    {
        Domain.Requests.FeeStatus.Notified => new LocalizedText("wacht op betaling", "awaiting payment"),
        Domain.Requests.FeeStatus.Paid => new("betaald", "paid"),
        Domain.Requests.FeeStatus.Waived => new("kwijtgescholden", "waived"),
        _ => new("vervallen", "cancelled"),
    }).In(dutch);

    public static string Review(ReviewOutcome outcome, bool dutch) =>
        outcome == ReviewOutcome.Approved ? (dutch ? "Goedgekeurd" : "Approved") : (dutch ? "Teruggestuurd" : "Sent back");

    /// <summary>The audit action in words, as the case page's timeline says it; unknown codes as stored.</summary>
    public static string Action(string action, bool dutch) => (action switch
    {
        "request.viewed" => new LocalizedText("opende de zaak", "opened the case"),
        RequestActions.Received => new("registreerde het verzoek", "registered the request"),
        RequestActions.Assigned => new("wees de zaak toe", "assigned the case"),
        RequestActions.IdentityRequested => new("vroeg om identiteitsbewijs", "asked for proof of identity"),
        RequestActions.IdentityVerified => new("stelde de identiteit vast", "verified the identity"),
        RequestActions.IdentityNotVerified => new("kon de identiteit niet vaststellen", "could not verify the identity"),
        RequestActions.IdentityNotIdentified => new("stelde vast dat de betrokkene niet te identificeren is", "found the subject cannot be identified"),
        RequestActions.IdCopyDeleted => new("bevestigde vernietiging kopie ID-bewijs", "confirmed the ID copy was deleted"),
        RequestActions.ProcessingStarted => new("startte de behandeling", "started processing"),
        RequestActions.DecisionRecorded => new("legde een besluit vast", "recorded a decision"),
        RequestActions.DecisionReplaced => new("wijzigde een besluit", "changed a decision"),
        RequestActions.SubmittedForApproval => new("bood het antwoord ter goedkeuring aan", "submitted the response for approval"),
        RequestActions.Approved => new("keurde het antwoord goed", "approved the response"),
        RequestActions.SentBack => new("stuurde het antwoord terug", "sent the response back"),
        RequestActions.Responded => new("legde vast dat het antwoord is verstuurd", "recorded that the response was sent"),
        RequestActions.Rejected => new("verstuurde de weigering", "sent the refusal"),
        RequestActions.RejectionProposed => new("stelde voor het verzoek te weigeren", "proposed refusing the request"),
        RequestActions.Withdrawn => new("legde de intrekking vast", "recorded the withdrawal"),
        RequestActions.Extended => new("verlengde de termijn", "extended the deadline"),
        RequestActions.FeeNotified => new("kondigde een vergoeding aan", "gave notice of a fee"),
        RequestActions.FeePaid => new("legde de betaling vast", "recorded the fee as paid"),
        RequestActions.FeeWaived => new("zag af van de vergoeding", "waived the fee"),
        RequestActions.RecipientsPlanned => new("plande de meldingen aan ontvangers", "planned the recipient notifications"),
        RequestActions.RecipientNotified => new("legde vast dat een ontvanger is geïnformeerd", "recorded a recipient as notified"),
        RequestActions.RecipientEmailed => new("e-mailde de kennisgeving aan een ontvanger (art. 19) met een beveiligde link", "e-mailed the notification to a recipient (Art. 19) with a secure link"),
        RequestActions.RecipientExempted => new("legde vast dat een ontvanger niet kan worden geïnformeerd", "recorded a notification as impossible"),
        RequestActions.RestrictionApplied => new("paste de beperking toe", "applied the restriction"),
        RequestActions.RestrictionLiftNotified => new("kondigde opheffing van de beperking aan", "gave notice of lifting the restriction"),
        RequestActions.RestrictionLifted => new("hief de beperking op", "lifted the restriction"),
        DataSubjectRequest.SubjectMessageReceivedAction => new("legde een bericht van de betrokkene vast", "recorded a message from the subject"),
        DataSubjectRequest.NoteAddedAction => new("voegde een interne notitie toe", "added an internal note"),
        "request.attachment.added" => new("voegde een origineel toe", "added an original"),
        "request.attachment.downloaded" => new("downloadde een origineel", "downloaded an original"),
        "request.collection.planned" => new("plande het verzamelen bij een bronsysteem", "planned collection from a source system"),
        "request.collection.rescheduled" => new("verzette de datum van een verzameltaak", "rescheduled a collection task"),
        "request.collection.extract_received" => new("voegde een extract uit een bronsysteem toe", "added an extract from a source system"),
        "request.collection.extract_fetched" => new("haalde de gegevens op uit een gekoppeld bronsysteem", "fetched the data from a connected source system"),
        "request.collection.extract_viewed" => new("bekeek een extract", "viewed an extract"),
        "request.collection.not_applicable" => new("legde vast dat een bronsysteem niets bevat", "recorded that a source system holds nothing"),
        "request.collection.source_system_renamed" => new("hernoemde een bronsysteem in het register", "renamed a source system in the register"),
        "source.change.planned" => new("maakte een plan om de besluiten in de bronsystemen uit te voeren (proefrun geteld)", "made a plan to carry out the decisions in the source systems (dry run counted)"),
        "source.change.approved" => new("keurde het plan voor de bronsystemen goed (vier ogen)", "approved the plan for the source systems (four eyes)"),
        "source.change.system_done" => new("voerde het plan uit in een bronsysteem en legde het bewijs vast", "carried out the plan in a source system and recorded the proof"),
        "source.change.system_failed" => new("het uitvoeren in een bronsysteem mislukte; niets is daar gewijzigd", "carrying out in a source system failed; nothing changed there"),
        "source.change.needs_new_approval" => new("de rijen in een bronsysteem weken af van de goedgekeurde proefrun; een nieuw plan is nodig", "the rows in a source system differed from the approved dry run; a new plan is needed"),
        "source.change.confirmed_by_hand" => new("bevestigde dat een handmatig systeem is bijgewerkt", "confirmed that a manual system was updated"),
        "source.change.superseded" => new("verving het plan voor de bronsystemen door een nieuw plan", "replaced the plan for the source systems with a new one"),
        "retention.entry.kept" => new("legde een bewaartermijn vast in de bewaartermijnenregistratie", "recorded a retention period in the retention ledger"),
        "retention.entry.recomputed" => new("berekende de einddatum van een bewaartermijn opnieuw", "recomputed the end date of a retention period"),
        "retention.entry.follow_up_planned" => new("maakte een vervolgplan om te wissen nu de bewaartermijn voorbij is", "made a follow-up plan to erase now that the retention period has ended"),
        "retention.entry.erased" => new("wiste de gegevens na afloop van de bewaartermijn", "erased the data after the retention period ended"),
        "document.generated" => new("maakte een document", "generated a document"),
        "document.downloaded" => new("downloadde een document", "downloaded a document"),
        "document.exported" => new("exporteerde het dossier zonder het te bewaren", "exported the case file without storing it"),
        "request.delivery.created" => new("bezorgde het antwoord per e-mail met een beveiligde link", "delivered the answer by e-mail with a secure link"),
        "request.delivery.downloaded" => new("downloadde een document van het antwoord (betrokkene, na code)", "downloaded a document of the answer (subject, after a code)"),
        "request.delivery.extended" => new("verlengde de link naar het antwoord", "extended the link to the answer"),
        "request.delivery.locked" => new("de link naar het antwoord is geblokkeerd na te veel verkeerde codes", "the link to the answer was locked after too many wrong codes"),
        "request.delivery.unlocked" => new("gaf de geblokkeerde link naar het antwoord weer vrij", "unlocked the link to the answer"),
        "request.delivery.documents_viewed" => new("opende de lijst met documenten van het antwoord (betrokkene, na code)", "opened the list of the answer's documents (subject, after a code)"),
        "portal.status.locked" => new("de statuslink is geblokkeerd na te veel verkeerde codes", "the status link was locked after too many wrong codes"),
        "portal.status.unlocked" => new("gaf de geblokkeerde statuslink weer vrij", "unlocked the status link"),
        "request.recipient_notice.created" => new("maakte de beveiligde link naar de kennisgeving aan een ontvanger", "made the secure link to a recipient's notification"),
        "request.recipient_notice.downloaded" => new("downloadde de kennisgeving (ontvanger, na code)", "downloaded the notification (recipient, after a code)"),
        "request.recipient_notice.documents_viewed" => new("opende de kennisgeving (ontvanger, na code)", "opened the notification (recipient, after a code)"),
        "request.recipient_notice.extended" => new("verlengde de link naar de kennisgeving aan een ontvanger", "extended the link to a recipient's notification"),
        "request.recipient_notice.locked" => new("de link naar de kennisgeving aan een ontvanger is geblokkeerd na te veel verkeerde codes", "the link to a recipient's notification was locked after too many wrong codes"),
        "request.recipient_notice.unlocked" => new("gaf de geblokkeerde link naar de kennisgeving weer vrij", "unlocked the link to a recipient's notification"),
        "request.delivery.method_chosen" => new("koos hoe het antwoord per e-mail wordt bezorgd", "chose how the answer is delivered by e-mail"),
        _ => new(action, action),
    }).In(dutch);

    /// <summary>An Art. 19 notification's state in words.</summary>
    public static string Notification(RecipientNotificationStatus status, bool dutch) => (status switch
    {
        RecipientNotificationStatus.Open => new LocalizedText("gepland", "planned"),
        RecipientNotificationStatus.Sent => new("verstuurd", "sent"),
        RecipientNotificationStatus.Impossible => new("onmogelijk", "impossible"),
        _ => new("onevenredige inspanning", "disproportionate effort"),
    }).In(dutch);

    /// <summary>A stored field's name in words ("handlerName" → "Behandelaar"); an unknown name split into lower-case words, never camelCase.</summary>
    public static string Field(string name, bool dutch) => (name switch
    {
        "status" => new LocalizedText("Status", "Status"),
        "handlerName" => new("Behandelaar", "Handler"),
        "outcome" => new("Uitkomst", "Outcome"),
        "purposeId" => new("Doel", "Purpose"),
        "purposeIds" or "purposes" => new("Doelen", "Purposes"),
        "type" => new("Soort verzoek", "Request type"),
        "channel" => new("Kanaal", "Channel"),
        "method" => new("Methode", "Method"),
        "ground" or "refusalGround" => new("Grond", "Ground"),
        "groundReference" or "legalReference" => new("Wettelijke grondslag", "Legal reference"),
        "remainingBasis" => new("Blijvende grondslag", "Remaining basis"),
        "kind" => new("Document", "Document"),
        "language" => new("Taal", "Language"),
        "version" => new("Versie", "Version"),
        "sha256" => new("SHA-256", "SHA-256"),
        "dueOn" => new("Termijn", "Deadline"),
        "extendedDueOn" => new("Verlengde termijn", "Extended deadline"),
        "extensionReason" => new("Reden verlenging", "Extension reason"),
        "receivedAt" => new("Ontvangen", "Received"),
        "receivedOn" => new("Ontvangstdag", "Day received"),
        "reference" => new("Kenmerk", "Reference"),
        "fee" or "amountInCents" => new("Vergoeding", "Fee"),
        "feeReason" => new("Reden vergoeding", "Fee reason"),
        "feeStatus" => new("Vergoeding", "Fee"),
        "copyNumber" => new("Kopie", "Copy"),
        "recipient" or "recipients" => new("Ontvanger", "Recipient"),
        "notificationStatus" => new("Melding", "Notification"),
        "emailedTo" => new("Gemaild aan", "E-mailed to"),
        "sourceSystem" or "sourceSystems" => new("Bronsysteem", "Source system"),
        "collectionStatus" => new("Verzamelen", "Collection"),
        "rows" => new("Rijen", "Rows"),
        "file" => new("Bestand", "File"),
        "approvedByName" => new("Goedgekeurd door", "Approved by"),
        "approvedAt" => new("Goedgekeurd op", "Approved at"),
        "reviewerName" => new("Beoordelaar", "Reviewer"),
        "decisionReference" => new("Besluit", "Decision"),
        "bsnMasked" => new("BSN afgeschermd", "BSN masked"),
        "photoMasked" => new("Pasfoto afgeschermd", "Photo masked"),
        "idCopyDeletedAt" => new("Kopie ID vernietigd", "ID copy deleted"),
        "restricted" => new("Beperkt", "Restricted"),
        "subjectNotifiedOn" => new("Betrokkene ingelicht op", "Subject told on"),
        "contact" => new("Contact", "Contact"),
        "Categories" => new("Categorieën", "Categories"),
        "CustomerNumber" => new("Klantnummer", "Customer number"),
        "Salutation" => new("Aanhef", "Salutation"),
        "handlerId" => new("Behandelaar (id)", "Handler (id)"),
        "approvedById" => new("Goedgekeurd door (id)", "Approved by (id)"),
        "reviewerId" => new("Beoordelaar (id)", "Reviewer (id)"),
        "verificationId" => new("Identiteitscontrole", "Identity check"),
        "identityRequestedAt" => new("Identiteitsbewijs gevraagd op", "Proof of identity asked on"),
        "identityProofReceivedAt" => new("Identiteitsbewijs ontvangen op", "Proof of identity received on"),
        "idCopyDeletionDueAt" => new("Kopie ID vernietigen uiterlijk", "ID copy to be deleted by"),
        "restrictionLiftNotifiedAt" => new("Opheffing aangekondigd op", "Lifting announced on"),
        "notificationId" => new("Melding", "Notification"),
        "noteId" => new("Notitie", "Note"),
        "taskId" => new("Verzameltaak", "Collection task"),
        "extractId" => new("Extract", "Extract"),
        "sourceSystemId" => new("Bronsysteem (id)", "Source system (id)"),
        "mapVersion" => new("Versie gegevenskaart", "Data map version"),
        "tables" => new("Tabellen (rijen)", "Tables (rows)"),
        "attachmentId" => new("Origineel", "Original"),
        "subjectId" => new("Betrokkene", "Data subject"),
        "requestId" => new("Verzoek", "Request"),
        "length" => new("Lengte", "Length"),
        "planned" => new("Gepland", "Planned"),
        "bytes" or "sizeBytes" => new("Grootte (bytes)", "Size (bytes)"),
        "contentType" => new("Bestandstype", "File type"),
        "count" or "total" => new("Aantal", "Count"),
        "lapsedDecisions" => new("Vervallen besluiten", "Lapsed decisions"),
        "duplicateOf" => new("Dubbel met", "Duplicate of"),
        "deadline" => new("Termijn", "Deadline"),
        "deliveryId" => new("Bezorging", "Delivery"),
        "wrongCodes" => new("Verkeerde codes", "Wrong codes"),
        "lockedAt" => new("Geblokkeerd op", "Locked at"),
        "expiresAt" => new("Link geldig tot", "Link valid until"),
        "documents" => new("Documenten", "Documents"),
        "documentId" => new("Document", "Document"),
        "messageId" => new("Bericht", "Message"),
        "correctionId" => new("Correctie", "Correction"),
        "system" => new("Bronsysteem", "Source system"),
        "table" => new("Tabel", "Table"),
        "column" => new("Kolom", "Column"),
        "replacedEarlierValue" => new("Eerdere waarde vervangen", "Earlier value replaced"),
        _ => new(Words(name), Words(name)),
    }).In(dutch);

    /// <summary>"idCopyDeletionDueAt" → "id copy deletion due at": a field without a label still reads as words.</summary>
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }
            text.Append(text.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
