using System.Globalization;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Documents.Register;

/// <summary>
/// The register's values in words for documents, in Dutch and English. Lawful bases are the office's terms
/// (<see cref="Glossary"/>); the evidence of a basis is worded here once for the Art. 30 PDF and CSV.
/// </summary>
public static class RegisterWording
{
    private static string T(string language, string nl, string en) => DocumentFormat.IsDutch(language) ? nl : en;

    public static string Status(PurposeStatus status, string language) => status switch
    {
        PurposeStatus.Draft => T(language, "Concept", "Draft"),
        PurposeStatus.Active => T(language, "Actief", "Active"),
        _ => T(language, "Beëindigd", "Retired"),
    };

    /// <summary>The basis's name from the office's <see cref="Glossary"/>.</summary>
    public static string Basis(LawfulBasisKind kind, string language) => Glossary.Term(kind).In(language);

    /// <summary>"art. 6 lid 1 sub f AVG" / "Art. 6(1)(f) GDPR".</summary>
    public static string BasisArticle(LawfulBasisKind kind, string language) =>
        T(language, $"art. 6 lid 1 sub {kind.Letter()} AVG", $"Art. 6(1)({kind.Letter()}) GDPR");

    /// <summary>"Gerechtvaardigd belang (art. 6 lid 1 sub f AVG)".</summary>
    public static string BasisWithArticle(LawfulBasisKind kind, string language) => $"{Basis(kind, language)} ({BasisArticle(kind, language)})";

    /// <summary>
    /// What the basis rests on, as the register records it: the provision, the contract, the consent mechanism,
    /// the LIA's tests. The one wording of the Art. 30 record's evidence: the PDF sets the parts on lines, the CSV
    /// joins them (<see cref="EvidenceText"/>). Nothing recorded is one part, "niet vastgelegd".
    /// </summary>
    public static IReadOnlyList<EvidencePart> Evidence(LawfulBasis basis, string language)
    {
        ArgumentNullException.ThrowIfNull(basis);
        IReadOnlyList<EvidencePart>? parts = basis.Kind switch
        {
            LawfulBasisKind.Consent => basis.ConsentMechanism is { } m
                ? [new(T(language, "Verkregen", "Obtained"), m.HowObtained), new(T(language, "Intrekken", "Withdrawn"), m.HowWithdrawn),
                    .. m.IsExplicit ? [new EvidencePart(null, T(language, "uitdrukkelijke toestemming", "explicit consent"))] : Array.Empty<EvidencePart>()]
                : null,
            LawfulBasisKind.Contract => Plain(basis.ContractReference),
            LawfulBasisKind.LegalObligation => Plain(basis.LegalProvision),
            LawfulBasisKind.VitalInterests => Plain(basis.VitalInterestJustification),
            LawfulBasisKind.PublicTask => Plain(basis.PublicTaskLaw),
            _ => basis.Assessment is { } lia
                ?
                [
                    new(T(language, "Doeltoets", "Purpose test"), lia.PurposeTest),
                    new(T(language, "Noodzakelijkheidstoets", "Necessity test"), lia.NecessityTest),
                    new(T(language, "Belangenafweging", "Balancing test"), lia.BalancingTest),
                    new(T(language, "Uitkomst", "Outcome"), lia.Outcome),
                    new(T(language, "Herbeoordeling", "Review"), lia.ReviewDate is { } d ? DocumentFormat.Date(d, language) : NotRecorded(language)),
                ]
                : null,
        };
        return parts ?? [new EvidencePart(null, NotRecorded(language))];

        static IReadOnlyList<EvidencePart>? Plain(string? text) => string.IsNullOrWhiteSpace(text) ? null : [new EvidencePart(null, text)];
    }

    /// <summary>The evidence on one line: "Doeltoets: …; Noodzakelijkheidstoets: …".</summary>
    public static string EvidenceText(LawfulBasis basis, string language) =>
        string.Join("; ", Evidence(basis, language).Select(p => p.Label is null ? p.Text : $"{p.Label}: {p.Text}"));

    public static string NotRecorded(string language) => T(language, "niet vastgelegd", "not recorded");

    public static string SubjectCategory(SubjectCategory category, string language) => category switch
    {
        Domain.Register.SubjectCategory.Customer => T(language, "Klanten", "Customers"),
        Domain.Register.SubjectCategory.Prospect => T(language, "Prospects", "Prospects"),
        Domain.Register.SubjectCategory.WebsiteVisitor => T(language, "Websitebezoekers", "Website visitors"),
        Domain.Register.SubjectCategory.PremisesVisitor => T(language, "Bezoekers van onze panden", "Visitors to our premises"),
        Domain.Register.SubjectCategory.SurveyRespondent => T(language, "Enquêtedeelnemers", "Survey respondents"),
        Domain.Register.SubjectCategory.WebinarParticipant => T(language, "Webinardeelnemers", "Webinar participants"),
        _ => T(language, "Nieuwsbriefabonnees", "Newsletter subscribers"),
    };

    public static string Origin(DataOrigin origin, string language) => origin switch
    {
        DataOrigin.ProvidedBySubject => T(language, "verstrekt door betrokkene", "provided by the subject"),
        DataOrigin.ObservedFromUse => T(language, "waargenomen bij gebruik", "observed from use"),
        DataOrigin.InferredOrDerived => T(language, "afgeleid", "inferred or derived"),
        _ => T(language, "van een derde", "from a third party"),
    };

    /// <summary>The origin as a letter to the subject says it ("door u verstrekt").</summary>
    public static string OriginToSubject(DataOrigin origin, string language) => origin switch
    {
        DataOrigin.ProvidedBySubject => T(language, "door u verstrekt", "provided by you"),
        DataOrigin.ObservedFromUse => T(language, "vastgelegd bij uw gebruik van onze diensten", "recorded when you use our services"),
        DataOrigin.InferredOrDerived => T(language, "door ons afgeleid of berekend", "inferred or calculated by us"),
        _ => T(language, "verkregen van een andere partij", "obtained from another party"),
    };

    public static string RecipientKind(RecipientKind kind, string language) => kind switch
    {
        Domain.Register.RecipientKind.Internal => T(language, "intern", "internal"),
        Domain.Register.RecipientKind.Processor => T(language, "verwerker", "processor"),
        Domain.Register.RecipientKind.CreditBureau => T(language, "kredietbureau", "credit bureau"),
        Domain.Register.RecipientKind.IdentityCheckProvider => T(language, "identiteitscontrole", "identity-check provider"),
        Domain.Register.RecipientKind.Regulator => T(language, "toezichthouder", "regulator"),
        Domain.Register.RecipientKind.Acquirer => T(language, "overnemende partij", "acquirer"),
        _ => T(language, "andere derde", "other third party"),
    };

    public static string Recipient(Recipient recipient, string language)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var kind = RecipientKind(recipient.Kind, language);
        // The seed's names often say the kind already ("Compliance (intern)"); do not say it twice.
        return recipient.Name.Contains(kind, StringComparison.OrdinalIgnoreCase)
            ? $"{recipient.Name} ({recipient.Country})"
            : $"{recipient.Name} ({kind}, {recipient.Country})";
    }

    public static string Safeguard(TransferSafeguard? safeguard, string language) => safeguard switch
    {
        TransferSafeguard.AdequacyDecision => T(language, "Adequaatheidsbesluit (art. 45 AVG)", "Adequacy decision (Art. 45 GDPR)"),
        TransferSafeguard.StandardContractualClauses => T(language, "Modelcontractbepalingen (art. 46 lid 2 sub c AVG)", "Standard contractual clauses (Art. 46(2)(c) GDPR)"),
        TransferSafeguard.BindingCorporateRules => T(language, "Bindende bedrijfsvoorschriften (art. 47 AVG)", "Binding corporate rules (Art. 47 GDPR)"),
        TransferSafeguard.Derogation => T(language, "Uitzondering (art. 49 AVG)", "Derogation (Art. 49 GDPR)"),
        _ => T(language, "GEEN WAARBORG", "NO SAFEGUARD"),
    };

    public static string Transfer(Transfer transfer, string language)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return $"{transfer.Recipient} ({transfer.Country}): {Safeguard(transfer.Safeguard, language)}" + (transfer.Details is null ? "" : $", {transfer.Details}");
    }

    /// <summary>"5 jaar na het einde van de relatie" / "5 years after the end of the relationship".</summary>
    public static string RetentionPeriod(RetentionPeriod retention, string language)
    {
        ArgumentNullException.ThrowIfNull(retention);
        var unit = (retention.Unit, retention.Amount == 1) switch
        {
            (RetentionUnit.Months, true) => T(language, "maand", "month"),
            (RetentionUnit.Months, false) => T(language, "maanden", "months"),
            (RetentionUnit.Years, true) => T(language, "jaar", "year"),
            _ => T(language, "jaar", "years"),
        };
        var start = retention.Start == RetentionStart.AfterRelationshipEnd
            ? T(language, "na het einde van de relatie", "after the end of the relationship")
            : T(language, "na het verzamelen", "after collection");
        return $"{retention.Amount.ToString(CultureInfo.InvariantCulture)} {unit} {start}";
    }

    public static string AutomatedDecisionGround(AutomatedDecisionGround? ground, string language) => ground switch
    {
        Domain.Register.AutomatedDecisionGround.ContractNecessity => T(language, "Noodzakelijk voor een overeenkomst (art. 22 lid 2 sub a AVG)", "Necessary for a contract (Art. 22(2)(a) GDPR)"),
        Domain.Register.AutomatedDecisionGround.UnionOrMemberStateLaw => T(language, "Toegestaan bij Unie- of lidstatelijk recht (art. 22 lid 2 sub b AVG)", "Authorised by Union or Member State law (Art. 22(2)(b) GDPR)"),
        Domain.Register.AutomatedDecisionGround.ExplicitConsent => T(language, "Uitdrukkelijke toestemming (art. 22 lid 2 sub c AVG)", "Explicit consent (Art. 22(2)(c) GDPR)"),
        _ => "-",
    };

    public static string SpecialCategoryCondition(SpecialCategoryCondition? condition, string language) => condition switch
    {
        null => T(language, "geen uitzonderingsgrond art. 9 lid 2", "no Art. 9(2) condition"),
        Domain.Register.SpecialCategoryCondition.ExplicitConsent => T(language, "9(2)(a) uitdrukkelijke toestemming", "9(2)(a) explicit consent"),
        Domain.Register.SpecialCategoryCondition.EmploymentAndSocialSecurityLaw => T(language, "9(2)(b) arbeids- en socialezekerheidsrecht", "9(2)(b) employment and social security law"),
        Domain.Register.SpecialCategoryCondition.VitalInterests => T(language, "9(2)(c) vitaal belang", "9(2)(c) vital interests"),
        Domain.Register.SpecialCategoryCondition.NotForProfitBody => T(language, "9(2)(d) stichting of vereniging zonder winstoogmerk", "9(2)(d) not-for-profit body"),
        Domain.Register.SpecialCategoryCondition.MadePublicBySubject => T(language, "9(2)(e) door betrokkene openbaar gemaakt", "9(2)(e) made public by the subject"),
        Domain.Register.SpecialCategoryCondition.LegalClaims => T(language, "9(2)(f) rechtsvorderingen", "9(2)(f) legal claims"),
        Domain.Register.SpecialCategoryCondition.SubstantialPublicInterest => T(language, "9(2)(g) zwaarwegend algemeen belang", "9(2)(g) substantial public interest"),
        Domain.Register.SpecialCategoryCondition.HealthOrSocialCare => T(language, "9(2)(h) gezondheidszorg of sociale zorg", "9(2)(h) health or social care"),
        Domain.Register.SpecialCategoryCondition.PublicHealth => T(language, "9(2)(i) volksgezondheid", "9(2)(i) public health"),
        _ => T(language, "9(2)(j) archivering, onderzoek of statistiek", "9(2)(j) archiving, research or statistics"),
    };

    public static string YesNo(bool value, string language) => value ? T(language, "Ja", "Yes") : T(language, "Nee", "No");
}

/// <summary>One piece of a basis's evidence: a label ("Doeltoets") or none, and the register's text.</summary>
public sealed record EvidencePart(string? Label, string Text);
