using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Register;

/// <summary>The coded errors of the processing register, with a plain Dutch and English sentence each.</summary>
public static class RegisterErrors
{
    public static readonly Error KeyInvalid = new("register.purpose.key_invalid", "Key");
    public static readonly Error NameMissing = new("register.purpose.name_missing", "Name");
    public static readonly Error NotDraft = new("register.purpose.not_draft");
    public static readonly Error NotActive = new("register.purpose.not_active");
    public static readonly Error Retired = new("register.purpose.retired");
    public static readonly Error BasisDuplicate = new("register.purpose.basis_duplicate", "LawfulBases");
    public static readonly Error BasisNotFound = new("register.purpose.basis_not_found", "LawfulBases");
    public static readonly Error RecipientNotFound = new("register.purpose.recipient_not_found", "Recipients");
    public static readonly Error RecipientEmailInvalid = new("register.purpose.recipient_email_invalid", "Recipients");
    public static readonly Error TransferNotFound = new("register.purpose.transfer_not_found", "Transfers");
    public static readonly Error ReasonMissing = new("register.purpose.reason_missing", "Reason");
    public static readonly Error NotFound = new("register.purpose.not_found");
    public static readonly Error KeyTaken = new("register.purpose.key_taken", "Key");
    public static readonly Error SourceSystemUnknown = new("register.purpose.source_system_unknown", "SourceSystems");

    public static readonly Error BasisMissing = new("register.activation.basis_missing", "LawfulBases");
    public static readonly Error ConsentMechanismMissing = new("register.activation.consent_mechanism_missing", "LawfulBases");
    public static readonly Error ContractReferenceMissing = new("register.activation.contract_reference_missing", "LawfulBases");
    public static readonly Error LegalProvisionMissing = new("register.activation.legal_provision_missing", "LawfulBases");
    public static readonly Error VitalInterestJustificationMissing = new("register.activation.vital_interest_justification_missing", "LawfulBases");
    public static readonly Error PublicTaskLawMissing = new("register.activation.public_task_law_missing", "LawfulBases");
    public static readonly Error LiaMissing = new("register.activation.lia_missing", "LawfulBases");
    public static readonly Error LiaPurposeTestMissing = new("register.activation.lia_purpose_test_missing", "LawfulBases");
    public static readonly Error LiaNecessityTestMissing = new("register.activation.lia_necessity_test_missing", "LawfulBases");
    public static readonly Error LiaBalancingTestMissing = new("register.activation.lia_balancing_test_missing", "LawfulBases");
    public static readonly Error LiaOutcomeMissing = new("register.activation.lia_outcome_missing", "LawfulBases");
    public static readonly Error LiaReviewDateMissing = new("register.activation.lia_review_date_missing", "LawfulBases");
    public static readonly Error SpecialCategoryConditionMissing = new("register.activation.special_category_condition_missing", "SpecialCategoryData");
    public static readonly Error ExplicitConsentMissing = new("register.activation.explicit_consent_missing", "SpecialCategoryData");
    public static readonly Error CriminalDataAuthorisationMissing = new("register.activation.criminal_data_authorisation_missing", "CriminalData");
    public static readonly Error AutomatedDecisionGroundMissing = new("register.activation.automated_decision_ground_missing", "AutomatedDecisionMaking");
    public static readonly Error AutomatedDecisionExplicitConsentMissing = new("register.activation.automated_decision_explicit_consent_missing", "AutomatedDecisionMaking");
    public static readonly Error HumanInterventionMissing = new("register.activation.human_intervention_missing", "AutomatedDecisionMaking");
    public static readonly Error TransferSafeguardMissing = new("register.activation.transfer_safeguard_missing", "Transfers");
    public static readonly Error RetentionMissing = new("register.activation.retention_missing", "Retention");
    public static readonly Error RetentionPeriodInvalid = new("register.activation.retention_period_invalid", "Retention");
    public static readonly Error RetentionGroundMissing = new("register.activation.retention_ground_missing", "Retention");

    public static readonly Error LiaReviewOverdue = new("register.warning.lia_review_overdue", "LawfulBases");

    public static readonly Error ImportSectionMissing = new("register.import.section_missing");
    public static readonly Error ImportSectionUnknown = new("register.import.section_unknown");
    public static readonly Error ImportBasesDiffer = new("register.import.bases_differ");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [KeyInvalid.Code] = new(
            "De sleutel van een doel bestaat uit kleine letters, cijfers en koppeltekens.",
            "A purpose key consists of lower-case letters, digits and hyphens."),
        [NameMissing.Code] = new(
            "Een doel heeft een naam en omschrijving in het Nederlands en het Engels.",
            "A purpose needs a name and description in Dutch and English."),
        [NotDraft.Code] = new(
            "Alleen een doel in concept kan worden geactiveerd.",
            "Only a draft purpose can be activated."),
        [NotActive.Code] = new(
            "Dit doel is niet actief; alleen actieve doelen kunnen aan betrokkenen en verzoeken worden gekoppeld of worden beëindigd.",
            "This purpose is not active; only active purposes can be linked to data subjects and requests, or retired."),
        [Retired.Code] = new(
            "Een beëindigd doel kan niet meer worden gewijzigd.",
            "A retired purpose can no longer be changed."),
        [BasisDuplicate.Code] = new(
            "Dit doel heeft deze rechtsgrond al.",
            "This purpose already has this lawful basis."),
        [BasisNotFound.Code] = new(
            "Dit doel heeft deze rechtsgrond niet.",
            "This purpose does not have this lawful basis."),
        [RecipientNotFound.Code] = new(
            "Deze ontvanger staat niet bij dit doel.",
            "This recipient is not listed for this purpose."),
        [RecipientEmailInvalid.Code] = new(
            "Het e-mailadres van ontvanger '{recipient}' is geen geldig e-mailadres; vul een adres in zoals privacy@ontvanger.nl, of laat het leeg.",
            "The e-mail address of recipient '{recipient}' is not a valid e-mail address; enter one such as privacy@recipient.com, or leave it empty."),
        [TransferNotFound.Code] = new(
            "Deze doorgifte staat niet bij dit doel.",
            "This transfer is not listed for this purpose."),
        [ReasonMissing.Code] = new(
            "Geef een reden op.",
            "Give a reason."),
        [NotFound.Code] = new(
            "Dit doel staat niet (meer) in het register.",
            "This purpose is not in the register."),
        [KeyTaken.Code] = new(
            "Er staat al een doel met deze sleutel in het register.",
            "The register already holds a purpose with this key."),
        [SourceSystemUnknown.Code] = new(
            "Het bronsysteem '{system}' bestaat niet; voeg het eerst toe onder Beheer > Bronsystemen.",
            "The source system '{system}' does not exist; add it first under Administration > Source systems."),
        [BasisMissing.Code] = new(
            "Het doel heeft geen rechtsgrond (art. 6 lid 1 AVG). Alleen geanonimiseerde gegevens hebben er geen nodig.",
            "The purpose has no lawful basis (Art. 6(1) GDPR). Only anonymised data need none."),
        [ConsentMechanismMissing.Code] = new(
            "Bij toestemming moet zijn vastgelegd hoe toestemming wordt verkregen en hoe die wordt ingetrokken.",
            "For consent, record how consent is obtained and how it is withdrawn."),
        [ContractReferenceMissing.Code] = new(
            "Bij overeenkomst moet zijn vastgelegd voor welke overeenkomst of dienst de verwerking nodig is.",
            "For contract, record which contract or service the processing is necessary for."),
        [LegalProvisionMissing.Code] = new(
            "Bij wettelijke verplichting moet de wetsbepaling zijn vastgelegd (wet en artikel, bijvoorbeeld Wwft art. 33).",
            "For legal obligation, record the legal provision (statute and article, e.g. Wwft art. 33)."),
        [VitalInterestJustificationMissing.Code] = new(
            "Bij vitaal belang moet een schriftelijke onderbouwing zijn vastgelegd.",
            "For vital interests, record a written justification."),
        [PublicTaskLawMissing.Code] = new(
            "Bij een taak van algemeen belang moet de wet zijn vastgelegd die de taak opdraagt.",
            "For a public task, record the law that lays down the task."),
        [LiaMissing.Code] = new(
            "Bij gerechtvaardigd belang ontbreekt de belangenafweging (LIA).",
            "For legitimate interest, the legitimate-interest assessment (LIA) is missing."),
        [LiaPurposeTestMissing.Code] = new(
            "In de belangenafweging ontbreekt de doeltoets.",
            "The legitimate-interest assessment lacks the purpose test."),
        [LiaNecessityTestMissing.Code] = new(
            "In de belangenafweging ontbreekt de noodzakelijkheidstoets.",
            "The legitimate-interest assessment lacks the necessity test."),
        [LiaBalancingTestMissing.Code] = new(
            "In de belangenafweging ontbreekt de afweging van belangen.",
            "The legitimate-interest assessment lacks the balancing test."),
        [LiaOutcomeMissing.Code] = new(
            "In de belangenafweging ontbreekt de uitkomst.",
            "The legitimate-interest assessment lacks its outcome."),
        [LiaReviewDateMissing.Code] = new(
            "In de belangenafweging ontbreekt de datum waarop die opnieuw wordt beoordeeld.",
            "The legitimate-interest assessment lacks a review date."),
        [SpecialCategoryConditionMissing.Code] = new(
            "Er worden bijzondere persoonsgegevens verwerkt zonder uitzonderingsgrond van art. 9 lid 2 AVG.",
            "Special-category data are processed without an Art. 9(2) GDPR condition."),
        [ExplicitConsentMissing.Code] = new(
            "Bijzondere persoonsgegevens op basis van toestemming vereisen uitdrukkelijke toestemming.",
            "Special-category data processed on consent need explicit consent."),
        [CriminalDataAuthorisationMissing.Code] = new(
            "Er worden strafrechtelijke gegevens verwerkt zonder de wettelijke grondslag van art. 10 AVG (bijvoorbeeld een artikel van de UAVG).",
            "Criminal-offence data are processed without the legal authorisation Art. 10 GDPR requires (e.g. a UAVG article)."),
        [AutomatedDecisionGroundMissing.Code] = new(
            "Uitsluitend geautomatiseerde besluiten met rechtsgevolg of aanmerkelijk gevolg hebben een grond van art. 22 lid 2 AVG nodig: overeenkomst, wet of uitdrukkelijke toestemming.",
            "Solely automated decisions with legal or similarly significant effect need an Art. 22(2) GDPR ground: contract, law or explicit consent."),
        [AutomatedDecisionExplicitConsentMissing.Code] = new(
            "Geautomatiseerde besluiten op grond van uitdrukkelijke toestemming vereisen een rechtsgrond toestemming die uitdrukkelijk wordt gevraagd.",
            "Automated decisions on explicit consent need a consent basis that asks for explicit consent."),
        [HumanInterventionMissing.Code] = new(
            "Bij geautomatiseerde besluiten moet zijn vastgelegd hoe de betrokkene menselijke tussenkomst krijgt, zijn standpunt geeft en het besluit aanvecht.",
            "For automated decisions, record how the subject obtains human intervention, gives their view and contests the decision."),
        [TransferSafeguardMissing.Code] = new(
            "De doorgifte aan {recipient} in {country} (buiten de EER) heeft geen waarborg: adequaatheidsbesluit, modelcontractbepalingen, bindende bedrijfsvoorschriften of uitzondering.",
            "The transfer to {recipient} in {country} (outside the EEA) has no safeguard: adequacy decision, standard contractual clauses, binding corporate rules or derogation."),
        [RetentionMissing.Code] = new(
            "Het doel heeft geen bewaartermijn.",
            "The purpose has no retention period."),
        [RetentionPeriodInvalid.Code] = new(
            "De bewaartermijn moet langer dan nul zijn.",
            "The retention period must be longer than zero."),
        [RetentionGroundMissing.Code] = new(
            "Bij de bewaartermijn ontbreekt de grond ervoor.",
            "The retention period lacks its ground."),
        [LiaReviewOverdue.Code] = new(
            "De belangenafweging had op {reviewDate} opnieuw beoordeeld moeten worden.",
            "The legitimate-interest assessment was due for review on {reviewDate}."),
        [ImportSectionMissing.Code] = new(
            "Het doel '{key}' staat niet (meer) in de privacyverklaring; de verklaring en het register lopen uiteen.",
            "The purpose '{key}' is not in the privacy notice; the notice and the register disagree."),
        [ImportSectionUnknown.Code] = new(
            "De privacyverklaring noemt een doel dat niet in het register is uitgewerkt: '{heading}'.",
            "The privacy notice names a purpose the register has not worked out: '{heading}'."),
        [ImportBasesDiffer.Code] = new(
            "Voor het doel '{key}' noemt de privacyverklaring de rechtsgronden {notice}, het register {curated}.",
            "For the purpose '{key}' the privacy notice names the lawful bases {notice}, the register {curated}."),
    };
}
