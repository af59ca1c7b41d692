using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>
/// The edit form of one purpose: every field of <see cref="PurposeDefinition"/> as something a form
/// can bind to. It holds whatever the user typed, valid or not, so a refused save loses nothing; the
/// domain judges the result (<see cref="ToDefinition"/>).
/// </summary>
public sealed class PurposeForm
{
    public string NameNl { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string DescriptionNl { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    /// <summary>One entry per Art. 6(1) basis, (a) to (f), in that order; <see cref="BasisForm.Selected"/> says whether the purpose rests on it.</summary>
    public IReadOnlyList<BasisForm> Bases { get; init; } = [.. Enum.GetValues<LawfulBasisKind>().Select(k => new BasisForm(k))];

    public HashSet<SubjectCategory> SubjectCategories { get; init; } = [];

    public List<DataCategoryForm> DataCategories { get; init; } = [];

    public List<RecipientForm> Recipients { get; init; } = [];

    /// <summary>One system per line.</summary>
    public string SourceSystems { get; set; } = "";

    public List<TransferForm> Transfers { get; init; } = [];

    public int? RetentionAmount { get; set; }

    public RetentionUnit RetentionUnit { get; set; } = RetentionUnit.Years;

    public RetentionStart RetentionStart { get; set; } = RetentionStart.AfterRelationshipEnd;

    public string RetentionGround { get; set; } = "";

    public bool HasAutomatedDecisionMaking { get; set; }

    public bool InvolvesProfiling { get; set; }

    public bool SolelyAutomatedWithSignificantEffect { get; set; }

    public AutomatedDecisionGround? AutomatedDecisionGround { get; set; }

    public string HumanInterventionRoute { get; set; } = "";

    public string AutomatedDecisionLogic { get; set; } = "";

    public bool HasSpecialCategoryData { get; set; }

    public string SpecialCategoryDescription { get; set; } = "";

    public SpecialCategoryCondition? SpecialCategoryCondition { get; set; }

    public bool HasCriminalData { get; set; }

    public string CriminalDataDescription { get; set; } = "";

    public string CriminalDataAuthorisation { get; set; } = "";

    public bool IsAnonymised { get; set; }

    public bool IsDirectMarketing { get; set; }

    public bool IsProcessedByAutomatedMeans { get; set; }

    public BasisForm Basis(LawfulBasisKind kind) => Bases.Single(b => b.Kind == kind);

    public static PurposeForm From(PurposeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var form = new PurposeForm
        {
            NameNl = definition.Name.Nl,
            NameEn = definition.Name.En,
            DescriptionNl = definition.Description.Nl,
            DescriptionEn = definition.Description.En,
            SubjectCategories = [.. definition.SubjectCategories],
            DataCategories = [.. definition.DataCategories.Select(c => new DataCategoryForm { Name = c.Name, Origin = c.Origin })],
            Recipients = [.. definition.Recipients.Select(r => new RecipientForm { Name = r.Name, Kind = r.Kind, Country = r.Country, Email = r.Email ?? "" })],
            SourceSystems = string.Join('\n', definition.SourceSystems),
            Transfers = [.. definition.Transfers.Select(t => new TransferForm { Recipient = t.Recipient, Country = t.Country, Safeguard = t.Safeguard, Details = t.Details ?? "" })],
            IsAnonymised = definition.IsAnonymised,
            IsDirectMarketing = definition.IsDirectMarketing,
            IsProcessedByAutomatedMeans = definition.IsProcessedByAutomatedMeans,
        };
        foreach (var basis in definition.LawfulBases)
        {
            form.Basis(basis.Kind).Load(basis);
        }
        if (definition.Retention is { } retention)
        {
            form.RetentionAmount = retention.Amount;
            form.RetentionUnit = retention.Unit;
            form.RetentionStart = retention.Start;
            form.RetentionGround = retention.Ground;
        }
        if (definition.AutomatedDecisionMaking is { } adm)
        {
            form.HasAutomatedDecisionMaking = true;
            form.InvolvesProfiling = adm.InvolvesProfiling;
            form.SolelyAutomatedWithSignificantEffect = adm.SolelyAutomatedWithSignificantEffect;
            form.AutomatedDecisionGround = adm.Ground;
            form.HumanInterventionRoute = adm.HumanInterventionRoute ?? "";
            form.AutomatedDecisionLogic = adm.Logic ?? "";
        }
        if (definition.SpecialCategoryData is { } special)
        {
            form.HasSpecialCategoryData = true;
            form.SpecialCategoryDescription = special.Description;
            form.SpecialCategoryCondition = special.Condition;
        }
        if (definition.CriminalData is { } criminal)
        {
            form.HasCriminalData = true;
            form.CriminalDataDescription = criminal.Description;
            form.CriminalDataAuthorisation = criminal.Authorisation ?? "";
        }
        return form;
    }

    /// <summary>The purpose as the form describes it. Blank optional text becomes "not recorded", never an empty string.</summary>
    public PurposeDefinition ToDefinition(string key) => new(key, new LocalizedText(NameNl.Trim(), NameEn.Trim()), new LocalizedText(DescriptionNl.Trim(), DescriptionEn.Trim()))
    {
        LawfulBases = [.. Bases.Where(b => b.Selected).Select(b => b.ToBasis())],
        SubjectCategories = [.. Enum.GetValues<SubjectCategory>().Where(SubjectCategories.Contains)],
        DataCategories = [.. DataCategories.Where(c => !string.IsNullOrWhiteSpace(c.Name)).Select(c => new DataCategory(c.Name.Trim(), c.Origin))],
        Recipients = [.. Recipients.Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => new Recipient(r.Name.Trim(), r.Kind, Upper(r.Country), Blank(r.Email)))],
        SourceSystems = [.. SourceSystems.Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)],
        Transfers = [.. Transfers.Where(t => !string.IsNullOrWhiteSpace(t.Recipient)).Select(t => new Transfer(t.Recipient.Trim(), Upper(t.Country), t.Safeguard, Blank(t.Details)))],
        Retention = RetentionAmount is null && string.IsNullOrWhiteSpace(RetentionGround)
            ? null
            : new RetentionPeriod(RetentionAmount ?? 0, RetentionUnit, RetentionStart, RetentionGround.Trim()),
        AutomatedDecisionMaking = HasAutomatedDecisionMaking
            ? new AutomatedDecisionMaking(InvolvesProfiling, SolelyAutomatedWithSignificantEffect, AutomatedDecisionGround, Blank(HumanInterventionRoute), Blank(AutomatedDecisionLogic))
            : null,
        SpecialCategoryData = HasSpecialCategoryData ? new SpecialCategoryData(SpecialCategoryDescription.Trim(), SpecialCategoryCondition) : null,
        CriminalData = HasCriminalData ? new CriminalData(CriminalDataDescription.Trim(), Blank(CriminalDataAuthorisation)) : null,
        IsAnonymised = IsAnonymised,
        IsDirectMarketing = IsDirectMarketing,
        IsProcessedByAutomatedMeans = IsProcessedByAutomatedMeans,
    };

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Upper(string? country) => (country ?? "").Trim().ToUpperInvariant();
}

/// <summary>One Art. 6(1) basis in the form, with the evidence fields of every kind (only its own kind's are used).</summary>
public sealed class BasisForm(LawfulBasisKind kind)
{
    public LawfulBasisKind Kind { get; } = kind;

    public bool Selected { get; set; }

    public string ConsentHowObtained { get; set; } = "";

    public string ConsentHowWithdrawn { get; set; } = "";

    public bool ConsentIsExplicit { get; set; }

    public string ContractReference { get; set; } = "";

    public string LegalProvision { get; set; } = "";

    public string VitalInterestJustification { get; set; } = "";

    public string PublicTaskLaw { get; set; } = "";

    public string LiaPurposeTest { get; set; } = "";

    public string LiaNecessityTest { get; set; } = "";

    public string LiaBalancingTest { get; set; } = "";

    public string LiaOutcome { get; set; } = "";

    public DateTime? LiaReviewDate { get; set; }

    internal void Load(LawfulBasis basis)
    {
        Selected = true;
        ConsentHowObtained = basis.ConsentMechanism?.HowObtained ?? "";
        ConsentHowWithdrawn = basis.ConsentMechanism?.HowWithdrawn ?? "";
        ConsentIsExplicit = basis.ConsentMechanism?.IsExplicit == true;
        ContractReference = basis.ContractReference ?? "";
        LegalProvision = basis.LegalProvision ?? "";
        VitalInterestJustification = basis.VitalInterestJustification ?? "";
        PublicTaskLaw = basis.PublicTaskLaw ?? "";
        if (basis.Assessment is { } lia)
        {
            LiaPurposeTest = lia.PurposeTest;
            LiaNecessityTest = lia.NecessityTest;
            LiaBalancingTest = lia.BalancingTest;
            LiaOutcome = lia.Outcome;
            LiaReviewDate = lia.ReviewDate?.ToDateTime(TimeOnly.MinValue);
        }
    }

    /// <summary>The basis with its evidence; evidence left wholly blank is "not recorded", which the activation rules name.</summary>
    public LawfulBasis ToBasis() => Kind switch
    {
        LawfulBasisKind.Consent => LawfulBasis.Consent(
            string.IsNullOrWhiteSpace(ConsentHowObtained) && string.IsNullOrWhiteSpace(ConsentHowWithdrawn) && !ConsentIsExplicit
                ? null
                : new ConsentMechanism(ConsentHowObtained.Trim(), ConsentHowWithdrawn.Trim(), ConsentIsExplicit)),
        LawfulBasisKind.Contract => LawfulBasis.Contract(PurposeForm.Blank(ContractReference)),
        LawfulBasisKind.LegalObligation => LawfulBasis.LegalObligation(PurposeForm.Blank(LegalProvision)),
        LawfulBasisKind.VitalInterests => LawfulBasis.VitalInterests(PurposeForm.Blank(VitalInterestJustification)),
        LawfulBasisKind.PublicTask => LawfulBasis.PublicTask(PurposeForm.Blank(PublicTaskLaw)),
        _ => LawfulBasis.LegitimateInterest(
            new[] { LiaPurposeTest, LiaNecessityTest, LiaBalancingTest, LiaOutcome }.All(string.IsNullOrWhiteSpace) && LiaReviewDate is null
                ? null
                : new LegitimateInterestAssessment(LiaPurposeTest.Trim(), LiaNecessityTest.Trim(), LiaBalancingTest.Trim(), LiaOutcome.Trim(),
                    LiaReviewDate is { } review ? DateOnly.FromDateTime(review) : null)),
    };
}

public sealed class DataCategoryForm
{
    public string Name { get; set; } = "";

    public DataOrigin Origin { get; set; } = DataOrigin.ProvidedBySubject;
}

public sealed class RecipientForm
{
    public string Name { get; set; } = "";

    public RecipientKind Kind { get; set; } = RecipientKind.Internal;

    public string Country { get; set; } = "NL";

    /// <summary>Where an Art. 19 notification may be e-mailed (ADR 0051); blank is none.</summary>
    public string Email { get; set; } = "";

    /// <summary>Blank, or an address a mail server takes: the editor names a wrong one at once; the register refuses it on save.</summary>
    public bool HasValidEmail => string.IsNullOrWhiteSpace(Email) || ContactDetails.IsEmailAddress(Email.Trim(), Recipient.EmailMaxLength);
}

public sealed class TransferForm
{
    public string Recipient { get; set; } = "";

    public string Country { get; set; } = "";

    public TransferSafeguard? Safeguard { get; set; }

    public string Details { get; set; } = "";
}
