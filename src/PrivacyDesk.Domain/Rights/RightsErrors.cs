using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Rights;

/// <summary>The coded errors of the rights rules, with a plain Dutch and English sentence each.</summary>
public static class RightsErrors
{
    public static readonly Error PurposeMismatch = new("rights.decision.purpose_mismatch");
    public static readonly Error ReasonsMissing = new("rights.decision.reasons_missing", "Reasons");
    public static readonly Error GroundMissing = new("rights.decision.ground_missing", "Ground");
    public static readonly Error GroundNotAllowed = new("rights.decision.ground_not_allowed", "Ground");
    public static readonly Error DemonstrationMissing = new("rights.decision.demonstration_missing", "Demonstration");
    public static readonly Error NationalRestrictionReferenceMissing = new("rights.decision.national_restriction_reference_missing", "Reference");
    public static readonly Error DirectMarketingObjectionRefused = new("rights.decision.direct_marketing_objection_refused");
    public static readonly Error ConsentWithdrawalRefused = new("rights.decision.consent_withdrawal_refused");
    public static readonly Error ConsentProcessingContinued = new("rights.decision.consent_processing_continued");
    public static readonly Error AutomatedDecisionReviewRefused = new("rights.decision.automated_decision_review_refused");
    public static readonly Error ErasureUnderRetentionObligation = new("rights.decision.erasure_under_retention_obligation");
    public static readonly Error RetentionGroundWithoutLegalObligation = new("rights.decision.retention_ground_without_legal_obligation", "Ground");
    public static readonly Error RetentionObligationEnded = new("rights.decision.retention_obligation_ended", "Ground");
    public static readonly Error ObjectionGroundWithoutLegitimateInterest = new("rights.decision.objection_ground_without_legitimate_interest", "Ground");
    public static readonly Error ErasureOfConsentDataRefused = new("rights.decision.erasure_of_consent_data_refused", "Ground");
    public static readonly Error NotApplicableRefused = new("rights.decision.not_applicable_refused");
    public static readonly Error ObjectionNotApplicableRefused = new("rights.decision.objection_not_applicable_refused");
    public static readonly Error ObjectionOtherBasisContinues = new("rights.decision.objection_other_basis_continues");
    public static readonly Error RemainingBasisMissing = new("rights.decision.remaining_basis_missing", "RemainingBases");
    public static readonly Error RemainingBasisInvalid = new("rights.decision.remaining_basis_invalid", "RemainingBases");
    public static readonly Error PortabilityBasisNotAllowed = new("rights.decision.portability_basis_not_allowed");
    public static readonly Error PortabilityNotAutomated = new("rights.decision.portability_not_automated");
    public static readonly Error PortabilityCategoriesMissing = new("rights.decision.portability_categories_missing", "PortableDataCategories");
    public static readonly Error PortabilityCategoryUnknown = new("rights.decision.portability_category_unknown", "PortableDataCategories");
    public static readonly Error PortabilityOfDataNotProvided = new("rights.decision.portability_of_data_not_provided", "PortableDataCategories");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [PurposeMismatch.Code] = new("Het besluit, de beoordeling en het doel horen niet bij elkaar.", "The decision, the assessment and the purpose do not belong together."),
        [ReasonsMissing.Code] = new("Geef de redenen die de brief aan de betrokkene noemt (art. 12 lid 4 AVG).", "Give the reasons the letter tells the data subject (Art. 12(4) GDPR)."),
        [GroundMissing.Code] = new("Een weigering heeft een grond nodig.", "A refusal needs a ground."),
        [GroundNotAllowed.Code] = new("De grond {ground} kan het recht {right} niet weigeren.", "The ground {ground} cannot refuse the right {right}."),
        [DemonstrationMissing.Code] = new(
            "Bij een kennelijk ongegrond of buitensporig verzoek moet u dat kunnen aantonen (art. 12 lid 5 AVG): leg het bewijs vast.",
            "For a manifestly unfounded or excessive request you must be able to demonstrate it (Art. 12(5) GDPR): record the evidence."),
        [NationalRestrictionReferenceMissing.Code] = new(
            "Noem de wettelijke beperking waarop de weigering berust (art. 23 AVG, bijvoorbeeld UAVG art. 41).",
            "Name the statutory restriction the refusal rests on (Art. 23 GDPR, e.g. UAVG art. 41)."),
        [DirectMarketingObjectionRefused.Code] = new(
            "Bezwaar tegen direct marketing mag niet worden geweigerd: de marketingverwerking stopt volledig (art. 21 lid 2 en 3 AVG).",
            "An objection to direct marketing may not be refused: marketing processing stops entirely (Art. 21(2)-(3) GDPR)."),
        [ConsentWithdrawalRefused.Code] = new(
            "Intrekking van toestemming mag niet worden geweigerd (art. 7 lid 3 AVG).",
            "Withdrawal of consent may not be refused (Art. 7(3) GDPR)."),
        [ConsentProcessingContinued.Code] = new(
            "Na intrekking van de toestemming mag de verwerking op basis van toestemming niet doorgaan, ook niet op een andere grondslag voor hetzelfde doel.",
            "After consent is withdrawn, processing on consent may not continue, nor be switched to another basis for the same purpose."),
        [AutomatedDecisionReviewRefused.Code] = new(
            "Dit doel neemt uitsluitend geautomatiseerde besluiten: menselijke tussenkomst, het standpunt van de betrokkene en het aanvechten mogen niet worden geweigerd (art. 22 lid 3 AVG).",
            "This purpose takes solely automated decisions: human intervention, the subject's view and contesting may not be refused (Art. 22(3) GDPR)."),
        [ErasureUnderRetentionObligation.Code] = new(
            "Deze gegevens moeten op grond van {provision} worden bewaard tot {until}; wissen is niet toegestaan. Beperk de verwerking tot die verplichting (art. 17 lid 3 onder b AVG).",
            "These data must be kept under {provision} until {until}; erasing them is not allowed. Restrict processing to that obligation (Art. 17(3)(b) GDPR)."),
        [RetentionGroundWithoutLegalObligation.Code] = new(
            "Dit doel berust niet op een wettelijke verplichting of taak van algemeen belang; art. 17 lid 3 onder b is geen grond om te weigeren.",
            "This purpose does not rest on a legal obligation or public task; Art. 17(3)(b) is no ground to refuse."),
        [RetentionObligationEnded.Code] = new(
            "De wettelijke bewaartermijn is verstreken; er is geen bewaarplicht meer om het wissen te weigeren.",
            "The legal retention period has ended; there is no duty to keep left to refuse erasure."),
        [ObjectionGroundWithoutLegitimateInterest.Code] = new(
            "Dwingende gerechtvaardigde gronden of rechtsvorderingen kunnen alleen een bezwaar weigeren bij gerechtvaardigd belang of een taak van algemeen belang (art. 21 lid 1 AVG).",
            "Compelling legitimate grounds or legal claims can only refuse an objection on legitimate interest or public task (Art. 21(1) GDPR)."),
        [ErasureOfConsentDataRefused.Code] = new(
            "Gegevens die alleen op toestemming berusten, moeten na intrekking worden gewist; 'nog nodig' is geen grond (art. 17 lid 1 onder b AVG).",
            "Data that rest only on consent must be erased after withdrawal; 'still necessary' is no ground (Art. 17(1)(b) GDPR)."),
        [NotApplicableRefused.Code] = new(
            "Het recht is op dit doel van toepassing; 'niet van toepassing' is niet juist.",
            "The right applies to this purpose; 'not applicable' is not correct."),
        [ObjectionNotApplicableRefused.Code] = new(
            "Een bezwaar tegen verwerking op grond van gerechtvaardigd belang of algemeen belang wordt gehonoreerd, of afgewezen met dwingende gerechtvaardigde gronden of een rechtsvordering; 'niet van toepassing' kan niet (art. 21 lid 1 AVG).",
            "An objection to processing on legitimate interest or public task is upheld, or refused with compelling legitimate grounds or legal claims; 'not applicable' is not possible (Art. 21(1) GDPR)."),
        [ObjectionOtherBasisContinues.Code] = new(
            "Het bezwaar kan alleen de verwerking op grond van gerechtvaardigd of algemeen belang stoppen; op grond van {bases} gaat de verwerking door. Kies 'gedeeltelijk' (art. 21 lid 1 AVG).",
            "The objection can only stop the processing on legitimate interest or public task; processing continues on {bases}. Choose 'partly' (Art. 21(1) GDPR)."),
        [RemainingBasisMissing.Code] = new(
            "Noem de rechtsgrond waarop de verwerking gedeeltelijk doorgaat.",
            "Name the lawful basis on which processing partly continues."),
        [RemainingBasisInvalid.Code] = new(
            "De genoemde rechtsgrond is geen rechtsgrond van dit doel.",
            "The basis named is not a basis of this purpose."),
        [PortabilityBasisNotAllowed.Code] = new(
            "Overdraagbaarheid geldt alleen voor verwerking op basis van toestemming of overeenkomst (art. 20 lid 1 onder a AVG).",
            "Portability only applies to processing on consent or contract (Art. 20(1)(a) GDPR)."),
        [PortabilityNotAutomated.Code] = new(
            "Overdraagbaarheid geldt alleen voor geautomatiseerde verwerking (art. 20 lid 1 onder b AVG).",
            "Portability only applies to processing by automated means (Art. 20(1)(b) GDPR)."),
        [PortabilityCategoriesMissing.Code] = new(
            "Noem de gegevenscategorieën die worden overgedragen.",
            "Name the data categories to be handed over."),
        [PortabilityCategoryUnknown.Code] = new(
            "De categorie '{category}' hoort niet bij dit doel.",
            "The category '{category}' does not belong to this purpose."),
        [PortabilityOfDataNotProvided.Code] = new(
            "De categorie '{category}' is niet door de betrokkene verstrekt (afgeleid of van derden) en valt niet onder overdraagbaarheid.",
            "The category '{category}' was not provided by the data subject (inferred, derived or from third parties) and is not portable."),
    };
}
