using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Subjects;

/// <summary>The coded errors of data subjects, with a plain Dutch and English sentence each.</summary>
public static class SubjectErrors
{
    public static readonly Error NameMissing = new("subject.name_missing", "FullName");
    public static readonly Error NameHiddenCharacters = new("subject.name_hidden_characters", "FullName");
    public static readonly Error EmailMissing = new("subject.email_missing", "EmailAddresses");
    public static readonly Error EmailInvalid = new("subject.email_invalid", "EmailAddresses");
    public static readonly Error EmailDuplicate = new("subject.email_duplicate", "EmailAddresses");
    public static readonly Error EmailNotFound = new("subject.email_not_found", "EmailAddresses");
    public static readonly Error EmailLast = new("subject.email_last", "EmailAddresses");
    public static readonly Error CategoryMissing = new("subject.category_missing", "Categories");
    public static readonly Error CategoryDuplicate = new("subject.category_duplicate", "Categories");
    public static readonly Error CategoryNotFound = new("subject.category_not_found", "Categories");
    public static readonly Error SalutationInvalid = new("subject.salutation_invalid", "Salutation");
    public static readonly Error RelationshipNotStarted = new("subject.relationship.not_started", "RelationshipStart");
    public static readonly Error RelationshipEndBeforeStart = new("subject.relationship.end_before_start", "RelationshipEnd");
    public static readonly Error RelationshipStartInFuture = new("subject.relationship.start_in_future", "RelationshipStart");
    public static readonly Error RelationshipEndInFuture = new("subject.relationship.end_in_future", "RelationshipEnd");
    public static readonly Error PurposeNotConsentBased = new("subject.consent.purpose_not_consent_based");
    public static readonly Error ConsentWordingMissing = new("subject.consent.wording_missing", "WordingVersion");
    public static readonly Error ConsentAlreadyGiven = new("subject.consent.already_given");
    public static readonly Error ConsentNotGiven = new("subject.consent.not_given");
    public static readonly Error ConsentWithdrawalBeforeGiven = new("subject.consent.withdrawal_before_given");
    public static readonly Error OverrideReasonMissing = new("subject.override.reason_missing", "Reason");
    public static readonly Error OverrideNotFound = new("subject.override.not_found");
    public static readonly Error CreditReferenceRequesterMissing = new("subject.credit_reference.requester_missing", "RequestedBy");
    public static readonly Error CreditReferenceNotFound = new("subject.credit_reference.not_found");
    public static readonly Error CreditReferenceAlreadyAnswered = new("subject.credit_reference.already_answered");
    public static readonly Error CreditReferenceReasonMissing = new("subject.credit_reference.reason_missing", "Reason");
    public static readonly Error CreditReferenceContactRequired = new("subject.credit_reference.contact_required");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NameMissing.Code] = new("Vul de volledige naam in (ten hoogste 200 tekens).", "Enter the full name (at most 200 characters)."),
        [NameHiddenCharacters.Code] = new(
            "De naam bevat een regeleinde, tab of onzichtbaar teken (zoals een richtingsteken); typ de naam opnieuw op één regel.",
            "The name holds a line break, tab or invisible character (such as a direction mark); type the name again on one line."),
        [EmailMissing.Code] = new("Vul ten minste één e-mailadres in.", "Enter at least one e-mail address."),
        [EmailInvalid.Code] = new("Dit is geen geldig e-mailadres.", "This is not a valid e-mail address."),
        [EmailDuplicate.Code] = new("Dit e-mailadres staat al bij deze betrokkene.", "This e-mail address is already recorded for this data subject."),
        [EmailNotFound.Code] = new("Dit e-mailadres staat niet bij deze betrokkene.", "This e-mail address is not recorded for this data subject."),
        [EmailLast.Code] = new("Het laatste e-mailadres kan niet worden verwijderd.", "The last e-mail address cannot be removed."),
        [CategoryMissing.Code] = new("Een betrokkene valt in ten minste één categorie.", "A data subject belongs to at least one category."),
        [CategoryDuplicate.Code] = new("De betrokkene valt al in deze categorie.", "The data subject already belongs to this category."),
        [CategoryNotFound.Code] = new("De betrokkene valt niet in deze categorie.", "The data subject does not belong to this category."),
        [SalutationInvalid.Code] = new("Kies een aanhef: de heer, mevrouw of onbekend.", "Choose a salutation: Mr, Ms or unknown."),
        [RelationshipNotStarted.Code] = new("Een relatie kan pas eindigen als de begindatum bekend is.", "A relationship can only end once its start date is known."),
        [RelationshipEndBeforeStart.Code] = new("De einddatum van de relatie ligt vóór de begindatum.", "The end of the relationship lies before its start."),
        [RelationshipStartInFuture.Code] = new(
            "De begindatum van de relatie ligt in de toekomst. Leg een relatie vast wanneer die begonnen is.",
            "The start of the relationship lies in the future. Record a relationship once it has started."),
        [RelationshipEndInFuture.Code] = new(
            "De einddatum van de relatie ligt in de toekomst. De bewaartermijn (art. 33 Wwft) loopt pas vanaf het werkelijke einde: leg de einddatum vast wanneer de relatie beëindigd is.",
            "The end of the relationship lies in the future. The retention period (Art. 33 Wwft) only runs from the actual end: record the end date once the relationship has ended."),
        [PurposeNotConsentBased.Code] = new("Dit doel berust niet op toestemming; er kan geen toestemming voor worden vastgelegd.", "This purpose does not rest on consent; no consent can be recorded for it."),
        [ConsentWordingMissing.Code] = new("Vermeld de versie van de toestemmingstekst.", "State the version of the consent wording."),
        [ConsentAlreadyGiven.Code] = new("Voor dit doel is al toestemming gegeven die niet is ingetrokken.", "Consent for this purpose has already been given and not withdrawn."),
        [ConsentNotGiven.Code] = new("Voor dit doel is geen toestemming die kan worden ingetrokken.", "There is no consent for this purpose to withdraw."),
        [ConsentWithdrawalBeforeGiven.Code] = new("Toestemming kan niet worden ingetrokken vóór het moment waarop ze is gegeven.", "Consent cannot be withdrawn before the moment it was given."),
        [OverrideReasonMissing.Code] = new("Geef aan waarom dit doel wel of niet de gegevens van deze betrokkene verwerkt.", "State why this purpose does or does not process this data subject's data."),
        [OverrideNotFound.Code] = new("Voor dit doel is geen uitzondering vastgelegd.", "No override is recorded for this purpose."),
        [CreditReferenceRequesterMissing.Code] = new("Vermeld wie om de referentie vraagt.", "State who asks for the reference."),
        [CreditReferenceNotFound.Code] = new("Dit referentieverzoek bestaat niet.", "This reference request does not exist."),
        [CreditReferenceAlreadyAnswered.Code] = new("Dit referentieverzoek is al beantwoord.", "This reference request has already been answered."),
        [CreditReferenceReasonMissing.Code] = new("Geef een toelichting.", "Give an explanation."),
        [CreditReferenceContactRequired.Code] = new(
            "Er is twijfel over deze referentie: neem eerst contact op met de betrokkene, zoals de privacyverklaring belooft.",
            "There is doubt about this reference: contact the data subject first, as the privacy notice promises."),
    };
}
