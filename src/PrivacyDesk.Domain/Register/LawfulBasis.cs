namespace PrivacyDesk.Domain.Register;

/// <summary>The six lawful bases of Art. 6(1) AVG, (a) to (f).</summary>
public enum LawfulBasisKind
{
    /// <summary>(a) the subject has given consent.</summary>
    Consent,

    /// <summary>(b) necessary for a contract with the subject, or steps before entering into one.</summary>
    Contract,

    /// <summary>(c) necessary to comply with a legal obligation of the controller.</summary>
    LegalObligation,

    /// <summary>(d) necessary to protect the vital interests of the subject or another person.</summary>
    VitalInterests,

    /// <summary>(e) necessary for a task in the public interest or in the exercise of official authority.</summary>
    PublicTask,

    /// <summary>(f) necessary for a legitimate interest not overridden by the subject's interests.</summary>
    LegitimateInterest,
}

public static class LawfulBasisKinds
{
    /// <summary>The letter of Art. 6(1): 'a' to 'f', as the privacy notice writes it ("lit. f").</summary>
    public static char Letter(this LawfulBasisKind kind) => (char)('a' + (int)kind);

    /// <summary>The article as a letter cites it, e.g. "AVG art. 6(1)(c)".</summary>
    public static string Article(this LawfulBasisKind kind) => $"AVG art. 6(1)({kind.Letter()})";

    public static LawfulBasisKind? FromLetter(char letter) =>
        letter is >= 'a' and <= 'f' ? (LawfulBasisKind)(letter - 'a') : null;
}

/// <summary>How consent is obtained and withdrawn; explicit consent is what special-category data need (Art. 9(2)(a)).</summary>
public sealed record ConsentMechanism(string HowObtained, string HowWithdrawn, bool IsExplicit);

/// <summary>The legitimate-interest assessment (LIA) that basis (f) rests on: the three tests, their outcome and when to look again.</summary>
public sealed record LegitimateInterestAssessment(
    string PurposeTest,
    string NecessityTest,
    string BalancingTest,
    string Outcome,
    DateOnly? ReviewDate);

/// <summary>
/// One lawful basis of a purpose with the evidence its kind requires (gdpr-rules §1). Only the field
/// of its own kind is meaningful; the factories fill exactly that one.
/// </summary>
public sealed record LawfulBasis
{
    private LawfulBasis()
    {
    }

    public LawfulBasisKind Kind { get; private init; }

    public ConsentMechanism? ConsentMechanism { get; private init; }

    /// <summary>(b): the contract or service the processing is necessary for.</summary>
    public string? ContractReference { get; private init; }

    /// <summary>(c): statute and article, e.g. "Wwft art. 33".</summary>
    public string? LegalProvision { get; private init; }

    /// <summary>(d): why the processing protects someone's life.</summary>
    public string? VitalInterestJustification { get; private init; }

    /// <summary>(e): the Union or Member State law that lays down the task.</summary>
    public string? PublicTaskLaw { get; private init; }

    public LegitimateInterestAssessment? Assessment { get; private init; }

    public static LawfulBasis Consent(ConsentMechanism? mechanism) => new() { Kind = LawfulBasisKind.Consent, ConsentMechanism = mechanism };

    public static LawfulBasis Contract(string? contractReference) => new() { Kind = LawfulBasisKind.Contract, ContractReference = contractReference };

    public static LawfulBasis LegalObligation(string? legalProvision) => new() { Kind = LawfulBasisKind.LegalObligation, LegalProvision = legalProvision };

    public static LawfulBasis VitalInterests(string? justification) => new() { Kind = LawfulBasisKind.VitalInterests, VitalInterestJustification = justification };

    public static LawfulBasis PublicTask(string? law) => new() { Kind = LawfulBasisKind.PublicTask, PublicTaskLaw = law };

    public static LawfulBasis LegitimateInterest(LegitimateInterestAssessment? assessment) => new() { Kind = LawfulBasisKind.LegitimateInterest, Assessment = assessment };

    /// <summary>The evidence in one line, for the audit trail and the register view.</summary>
    public override string ToString() => Kind switch
    {
        LawfulBasisKind.Consent => $"(a) consent: {ConsentMechanism?.HowObtained} / {ConsentMechanism?.HowWithdrawn}{(ConsentMechanism?.IsExplicit == true ? " (explicit)" : "")}",
        LawfulBasisKind.Contract => $"(b) contract: {ContractReference}",
        LawfulBasisKind.LegalObligation => $"(c) legal obligation: {LegalProvision}",
        LawfulBasisKind.VitalInterests => $"(d) vital interests: {VitalInterestJustification}",
        LawfulBasisKind.PublicTask => $"(e) public task: {PublicTaskLaw}",
        _ => $"(f) legitimate interest: {Assessment?.Outcome} (review {Assessment?.ReviewDate:yyyy-MM-dd})",
    };
}
