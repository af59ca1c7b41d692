using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Documents.CaseFiles;

/// <summary>
/// The case file's Dutch and English words. Statuses, types, channels, methods, outcomes and audit
/// actions use the case page's wording (CaseText.resx, CaseObligationsText.resx), so the auditor reads
/// in the file what the officer saw on screen; legal references in the spec's form ("art. 17 lid 3
/// onder b AVG" / "Art. 17(3)(b) GDPR").
/// </summary>
internal static class CaseFileText
{
    public static string In(this LocalizedText text, bool dutch) => dutch ? text.Nl : text.En;

    public static string Status(RequestStatus status, bool dutch) => (status switch
    {
        RequestStatus.Received => new LocalizedText("Ontvangen", "Received"),
        RequestStatus.AwaitingIdentity => new("Wacht op identiteit", "Awaiting identity"),
        RequestStatus.InProgress => new("In behandeling", "In progress"),
        RequestStatus.AwaitingApproval => new("Wacht op goedkeuring", "Awaiting approval"),
        RequestStatus.Responded => new("Beantwoord", "Responded"),
        RequestStatus.Rejected => new("Afgewezen", "Rejected"),
        RequestStatus.Withdrawn => new("Ingetrokken", "Withdrawn"),
        _ => new(status.ToString(), status.ToString()),
    }).In(dutch);

    /// <summary>A status as the trail stores it (the enum's name); unknown text is shown as stored.</summary>
    public static string Status(string? stored, bool dutch) =>
        Enum.TryParse<RequestStatus>(stored, out var status) ? Status(status, dutch) : stored ?? "";

    public static string Type(RequestType type, bool dutch) => (type switch
    {
        RequestType.Access => new LocalizedText("Inzage (art. 15 AVG)", "Access (Art. 15 GDPR)"),
        RequestType.Rectification => new("Rectificatie (art. 16 AVG)", "Rectification (Art. 16 GDPR)"),
        RequestType.Erasure => new("Verwijdering (art. 17 AVG)", "Erasure (Art. 17 GDPR)"),
        RequestType.Restriction => new("Beperking (art. 18 AVG)", "Restriction (Art. 18 GDPR)"),
        RequestType.Portability => new("Overdraagbaarheid (art. 20 AVG)", "Portability (Art. 20 GDPR)"),
        RequestType.Objection => new("Bezwaar (art. 21 AVG)", "Objection (Art. 21 GDPR)"),
        RequestType.AutomatedDecisionReview => new("Herziening geautomatiseerd besluit (art. 22 AVG)", "Automated decision review (Art. 22 GDPR)"),
        RequestType.ConsentWithdrawal => new("Intrekking toestemming (art. 7 lid 3 AVG)", "Consent withdrawal (Art. 7(3) GDPR)"),
        RequestType.RecipientsDisclosure => new("Wie ontving mijn gegevens (art. 19 AVG)", "Who received my data (Art. 19 GDPR)"),
        _ => new(type.ToString(), type.ToString()),
    }).In(dutch);

    public static string Channel(RequestChannel channel, bool dutch) => (channel switch
    {
        RequestChannel.WebForm => new LocalizedText("Webformulier", "Web form"),
        RequestChannel.Email => new("E-mail", "E-mail"),
        RequestChannel.Phone => new("Telefoon", "Phone"),
        RequestChannel.Letter => new("Brief", "Letter"),
        RequestChannel.InPerson => new("Aan de balie", "In person"),
        _ => new(channel.ToString(), channel.ToString()),
    }).In(dutch);

    public static string Method(IdentityVerificationMethod method, bool dutch) => (method switch
    {
        IdentityVerificationMethod.KnownChannel => new LocalizedText("Bekend kanaal", "Known channel"),
        IdentityVerificationMethod.CustomerPortalLogin => new("Inlog klantportaal", "Customer portal login"),
        IdentityVerificationMethod.IdDocumentCopy => new("Kopie ID-bewijs", "Copy of ID document"),
        IdentityVerificationMethod.VideoCall => new("Videogesprek", "Video call"),
        IdentityVerificationMethod.InPersonCheck => new("Persoonlijk", "In person"),
        IdentityVerificationMethod.SecurityQuestions => new("Controlevragen", "Security questions"),
        _ => new(method.ToString(), method.ToString()),
    }).In(dutch);

    public static string Outcome(IdentityVerificationOutcome outcome, bool dutch) => (outcome switch
    {
        IdentityVerificationOutcome.Verified => new LocalizedText("Vastgesteld", "Verified"),
        IdentityVerificationOutcome.NotVerified => new("Niet vastgesteld", "Not verified"),
        IdentityVerificationOutcome.CannotIdentify => new("Niet te identificeren (art. 11 lid 2 AVG)", "Cannot identify (Art. 11(2) GDPR)"),
        _ => new(outcome.ToString(), outcome.ToString()),
    }).In(dutch);

    public static string Decision(PurposeDecisionOutcome outcome, bool dutch) => (outcome switch
    {
        PurposeDecisionOutcome.Comply => new LocalizedText("Honoreren", "Comply"),
        PurposeDecisionOutcome.PartiallyComply => new("Gedeeltelijk honoreren", "Comply in part"),
        PurposeDecisionOutcome.Refuse => new("Weigeren", "Refuse"),
        PurposeDecisionOutcome.NotApplicable => new("Niet van toepassing", "Not applicable"),
        _ => new(outcome.ToString(), outcome.ToString()),
    }).In(dutch);

    /// <summary>The ground of a purpose decision in words with its article, e.g. "wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)".</summary>
    public static string Ground(RefusalGround ground, RequestType right, bool dutch) => (ground switch
    {
        RefusalGround.RightsOfOthers => right == RequestType.Portability
            ? new LocalizedText("rechten van anderen (art. 20 lid 4 AVG)", "rights of others (Art. 20(4) GDPR)")
            : new("rechten van anderen (art. 15 lid 4 AVG)", "rights of others (Art. 15(4) GDPR)"),
        RefusalGround.ManifestlyUnfoundedOrExcessive => new("kennelijk ongegrond of buitensporig (art. 12 lid 5 AVG)", "manifestly unfounded or excessive (Art. 12(5) GDPR)"),
        RefusalGround.NationalRestriction => new("nationale beperking (art. 23 AVG)", "national restriction (Art. 23 GDPR)"),
        RefusalGround.CompellingLegitimateGrounds => new("dwingende gerechtvaardigde gronden (art. 21 lid 1 AVG)", "compelling legitimate grounds (Art. 21(1) GDPR)"),
        RefusalGround.LegalClaims => right == RequestType.Erasure
            ? new("rechtsvorderingen (art. 17 lid 3 onder e AVG)", "legal claims (Art. 17(3)(e) GDPR)")
            : new("rechtsvorderingen (art. 21 lid 1 AVG)", "legal claims (Art. 21(1) GDPR)"),
        RefusalGround.LegalRetentionObligation => new("wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)", "legal retention obligation (Art. 17(3)(b) GDPR)"),
        RefusalGround.StillNecessaryForPurpose => new("nog nodig voor het doel (art. 17 lid 1 onder a AVG)", "still necessary for the purpose (Art. 17(1)(a) GDPR)"),
        RefusalGround.NoRestrictionCircumstance => new("geen geval van art. 18 lid 1 AVG", "no circumstance of Art. 18(1) GDPR"),
        RefusalGround.DataAccurate => new("de gegevens zijn juist (art. 16 AVG)", "the data are accurate (Art. 16 GDPR)"),
        _ => new(ground.ToString(), ground.ToString()),
    }).In(dutch);

    /// <summary>As <see cref="RequestGround(RequestRefusalGround, bool)"/>, citing Art. 20(4) for a refused portability package.</summary>
    public static string RequestGround(RequestRefusalGround ground, RequestType type, bool dutch) =>
        ground == RequestRefusalGround.RightsOfOthers && type == RequestType.Portability
            ? new LocalizedText("Rechten en vrijheden van anderen (art. 20 lid 4 AVG)", "Rights and freedoms of others (Art. 20(4) GDPR)").In(dutch)
            : RequestGround(ground, dutch);

    public static string RequestGround(RequestRefusalGround ground, bool dutch) => (ground switch
    {
        RequestRefusalGround.SubjectNotIdentified => new LocalizedText("Betrokkene niet te identificeren (art. 11 lid 2, art. 12 lid 2 AVG)", "Subject cannot be identified (Art. 11(2), 12(2) GDPR)"),
        RequestRefusalGround.ManifestlyUnfounded => new("Kennelijk ongegrond (art. 12 lid 5 AVG)", "Manifestly unfounded (Art. 12(5) GDPR)"),
        RequestRefusalGround.Excessive => new("Buitensporig, met name herhaald (art. 12 lid 5 AVG)", "Excessive, in particular repetitive (Art. 12(5) GDPR)"),
        RequestRefusalGround.RightsOfOthers => new("Rechten en vrijheden van anderen (art. 15 lid 4 AVG)", "Rights and freedoms of others (Art. 15(4) GDPR)"),
        RequestRefusalGround.NationalRestriction => new("Beperking in nationaal recht (art. 23 AVG)", "Restriction in national law (Art. 23 GDPR)"),
        RequestRefusalGround.LegalObligationToRetain => new("Wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)", "Legal obligation to retain (Art. 17(3)(b) GDPR)"),
        RequestRefusalGround.LegalClaims => new("Rechtsvorderingen (art. 17 lid 3 onder e AVG)", "Legal claims (Art. 17(3)(e) GDPR)"),
        RequestRefusalGround.CompellingLegitimateGrounds => new("Dwingende gerechtvaardigde gronden (art. 21 lid 1 AVG)", "Compelling legitimate grounds (Art. 21(1) GDPR)"),
        RequestRefusalGround.RightNotApplicable => new("Het recht is niet van toepassing", "The right does not apply"),
        _ => new("Andere grond", "Other ground"),
    }).In(dutch);

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
        RequestActions.RecipientExempted => new("legde vast dat een ontvanger niet kan worden geïnformeerd", "recorded a notification as impossible"),
        RequestActions.RestrictionApplied => new("paste de beperking toe", "applied the restriction"),
        RequestActions.RestrictionLiftNotified => new("kondigde opheffing van de beperking aan", "gave notice of lifting the restriction"),
        RequestActions.RestrictionLifted => new("hief de beperking op", "lifted the restriction"),
        DataSubjectRequest.NoteAddedAction => new("voegde een interne notitie toe", "added an internal note"),
        "request.attachment.added" => new("voegde een origineel toe", "added an original"),
        "request.attachment.downloaded" => new("downloadde een origineel", "downloaded an original"),
        "request.collection.planned" => new("plande het verzamelen bij een bronsysteem", "planned collection from a source system"),
        "request.collection.rescheduled" => new("verzette de datum van een verzameltaak", "rescheduled a collection task"),
        "request.collection.extract_received" => new("voegde een extract uit een bronsysteem toe", "added an extract from a source system"),
        "request.collection.extract_viewed" => new("bekeek een extract", "viewed an extract"),
        "request.collection.not_applicable" => new("legde vast dat een bronsysteem niets bevat", "recorded that a source system holds nothing"),
        "document.generated" => new("maakte een document", "generated a document"),
        "document.downloaded" => new("downloadde een document", "downloaded a document"),
        _ => new(action, action),
    }).In(dutch);
}
