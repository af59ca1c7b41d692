using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Domain.Rights;

/// <summary>
/// The rights × lawful-basis table of gdpr-rules §2. Each purpose is judged per basis: what one basis
/// forbids another may still allow, and the purpose's requirement follows from the bases together.
/// Direct marketing and automated decisions are judged on the purpose, whatever its bases.
/// </summary>
public static class RightsEngine
{
    public static RightsAssessment Assess(RequestType right, DataSubject subject, IEnumerable<Purpose> register, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new(right, subject.Id, on, [.. subject.ProcessingPurposes(register).Select(p => AssessPurpose(right, subject, p, on))]);
    }

    public static PurposeAssessment AssessPurpose(RequestType right, DataSubject subject, Purpose purpose, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(purpose);

        if (purpose.IsAnonymised && purpose.LawfulBases.Count == 0)
        {
            return new(purpose.Id, purpose.Key, purpose.Name, right, Requirement.NotApplicable,
                T("De gegevens zijn geanonimiseerd en daarmee geen persoonsgegevens; de rechten van de AVG zijn niet van toepassing.",
                  "The data are anonymised and therefore not personal data; the rights of the GDPR do not apply."),
                ["AVG overweging 26"], []);
        }

        var bases = purpose.LawfulBases.Select(b => Judge(right, b.Kind, purpose, subject, on)).ToList();
        var assessment = Combine(right, purpose, bases);

        if (right == RequestType.Erasure && purpose.Basis(LawfulBasisKind.LegalObligation) is { } legal
            && bases.Any(b => b.Kind == LawfulBasisKind.LegalObligation && b.Outcome == BasisOutcome.DoesNotApply))
        {
            var until = RetainUntil(purpose, subject);
            // The provision that obliges keeping (the retention ground's), not the one that obliges processing (the basis's).
            var provision = LegalCitations.NationalProvisions(purpose.Retention?.Ground) is { Length: > 0 } retention ? retention : legal.LegalProvision ?? "";
            assessment = assessment with
            {
                RetainUntil = until,
                RetentionProvision = provision,
                Reason = until is { } date
                    ? T($"{assessment.Reason.Nl} De gegevens blijven bewaard, beperkt tot de wettelijke verplichting ({provision}), tot en met {SentenceDates.In(date, "nl")}.",
                        $"{assessment.Reason.En} The data are kept, restricted to the legal obligation ({provision}), until {SentenceDates.In(date, "en")}.")
                    : T($"{assessment.Reason.Nl} De gegevens blijven bewaard, beperkt tot de wettelijke verplichting ({provision}); de bewaartermijn ({purpose.Retention?.Ground}) is nog niet begonnen omdat de relatie loopt.",
                        $"{assessment.Reason.En} The data are kept, restricted to the legal obligation ({provision}); the retention period ({purpose.Retention?.Ground}) has not started because the relationship continues."),
            };
        }

        if (right == RequestType.RecipientsDisclosure)
        {
            assessment = assessment with { Recipients = purpose.Recipients };
        }
        return assessment;
    }

    /// <summary>The last day data of this purpose must be kept for the subject; collection is taken as the start of the relationship.</summary>
    public static DateOnly? RetainUntil(Purpose purpose, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(subject);
        return purpose.Retention?.RetainUntil(subject.RelationshipEnd, subject.RelationshipStart);
    }

    private static BasisAssessment Judge(RequestType right, LawfulBasisKind kind, Purpose purpose, DataSubject subject, DateOnly on)
    {
        // Art. 21(2)-(3): an objection to direct marketing is absolute, whatever the basis.
        if (purpose.IsDirectMarketing && right == RequestType.Objection)
        {
            return Applies(kind, "Bezwaar tegen direct marketing is absoluut: de marketingverwerking stopt, zonder belangenafweging of uitzondering.",
                "An objection to direct marketing is absolute: marketing processing stops, with no balancing test and no exception.",
                "AVG art. 21(2)", "AVG art. 21(3)");
        }

        return right switch
        {
            RequestType.Access => Applies(kind, "Recht op inzage geldt voor elke rechtsgrond.", "The right of access applies on every basis.", "AVG art. 15"),
            RequestType.Rectification => Applies(kind, "Recht op rectificatie van onjuiste of onvolledige gegevens geldt voor elke rechtsgrond.",
                "The right to rectify inaccurate or incomplete data applies on every basis.", "AVG art. 16"),
            RequestType.Restriction => Applies(kind, "Beperking geldt voor elke rechtsgrond in de gevallen van art. 18 lid 1; de gegevens blijven opgeslagen.",
                "Restriction applies on every basis in the cases of Art. 18(1); the data remain stored.", "AVG art. 18(1)", "AVG art. 18(2)"),
            RequestType.Erasure => Erasure(kind, purpose, subject, on),
            RequestType.Portability => Portability(kind, purpose),
            RequestType.Objection => Objection(kind),
            RequestType.ConsentWithdrawal => ConsentWithdrawal(kind, purpose),
            RequestType.AutomatedDecisionReview => purpose.HasSolelyAutomatedDecisions
                ? Applies(kind, "Dit doel neemt uitsluitend geautomatiseerde besluiten met rechtsgevolg of aanmerkelijk gevolg: de betrokkene heeft recht op menselijke tussenkomst, het geven van een standpunt en het aanvechten van het besluit.",
                    "This purpose takes solely automated decisions with legal or similarly significant effect: the subject is entitled to human intervention, to express their view and to contest the decision.",
                    "AVG art. 22(1)", "AVG art. 22(3)")
                : DoesNotApply(kind, "Dit doel neemt geen uitsluitend geautomatiseerde besluiten met rechtsgevolg of aanmerkelijk gevolg.",
                    "This purpose takes no solely automated decisions with legal or similarly significant effect.", "AVG art. 22(1)"),
            RequestType.RecipientsDisclosure => Applies(kind, "De betrokkene heeft recht te weten aan wie de gegevens zijn verstrekt.",
                "The subject is entitled to know who received the data.", "AVG art. 19", "AVG art. 15(1)(c)"),
            _ => throw new ArgumentOutOfRangeException(nameof(right), right, "Unknown right."),
        };
    }

    private static BasisAssessment Erasure(LawfulBasisKind kind, Purpose purpose, DataSubject subject, DateOnly on)
    {
        var ended = subject.RelationshipHasEnded(on);
        switch (kind)
        {
            case LawfulBasisKind.Consent:
                return Applies(kind, "Na intrekking van de toestemming moeten de gegevens worden gewist als geen andere rechtsgrond overblijft; het verzoek tot wissen geldt als intrekking.",
                    "Once consent is withdrawn the data must be erased if no other basis remains; the erasure request counts as withdrawal.",
                    "AVG art. 17(1)(b)", "AVG art. 7(3)");
            case LawfulBasisKind.Contract:
                return ended
                    ? Applies(kind, "De overeenkomst is beëindigd: de gegevens zijn daarvoor niet meer nodig.", "The contract has ended: the data are no longer necessary for it.", "AVG art. 17(1)(a)")
                    : DoesNotApply(kind, "De overeenkomst loopt nog: de gegevens zijn nodig om haar uit te voeren.", "The contract is still running: the data are necessary to perform it.", "AVG art. 17(1)(a)", "AVG art. 6(1)(b)");
            case LawfulBasisKind.LegalObligation:
                var until = RetainUntil(purpose, subject);
                var provision = purpose.Basis(LawfulBasisKind.LegalObligation)?.LegalProvision;
                return until is { } date && date < on
                    ? Applies(kind, $"De wettelijke bewaartermijn is op {SentenceDates.In(date, "nl")} verstreken: de gegevens zijn niet meer nodig.",
                        $"The legal retention period ended on {SentenceDates.In(date, "en")}: the data are no longer necessary.", "AVG art. 17(1)(a)")
                    : DoesNotApply(kind, $"Een wettelijke verplichting ({provision}) vereist bewaren zolang de bewaartermijn loopt.",
                        $"A legal obligation ({provision}) requires keeping the data while the retention period runs.", "AVG art. 17(3)(b)", provision ?? "");
            case LawfulBasisKind.VitalInterests:
                return Judgement(kind, "Wissen als de gegevens niet meer nodig zijn om een vitaal belang te beschermen.",
                    "Erase when the data are no longer needed to protect someone's vital interests.",
                    "Zijn de gegevens nog nodig om het leven of de gezondheid van de betrokkene of een ander te beschermen? Zo niet: wissen.",
                    "Are the data still needed to protect the life or health of the subject or another person? If not: erase.",
                    "AVG art. 17(1)(a)", "AVG art. 6(1)(d)");
            case LawfulBasisKind.PublicTask:
                return DoesNotApply(kind, "Verwerking voor een taak van algemeen belang is uitgezonderd van het recht op wissen.",
                    "Processing for a task in the public interest is exempt from the right to erasure.", "AVG art. 17(3)(b)");
            default:
                if (purpose.IsDirectMarketing)
                {
                    return Applies(kind, "Bij direct marketing geldt het verzoek als bezwaar (art. 21 lid 2), dat altijd wordt gehonoreerd: de gegevens worden gewist.",
                        "For direct marketing the request counts as an objection (Art. 21(2)), which is always upheld: the data are erased.",
                        "AVG art. 17(1)(c)", "AVG art. 21(2)");
                }
                return ended
                    ? Applies(kind, "De relatie is beëindigd: de gegevens zijn niet meer nodig voor het gerechtvaardigd belang, tenzij nodig voor een rechtsvordering.",
                        "The relationship has ended: the data are no longer necessary for the legitimate interest, unless needed for legal claims.",
                        "AVG art. 17(1)(a)", "AVG art. 17(3)(e)")
                    : Judgement(kind, "Wissen als een bezwaar wordt gehonoreerd of de gegevens niet meer nodig zijn, behalve voor rechtsvorderingen.",
                        "Erase when an objection is upheld or the data are no longer necessary, except for legal claims.",
                        "Wordt het bezwaar gehonoreerd (art. 17 lid 1 onder c) of zijn de gegevens niet meer nodig (onder a)? Dan wissen, tenzij ze nodig zijn voor een rechtsvordering (art. 17 lid 3 onder e).",
                        "Is the objection upheld (Art. 17(1)(c)) or are the data no longer necessary (17(1)(a))? Then erase, unless they are needed for legal claims (17(3)(e)).",
                        "AVG art. 17(1)(a)", "AVG art. 17(1)(c)", "AVG art. 17(3)(e)");
        }
    }

    private static BasisAssessment Portability(LawfulBasisKind kind, Purpose purpose) => kind switch
    {
        LawfulBasisKind.Consent or LawfulBasisKind.Contract when purpose.IsProcessedByAutomatedMeans =>
            Applies(kind, "De gegevens die de betrokkene zelf heeft verstrekt, worden in een gestructureerd, gangbaar en machineleesbaar formaat geleverd, desgewenst aan een derde.",
                "The data the subject provided are delivered in a structured, commonly used, machine-readable format, to a third party if asked.",
                "AVG art. 20(1)", "AVG art. 20(2)"),
        LawfulBasisKind.Consent or LawfulBasisKind.Contract =>
            DoesNotApply(kind, "De gegevens worden niet geautomatiseerd verwerkt.", "The data are not processed by automated means.", "AVG art. 20(1)(b)"),
        _ => DoesNotApply(kind, "Overdraagbaarheid geldt alleen bij toestemming of overeenkomst.", "Portability applies only on consent or contract.", "AVG art. 20(1)(a)"),
    };

    private static BasisAssessment Objection(LawfulBasisKind kind) => kind switch
    {
        LawfulBasisKind.Consent => Applies(kind, "Bezwaar tegen verwerking op basis van toestemming geldt als intrekking van de toestemming: die verwerking stopt.",
            "An objection to processing on consent counts as withdrawal of consent: that processing stops.", "AVG art. 7(3)"),
        LawfulBasisKind.PublicTask or LawfulBasisKind.LegitimateInterest => Judgement(kind,
            "De verwerking stopt, tenzij dwingende gerechtvaardigde gronden zwaarder wegen of de gegevens nodig zijn voor een rechtsvordering.",
            "Processing stops unless compelling legitimate grounds override or the data are needed for legal claims.",
            "Zijn er dwingende gerechtvaardigde gronden die zwaarder wegen dan de belangen, rechten en vrijheden van de betrokkene, gezien diens specifieke situatie, of zijn de gegevens nodig voor een rechtsvordering? Zo niet: stoppen.",
            "Are there compelling legitimate grounds that override the subject's interests, rights and freedoms, given their particular situation, or are the data needed for legal claims? If not: stop.",
            "AVG art. 21(1)"),
        _ => DoesNotApply(kind, "Het recht van bezwaar geldt niet voor deze rechtsgrond.", "The right to object does not apply to this basis.", "AVG art. 21(1)"),
    };

    private static BasisAssessment ConsentWithdrawal(LawfulBasisKind kind, Purpose purpose)
    {
        if (kind == LawfulBasisKind.Consent)
        {
            return Applies(kind, "De verwerking op basis van toestemming stopt; verwerking vóór de intrekking blijft rechtmatig.",
                "Processing on consent stops; processing before the withdrawal remains lawful.", "AVG art. 7(3)");
        }
        // Withdrawing from marketing is also an objection to direct marketing, which no other basis survives.
        return purpose.IsDirectMarketing
            ? Applies(kind, "Bij direct marketing geldt de intrekking ook als bezwaar (art. 21 lid 2): de marketing stopt op elke rechtsgrond.",
                "For direct marketing the withdrawal also counts as an objection (Art. 21(2)): marketing stops on every basis.",
                "AVG art. 21(2)", "AVG art. 21(3)")
            : DoesNotApply(kind, "Deze rechtsgrond berust niet op toestemming; intrekking raakt haar niet.",
                "This basis does not rest on consent; withdrawal does not affect it.", "AVG art. 7(3)");
    }

    private static PurposeAssessment Combine(RequestType right, Purpose purpose, List<BasisAssessment> bases)
    {
        var remaining = bases.Where(b => b.Outcome == BasisOutcome.DoesNotApply).Select(b => b.Kind).ToList();
        var judgement = bases.FirstOrDefault(b => b.Outcome == BasisOutcome.Judgement);
        var references = bases.SelectMany(b => b.LegalReferences).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var remainingText = string.Join(", ", remaining.Select(k => k.Article()));

        var (requirement, reason) = judgement is not null
            ? (Requirement.OfficerJudgement, remaining.Count == 0
                ? T("De wet laat een afweging aan de functionaris: zie de toets.", "The law leaves a judgement to the officer: see the test.")
                : T($"De wet laat een afweging aan de functionaris: zie de toets. Ook als het verzoek wordt gehonoreerd, blijft de verwerking op grond van {remainingText}.",
                    $"The law leaves a judgement to the officer: see the test. Even if the request is upheld, processing continues on {remainingText}."))
            : bases.Count > 0 && remaining.Count == 0
                ? (Requirement.Comply, T("Het recht geldt voor elke rechtsgrond van dit doel.", "The right applies on every basis of this purpose."))
                : remaining.Count == bases.Count
                    ? (Requirement.NotApplicable, T(string.Join(" ", bases.Select(b => b.Reason.Nl).Distinct()), string.Join(" ", bases.Select(b => b.Reason.En).Distinct())))
                    : (Requirement.PartiallyComply, T($"Het recht geldt gedeeltelijk: de verwerking blijft op grond van {remainingText}.",
                        $"The right applies in part: processing continues on {remainingText}."));

        return new PurposeAssessment(purpose.Id, purpose.Key, purpose.Name, right, requirement, reason, references, bases)
        {
            Test = judgement?.Test,
            RemainingBases = requirement == Requirement.Comply ? [] : remaining,
        };
    }

    private static BasisAssessment Applies(LawfulBasisKind kind, string nl, string en, params string[] references) =>
        new(kind, BasisOutcome.Applies, T(nl, en), references);

    private static BasisAssessment DoesNotApply(LawfulBasisKind kind, string nl, string en, params string[] references) =>
        new(kind, BasisOutcome.DoesNotApply, T(nl, en), references);

    private static BasisAssessment Judgement(LawfulBasisKind kind, string nl, string en, string testNl, string testEn, params string[] references) =>
        new(kind, BasisOutcome.Judgement, T(nl, en), references, T(testNl, testEn));

    private static LocalizedText T(string nl, string en) => new(nl, en);
}
