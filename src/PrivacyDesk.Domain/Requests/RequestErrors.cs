using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>The expected failures of a data-subject request, each with a plain Dutch and English sentence.</summary>
public static class RequestErrors
{
    public static readonly Error Forbidden = new("request.forbidden");

    public static readonly Error TransitionNotAllowed = new("request.transition.not_allowed");

    public static readonly Error ReferenceInvalid = new("request.reference.invalid", "Reference");

    public static readonly Error ReferenceYearInvalid = new("request.reference.year_invalid", "Year");

    public static readonly Error ReferenceSequenceInvalid = new("request.reference.sequence_invalid", "Sequence");

    public static readonly Error LanguageUnsupported = new("request.language.unsupported", "Language");

    public static readonly Error DescriptionRequired = new("request.description.required", "Description");

    public static readonly Error SubjectRequired = new("request.subject.required", "SubjectId");

    public static readonly Error TextTooLong = new("request.text.too_long");

    public static readonly Error ReceiptDateMismatch = new("request.received_on.mismatch", "ReceivedOn");

    public static readonly Error DueNotAfterReceipt = new("request.due.not_after_receipt", "DueOn");

    public static readonly Error ThirdPartyOnlyForPortability = new("request.third_party.only_for_portability", "ThirdParty");

    public static readonly Error ThirdPartyNameRequired = new("request.third_party.name_required", "ThirdParty.Name");

    public static readonly Error ThirdPartyEmailInvalid = new("request.third_party.email_invalid", "ThirdParty.Email");
    public static readonly Error ThirdPartyNameHiddenCharacters = new("request.third_party.name_hidden_characters", "ThirdParty.Name");

    public static readonly Error HandlerNotPermitted = new("request.handler.not_permitted", "HandlerId");

    public static readonly Error HandlerUnchanged = new("request.handler.unchanged", "HandlerId");

    public static readonly Error AssignNotPermitted = new("request.assign.not_permitted", "HandlerId");

    public static readonly Error HandlerRequired = new("request.handler.required", "HandlerId");

    public static readonly Error IdentityNotVerified = new("request.identity.not_verified");

    public static readonly Error IdCopyMaskingRequired = new("request.identity.copy_masking_required", "IdCopyMasking");

    public static readonly Error IdCopyBsnNotMasked = new("request.identity.copy_bsn_not_masked", "IdCopyMasking.BsnMasked");

    public static readonly Error IdCopyPhotoNotMasked = new("request.identity.copy_photo_not_masked", "IdCopyMasking.PhotoMasked");

    public static readonly Error IdCopyNotExpected = new("request.identity.copy_not_expected", "IdCopyMasking");

    public static readonly Error ProofDateInvalid = new("request.identity.proof_date_invalid", "ProofReceivedAt");

    public static readonly Error IdCopyNotDeleted = new("request.identity.copy_not_deleted");

    public static readonly Error IdCopyUnknown = new("request.identity.copy_unknown");

    public static readonly Error IdCopyAlreadyDeleted = new("request.identity.copy_already_deleted");

    public static readonly Error DecisionPurposeRequired = new("request.decision.purpose_required", "PurposeId");

    public static readonly Error DecisionGroundRequired = new("request.decision.ground_required", "RequestRefusalGround");

    public static readonly Error DecisionsMissing = new("request.decisions.missing");

    public static readonly Error ApprovalNotPermitted = new("request.approval.not_permitted");

    public static readonly Error ApprovalOwnCase = new("request.approval.own_case");

    public static readonly Error AlreadyApproved = new("request.approval.already_approved");

    public static readonly Error SendBackCommentRequired = new("request.approval.comment_required", "Comment");

    public static readonly Error ApprovalRequired = new("request.approval.required");

    public static readonly Error RejectionExplanationRequired = new("request.rejection.explanation_required", "Explanation");

    public static readonly Error RejectionReferenceRequired = new("request.rejection.reference_required", "LegalReference");

    public static readonly Error RejectionIdentityNotAssessed = new("request.rejection.identity_not_assessed", "Ground");
    public static readonly Error RejectionNotProposed = new("request.rejection.not_proposed");
    public static readonly Error RejectionPending = new("request.rejection.pending");

    public static readonly Error RejectionGroundNotAllowed = new("request.rejection.ground_not_allowed", "Ground");

    public static readonly Error RejectionDemonstrationRequired = new("request.rejection.demonstration_required", "Demonstration");

    public static readonly Error RejectionConsentWithdrawal = new("request.rejection.consent_withdrawal");

    public static readonly Error RejectionDirectMarketingObjection = new("request.rejection.direct_marketing_objection");

    public static readonly Error ApprovalHandlerIsApprover = new("request.approval.handler_is_approver");

    public static readonly Error ExtensionAlreadyExtended = new("request.extension.already_extended");

    public static readonly Error ExtensionExplanationRequired = new("request.extension.explanation_required", "Explanation");

    public static readonly Error ExtensionNoticeDateInvalid = new("request.extension.notice_date_invalid", "SubjectNotifiedOn");

    public static readonly Error ExtensionTooLate = new("request.extension.too_late", "SubjectNotifiedOn");

    public static readonly Error ExtensionDueNotLater = new("request.extension.due_not_later", "ExtendedDueOn");

    public static readonly Error FeeAlreadyNotified = new("request.fee.already_notified");

    public static readonly Error FeeAmountInvalid = new("request.fee.amount_invalid", "AmountInCents");

    public static readonly Error FeeFirstCopyFree = new("request.fee.first_copy_free", "CopyNumber");

    public static readonly Error FeeAdditionalCopyOnlyForAccess = new("request.fee.additional_copy_only_for_access", "Reason");

    public static readonly Error FeeDemonstrationRequired = new("request.fee.demonstration_required", "Demonstration");

    public static readonly Error FeeNotNotified = new("request.fee.not_notified");

    public static readonly Error FeeNotOutstanding = new("request.fee.not_outstanding");

    public static readonly Error FeeOutstanding = new("request.fee.outstanding");

    public static readonly Error FeeWaiverReasonRequired = new("request.fee.waiver_reason_required", "Reason");

    public static readonly Error RecipientsNotApplicable = new("request.recipients.not_applicable");

    public static readonly Error RecipientNameRequired = new("request.recipients.name_required", "Name");

    public static readonly Error RecipientPurposeNotDecided = new("request.recipients.purpose_not_decided", "PurposeId");

    public static readonly Error RecipientPurposeNotAffected = new("request.recipients.purpose_not_affected", "PurposeId");

    public static readonly Error RecipientDuplicate = new("request.recipients.duplicate", "Name");

    public static readonly Error RecipientsNotPlanned = new("request.recipients.not_planned");

    /// <summary>A warning, not a refusal: shown at submission and approval while the Art. 19 recipients are unplanned.</summary>
    public static readonly Error RecipientsUnplannedWarning = new("request.recipients.unplanned_warning");

    public static readonly Error RecipientNotificationsOpen = new("request.recipients.notifications_open");

    public static readonly Error RecipientNotificationUnknown = new("request.recipients.notification_unknown");

    public static readonly Error RecipientNotificationClosed = new("request.recipients.notification_closed");
    public static readonly Error RecipientEmailInvalid = new("request.recipients.email_invalid");
    public static readonly Error RecipientNoEmail = new("request.recipients.no_email");

    public static readonly Error RecipientExemptionReasonRequired = new("request.recipients.reason_required", "Reason");

    public static readonly Error NotARestrictionRequest = new("request.restriction.not_a_restriction_request");

    public static readonly Error RestrictionAlreadyApplied = new("request.restriction.already_applied");

    public static readonly Error RestrictionNotApplied = new("request.restriction.not_applied");

    public static readonly Error RestrictionLiftAlreadyNotified = new("request.restriction.lift_already_notified");

    public static readonly Error RestrictionLiftNotNotified = new("request.restriction.lift_not_notified");

    public static readonly Error RestrictionAlreadyLifted = new("request.restriction.already_lifted");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [Forbidden.Code] = new(
            "U mag dit verzoek niet wijzigen.",
            "You are not allowed to change this request."),
        [TransitionNotAllowed.Code] = new(
            "Dit kan niet bij een verzoek met status {status} ({action}).",
            "This cannot be done to a request with status {status} ({action})."),
        [ReferenceInvalid.Code] = new(
            "Dit is geen geldig verzoeknummer. Een verzoeknummer ziet eruit als DSR-2026-000123.",
            "This is not a valid request reference. A reference looks like DSR-2026-000123."),
        [ReferenceYearInvalid.Code] = new(
            "Het jaar van een verzoeknummer ligt tussen 2018 en 9999.",
            "The year of a request reference lies between 2018 and 9999."),
        [ReferenceSequenceInvalid.Code] = new(
            "Het volgnummer van een verzoeknummer ligt tussen 1 en 999999.",
            "The sequence number of a request reference lies between 1 and 999999."),
        [LanguageUnsupported.Code] = new(
            "Kies Nederlands of Engels als taal van het verzoek.",
            "Choose Dutch or English as the language of the request."),
        [DescriptionRequired.Code] = new(
            "Beschrijf wat de betrokkene vraagt.",
            "Describe what the data subject is asking for."),
        [SubjectRequired.Code] = new(
            "Koppel het verzoek aan een betrokkene.",
            "Link the request to a data subject."),
        [TextTooLong.Code] = new(
            "Deze tekst is te lang: maximaal {max} tekens.",
            "This text is too long: at most {max} characters."),
        [ReceiptDateMismatch.Code] = new(
            "De ontvangstdatum past niet bij het tijdstip van ontvangst.",
            "The date of receipt does not match the time of receipt."),
        [DueNotAfterReceipt.Code] = new(
            "De uiterste antwoorddatum moet na de ontvangstdatum liggen.",
            "The response deadline must be after the date of receipt."),
        [ThirdPartyOnlyForPortability.Code] = new(
            "Alleen bij een verzoek om overdraagbaarheid kunnen de gegevens naar een derde worden gestuurd.",
            "Only a portability request can have the data sent to a third party."),
        [ThirdPartyNameRequired.Code] = new(
            "Vul de naam in van de partij die de gegevens moet ontvangen.",
            "Enter the name of the party that is to receive the data."),
        [ThirdPartyNameHiddenCharacters.Code] = new(
            "De naam van de ontvanger bevat een regeleinde, tab of onzichtbaar teken (zoals een richtingsteken); typ de naam opnieuw op één regel.",
            "The recipient's name holds a line break, tab or invisible character (such as a direction mark); type the name again on one line."),
        [ThirdPartyEmailInvalid.Code] = new(
            "Vul een geldig e-mailadres in van de partij die de gegevens moet ontvangen.",
            "Enter a valid e-mail address for the party that is to receive the data."),
        [HandlerNotPermitted.Code] = new(
            "Deze medewerker mag geen verzoeken behandelen.",
            "This member of staff may not handle requests."),
        [AssignNotPermitted.Code] = new(
            "U kunt alleen een niet-toegewezen verzoek zelf oppakken; toewijzen aan een ander doet een teamleider.",
            "You can only take an unassigned request yourself; a team lead assigns requests to others."),
        [HandlerUnchanged.Code] = new(
            "Deze medewerker behandelt het verzoek al.",
            "This member of staff already handles the request."),
        [HandlerRequired.Code] = new(
            "Wijs eerst een behandelaar toe.",
            "Assign a handler first."),
        [IdentityNotVerified.Code] = new(
            "De identiteit van de betrokkene is niet vastgesteld. Leg eerst een geslaagde identiteitscontrole vast.",
            "The data subject's identity has not been established. Record a successful identity check first."),
        [IdCopyMaskingRequired.Code] = new(
            "Bevestig dat op de kopie van het identiteitsbewijs het BSN en de pasfoto zijn afgeschermd.",
            "Confirm that the BSN and the photo are masked on the copy of the identity document."),
        [IdCopyBsnNotMasked.Code] = new(
            "Een kopie van een identiteitsbewijs met een zichtbaar BSN mag niet worden aangenomen. Vraag om een kopie met afgeschermd BSN.",
            "A copy of an identity document with a visible BSN may not be accepted. Ask for a copy with the BSN masked."),
        [IdCopyPhotoNotMasked.Code] = new(
            "Een kopie van een identiteitsbewijs met een zichtbare pasfoto mag niet worden aangenomen. Vraag om een kopie met afgeschermde foto.",
            "A copy of an identity document with a visible photo may not be accepted. Ask for a copy with the photo masked."),
        [IdCopyNotExpected.Code] = new(
            "Alleen bij controle met een kopie van een identiteitsbewijs wordt het afschermen vastgelegd.",
            "Masking is only recorded for a check with a copy of an identity document."),
        [ProofDateInvalid.Code] = new(
            "Het bewijs van identiteit kan alleen ontvangen zijn nadat erom is gevraagd en niet later dan nu.",
            "Proof of identity can only have been received after it was asked for and not later than now."),
        [IdCopyNotDeleted.Code] = new(
            "Er is nog een kopie van een identiteitsbewijs die moet worden vernietigd. Bevestig eerst dat de kopie is verwijderd.",
            "A copy of an identity document still has to be destroyed. Confirm first that the copy has been deleted."),
        [IdCopyUnknown.Code] = new(
            "Bij deze identiteitscontrole hoort geen kopie van een identiteitsbewijs.",
            "This identity check has no copy of an identity document."),
        [IdCopyAlreadyDeleted.Code] = new(
            "De verwijdering van deze kopie is al bevestigd.",
            "The deletion of this copy has already been confirmed."),
        [DecisionPurposeRequired.Code] = new(
            "Kies het verwerkingsdoel waarvoor deze beslissing geldt.",
            "Choose the processing purpose this decision is for."),
        [DecisionGroundRequired.Code] = new(
            "Geef de grond voor de weigering, of bij een gedeeltelijke inwilliging wat blijft en op welke grondslag.",
            "Give the ground for the refusal or, for partial compliance, what remains and on which basis."),
        [DecisionsMissing.Code] = new(
            "Voor {count} verwerkingsdoel(en) van de betrokkene is nog geen beslissing vastgelegd.",
            "No decision has been recorded yet for {count} processing purpose(s) of the data subject."),
        [ApprovalNotPermitted.Code] = new(
            "Alleen een teamleider mag een antwoord goedkeuren of terugsturen.",
            "Only a team lead may approve or send back a response."),
        [ApprovalOwnCase.Code] = new(
            "U kunt een antwoord dat u zelf heeft behandeld of ingediend niet goedkeuren: er moet een tweede teamleider naar kijken.",
            "You cannot approve a response you handled or submitted yourself: a second team lead must review it."),
        [AlreadyApproved.Code] = new(
            "Dit antwoord is al goedgekeurd.",
            "This response has already been approved."),
        [SendBackCommentRequired.Code] = new(
            "Schrijf erbij wat er aan het antwoord moet veranderen.",
            "Say what has to change in the response."),
        [ApprovalRequired.Code] = new(
            "Een antwoord kan pas worden verstuurd nadat een teamleider het heeft goedgekeurd.",
            "A response can only be sent after a team lead has approved it."),
        [RejectionExplanationRequired.Code] = new(
            "Leg uit waarom het verzoek wordt geweigerd; de betrokkene krijgt deze uitleg in de brief.",
            "Explain why the request is refused; the data subject receives this explanation in the letter."),
        [RejectionReferenceRequired.Code] = new(
            "Noem de wettelijke bepaling die de beperking bevat, bijvoorbeeld UAVG art. 41.",
            "Name the legal provision that contains the restriction, e.g. UAVG art. 41."),
        [RejectionNotProposed.Code] = new(
            "Er is geen weigering voorgesteld en goedgekeurd; stel eerst de weigering voor, zodat een teamleider die kan goedkeuren.",
            "No refusal has been proposed and approved; propose the refusal first so a team lead can approve it."),
        [RejectionPending.Code] = new(
            "Er is een weigering voorgesteld; verstuur de weigering in plaats van een antwoord, of laat de teamleider het verzoek terugsturen.",
            "A refusal is proposed; send the refusal instead of a response, or have the team lead send the case back."),
        [RejectionGroundNotAllowed.Code] = new(
            "Op deze grond kan een verzoek niet als geheel worden geweigerd. Dat kan alleen als de betrokkene niet te identificeren is (AVG art. 12 lid 2), het verzoek kennelijk ongegrond of buitensporig is (art. 12 lid 5) of een wettelijke beperking geldt (art. 23, bijvoorbeeld UAVG art. 41). Andere gronden horen bij de beslissing per verwerkingsdoel.",
            "A request cannot be refused as a whole on this ground. That is only possible when the data subject cannot be identified (GDPR Art. 12(2)), the request is manifestly unfounded or excessive (Art. 12(5)) or a statutory restriction applies (Art. 23, e.g. UAVG art. 41). Other grounds belong in the decision per processing purpose."),
        [RejectionDemonstrationRequired.Code] = new(
            "Leg vast waaruit blijkt dat het verzoek kennelijk ongegrond of buitensporig is; de verwerkingsverantwoordelijke moet dat kunnen aantonen (AVG art. 12 lid 5).",
            "Record what shows that the request is manifestly unfounded or excessive; the controller must be able to demonstrate it (GDPR Art. 12(5))."),
        [RejectionConsentWithdrawal.Code] = new(
            "Een intrekking van toestemming wordt nooit geweigerd: de verwerking op grond van toestemming stopt (AVG art. 7 lid 3).",
            "A withdrawal of consent is never refused: the processing based on consent stops (GDPR Art. 7(3))."),
        [RejectionDirectMarketingObjection.Code] = new(
            "Dit bezwaar raakt direct marketing en kan niet als geheel worden geweigerd: de marketing stopt (AVG art. 21 lid 2 en 3). Beslis per verwerkingsdoel over de andere doelen.",
            "This objection reaches direct marketing and cannot be refused as a whole: the marketing stops (GDPR Art. 21(2) and (3)). Decide on the other purposes one by one."),
        [ApprovalHandlerIsApprover.Code] = new(
            "De teamleider die het antwoord goedkeurde is nu de behandelaar; er moet een andere teamleider naar kijken voordat het wordt verstuurd.",
            "The team lead who approved the response is now its handler; another team lead must review it before it is sent."),
        [RejectionIdentityNotAssessed.Code] = new(
            "Weigeren omdat de betrokkene niet te identificeren is kan pas als de identiteitscontrole tot die uitkomst heeft geleid.",
            "Refusing because the data subject cannot be identified is only possible once an identity check has reached that outcome."),
        [ExtensionAlreadyExtended.Code] = new(
            "De termijn is al verlengd. Verlengen kan maar één keer, met twee maanden.",
            "The deadline has already been extended. It can be extended only once, by two months."),
        [ExtensionExplanationRequired.Code] = new(
            "Leg uit waarom meer tijd nodig is; de betrokkene krijgt deze uitleg.",
            "Explain why more time is needed; the data subject receives this explanation."),
        [ExtensionNoticeDateInvalid.Code] = new(
            "De betrokkene kan niet over de verlenging zijn geïnformeerd vóór de ontvangst van het verzoek.",
            "The data subject cannot have been told of the extension before the request was received."),
        [ExtensionTooLate.Code] = new(
            "Verlengen kan niet meer: de betrokkene moet vóór het einde van de oorspronkelijke termijn over de verlenging zijn geïnformeerd.",
            "The deadline can no longer be extended: the data subject must be told of the extension before the original deadline ends."),
        [ExtensionDueNotLater.Code] = new(
            "De verlengde termijn moet na de oorspronkelijke termijn eindigen.",
            "The extended deadline must end after the original deadline."),
        [FeeAlreadyNotified.Code] = new(
            "Voor dit verzoek is al een vergoeding aangekondigd.",
            "A fee has already been announced for this request."),
        [FeeAmountInvalid.Code] = new(
            "Het bedrag van de vergoeding moet groter zijn dan nul.",
            "The amount of the fee must be more than zero."),
        [FeeFirstCopyFree.Code] = new(
            "De eerste kopie is gratis. Alleen voor extra kopieën mag een redelijke vergoeding worden gevraagd.",
            "The first copy is free. A reasonable fee may only be asked for additional copies."),
        [FeeAdditionalCopyOnlyForAccess.Code] = new(
            "Een vergoeding voor extra kopieën kan alleen bij een inzageverzoek.",
            "A fee for additional copies is only possible for an access request."),
        [FeeDemonstrationRequired.Code] = new(
            "Leg vast waarom het verzoek kennelijk ongegrond of buitensporig is; dat moet u kunnen aantonen.",
            "Record why the request is manifestly unfounded or excessive; you must be able to demonstrate it."),
        [FeeNotNotified.Code] = new(
            "Er is geen vergoeding aangekondigd. Een vergoeding mag alleen worden gevraagd nadat de betrokkene daarover vooraf is geïnformeerd.",
            "No fee has been announced. A fee may only be charged after the data subject has been told in advance."),
        [FeeNotOutstanding.Code] = new(
            "Deze vergoeding staat niet meer open.",
            "This fee is no longer outstanding."),
        [FeeOutstanding.Code] = new(
            "Er staat nog een vergoeding open. Leg de betaling of de kwijtschelding vast, of weiger het verzoek.",
            "A fee is still outstanding. Record the payment or the waiver, or refuse the request."),
        [FeeWaiverReasonRequired.Code] = new(
            "Leg vast waarom de vergoeding vervalt.",
            "Record why the fee is waived."),
        [RecipientsNotApplicable.Code] = new(
            "Ontvangers worden alleen ingelicht na rectificatie, wissing of beperking.",
            "Recipients are only notified after rectification, erasure or restriction."),
        [RecipientNameRequired.Code] = new(
            "Vul de naam van de ontvanger in.",
            "Enter the name of the recipient."),
        [RecipientPurposeNotDecided.Code] = new(
            "Voor het verwerkingsdoel van deze ontvanger is nog geen beslissing vastgelegd.",
            "No decision has been recorded yet for this recipient's processing purpose."),
        [RecipientPurposeNotAffected.Code] = new(
            "Voor dit verwerkingsdoel is het verzoek niet uitgevoerd; de ontvanger hoeft niets te horen.",
            "The request was not carried out for this processing purpose; the recipient has nothing to be told."),
        [RecipientDuplicate.Code] = new(
            "Deze ontvanger staat al op de lijst voor dit verwerkingsdoel.",
            "This recipient is already listed for this processing purpose."),
        [RecipientsNotPlanned.Code] = new(
            "Leg eerst vast welke ontvangers moeten worden ingelicht (ook als dat er geen zijn).",
            "Record first which recipients must be notified (even if there are none)."),
        [RecipientsUnplannedWarning.Code] = new(
            "De ontvangers die moeten worden ingelicht (art. 19 AVG) zijn nog niet vastgelegd. Doe dat vóór de goedkeuring: vastleggen na de goedkeuring trekt die in, en verzenden kan pas als het is gedaan.",
            "The recipients to be notified (GDPR Art. 19) have not been recorded yet. Do it before approval: recording them after approval withdraws it, and the response cannot be sent until it is done."),
        [RecipientNotificationsOpen.Code] = new(
            "Niet alle ontvangers zijn ingelicht. Leg per ontvanger vast dat die is ingelicht, of waarom dat onmogelijk of onevenredig is.",
            "Not all recipients have been notified. Record for each recipient that they were notified, or why that is impossible or disproportionate."),
        [RecipientNotificationUnknown.Code] = new(
            "Deze kennisgeving aan een ontvanger hoort niet bij dit verzoek.",
            "This recipient notification does not belong to this request."),
        [RecipientEmailInvalid.Code] = new(
            "Het e-mailadres van deze ontvanger in het register is geen geldig e-mailadres; verbeter het in het register.",
            "This recipient's e-mail address in the register is not a valid e-mail address; correct it in the register."),
        [RecipientNoEmail.Code] = new(
            "Het register heeft geen e-mailadres voor deze ontvanger; informeer de ontvanger op een andere manier en leg dat vast.",
            "The register has no e-mail address for this recipient; notify the recipient another way and record that."),
        [RecipientNotificationClosed.Code] = new(
            "Deze kennisgeving aan een ontvanger is al afgehandeld.",
            "This recipient notification has already been dealt with."),
        [RecipientExemptionReasonRequired.Code] = new(
            "Leg vast waarom het inlichten van deze ontvanger onmogelijk of onevenredig is.",
            "Record why notifying this recipient is impossible or disproportionate."),
        [NotARestrictionRequest.Code] = new(
            "Dit is geen verzoek om beperking van de verwerking.",
            "This is not a request for restriction of processing."),
        [RestrictionAlreadyApplied.Code] = new(
            "De verwerking is al beperkt.",
            "Processing has already been restricted."),
        [RestrictionNotApplied.Code] = new(
            "De beperking van de verwerking is nog niet vastgelegd.",
            "The restriction of processing has not been recorded yet."),
        [RestrictionLiftAlreadyNotified.Code] = new(
            "De betrokkene is al geïnformeerd dat de beperking wordt opgeheven.",
            "The data subject has already been told that the restriction will be lifted."),
        [RestrictionLiftNotNotified.Code] = new(
            "Informeer de betrokkene voordat de beperking wordt opgeheven.",
            "Inform the data subject before the restriction is lifted."),
        [RestrictionAlreadyLifted.Code] = new(
            "De beperking is al opgeheven.",
            "The restriction has already been lifted."),
    };
}
