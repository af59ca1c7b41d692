using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Documents.Letters;

/// <summary>
/// Every sentence of every letter, Dutch beside English, so the two never drift apart and a reviewer
/// reads one file. Wording follows the labels the case screens already use (request types, grounds,
/// fee reasons). Placeholders are filled from the case; nothing here is typed per case.
/// </summary>
internal sealed class LetterText(string language, TimeZoneInfo zone)
{
    public bool Dutch { get; } = DocumentFormat.IsDutch(language);

    public string Language { get; } = DocumentFormat.IsDutch(language) ? "nl" : "en";

    private string T(string nl, string en) => LegalReferences.Glue(Dutch ? nl : en);

    public string Date(DateOnly date) => DocumentFormat.Date(date, Language);

    public string Date(DateTimeOffset moment) => DocumentFormat.Date(moment, zone, Language);

    public string Amount(long cents) => DocumentFormat.Amount(cents / 100m, Language);

    public string Legal(string? reference) => LegalReferences.Format(reference, Dutch);

    public string Legal(IEnumerable<string?> references) => LegalReferences.Join(references, Dutch);

    // ---- Frame -------------------------------------------------------------------------------------

    public string DraftBand => T(
        "CONCEPT – NOG NIET GOEDGEKEURD. Een teamleider die het dossier niet behandelde moet dit antwoord eerst goedkeuren (vier ogen). Niet versturen.",
        "DRAFT – NOT YET APPROVED. A team lead who did not handle the case must approve this response first (four eyes). Do not send.");

    public string ExampleBand => T(
        "VOORBEELDGEGEVENS – NIET VERSTUREN. Het profiel van de verwerkingsverantwoordelijke bevat nog de voorbeeldwaarden. Laat een beheerder het controleren en opslaan voordat deze brief wordt verstuurd.",
        "EXAMPLE DATA – DO NOT SEND. The controller profile still holds the example values. Have an administrator check and save it before this letter is sent.");

    public string OurReference => T("Ons kenmerk", "Our reference");

    public string YourRequestOf => T("Uw verzoek van", "Your request of");

    public string LetterDate => T("Datum", "Date");

    public string RequestTypeLabel => T("Soort verzoek", "Request type");

    public string SubjectPrefix => T("Betreft: ", "Subject: ");

    /// <summary>Dutch continues "Betreft:" in lower case; English starts the subject with a capital.</summary>
    public string SubjectLine(string subject) =>
        Dutch || subject.Length == 0 ? subject : char.ToUpperInvariant(subject[0]) + subject[1..];

    /// <summary>"Geachte heer Van der Meer," / "Dear Mr Van der Meer,"; the full name only when the salutation is unknown.</summary>
    public string Salutation(DataSubject subject) => subject.Salutation switch
    {
        Domain.Subjects.Salutation.Sir => T($"Geachte heer {PersonName.SurnameAfterTitle(subject.FullName)},", $"Dear Mr {PersonName.SurnameAfterTitle(subject.FullName)},"),
        Domain.Subjects.Salutation.Madam => T($"Geachte mevrouw {PersonName.SurnameAfterTitle(subject.FullName)},", $"Dear Ms {PersonName.SurnameAfterTitle(subject.FullName)},"),
        _ => T($"Geachte {subject.FullName},", $"Dear {subject.FullName},"),
    };

    public string SalutationUnknown => T("Geachte heer, mevrouw,", "Dear Sir or Madam,");

    public string Closing => T("Met vriendelijke groet,", "Kind regards,");

    public static string PrivacyOffice => "Privacy Office";

    public string Shortened(string length) => T($"(ingekort; uw volledige tekst van {length} tekens staat in ons dossier)", $"(shortened; your full text of {length} characters is in our file)");

    public string RightsHeading => T("Uw rechten", "Your rights");

    public string RightsAfterRefusal => T(
        "Bent u het niet eens met onze beslissing, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens en naar de rechter stappen (art. 12 lid 4 AVG).",
        "If you disagree with our decision, you may lodge a complaint with the Autoriteit Persoonsgegevens (the Dutch Data Protection Authority) and seek a judicial remedy (Art. 12(4) GDPR).");

    public string RightsContactDpo(string dpo, string email) => T(
        $"Hebt u vragen of bent u het niet eens met ons antwoord? Neem dan contact op met onze functionaris gegevensbescherming, {dpo}, via {email}.",
        $"If you have questions or disagree with our answer, please contact our data protection officer, {dpo}, at {email}.");

    public string RightsComplaint => T(
        "U kunt een klacht indienen bij de Autoriteit Persoonsgegevens, de Nederlandse toezichthouder (autoriteitpersoonsgegevens.nl; art. 77 AVG).",
        "You may lodge a complaint with the Autoriteit Persoonsgegevens, the Dutch supervisory authority (autoriteitpersoonsgegevens.nl; Art. 77 GDPR).");

    public string RightsCourt => T(
        "U kunt ook de rechter vragen over uw verzoek te beslissen (art. 79 AVG); daarvoor hoeft u niet eerst een klacht in te dienen.",
        "You may also ask a court to decide on your request (Art. 79 GDPR); you do not need to lodge a complaint first.");

    public string Contact(string email, string? phone, string hours) => phone is null
        ? T($"U bereikt ons via {email} ({hours}). Vermeld dan ons kenmerk.", $"You can reach us at {email} ({hours}). Please quote our reference.")
        : T($"U bereikt ons via {email} of telefonisch op {phone} ({hours}). Vermeld dan ons kenmerk.",
            $"You can reach us at {email} or by phone on {phone} ({hours}). Please quote our reference.");

    // ---- Request types -----------------------------------------------------------------------------

    /// <summary>What was asked, in plain words that follow "uw verzoek om" / "your request for".</summary>
    public string RequestPlain(RequestType type) => type switch
    {
        RequestType.Access => T("inzage in uw persoonsgegevens", "access to your personal data"),
        RequestType.Rectification => T("correctie (rectificatie) van uw persoonsgegevens", "rectification of your personal data"),
        RequestType.Erasure => T("verwijdering van uw persoonsgegevens", "erasure of your personal data"),
        RequestType.Restriction => T("beperking van de verwerking van uw persoonsgegevens", "restriction of the processing of your personal data"),
        RequestType.Portability => T("overdracht van uw persoonsgegevens (dataportabiliteit)", "data portability"),
        RequestType.Objection => T("het maken van bezwaar tegen de verwerking van uw persoonsgegevens", "objection to the processing of your personal data"),
        RequestType.AutomatedDecisionReview => T("herziening van een geautomatiseerd besluit", "review of an automated decision"),
        RequestType.ConsentWithdrawal => T("het intrekken van uw toestemming", "the withdrawal of your consent"),
        RequestType.RecipientsDisclosure => T("informatie over wie uw persoonsgegevens heeft ontvangen", "information on who received your personal data"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The article of the right in the letter's form: "art. 15 AVG" / "Art. 15 GDPR".</summary>
    public string Article(RequestType type) => Legal(ArticleReference(type));

    public static string ArticleReference(RequestType type) => Glossary.Article(type);

    public string Received(string date, RequestType type) => T(
        $"Op {date} hebben wij uw verzoek om {RequestPlain(type)} ontvangen ({Article(type)}).",
        $"On {date} we received your request for {RequestPlain(type)} ({Article(type)}).");

    // ---- 1. Acknowledgement ------------------------------------------------------------------------

    public string AcknowledgementSubject(RequestType type) => T($"ontvangstbevestiging van uw verzoek om {RequestPlain(type)}", $"acknowledgement of your request for {RequestPlain(type)}");

    public string AcknowledgementThanks(string reference) => T(
        $"Dank u wel. Wij behandelen uw verzoek onder kenmerk {reference}; wilt u dat vermelden als u contact met ons opneemt?",
        $"Thank you. We are handling your request under reference {reference}; please quote it whenever you contact us.");

    public string YouWrote => T("U schreef ons:", "You wrote:");

    public string ThirdPartyAsked(string name, string email) => T(
        $"U vroeg ons de gegevens rechtstreeks naar {name} ({email}) te sturen.",
        $"You asked us to send the data directly to {name} ({email}).");

    public string WhenHeading => T("Wanneer u antwoord krijgt", "When you will hear from us");

    public string Deadline(string due) => T(
        $"Wij antwoorden zo snel mogelijk en uiterlijk op {due}.",
        $"We will answer as soon as possible and no later than {due}.");

    public string ExtensionPossible(string due) => T(
        $"Is uw verzoek ingewikkeld of hebben wij veel verzoeken tegelijk, dan mogen wij deze termijn met twee maanden verlengen (art. 12 lid 3 AVG). Dat laten wij u dan vóór {due} weten, met de reden.",
        $"If your request is complex or we have many requests at once, we may extend this period by two further months (Art. 12(3) GDPR). We would tell you before {due}, with the reason.");

    public string IdentityHeading => T("Hoe wij uw identiteit controleren", "How we will verify your identity");

    public string IdentityWhy => T(
        "Wij geven gegevens alleen aan de persoon om wie het gaat, en voeren alleen voor die persoon wijzigingen door. Daarom controleren wij uw identiteit, op een manier die past bij uw verzoek (art. 12 lid 6 AVG). Vaak is het e-mailadres dat wij al van u kennen of uw inlog op het klantportaal genoeg.",
        "We only give data to, and only make changes for, the person the data are about. We therefore verify your identity in a way that fits your request (Art. 12(6) GDPR). Often the e-mail address we already know or your customer portal login is enough.");

    public string IdentityEstablished(string method, string date) => T(
        $"Uw identiteit is op {date} vastgesteld ({method}). U hoeft daarvoor niets meer te doen.",
        $"Your identity was verified on {date} ({method}). You need not do anything more for that.");

    public string IdentityMayAsk => T(
        "Hebben wij meer nodig, dan vragen wij u daar apart om. Vragen wij een kopie van uw identiteitsbewijs, maak dan uw burgerservicenummer (BSN) en uw pasfoto onleesbaar. Wij vernietigen de kopie zodra uw identiteit is vastgesteld.",
        "If we need more, we will ask you separately. If we ask for a copy of your identity document, please make your citizen service number (BSN) and your photo unreadable. We destroy the copy as soon as your identity has been verified.");

    public string QuestionsHeading => T("Vragen", "Questions");

    public string IdentityMethod(IdentityVerificationMethod method) => method switch
    {
        IdentityVerificationMethod.KnownChannel => T("via het e-mailadres of kanaal dat wij van u kennen", "through the e-mail address or channel we know you by"),
        IdentityVerificationMethod.EmailVerified => T("met een code die wij naar uw e-mailadres stuurden", "with a code we sent to your e-mail address"),
        IdentityVerificationMethod.CustomerPortalLogin => T("via uw inlog op het klantportaal", "through your customer portal login"),
        IdentityVerificationMethod.IdDocumentCopy => T("met een kopie van uw identiteitsbewijs, die wij daarna vernietigen", "with a copy of your identity document, which we destroy afterwards"),
        IdentityVerificationMethod.VideoCall => T("in een videogesprek", "in a video call"),
        IdentityVerificationMethod.InPersonCheck => T("persoonlijk aan de balie", "in person at our office"),
        _ => T("met controlevragen", "with security questions"),
    };

    // ---- 2. Identity verification request ----------------------------------------------------------

    public string IdentitySubject(RequestType type) => T($"bevestiging van uw identiteit voor uw verzoek om {RequestPlain(type)}", $"confirming your identity for your request for {RequestPlain(type)}");

    public string IdentityReason => T(
        "Voordat wij uw verzoek behandelen, moeten wij zeker weten dat het van u komt. Zo voorkomen wij dat iemand anders uw gegevens krijgt of laat wijzigen. Met de gegevens die wij nu hebben, lukt dat nog niet; daarom vragen wij u om aanvullende informatie (art. 12 lid 6 AVG).",
        "Before we handle your request, we must be sure it comes from you. This prevents someone else from obtaining or changing your data. The information we have now does not yet allow that, so we ask you for additional information (Art. 12(6) GDPR).");

    public string IdentityNeededHeading => T("Wat wij van u nodig hebben", "What we need from you");

    public string IdentityNeededCopy(string email) => T(
        $"Een kopie van een geldig identiteitsbewijs (paspoort, identiteitskaart of rijbewijs), gestuurd naar {email}; of",
        $"A copy of a valid identity document (passport, identity card or driving licence), sent to {email}; or");

    public string IdentityNeededInPerson(string hours) => T(
        $"een korte videoverbinding of een bezoek aan ons kantoor ({hours}); dan bekijken wij uw identiteitsbewijs zonder er een kopie van te maken.",
        $"a short video call or a visit to our office ({hours}); we then look at your identity document without copying it.");

    public string MaskHeading => T("Schermt u uw BSN en pasfoto af", "Please mask your BSN and photo");

    public IReadOnlyList<string> MaskSteps(string controller) =>
    [
        T("Maak uw burgerservicenummer (BSN) onleesbaar. Wij mogen uw BSN hiervoor niet gebruiken.", "Make your citizen service number (BSN) unreadable. We may not use your BSN for this."),
        T("Maak uw pasfoto onleesbaar.", "Make your photo unreadable."),
        T($"Zet op de kopie dat die bestemd is voor {controller}, met de datum van vandaag.", $"Write on the copy that it is meant for {controller}, with today's date."),
        T("Met de app KopieID van de Rijksoverheid maakt u zo'n afgeschermde kopie eenvoudig op uw telefoon.", "The KopieID app of the Dutch government (Rijksoverheid) makes such a masked copy easily on your phone."),
    ];

    public string MaskRefused => T(
        "Een kopie waarop uw BSN of pasfoto zichtbaar is, mogen wij niet aannemen; wij vragen u dan om een nieuwe.",
        "We may not accept a copy on which your BSN or photo is visible; we would ask you for a new one.");

    public string CopyDeleted => T(
        "Wij gebruiken de kopie alleen om uw identiteit vast te stellen en vernietigen haar direct daarna. In ons dossier leggen wij alleen vast dat en hoe uw identiteit is vastgesteld.",
        "We use the copy only to verify your identity and destroy it straight afterwards. Our file records only that, and how, your identity was verified.");

    public string IdentityDeadlineHeading => T("Uw termijn", "Your deadline");

    public string IdentityDeadline(string due) => T(
        $"Volgens onze gegevens moet uw verzoek uiterlijk op {due} zijn beantwoord. Stuur ons het bewijs daarom zo snel mogelijk. Kunnen wij uw identiteit niet vaststellen, dan kunnen wij uw verzoek niet uitvoeren; dat laten wij u dan weten (art. 12 lid 2 AVG).",
        $"According to our records your request must be answered by {due}. Please send us the proof as soon as possible. If we cannot verify your identity, we cannot act on your request; we would let you know (Art. 12(2) GDPR).");

    // ---- 3. Extension notice -----------------------------------------------------------------------

    public string ExtensionSubject(RequestType type) => T($"verlenging van de termijn voor uw verzoek om {RequestPlain(type)}", $"extension of the time limit for your request for {RequestPlain(type)}");

    public string ExtensionIntro(string due) => T(
        $"Wij moesten u uiterlijk op {due} antwoorden. Dat lukt ons helaas niet zorgvuldig binnen die tijd. Daarom verlengen wij de termijn met twee maanden, zoals de AVG toestaat (art. 12 lid 3 AVG).",
        $"We were due to answer you by {due}. Unfortunately we cannot answer with due care within that time, so we are extending the period by two further months, as the GDPR allows (Art. 12(3) GDPR).");

    public string OriginalDeadline => T("Oorspronkelijke termijn", "Original deadline");

    public string NewDeadline => T("Nieuwe termijn", "New deadline");

    public string Reason => T("Reden", "Reason");

    public string ExtensionReasonText(ExtensionReason reason) => reason switch
    {
        ExtensionReason.Complexity => T("uw verzoek is ingewikkeld", "your request is complex"),
        _ => T("wij hebben op dit moment veel verzoeken", "we currently have a large number of requests"),
    };

    public string ExtensionExplanationIntro => T("Toelichting:", "Explanation:");

    public string ExtensionPromise(string due) => T(
        $"Wij antwoorden u zo snel mogelijk, en uiterlijk op {due}.",
        $"We will answer as soon as possible, and no later than {due}.");

    // ---- 4. Fee notice -----------------------------------------------------------------------------

    public string FeeSubject(RequestType type) => T($"kosten voor uw verzoek om {RequestPlain(type)}", $"a fee for your request for {RequestPlain(type)}");

    public string FeeIntro(FeeReason reason, int? copyNumber) => reason switch
    {
        FeeReason.AdditionalCopy => T(
            $"U vraagt ons om een extra kopie van uw persoonsgegevens (kopie {copyNumber}). De eerste kopie is altijd gratis. Voor extra kopieën mogen wij een redelijke vergoeding vragen voor de administratieve kosten (art. 15 lid 3 AVG).",
            $"You asked us for a further copy of your personal data (copy {copyNumber}). The first copy is always free. For further copies we may charge a reasonable fee based on administrative costs (Art. 15(3) GDPR)."),
        FeeReason.ManifestlyUnfounded => T(
            "Wij vinden uw verzoek kennelijk ongegrond. Bij zo'n verzoek mogen wij een redelijke vergoeding vragen voor de administratieve kosten (art. 12 lid 5 AVG). Dit is waarom:",
            "We consider your request manifestly unfounded. For such a request we may charge a reasonable fee based on administrative costs (Art. 12(5) GDPR). This is why:"),
        _ => T(
            "Wij vinden uw verzoek buitensporig, met name omdat het zich herhaalt. Bij zo'n verzoek mogen wij een redelijke vergoeding vragen voor de administratieve kosten (art. 12 lid 5 AVG). Dit is waarom:",
            "We consider your request excessive, in particular because it is repetitive. For such a request we may charge a reasonable fee based on administrative costs (Art. 12(5) GDPR). This is why:"),
    };

    public string FeeAmount => T("Bedrag", "Amount");

    public string FeeGround => T("Grond", "Ground");

    public string FeeReasonLabel(FeeReason reason) => reason switch
    {
        FeeReason.AdditionalCopy => T("extra kopie (art. 15 lid 3 AVG)", "further copy (Art. 15(3) GDPR)"),
        FeeReason.ManifestlyUnfounded => T("kennelijk ongegrond (art. 12 lid 5 AVG)", "manifestly unfounded (Art. 12(5) GDPR)"),
        _ => T("buitensporig, met name herhaald (art. 12 lid 5 AVG)", "excessive, in particular repetitive (Art. 12(5) GDPR)"),
    };

    public string FeeChoiceHeading => T("Betalen of intrekken: u kiest", "Pay or withdraw: your choice");

    public string FeePay(string email, string reference) => T(
        $"Wilt u dat wij uw verzoek uitvoeren, laat ons dan via {email} weten dat u de vergoeding betaalt, met ons kenmerk {reference}. U krijgt dan de betaalgegevens. Wij gaan verder met uw verzoek zodra de betaling binnen is.",
        $"If you want us to go ahead, tell us at {email}, quoting our reference {reference}, that you will pay the fee. We will send you the payment details and continue with your request once the payment has arrived.");

    public string FeeWithdraw(string email, string reference) => T(
        $"U mag uw verzoek ook intrekken, zolang u nog niet hebt betaald. Stuur dan een bericht naar {email} met ons kenmerk {reference}. Intrekken kost niets en u bent ons dan niets verschuldigd.",
        $"You may also withdraw your request as long as you have not paid. Send a message to {email} quoting our reference {reference}. Withdrawing is free and you will owe us nothing.");

    // ---- 5. Response -------------------------------------------------------------------------------

    public string ResponseSubject(RequestType type) => T($"antwoord op uw verzoek om {RequestPlain(type)}", $"our answer to your request for {RequestPlain(type)}");

    public string ResponseIntro => T(
        "Wij hebben uw verzoek behandeld. Hieronder leest u per doel waarvoor wij uw gegevens gebruiken wat wij hebben gedaan, en waarom.",
        "We have dealt with your request. Below you can read, for each purpose we use your data for, what we did and why.");

    public string ResponseNoData => T(
        "Wij hebben uw verzoek behandeld. Wij hebben geen persoonsgegevens van u gevonden die wij voor een van onze doelen verwerken.",
        "We have dealt with your request. We found no personal data of yours that we process for any of our purposes.");

    public string AccessEnclosed => T(
        "Bij deze brief vindt u een kopie van uw persoonsgegevens (art. 15 lid 3 AVG). Daarin staat ook waarvoor wij ze gebruiken, waar wij ze vandaan hebben, aan wie wij ze verstrekken en hoe lang wij ze bewaren (art. 15 lid 1 en 2 AVG).",
        "Enclosed is a copy of your personal data (Art. 15(3) GDPR). It also states what we use them for, where we obtained them, whom we disclose them to and how long we keep them (Art. 15(1) and (2) GDPR).");

    public string PortabilityEnclosed => T(
        "Bij deze brief vindt u een ZIP-bestand met de gegevens die u zelf aan ons hebt verstrekt, in een gestructureerd, gangbaar en machineleesbaar formaat (JSON en CSV). Een overzicht met een controlegetal (SHA-256) per bestand zit erbij (art. 20 lid 1 AVG).",
        "Enclosed is a ZIP file with the data you provided to us, in a structured, commonly used and machine-readable format (JSON and CSV), with a manifest giving a checksum (SHA-256) for each file (Art. 20(1) GDPR).");

    public string PortabilitySent(string name, string email) => T(
        $"Zoals u vroeg, hebben wij de gegevens die u zelf aan ons hebt verstrekt in een gestructureerd, gangbaar en machineleesbaar formaat (JSON en CSV) rechtstreeks naar {name} ({email}) gestuurd (art. 20 lid 2 AVG).",
        $"As you asked, we sent the data you provided to us, in a structured, commonly used and machine-readable format (JSON and CSV), directly to {name} ({email}) (Art. 20(2) GDPR).");

    public string RestrictionMeaning => T(
        "Beperkte gegevens blijven bewaard, maar wij gebruiken ze verder niet, behalve met uw toestemming of voor een rechtsvordering (art. 18 lid 2 AVG). Voordat wij een beperking opheffen, laten wij u dat weten (art. 18 lid 3 AVG).",
        "Restricted data stay stored, but we do not otherwise use them, except with your consent or for legal claims (Art. 18(2) GDPR). We will tell you before we lift a restriction (Art. 18(3) GDPR).");

    public string ConsentEarlierLawful => T(
        "Wat wij vóór uw intrekking met uw gegevens deden, blijft rechtmatig (art. 7 lid 3 AVG).",
        "What we did with your data before your withdrawal remains lawful (Art. 7(3) GDPR).");

    public string AutomatedReviewPending => T(
        "Een medewerker die het besluit mag wijzigen, beoordeelt het opnieuw en weegt daarbij uw standpunt mee (art. 22 lid 3 AVG). U hoort de uitkomst van ons.",
        "A member of staff with the authority to change the decision will review it and consider your point of view (Art. 22(3) GDPR). We will let you know the outcome.");

    public string ReviewNotRecorded => T(
        "u hebt recht op een nieuwe beoordeling door een medewerker; die is nog niet afgerond",
        "you are entitled to a review by a member of staff; it has not been completed yet");

    public string ReviewHeading => T("De herziening van het geautomatiseerde besluit", "The review of the automated decision");

    public string ReviewedBy(string date, string reviewer, string decision) => T(
        $"Op {date} heeft onze medewerker {reviewer}, die bevoegd is het besluit te wijzigen, het besluit opnieuw beoordeeld ({decision}). Uw standpunt is daarbij meegewogen.",
        $"On {date} our colleague {reviewer}, who has the authority to change the decision, reviewed it ({decision}). Your point of view was considered.");

    public string ReviewOutcomeLabel => T("Uitkomst", "Outcome");

    public string ReviewOutcome(AutomatedDecisionReviewOutcome outcome) => outcome == AutomatedDecisionReviewOutcome.Changed
        ? T("het besluit is gewijzigd", "the decision has been changed")
        : T("het besluit blijft gehandhaafd", "the decision stands");

    public string ReviewNewOutcomeLabel => T("Het besluit luidt nu:", "The decision now is:");

    public string ReviewContest => T(
        "Bent u het niet eens met de uitkomst, dan kunt u het besluit blijven aanvechten: bij ons, bij de Autoriteit Persoonsgegevens of bij de rechter (art. 22 lid 3 AVG).",
        "If you disagree with the outcome, you may still contest the decision: with us, with the Autoriteit Persoonsgegevens or in court (Art. 22(3) GDPR).");

    public string RecipientsNotifiedHeading => T("Wie wij hebben ingelicht", "Whom we have informed");

    public string RecipientsOfYourData => T("Ontvangers van uw gegevens", "Recipients of your data");

    public string RecipientsNotified(RequestType type) => T(
        $"Wij hebben de ontvangers aan wie wij uw gegevens hadden verstrekt, laten weten dat uw gegevens zijn {Done(type)} (art. 19 AVG):",
        $"We have told the recipients to whom we had disclosed your data that your data have been {Done(type)} (Art. 19 GDPR):");

    public string RecipientsToNotify(RequestType type) => T(
        $"Wij laten de volgende ontvangers aan wie wij uw gegevens hadden verstrekt, weten dat uw gegevens zijn {Done(type)} (art. 19 AVG):",
        $"We are telling the following recipients to whom we had disclosed your data that your data have been {Done(type)} (Art. 19 GDPR):");

    public string RecipientsNotInformed => T(
        "Deze ontvangers hebben wij niet ingelicht, omdat dat onmogelijk is of onevenredig veel inspanning zou vergen (art. 19 AVG):",
        "We have not informed these recipients, as that is impossible or would involve disproportionate effort (Art. 19 GDPR):");

    public string RecipientExemption(RecipientNotificationStatus status) => status == RecipientNotificationStatus.Impossible
        ? T("onmogelijk", "impossible")
        : T("onevenredige inspanning", "disproportionate effort");

    public string RecipientsRightToAsk => T(
        "Wilt u weten aan wie wij uw gegevens hebben verstrekt? Vraag het ons (art. 19 AVG).",
        "If you would like to know to whom we have disclosed your data, please ask us (Art. 19 GDPR).");

    public string RecipientsNone => T(
        "Wij hadden uw gegevens voor deze doelen niet aan ontvangers buiten onze organisatie verstrekt; er was dus niemand anders in te lichten (art. 19 AVG).",
        "We had not disclosed your data for these purposes to recipients outside our organisation, so there was no one else to inform (Art. 19 GDPR).");

    // ---- Carried out in the source systems (issue 15) --------------------------------------------

    public string SourceChangesHeading => T("Uitgevoerd in onze systemen", "Carried out in our systems");

    public string SourceChangesDone(RequestType type) => type switch
    {
        RequestType.Restriction => T("In deze systemen hebben wij uw gegevens als beperkt gemarkeerd:", "In these systems we marked your data as restricted:"),
        RequestType.Rectification => T("In deze systemen hebben wij uw gegevens verbeterd:", "In these systems we corrected your data:"),
        _ => T("In deze systemen hebben wij uw gegevens gewist:", "In these systems we erased your data:"),
    };

    public string SourceChangeState(bool proven, DateTimeOffset? at)
    {
        var when = at is { } moment ? Date(moment) : "";
        return proven
            ? T($"uitgevoerd op {when}; daarna hebben wij gecontroleerd dat het resultaat klopt.", $"done on {when}; afterwards we checked that the result holds.")
            : T($"uitgevoerd op {when} door de beheerders van het systeem.", $"done on {when} by the system's administrators.");
    }

    public string SourceChangesKept => T(
        "Deze gegevens bewaren wij nog, omdat de wet dat van ons vraagt; daarna wissen wij ze:",
        "These data we keep, because the law requires it; after that we erase them:");

    public string KeptUntil(DateOnly? until, string ground) => until is { } date
        ? T($"bewaard tot en met {Date(date)}, {ground}.", $"kept until {Date(date)}, {ground}.")
        : T($"bewaard zolang de termijn loopt, {ground}; de termijn begint bij het einde van uw relatie met ons.", $"kept while the period runs, {ground}; the period starts when your relationship with us ends.");

    // ---- Erasure outcomes, grouped: each a full sentence that introduces the purposes it is true for ---

    public string ErasureSummary(bool anyErased, bool anyKept, bool anyNotGranted) => (anyErased, anyKept, anyNotGranted) switch
    {
        // A refusal for one purpose (legal claims, say) is not a retention duty: never "granted", never "the law obliges us".
        (true, _, true) => T(
            "Wij hebben uw gegevens gewist waar dat kon; voor een deel kunnen wij uw verzoek niet inwilligen. Per doel leest u hieronder wat wij hebben gedaan en waarom.",
            "We have erased your data wherever we could; for part of it we cannot grant your request. Below you can read per purpose what we did and why."),
        (true, true, false) => T(
            "Wij hebben uw gegevens gewist waar dat kon. Wat de wet ons verplicht te bewaren, gebruiken wij alleen nog daarvoor en wissen wij na de bewaartermijn.",
            "We have erased your data wherever we could. What the law obliges us to keep, we now use for that purpose only and erase when the retention period ends."),
        (true, false, false) => T("Wij hebben uw verzoek ingewilligd.", "We have granted your request."),
        _ => "",
    };


    /// <summary>The sentence over the purposes a right was carried out for in full, per right.</summary>
    public string CompliedFor(RequestType type) => type switch
    {
        RequestType.Access => T("Uw gegevens voor deze doelen vindt u in de bijgevoegde kopie:", "You will find your data for these purposes in the enclosed copy:"),
        RequestType.Rectification => T("Wij hebben uw gegevens gecorrigeerd voor deze doelen:", "We have rectified your data for these purposes:"),
        RequestType.Erasure => ErasedFor,
        RequestType.Restriction => T(
            "Voor deze doelen hebben wij de verwerking beperkt; de gegevens blijven bewaard, maar wij gebruiken ze verder niet:",
            "For these purposes we have restricted processing; the data stay stored but we do not otherwise use them:"),
        RequestType.Portability => T("De gegevens voor deze doelen zitten in het overdrachtspakket:", "The data for these purposes are in the portability package:"),
        RequestType.Objection => T("Voor deze doelen hebben wij de verwerking gestopt:", "For these purposes we have stopped processing:"),
        RequestType.AutomatedDecisionReview => T(
            "Voor deze doelen heeft een medewerker het besluit opnieuw beoordeeld:", "For these purposes a member of staff has reviewed the decision:"),
        RequestType.ConsentWithdrawal => T(
            "Voor deze doelen hebben wij de verwerking op basis van uw toestemming gestopt:", "For these purposes we have stopped the processing based on your consent:"),
        _ => T("Voor deze doelen staan de ontvangers hieronder:", "For these purposes the recipients are listed below:"),
    };

    public string ErasedFor => T("Wij hebben uw gegevens gewist voor deze doelen:", "We have erased your data for these purposes:");

    public string StoppedKeptUntil(string date, string provision) => T(
        $"Voor deze doelen gebruiken wij uw gegevens niet meer. De wet verplicht ons ze te bewaren tot en met {date} ({provision}); daarna wissen wij ze:",
        $"We no longer use your data for these purposes. The law obliges us to keep them until {date} inclusive ({provision}); after that we erase them:");

    public string StoppedKeptWhileRetention(string provision) => T(
        $"Voor deze doelen gebruiken wij uw gegevens niet meer. De wet verplicht ons ze te bewaren ({provision}); die bewaartermijn begint pas als onze relatie met u eindigt, en daarna wissen wij ze:",
        $"We no longer use your data for these purposes. The law obliges us to keep them ({provision}); that retention period starts only when our relationship with you ends, and after it we erase them:");

    public string KeptUntilNotErased(string date, string provision) => T(
        $"Deze gegevens kunnen wij nog niet wissen: de wet verplicht ons ze te bewaren tot en met {date} ({provision}). Daarna wissen wij ze:",
        $"We cannot erase these data yet: the law obliges us to keep them until {date} inclusive ({provision}). After that we erase them:");

    public string KeptWhileRetentionNotErased(string provision) => T(
        $"Deze gegevens kunnen wij nog niet wissen: de wet verplicht ons ze te bewaren ({provision}); die bewaartermijn begint pas als onze relatie met u eindigt. Daarna wissen wij ze:",
        $"We cannot erase these data yet: the law obliges us to keep them ({provision}); that retention period starts only when our relationship with you ends. After that we erase them:");

    /// <summary>A fragment ("gewist", "niet gewist: …") turned into the sentence that introduces a group of purposes.</summary>
    public string GroupIntro(string fragment, string references)
    {
        var sentence = fragment.Length == 0 ? fragment : char.ToUpper(fragment[0], DocumentFormat.Culture(Language)) + fragment[1..];
        return sentence + (references.Length > 0 ? " (" + references + ")" : "") + ":";
    }

    public string OutcomeHeading => T("Wat wij per doel hebben gedaan", "What we did for each purpose");

    public string Explanation => T("Toelichting", "Explanation");

    public string RecipientsHeading => T("Wie uw gegevens ontving", "Who received your data");

    public string RecipientsIntro => T(
        "Deze ontvangers krijgen uw gegevens voor de genoemde doelen (art. 15 lid 1 onder c en art. 19 AVG):",
        "These recipients receive your data for the purposes named (Art. 15(1)(c) and Art. 19 GDPR):");

    public string NoRecipients => T("geen ontvangers buiten onze eigen organisatie", "no recipients outside our own organisation");

    public string RecipientKindLabel(RecipientKind kind) => kind switch
    {
        RecipientKind.Internal => T("intern", "internal"),
        RecipientKind.Processor => T("verwerker", "processor"),
        RecipientKind.CreditBureau => T("kredietbureau", "credit bureau"),
        RecipientKind.IdentityCheckProvider => T("identiteitscontrole", "identity-check provider"),
        RecipientKind.Regulator => T("toezichthouder", "regulator"),
        RecipientKind.Acquirer => T("overnemende partij", "acquirer"),
        _ => T("andere derde", "other third party"),
    };

    /// <summary>The verb of a right as carried out: "gewist" / "erased".</summary>
    public string Done(RequestType type) => type switch
    {
        RequestType.Access => T("verstrekt", "provided"),
        RequestType.Rectification => T("gecorrigeerd", "rectified"),
        RequestType.Erasure => T("gewist", "erased"),
        RequestType.Restriction => T("beperkt", "restricted"),
        RequestType.Portability => T("overgedragen", "transferred"),
        RequestType.Objection or RequestType.ConsentWithdrawal => T("gestopt", "stopped"),
        RequestType.AutomatedDecisionReview => T("herzien", "reviewed"),
        _ => T("verstrekt", "provided"),
    };

    /// <summary>What "done" means for the subject, per right.</summary>
    public string Complied(RequestType type) => type switch
    {
        RequestType.Access => T("verstrekt; u vindt deze gegevens in de bijgevoegde kopie", "provided; you will find these data in the enclosed copy"),
        RequestType.Rectification => T("gecorrigeerd", "rectified"),
        RequestType.Erasure => T("gewist", "erased"),
        RequestType.Restriction => T("beperkt: de gegevens blijven bewaard, maar wij gebruiken ze verder niet", "restricted: the data stay stored but we do not otherwise use them"),
        RequestType.Portability => T("opgenomen in het overdrachtspakket", "included in the portability package"),
        RequestType.Objection => T("de verwerking is gestopt", "processing has stopped"),
        RequestType.AutomatedDecisionReview => T("het besluit is door een medewerker opnieuw beoordeeld", "the decision has been reviewed by a member of staff"),
        RequestType.ConsentWithdrawal => T("de verwerking op basis van uw toestemming is gestopt", "processing based on your consent has stopped"),
        _ => T("de ontvangers staan hieronder", "the recipients are listed below"),
    };

    public string SentTo(string thirdParty) => T($"rechtstreeks verstuurd naar {thirdParty}", $"sent directly to {thirdParty}");

    public string PartlyComplied(RequestType type, string remaining) => T(
        $"gedeeltelijk {Done(type)}; wij blijven de gegevens verwerken op grond van {remaining}",
        $"partly {Done(type)}; we continue to process the data on the basis of {remaining}");

    public string Refused(RequestType type, string ground) => T($"niet {Done(type)}: {ground}", $"not {Done(type)}: {ground}");

    /// <summary>Why a right does not reach a purpose, as specific as the right allows.</summary>
    public string NotApplicable(RequestType type) => type switch
    {
        RequestType.ConsentWithdrawal => T(
            "niet van toepassing, want wij gebruiken deze gegevens niet op basis van uw toestemming",
            "not applicable, as we do not use these data on the basis of your consent"),
        RequestType.Portability => T(
            "niet van toepassing, want overdracht geldt alleen voor gegevens die u zelf verstrekte en die wij met uw toestemming of voor een overeenkomst geautomatiseerd verwerken (art. 20 lid 1 AVG)",
            "not applicable, as portability covers only data you provided that we process by automated means on your consent or for a contract (Art. 20(1) GDPR)"),
        RequestType.AutomatedDecisionReview => T(
            "niet van toepassing, want hiervoor nemen wij geen besluiten die uitsluitend geautomatiseerd zijn (art. 22 lid 1 AVG)",
            "not applicable, as we take no solely automated decisions here (Art. 22(1) GDPR)"),
        _ => T("niet van toepassing, want dit recht geldt niet voor wat wij hier met uw gegevens doen", "not applicable, as this right does not apply to what we do with your data here"),
    };

    public string KeptUntil(string date, string provision) => T(
        $"bewaard tot {date} op grond van {provision}; de gegevens worden alleen nog daarvoor gebruikt",
        $"kept until {date} under {provision}; the data are used for that purpose only");

    public string KeptWhileRetention(string provision) => T(
        $"bewaard op grond van {provision} zolang de wettelijke bewaartermijn loopt; die begint pas als onze relatie eindigt. De gegevens worden alleen nog daarvoor gebruikt",
        $"kept under {provision} for as long as the legal retention period runs, which starts only when our relationship ends; the data are used for that purpose only");

    public string BasisLabel(LawfulBasisKind kind, string? provision) => kind switch
    {
        LawfulBasisKind.Consent => T("uw toestemming", "your consent"),
        LawfulBasisKind.Contract => T("de overeenkomst met u", "our contract with you"),
        LawfulBasisKind.LegalObligation => provision is { Length: > 0 }
            ? T($"een wettelijke verplichting ({provision})", $"a legal obligation ({provision})")
            : T("een wettelijke verplichting", "a legal obligation"),
        LawfulBasisKind.VitalInterests => T("een vitaal belang", "vital interests"),
        LawfulBasisKind.PublicTask => T("een taak van algemeen belang", "a task in the public interest"),
        _ => T("ons gerechtvaardigd belang", "our legitimate interest"),
    } + " (" + Legal(kind.Article()) + ")";

    public string DecisionGround(RefusalGround ground) => ground switch
    {
        RefusalGround.RightsOfOthers => T("dat zou de rechten en vrijheden van anderen schaden", "that would adversely affect the rights and freedoms of others"),
        RefusalGround.ManifestlyUnfoundedOrExcessive => T("het verzoek is kennelijk ongegrond of buitensporig", "the request is manifestly unfounded or excessive"),
        RefusalGround.NationalRestriction => T("een beperking in de wet staat dit niet toe", "a restriction in law does not allow it"),
        RefusalGround.CompellingLegitimateGrounds => T("wij hebben dwingende gerechtvaardigde gronden die zwaarder wegen dan uw belangen", "we have compelling legitimate grounds that override your interests"),
        RefusalGround.LegalClaims => T("wij hebben de gegevens nodig voor een rechtsvordering", "we need the data for legal claims"),
        RefusalGround.LegalRetentionObligation => T("de wet verplicht ons de gegevens te bewaren", "the law obliges us to keep the data"),
        RefusalGround.StillNecessaryForPurpose => T("de gegevens zijn nog nodig voor dit doel", "the data are still necessary for this purpose"),
        RefusalGround.NoRestrictionCircumstance => T("geen van de situaties waarin beperking een recht is, doet zich voor", "none of the situations in which restriction is a right applies"),
        _ => T("de gegevens zijn juist en volledig", "the data are accurate and complete"),
    };

    // ---- 6. Refusal --------------------------------------------------------------------------------

    public string RefusalSubject(RequestType type) => T($"afwijzing van uw verzoek om {RequestPlain(type)}", $"refusal of your request for {RequestPlain(type)}");

    public string RefusalIntro => T(
        "Wij hebben uw verzoek zorgvuldig bekeken. Wij kunnen het helaas niet inwilligen. Hieronder leest u waarom.",
        "We have looked at your request carefully. Unfortunately we cannot grant it. Below you can read why.");

    public string RefusalWhyHeading => T("Waarom wij uw verzoek afwijzen", "Why we refuse your request");

    /// <summary>As <see cref="RefusalGroundText(RequestRefusalGround)"/>, but a refused portability package is a transfer, not a copy (Art. 20(4)).</summary>
    public string RefusalGroundText(RequestRefusalGround ground, RequestType type) =>
        ground == RequestRefusalGround.RightsOfOthers && type == RequestType.Portability
            ? T("Het overdragen van de gegevens zou de rechten en vrijheden van anderen schaden.", "Handing over the data would adversely affect the rights and freedoms of others.")
            : RefusalGroundText(ground);

    public string RefusalGroundText(RequestRefusalGround ground) => ground switch
    {
        RequestRefusalGround.SubjectNotIdentified => T("Wij hebben niet kunnen vaststellen dat u de persoon bent om wie het gaat.", "We have not been able to establish that you are the person the data are about."),
        RequestRefusalGround.ManifestlyUnfounded => T("Uw verzoek is kennelijk ongegrond.", "Your request is manifestly unfounded."),
        RequestRefusalGround.Excessive => T("Uw verzoek is buitensporig, met name omdat het zich herhaalt.", "Your request is excessive, in particular because it is repetitive."),
        RequestRefusalGround.RightsOfOthers => T("Een kopie zou de rechten en vrijheden van anderen schaden.", "A copy would adversely affect the rights and freedoms of others."),
        RequestRefusalGround.NationalRestriction => T("Een beperking in de Nederlandse wet staat het verzoek niet toe.", "A restriction in Dutch law does not allow the request."),
        RequestRefusalGround.LegalObligationToRetain => T("De wet verplicht ons de gegevens te bewaren.", "The law obliges us to keep the data."),
        RequestRefusalGround.LegalClaims => T("Wij hebben de gegevens nodig om een rechtsvordering in te stellen, uit te oefenen of te onderbouwen.", "We need the data for the establishment, exercise or defence of legal claims."),
        RequestRefusalGround.CompellingLegitimateGrounds => T("Wij hebben dwingende gerechtvaardigde gronden voor de verwerking die zwaarder wegen dan uw belangen, rechten en vrijheden.", "We have compelling legitimate grounds for the processing which override your interests, rights and freedoms."),
        RequestRefusalGround.RightNotApplicable => T("Het recht waarop u zich beroept, geldt niet voor deze verwerking.", "The right you invoke does not apply to this processing."),
        _ => T("Om de reden die hieronder staat.", "For the reason given below."),
    };

    public static IReadOnlyList<string> RefusalGroundReferences(RequestRefusalGround ground, RequestType type) => Glossary.Articles(ground, type);

    public string LegalGround => T("Wettelijke grondslag", "Legal ground");

    public string NotIdentifiedRetry => T(
        "Kunt u ons alsnog gegevens geven waarmee wij u kunnen identificeren, dan nemen wij uw verzoek opnieuw in behandeling (art. 11 lid 2 AVG).",
        "If you can still give us information that allows us to identify you, we will take up your request again (Art. 11(2) GDPR).");

    // ---- 7. Recipient notification -----------------------------------------------------------------

    public string NotificationAction(RequestType type) => type switch
    {
        RequestType.Rectification => T("rectificatie", "rectification"),
        RequestType.Erasure => T("wissing", "erasure"),
        _ => T("beperking van de verwerking", "restriction of processing"),
    };

    public string NotificationSubject(RequestType type) => T(
        $"kennisgeving van {NotificationAction(type)} van persoonsgegevens (art. 19 AVG)",
        $"notification of {NotificationAction(type)} of personal data (Art. 19 GDPR)");

    public string NotificationIntro(RequestType type, string purpose) => T(
        $"Wij hebben u persoonsgegevens verstrekt voor het doel “{purpose}”. De persoon om wie het gaat, heeft ons om {NotificationAction(type)} van die gegevens gevraagd ({Article(type)}) en wij hebben dat verzoek uitgevoerd. Met deze brief laten wij u dat weten, zoals artikel 19 AVG voorschrijft.",
        $"We disclosed personal data to you for the purpose “{purpose}”. The person concerned asked us for {NotificationAction(type)} of those data ({Article(type)}) and we have carried out that request. With this letter we inform you, as Article 19 GDPR requires.");

    public string NotificationWho => T("Om wie het gaat", "The person concerned");

    public string SubjectName => T("Naam", "Name");

    public string CustomerNumber => T("Klantnummer", "Customer number");

    public string Purpose => T("Doel", "Purpose");

    public string NotificationMinimal => T(
        "Wij noemen alleen wat u nodig hebt om de persoon in uw administratie te vinden.",
        "We state only what you need to find the person in your records.");

    public string NotificationWhatHeading => T("Wat wij u vragen", "What we ask of you");

    public string NotificationWhat(RequestType type, string email) => type switch
    {
        RequestType.Rectification => T(
            $"Wilt u de gegevens van deze persoon die u van ons hebt ontvangen op dezelfde manier corrigeren? Vraag de gecorrigeerde gegevens op via {email}; wij zetten ze niet in deze brief, om niet meer persoonsgegevens te versturen dan nodig.",
            $"Please correct the data of this person that you received from us in the same way. Ask for the corrected data at {email}; we do not put them in this letter, so as not to send more personal data than needed."),
        RequestType.Erasure => T(
            "Wilt u de persoonsgegevens van deze persoon die u van ons hebt ontvangen wissen, tenzij u een eigen wettelijke plicht hebt om ze te bewaren?",
            "Please erase the personal data of this person that you received from us, unless you have a legal obligation of your own to keep them."),
        _ => T(
            "Wilt u de persoonsgegevens van deze persoon die u van ons hebt ontvangen bewaren, maar verder niet gebruiken, totdat wij u laten weten dat de beperking is opgeheven?",
            "Please keep the personal data of this person that you received from us, but do not otherwise use them, until we tell you that the restriction has been lifted."),
    };

    public string NotificationConfirm(string email, string reference) => T(
        $"Wilt u aan {email} bevestigen dat u dit hebt gedaan, met ons kenmerk {reference}?",
        $"Please confirm to {email} that you have done so, quoting our reference {reference}.");

    // ---- 8. Restriction lift notice ----------------------------------------------------------------

    public string LiftSubject => T("opheffing van de beperking van de verwerking van uw gegevens", "lifting the restriction of the processing of your data");

    public string LiftIntro(string appliedOn) => T(
        $"Op uw verzoek hebben wij op {appliedOn} de verwerking van uw persoonsgegevens beperkt: wij bewaren de gegevens, maar gebruiken ze verder niet (art. 18 AVG).",
        $"At your request we restricted the processing of your personal data on {appliedOn}: we keep the data but do not otherwise use them (Art. 18 GDPR).");

    public string LiftWhen(string from) => T(
        $"Voordat wij een beperking opheffen, moeten wij u dat laten weten (art. 18 lid 3 AVG). Wij heffen de beperking op met ingang van {from}.",
        $"Before we lift a restriction we must tell you (Art. 18(3) GDPR). We will lift the restriction with effect from {from}.");

    public string LiftWhyHeading => T("Waarom", "Why");

    public string LiftWhy => T(
        "De beperking gold zolang wij uw verzoek onderzochten, bijvoorbeeld of uw gegevens juist zijn of of uw bezwaar gegrond is (art. 18 lid 1 AVG). Dat onderzoek is afgerond, en daarmee is de reden voor de beperking vervallen.",
        "The restriction applied while we looked into your request, for example whether your data are accurate or whether your objection is justified (Art. 18(1) GDPR). That review is complete, so the reason for the restriction no longer applies.");

    public string LiftPurposes => T("Het gaat om de gegevens die wij gebruiken voor:", "This concerns the data we use for:");

    public string LiftAfter => T(
        "Na de opheffing gebruiken wij deze gegevens weer voor die doelen, op de grondslagen die in onze privacyverklaring staan.",
        "After the restriction is lifted we will again use these data for those purposes, on the lawful bases set out in our privacy notice.");
}
