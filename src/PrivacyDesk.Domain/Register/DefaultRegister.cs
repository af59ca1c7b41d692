namespace PrivacyDesk.Domain.Register;

/// <summary>
/// One purpose of the privacy notice as the privacy office worked it out: the notice's heading, the
/// bases the notice names ("Art. 6 Par. 1 lit. x"), and the full register entry.
/// </summary>
/// <param name="BasesNamedInNotice">What the notice text cites; the import fails when the notice says otherwise.</param>
/// <param name="Interpretation">Why the entry holds a basis the notice does not cite, when it does.</param>
public sealed record CuratedPurpose(
    string Heading,
    IReadOnlyList<LawfulBasisKind> BasesNamedInNotice,
    PurposeDefinition Definition,
    string? Interpretation = null);

/// <summary>
/// The default register: every purpose of the firm's privacy notice (shared/seed/privacy-notice-nl.txt),
/// with the evidence the office recorded for it. Only "Beveiliging" lacks a basis, because the notice names none.
/// </summary>
public static class DefaultRegister
{
    private static readonly DateOnly LiaReview = new(2027, 6, 30);

    private static readonly Recipient Crm = new("Klantenservice en accountbeheer (intern)", RecipientKind.Internal, "NL");
    private static readonly Recipient Compliance = new("Compliance en risicobeheer (intern)", RecipientKind.Internal, "NL");
    private static readonly Recipient IdentityCheck = new("IDnow GmbH (identiteitsverificatie)", RecipientKind.IdentityCheckProvider, "DE");
    private static readonly Recipient CreditBureau = new("Experian Nederland B.V.", RecipientKind.CreditBureau, "NL");
    private static readonly Recipient Afm = new("Autoriteit Financiële Markten (AFM)", RecipientKind.Regulator, "NL");
    private static readonly Recipient Dnb = new("De Nederlandsche Bank (DNB)", RecipientKind.Regulator, "NL");
    private static readonly Recipient Fiu = new("FIU-Nederland", RecipientKind.Regulator, "NL");
    private static readonly Recipient Hosting = new("Microsoft Ireland Operations Ltd (cloudhosting)", RecipientKind.Processor, "IE");
    private static readonly Recipient MarketingPlatform = new("Salesforce Marketing Cloud (verwerker)", RecipientKind.Processor, "IE");
    private static readonly Recipient SurveyTool = new("Qualtrics (enquêteplatform, verwerker)", RecipientKind.Processor, "IE");
    private static readonly Recipient Security = new("Beveiligingsbedrijf receptie en camerabewaking (verwerker)", RecipientKind.Processor, "NL");

    private static readonly Transfer ToUsMarketing = new(
        "Salesforce, Inc.", "US", TransferSafeguard.AdequacyDecision, "EU-US Data Privacy Framework (adequaatheidsbesluit 10 juli 2023)");
    private static readonly Transfer ToUsSurveys = new(
        "Qualtrics LLC", "US", TransferSafeguard.StandardContractualClauses, "Modelcontractbepalingen 2021/914, module 3, met transfer impact assessment");

    private static readonly DataCategory Identification = new("Identificatiegegevens (naam, geboortedatum, adres, nationaliteit)", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory IdDocument = new("Kopie identiteitsbewijs (BSN en foto afgeschermd)", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Contact = new("Contactgegevens (e-mail, telefoon)", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Financial = new("Financiële gegevens (inkomen, vermogen, herkomst van middelen)", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Experience = new("Beleggingservaring en -kennis (passendheidstoets)", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Transactions = new("Rekening- en transactiegegevens", DataOrigin.ObservedFromUse);
    private static readonly DataCategory Correspondence = new("Correspondentie en gespreksopnamen", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Usage = new("Gebruiksgegevens van website, app en e-mails", DataOrigin.ObservedFromUse);
    private static readonly DataCategory CreditCheck = new("Uitkomsten krediet- en identiteitscontroles", DataOrigin.ThirdParty);
    private static readonly DataCategory Profile = new("Klantprofiel en risicoscores", DataOrigin.InferredOrDerived);
    private static readonly DataCategory SurveyAnswers = new("Antwoorden op enquêtes", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Preferences = new("Marketingvoorkeuren", DataOrigin.ProvidedBySubject);
    private static readonly DataCategory Images = new("Camerabeelden", DataOrigin.ObservedFromUse);
    private static readonly DataCategory VisitorLog = new("Bezoekersregistratie (naam, bedrijf, tijdstip)", DataOrigin.ProvidedBySubject);

    private const string CrmSystem = "CRM";
    private const string CoreSystem = "Handelsplatform en kernadministratie";
    private const string KycTool = "KYC-tool";
    private const string MarketingSystem = "Marketingplatform";
    private const string DataWarehouse = "Datawarehouse";
    private const string Archive = "Archief";

    private static readonly RetentionPeriod WwftRetention = new(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd,
        "5 jaar na het einde van de zakelijke relatie, Wwft art. 33");
    private static readonly RetentionPeriod BookkeepingRetention = new(7, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd,
        "7 jaar na het einde van de relatie, administratieplicht BW art. 2:10 lid 3 en AWR art. 52 lid 4");

    public static IReadOnlyList<CuratedPurpose> Purposes { get; } =
    [
        new("Voor het controleren van uw identiteit en het openen en beheren van uw rekening",
            [LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation],
            new PurposeDefinition("identity-verification",
                new("Controleren van uw identiteit en openen en beheren van uw rekening", "Verifying your identity and opening and managing your account"),
                new("Cliëntenonderzoek (KYC) bij het aanmelden als klant en het beheren van de rekening, waaronder krediet- en identiteitsonderzoek door externe partijen.",
                    "Customer due diligence (KYC) when onboarding and managing the account, including credit and identity checks by external parties."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Weten wie onze klanten zijn en fraude en misbruik van rekeningen voorkomen.",
                        "Zonder identiteitscontrole kan geen rekening veilig worden geopend of beheerd; er is geen minder ingrijpend middel.",
                        "Klanten verwachten identiteitscontrole bij een financiële instelling; gegevens worden beperkt tot wat nodig is en goed beveiligd.")),
                    LawfulBasis.LegalObligation("Wwft art. 3 (cliëntenonderzoek) en Wwft art. 33 (bewaarplicht)"),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.Prospect],
                DataCategories = [Identification, IdDocument, Contact, Financial, CreditCheck],
                Recipients = [Compliance, IdentityCheck, CreditBureau],
                SourceSystems = [KycTool, CrmSystem],
                Retention = WwftRetention,
                IsProcessedByAutomatedMeans = true,
            }),

        new("Voor het verschaffen van producten en diensten aan u, of informatie over onze producten en diensten, en om uw behoeften voortdurend te beoordelen",
            [LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("products-and-services",
                new("Verschaffen van producten en diensten en beoordelen van uw behoeften", "Providing products and services and assessing your needs"),
                new("Uitvoeren van de rekeningovereenkomst, updates en webinars, en regelmatig beoordelen welke producten en diensten bij u passen.",
                    "Performing the account agreement, updates and webinars, and regularly assessing which products and services suit you."))
            {
                LawfulBases =
                [
                    LawfulBasis.Contract("Klantovereenkomst (rekening en handelsdiensten) en aanmelding voor updates of webinars"),
                    LawfulBasis.LegitimateInterest(Lia(
                        "De beste producten en diensten leveren en weten wat klanten nodig hebben.",
                        "Behoeften kunnen alleen worden beoordeeld met gegevens over het gebruik van onze diensten.",
                        "Beperkt tot bestaande klanten en aanmeldingen; geen gegevens van derden; bezwaar is altijd mogelijk.")),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.Prospect, SubjectCategory.WebinarParticipant, SubjectCategory.NewsletterSubscriber],
                DataCategories = [Identification, Contact, Transactions, Correspondence],
                Recipients = [Crm, Hosting],
                SourceSystems = [CrmSystem, CoreSystem],
                Retention = BookkeepingRetention,
                IsProcessedByAutomatedMeans = true,
            },
            "The notice cites only lit. f, but 'om onze diensten uit te voeren en te voldoen aan onze verplichtingen jegens u' is performance of a contract: the register adds basis (b)."),

        new("Voor hulp bij het verbeteren van onze producten en diensten, waaronder klantenservicediensten, en het ontwikkelen en op de markt brengen van nieuwe producten en diensten",
            [LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("product-improvement",
                new("Verbeteren van producten en diensten en ontwikkelen van nieuwe", "Improving products and services and developing new ones"),
                new("Gebruik van gegevens uit het gebruik van de diensten en uit klantenquêtes om producten, diensten en klantenservice te verbeteren.",
                    "Using data from the use of the services and from customer surveys to improve products, services and customer service."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Producten en klantenservice verbeteren en marktleider blijven.",
                        "Verbeteringen vereisen inzicht in hoe klanten de diensten gebruiken; waar mogelijk worden gegevens geaggregeerd.",
                        "Geen besluiten over individuele klanten; gepseudonimiseerde analyse; beperkte toegang.")),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.SurveyRespondent],
                DataCategories = [Usage, Transactions, SurveyAnswers],
                Recipients = [Hosting],
                SourceSystems = [DataWarehouse, CrmSystem],
                Retention = new(2, RetentionUnit.Years, RetentionStart.AfterCollection, "2 jaar na verzameling; daarna niet meer nodig voor productverbetering (AVG art. 5(1)(e))"),
                IsProcessedByAutomatedMeans = true,
            }),

        new("Voor het samenstellen van een profiel van u",
            [LawfulBasisKind.LegalObligation, LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("profiling",
                new("Samenstellen van een profiel van u", "Building a profile of you"),
                new("Profielen om klanten te begrijpen, en geautomatiseerde profilering en kredietonderzoeken die bepalen of u van onze diensten gebruik kunt maken.",
                    "Profiles to understand customers, and automated profiling and credit checks that decide whether you can use our services."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegalObligation("Wft art. 4:24a (passendheidstoets) en Wwft art. 3 lid 2 (risicogebaseerd cliëntenonderzoek)"),
                    LawfulBasis.LegitimateInterest(Lia(
                        "Klanten begrijpen en diensten aanbieden die passen bij hun kennis, ervaring en financiële positie.",
                        "Een profiel is nodig om passende diensten te leveren; alleen relevante gegevens worden gebruikt.",
                        "Geautomatiseerde besluiten alleen met menselijke tussenkomst op verzoek; uitleg van de logica in de privacyverklaring.")),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.Prospect],
                DataCategories = [Financial, Experience, Transactions, CreditCheck, Profile],
                Recipients = [Compliance, CreditBureau],
                SourceSystems = [CrmSystem, CoreSystem, KycTool],
                Retention = WwftRetention,
                AutomatedDecisionMaking = new(
                    InvolvesProfiling: true,
                    SolelyAutomatedWithSignificantEffect: true,
                    Ground: AutomatedDecisionGround.ContractNecessity,
                    HumanInterventionRoute: "Bezwaar via klantenservice (telefoon of e-mail); een medewerker van de afdeling Onboarding beoordeelt het besluit opnieuw, hoort het standpunt van de klant en neemt een nieuw besluit.",
                    Logic: "De passendheidstoets en het kredietonderzoek combineren antwoorden over kennis en ervaring met de uitkomst van het kredietbureau; onder een drempelscore wordt de rekening niet of beperkt geopend."),
                IsProcessedByAutomatedMeans = true,
            }),

        new("Voor het onderzoeken of beslechten van kwesties of geschillen",
            [LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("disputes",
                new("Onderzoeken of beslechten van kwesties of geschillen", "Investigating or resolving issues or disputes"),
                new("Gebruik van gegevens om klachten en geschillen met u te onderzoeken en op te lossen.",
                    "Using data to investigate and resolve complaints and disputes with you."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Problemen en geschillen snel en efficiënt onderzoeken en oplossen, en rechtsvorderingen instellen of verdedigen.",
                        "Een geschil kan niet worden beoordeeld zonder de gegevens waarover het gaat.",
                        "Ook in het belang van de klant; alleen gegevens die met het geschil te maken hebben.")),
                ],
                SubjectCategories = [SubjectCategory.Customer],
                DataCategories = [Identification, Contact, Transactions, Correspondence],
                Recipients = [Compliance, new("Klachteninstituut Financiële Dienstverlening (Kifid)", RecipientKind.OtherThirdParty, "NL")],
                SourceSystems = [CrmSystem, CoreSystem, Archive],
                Retention = new(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "5 jaar na het einde van de relatie, verjaringstermijn BW art. 3:307 en 3:310"),
            }),

        new("Voor het voldoen aan toepasselijke wetgeving, gerechtelijke bevelen, overige gerechtelijke procedures of de vereisten van toepasselijke toezichthouders",
            [LawfulBasisKind.LegalObligation, LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("legal-compliance",
                new("Voldoen aan wetgeving, gerechtelijke bevelen en eisen van toezichthouders", "Complying with law, court orders and regulators' requirements"),
                new("Verstrekken en bewaren van gegevens om te voldoen aan wetgeving, gerechtelijke bevelen en vorderingen van toezichthouders.",
                    "Providing and keeping data to comply with law, court orders and demands of regulators."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegalObligation("Wwft art. 16 (melding ongebruikelijke transacties) en Wwft art. 33; Wft art. 4:14; Awb art. 5:20 (medewerkingsplicht toezicht)"),
                    LawfulBasis.LegitimateInterest(Lia(
                        "Samenwerken met toezichthouders en justitie waar geen strikte plicht bestaat.",
                        "Alleen de gegevens die de vordering of het verzoek betreft.",
                        "Verstrekking alleen na toets door Legal; de klant verwacht dat een financiële instelling met toezichthouders samenwerkt.")),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.Prospect],
                DataCategories = [Identification, Transactions, Correspondence, Financial],
                Recipients = [Compliance, Afm, Dnb, Fiu],
                SourceSystems = [CoreSystem, CrmSystem, KycTool, Archive],
                Retention = WwftRetention,
            }),

        new("Voor het verschaffen van referenties over u",
            [LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation],
            new PurposeDefinition("credit-references",
                new("Verschaffen van referenties over u", "Providing references about you"),
                new("Beantwoorden van verzoeken van kredietbureaus om een kredietreferentie bij krediet- en identiteitscontroles; bij twijfel nemen wij eerst contact met u op.",
                    "Answering requests from credit bureaus for a credit reference in credit and identity checks; when in doubt we contact you first."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Meewerken aan betrouwbare krediet- en identiteitscontroles in de financiële sector.",
                        "Alleen de bevestiging van gegevens die de verzoeker al heeft; geen transactiegegevens.",
                        "Bij twijfel wordt de klant eerst gevraagd (belofte in de privacyverklaring), zodat diens belang niet wordt overschreden.")),
                    LawfulBasis.LegalObligation("Wwft art. 5 (cliëntenonderzoek door derden) en Wft art. 4:34 (kredietwaardigheidsonderzoek)"),
                ],
                SubjectCategories = [SubjectCategory.Customer],
                DataCategories = [Identification, Transactions],
                Recipients = [CreditBureau],
                SourceSystems = [CrmSystem, CoreSystem],
                Retention = WwftRetention,
            }),

        new("Voor het verzenden van enquêtes aan u",
            [LawfulBasisKind.LegitimateInterest, LawfulBasisKind.Consent],
            new PurposeDefinition("surveys",
                new("Verzenden van enquêtes", "Sending you surveys"),
                new("Klantfeedbackenquêtes (gerechtvaardigd belang) en andere enquêtes met toestemming; antwoorden worden geanonimiseerd voordat resultaten met externe partijen worden gedeeld.",
                    "Customer feedback surveys (legitimate interest) and other surveys with consent; answers are anonymised before results are shared with external parties."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Feedback vragen om de dienstverlening te verbeteren.",
                        "Feedback van klanten zelf is het enige middel om hun ervaring te kennen.",
                        "Deelname is vrijwillig; resultaten worden geanonimiseerd gedeeld; afmelden kan in elke enquête.")),
                    LawfulBasis.Consent(new(
                        "Opt-in in de uitnodiging voor de enquête (aankruisvak met versie van de tekst), vastgelegd per betrokkene.",
                        "Afmeldlink in elke enquête-e-mail, of via klantenservice; intrekking wordt direct in het enquêteplatform verwerkt.",
                        IsExplicit: false)),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.SurveyRespondent],
                DataCategories = [Contact, SurveyAnswers],
                Recipients = [SurveyTool],
                Transfers = [ToUsSurveys],
                SourceSystems = [CrmSystem, "Enquêteplatform"],
                Retention = new(12, RetentionUnit.Months, RetentionStart.AfterCollection, "12 maanden na de enquête; daarna alleen geanonimiseerde resultaten (AVG art. 5(1)(e))"),
                IsProcessedByAutomatedMeans = true,
            }),

        new("Gegevensanalyse",
            [LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("data-analysis",
                new("Gegevensanalyse", "Data analysis"),
                new("Webbakens en pixeltags in webpagina's en e-mails om ontvangst en bezoek te meten. Volledig geanonimiseerde gegevens vallen buiten de AVG; voor niet-geanonimiseerde gegevens geldt gerechtvaardigd belang.",
                    "Web beacons and pixel tags in web pages and e-mails to measure receipt and visits. Fully anonymised data fall outside the GDPR; non-anonymised data rest on legitimate interest."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Beoordelen of onze producten, diensten en communicatie relevant zijn voor de markt.",
                        "Meting is nodig om bereik te kennen; waar mogelijk wordt direct geanonimiseerd.",
                        "Alleen analytische meting met beperkte inbreuk; IP-adressen worden ingekort; toestemming voor niet-analytische cookies via de cookiebanner.")),
                ],
                SubjectCategories = [SubjectCategory.WebsiteVisitor, SubjectCategory.Customer, SubjectCategory.NewsletterSubscriber],
                DataCategories = [Usage],
                Recipients = [Hosting],
                SourceSystems = ["Webanalyseplatform", MarketingSystem],
                Retention = new(13, RetentionUnit.Months, RetentionStart.AfterCollection, "13 maanden na verzameling, Telecommunicatiewet art. 11.7a en richtsnoer analytische cookies van de AP"),
                IsProcessedByAutomatedMeans = true,
            }),

        new("Marketing door ons",
            [LawfulBasisKind.LegitimateInterest, LawfulBasisKind.Consent],
            new PurposeDefinition("direct-marketing",
                new("Marketing door ons", "Marketing by us"),
                new("Marketingcommunicatie per e-mail, telefoon of andere overeengekomen vormen, waaronder socialemediacampagnes, over onze nieuwste producten en diensten.",
                    "Marketing communications by e-mail, phone or other agreed channels, including social media campaigns, about our latest products and services."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Bestaande klanten informeren over vergelijkbare producten en diensten.",
                        "Alleen contactgegevens en voorkeuren; geen gevoelige gegevens.",
                        "Alleen bestaande klanten voor eigen vergelijkbare producten (Telecommunicatiewet art. 11.7 lid 3); afmelden in elk bericht.")),
                    LawfulBasis.Consent(new(
                        "Opt-in bij aanmelding voor de nieuwsbrief of in de app (aankruisvak, kanaal en versie van de tekst vastgelegd).",
                        "Afmeldlink in elk bericht, instellingen in de app of via klantenservice.",
                        IsExplicit: false)),
                ],
                SubjectCategories = [SubjectCategory.Customer, SubjectCategory.Prospect, SubjectCategory.NewsletterSubscriber, SubjectCategory.WebinarParticipant],
                DataCategories = [Contact, Preferences, Usage],
                Recipients = [MarketingPlatform],
                Transfers = [ToUsMarketing],
                SourceSystems = [MarketingSystem, CrmSystem],
                Retention = new(2, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "2 jaar na het laatste contact of het einde van de relatie (AVG art. 5(1)(e))"),
                IsDirectMarketing = true,
                IsProcessedByAutomatedMeans = true,
            }),

        new("Interne zakelijke doeleinden en gegevensregistratie",
            [LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation, LawfulBasisKind.Contract],
            new PurposeDefinition("internal-records",
                new("Interne zakelijke doeleinden en gegevensregistratie", "Internal business purposes and record keeping"),
                new("Interne zaken, onderzoek en registratie van alle communicatie over de diensten en de relatie, en dossiervorming over de naleving van de overeenkomst.",
                    "Internal affairs, research and recording of all communication about the services and the relationship, and records on compliance with the agreement."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Een ordelijke bedrijfsvoering en volledige dossiers.",
                        "Zonder registratie kan de firma haar dienstverlening niet verantwoorden.",
                        "Toegang beperkt tot wie het nodig heeft; bewaartermijnen worden bewaakt.")),
                    LawfulBasis.LegalObligation("BW art. 2:10 (administratieplicht), AWR art. 52 en MiFID II art. 16 lid 6-7 (vastleggen van communicatie)"),
                    LawfulBasis.Contract("Klantovereenkomst: vastleggen dat de klant zijn verplichtingen uit de overeenkomst nakomt"),
                ],
                SubjectCategories = [SubjectCategory.Customer],
                DataCategories = [Identification, Contact, Transactions, Correspondence],
                Recipients = [Crm, Compliance, Hosting],
                SourceSystems = [CrmSystem, CoreSystem, Archive],
                Retention = BookkeepingRetention,
                IsProcessedByAutomatedMeans = true,
            }),

        new("Bedrijfsherstructurering",
            [LawfulBasisKind.LegitimateInterest],
            new PurposeDefinition("business-restructuring",
                new("Bedrijfsherstructurering", "Business restructuring"),
                new("Gebruik en bekendmaking van gegevens bij een herstructurering of overname, waaronder een due-diligenceonderzoek.",
                    "Use and disclosure of data in a restructuring or acquisition, including due diligence."))
            {
                LawfulBases =
                [
                    LawfulBasis.LegitimateInterest(Lia(
                        "Een herstructurering of verkoop van (een deel van) het bedrijf mogelijk maken.",
                        "Een koper moet de klantportefeuille kunnen beoordelen; waar mogelijk geaggregeerd of gepseudonimiseerd.",
                        "Geheimhoudingsovereenkomst met de koper; data room met beperkte toegang; de klant blijft dezelfde dienst houden.")),
                ],
                SubjectCategories = [SubjectCategory.Customer],
                DataCategories = [Identification, Contact, Transactions],
                Recipients = [new("Koper of overnemende partij en diens adviseurs", RecipientKind.Acquirer, "NL")],
                SourceSystems = [CrmSystem, CoreSystem],
                Retention = new(12, RetentionUnit.Months, RetentionStart.AfterCollection, "Tot 12 maanden na afronding van het due-diligenceonderzoek (AVG art. 5(1)(e))"),
            }),

        new("Beveiliging",
            [],
            new PurposeDefinition("security",
                new("Beveiliging", "Security"),
                new("Camerabewaking en bezoekersregistratie in onze vestigingen voor een veilige werkomgeving.",
                    "CCTV and a visitor log at our premises for a safe working environment."))
            {
                SubjectCategories = [SubjectCategory.PremisesVisitor],
                DataCategories = [Images, VisitorLog],
                Recipients = [Security],
                SourceSystems = ["Camerasysteem (CCTV)", "Bezoekersregistratie receptie"],
                Retention = new(1, RetentionUnit.Months, RetentionStart.AfterCollection, "4 weken, richtlijn cameratoezicht van de Autoriteit Persoonsgegevens; langer alleen bij een incident"),
            },
            "The notice names no lawful basis; the register does not invent one, so the purpose stays Draft until the office records one."),
    ];

    private static LegitimateInterestAssessment Lia(string purposeTest, string necessityTest, string balancingTest) =>
        new(purposeTest, necessityTest, balancingTest, "Gerechtvaardigd belang weegt zwaarder, met de genoemde waarborgen.", LiaReview);
}
