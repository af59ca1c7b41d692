using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Domain.Common;

/// <summary>
/// The office's words: every request type, status, channel, decision, ground, lawful basis, identity method
/// and outcome and requirement has exactly one Dutch and one English name here. The screens, the letters,
/// the case file and the CSV exports all read them from this class (ADR 0029), so an officer, a subject and
/// an auditor see the same word for the same thing. A term is a name (capitalised, no article); sentences
/// around it stay with whoever writes the sentence.
/// </summary>
public static class Glossary
{
    /// <summary>The enums that have a name in the glossary; a test checks every value of each.</summary>
    public static IReadOnlyList<Type> Terms { get; } =
    [
        typeof(RequestType), typeof(RequestStatus), typeof(RequestChannel), typeof(DecisionKind), typeof(PurposeDecisionOutcome),
        typeof(RefusalGround), typeof(RequestRefusalGround), typeof(LawfulBasisKind), typeof(IdentityVerificationMethod),
        typeof(IdentityVerificationOutcome), typeof(Requirement), typeof(Salutation),
    ];

    /// <summary>The name of <paramref name="value"/>; a value without a name is a bug (the glossary test finds it first).</summary>
    public static LocalizedText Term(Enum value) => value switch
    {
        RequestType type => Term(type),
        RequestStatus status => Term(status),
        RequestChannel channel => Term(channel),
        DecisionKind kind => Term(kind),
        PurposeDecisionOutcome outcome => Term(outcome),
        RefusalGround ground => Term(ground),
        RequestRefusalGround ground => Term(ground),
        LawfulBasisKind basis => Term(basis),
        IdentityVerificationMethod method => Term(method),
        IdentityVerificationOutcome outcome => Term(outcome),
        Requirement requirement => Term(requirement),
        Salutation salutation => Term(salutation),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a glossary term."),
    };

    /// <summary>The name of <paramref name="value"/> in <paramref name="language"/> ("en" English, anything else Dutch).</summary>
    public static string Name(Enum value, string language) => Term(value).In(language);

    // The rights keep the letters' words (LetterText: "verzoek om beperking van de verwerking").
    public static LocalizedText Term(RequestType type) => type switch
    {
        RequestType.Access => new("Inzage", "Access"),
        RequestType.Rectification => new("Rectificatie", "Rectification"),
        RequestType.Erasure => new("Verwijdering", "Erasure"),
        RequestType.Restriction => new("Beperking van de verwerking", "Restriction of processing"),
        RequestType.Portability => new("Overdraagbaarheid", "Portability"),
        RequestType.Objection => new("Bezwaar", "Objection"),
        RequestType.AutomatedDecisionReview => new("Herziening geautomatiseerd besluit", "Automated decision review"),
        RequestType.ConsentWithdrawal => new("Intrekking toestemming", "Consent withdrawal"),
        RequestType.RecipientsDisclosure => new("Wie ontving mijn gegevens", "Who received my data"),
        _ => throw Unknown(type),
    };

    /// <summary>The article that grants the right, in the domain's form ("AVG art. 15").</summary>
    public static string Article(RequestType type) => type switch
    {
        RequestType.Access => "AVG art. 15",
        RequestType.Rectification => "AVG art. 16",
        RequestType.Erasure => "AVG art. 17",
        RequestType.Restriction => "AVG art. 18",
        RequestType.Portability => "AVG art. 20",
        RequestType.Objection => "AVG art. 21",
        RequestType.AutomatedDecisionReview => "AVG art. 22",
        RequestType.ConsentWithdrawal => "AVG art. 7(3)",
        RequestType.RecipientsDisclosure => "AVG art. 19",
        _ => throw Unknown(type),
    };

    /// <summary>"Inzage (art. 15 AVG)" / "Access (Art. 15 GDPR)".</summary>
    public static string WithArticle(RequestType type, string language) => Cited(Term(type), [Article(type)], language);

    public static LocalizedText Term(RequestStatus status) => status switch
    {
        RequestStatus.Received => new("Ontvangen", "Received"),
        RequestStatus.AwaitingIdentity => new("Wacht op identiteit", "Awaiting identity"),
        RequestStatus.InProgress => new("In behandeling", "In progress"),
        RequestStatus.AwaitingApproval => new("Wacht op goedkeuring", "Awaiting approval"),
        RequestStatus.Responded => new("Beantwoord", "Responded"),
        // The refusal letter says "afwijzing" / "refusal".
        RequestStatus.Rejected => new("Afgewezen", "Refused"),
        RequestStatus.Withdrawn => new("Ingetrokken", "Withdrawn"),
        _ => throw Unknown(status),
    };

    public static LocalizedText Term(RequestChannel channel) => channel switch
    {
        RequestChannel.WebForm => new("Webformulier", "Web form"),
        RequestChannel.Email => new("E-mail", "E-mail"),
        RequestChannel.Phone => new("Telefoon", "Phone"),
        RequestChannel.Letter => new("Brief", "Letter"),
        RequestChannel.InPerson => new("Aan de balie", "In person"),
        _ => throw Unknown(channel),
    };

    public static LocalizedText Term(DecisionKind kind) => kind switch
    {
        DecisionKind.Comply => new("Honoreren", "Comply"),
        DecisionKind.PartiallyComply => new("Gedeeltelijk honoreren", "Comply in part"),
        DecisionKind.Refuse => new("Weigeren", "Refuse"),
        DecisionKind.NotApplicable => new("Niet van toepassing", "Not applicable"),
        _ => throw Unknown(kind),
    };

    /// <summary>A recorded decision has the proposal's name.</summary>
    public static LocalizedText Term(PurposeDecisionOutcome outcome) => outcome switch
    {
        PurposeDecisionOutcome.Comply => Term(DecisionKind.Comply),
        PurposeDecisionOutcome.PartiallyComply => Term(DecisionKind.PartiallyComply),
        PurposeDecisionOutcome.Refuse => Term(DecisionKind.Refuse),
        PurposeDecisionOutcome.NotApplicable => Term(DecisionKind.NotApplicable),
        _ => throw Unknown(outcome),
    };

    public static LocalizedText Term(Requirement requirement) => requirement switch
    {
        Requirement.Comply => Term(DecisionKind.Comply),
        Requirement.PartiallyComply => Term(DecisionKind.PartiallyComply),
        Requirement.NotApplicable => Term(DecisionKind.NotApplicable),
        Requirement.OfficerJudgement => new("Uw afweging", "Your judgement"),
        _ => throw Unknown(requirement),
    };

    /// <summary>The ground of a decision for one purpose; the same words as the whole request's grounds where they mean the same.</summary>
    public static LocalizedText Term(RefusalGround ground) => ground switch
    {
        RefusalGround.RightsOfOthers => Term(RequestRefusalGround.RightsOfOthers),
        RefusalGround.ManifestlyUnfoundedOrExcessive => new("Kennelijk ongegrond of buitensporig", "Manifestly unfounded or excessive"),
        RefusalGround.NationalRestriction => Term(RequestRefusalGround.NationalRestriction),
        RefusalGround.CompellingLegitimateGrounds => Term(RequestRefusalGround.CompellingLegitimateGrounds),
        RefusalGround.LegalClaims => Term(RequestRefusalGround.LegalClaims),
        RefusalGround.LegalRetentionObligation => Term(RequestRefusalGround.LegalObligationToRetain),
        RefusalGround.StillNecessaryForPurpose => new("Nog nodig voor het doel", "Still necessary for the purpose"),
        RefusalGround.NoRestrictionCircumstance => new("Geen grond voor beperking", "No ground for restriction"),
        RefusalGround.DataAccurate => new("Gegevens juist en volledig", "Data accurate and complete"),
        _ => throw Unknown(ground),
    };

    /// <summary>The articles a purpose's refusal ground rests on, in the domain's form; some depend on the right.</summary>
    public static IReadOnlyList<string> Articles(RefusalGround ground, RequestType right) => ground switch
    {
        RefusalGround.RightsOfOthers => [right == RequestType.Portability ? "AVG art. 20(4)" : "AVG art. 15(4)"],
        RefusalGround.ManifestlyUnfoundedOrExcessive => ["AVG art. 12(5)"],
        RefusalGround.NationalRestriction => ["AVG art. 23"],
        RefusalGround.CompellingLegitimateGrounds => ["AVG art. 21(1)"],
        RefusalGround.LegalClaims => [right == RequestType.Erasure ? "AVG art. 17(3)(e)" : "AVG art. 21(1)"],
        RefusalGround.LegalRetentionObligation => ["AVG art. 17(3)(b)"],
        RefusalGround.StillNecessaryForPurpose => ["AVG art. 17(1)(a)"],
        RefusalGround.NoRestrictionCircumstance => ["AVG art. 18(1)"],
        RefusalGround.DataAccurate => ["AVG art. 16"],
        _ => throw Unknown(ground),
    };

    /// <summary>"Wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)".</summary>
    public static string WithArticles(RefusalGround ground, RequestType right, string language) =>
        Cited(Term(ground), Articles(ground, right), language);

    public static LocalizedText Term(RequestRefusalGround ground) => ground switch
    {
        RequestRefusalGround.SubjectNotIdentified => new("Betrokkene niet te identificeren", "Subject cannot be identified"),
        RequestRefusalGround.ManifestlyUnfounded => new("Kennelijk ongegrond", "Manifestly unfounded"),
        RequestRefusalGround.Excessive => new("Buitensporig, met name herhaald", "Excessive, in particular repetitive"),
        RequestRefusalGround.RightsOfOthers => new("Rechten en vrijheden van anderen", "Rights and freedoms of others"),
        RequestRefusalGround.NationalRestriction => new("Beperking in nationaal recht", "Restriction in national law"),
        RequestRefusalGround.LegalObligationToRetain => new("Wettelijke bewaarplicht", "Legal obligation to retain"),
        RequestRefusalGround.LegalClaims => new("Rechtsvorderingen", "Legal claims"),
        RequestRefusalGround.CompellingLegitimateGrounds => new("Dwingende gerechtvaardigde gronden", "Compelling legitimate grounds"),
        RequestRefusalGround.RightNotApplicable => new("Het recht is niet van toepassing", "The right does not apply"),
        RequestRefusalGround.Other => new("Andere grond", "Other ground"),
        _ => throw Unknown(ground),
    };

    /// <summary>The articles a whole request's refusal rests on, in the domain's form; some depend on the right.</summary>
    public static IReadOnlyList<string> Articles(RequestRefusalGround ground, RequestType right) => ground switch
    {
        RequestRefusalGround.SubjectNotIdentified => ["AVG art. 11(2)", "AVG art. 12(2)"],
        RequestRefusalGround.ManifestlyUnfounded or RequestRefusalGround.Excessive => ["AVG art. 12(5)"],
        RequestRefusalGround.RightsOfOthers => [right == RequestType.Portability ? "AVG art. 20(4)" : "AVG art. 15(4)"],
        RequestRefusalGround.NationalRestriction => ["AVG art. 23"],
        RequestRefusalGround.LegalObligationToRetain => ["AVG art. 17(3)(b)"],
        RequestRefusalGround.LegalClaims => [right == RequestType.Erasure ? "AVG art. 17(3)(e)" : "AVG art. 21(1)"],
        RequestRefusalGround.CompellingLegitimateGrounds => ["AVG art. 21(1)"],
        RequestRefusalGround.RightNotApplicable => [Article(right)],
        RequestRefusalGround.Other => [],
        _ => throw Unknown(ground),
    };

    /// <summary>"Rechtsvorderingen (art. 17 lid 3 onder e AVG)".</summary>
    public static string WithArticles(RequestRefusalGround ground, RequestType right, string language) =>
        Cited(Term(ground), Articles(ground, right), language);

    public static LocalizedText Term(LawfulBasisKind basis) => basis switch
    {
        LawfulBasisKind.Consent => new("Toestemming", "Consent"),
        LawfulBasisKind.Contract => new("Overeenkomst", "Contract"),
        LawfulBasisKind.LegalObligation => new("Wettelijke verplichting", "Legal obligation"),
        LawfulBasisKind.VitalInterests => new("Vitaal belang", "Vital interests"),
        LawfulBasisKind.PublicTask => new("Algemeen belang", "Public task"),
        LawfulBasisKind.LegitimateInterest => new("Gerechtvaardigd belang", "Legitimate interest"),
        _ => throw Unknown(basis),
    };

    /// <summary>The basis with its letter of Art. 6(1), as lists of bases show it: "f · Gerechtvaardigd belang".</summary>
    public static string WithLetter(LawfulBasisKind basis, string language) => $"{basis.Letter()} · {Term(basis).In(language)}";

    public static LocalizedText Term(IdentityVerificationMethod method) => method switch
    {
        IdentityVerificationMethod.KnownChannel => new("Bekend kanaal", "Known channel"),
        IdentityVerificationMethod.EmailVerified => new("E-mailadres bevestigd met code", "E-mail address confirmed by code"),
        IdentityVerificationMethod.CustomerPortalLogin => new("Inlog klantportaal", "Customer portal login"),
        IdentityVerificationMethod.IdDocumentCopy => new("Kopie ID-bewijs", "Copy of ID document"),
        IdentityVerificationMethod.VideoCall => new("Videogesprek", "Video call"),
        IdentityVerificationMethod.InPersonCheck => new("Persoonlijk", "In person"),
        IdentityVerificationMethod.SecurityQuestions => new("Controlevragen", "Security questions"),
        _ => throw Unknown(method),
    };

    public static LocalizedText Term(IdentityVerificationOutcome outcome) => outcome switch
    {
        IdentityVerificationOutcome.Verified => new("Vastgesteld", "Verified"),
        IdentityVerificationOutcome.NotVerified => new("Niet vastgesteld", "Not verified"),
        IdentityVerificationOutcome.CannotIdentify => new("Niet te identificeren", "Cannot identify"),
        _ => throw Unknown(outcome),
    };

    /// <summary>A term followed by its articles in the reader's form: "Inzage (art. 15 AVG)"; without articles, the term alone.</summary>
    public static string Cited(LocalizedText term, IEnumerable<string> articles, string language)
    {
        ArgumentNullException.ThrowIfNull(term);
        var dutch = !IsEnglish(language);
        var cited = LegalCitations.Join(articles, dutch);
        return cited.Length == 0 ? term.In(language) : $"{term.In(language)} ({cited})";
    }

    private static bool IsEnglish(string language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>How letters address the subject, as the intake and the profile offer it.</summary>
    public static LocalizedText Term(Salutation salutation) => salutation switch
    {
        Salutation.Sir => new("De heer", "Mr"),
        Salutation.Madam => new("Mevrouw", "Ms"),
        Salutation.Unknown => new("Onbekend", "Unknown"),
        _ => throw Unknown(salutation),
    };

    private static ArgumentOutOfRangeException Unknown(Enum value) => new(nameof(value), value, "No glossary term for this value.");
}
