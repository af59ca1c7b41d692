using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Rights;

public enum DecisionKind
{
    Comply,
    PartiallyComply,
    Refuse,
    NotApplicable,
}

/// <summary>The grounds on which the controller may refuse (part of) a request; which ones a right allows is in <see cref="DecisionRules"/>.</summary>
public enum RefusalGround
{
    /// <summary>15(4), 20(4): the copy or the transfer would adversely affect the rights and freedoms of others.</summary>
    RightsOfOthers,

    /// <summary>12(5): manifestly unfounded or excessive; the controller must be able to demonstrate it.</summary>
    ManifestlyUnfoundedOrExcessive,

    /// <summary>Art. 23: a restriction in Union or Member State law, e.g. UAVG art. 41.</summary>
    NationalRestriction,

    /// <summary>21(1): compelling legitimate grounds override the subject's interests.</summary>
    CompellingLegitimateGrounds,

    /// <summary>17(3)(e), 21(1): needed for the establishment, exercise or defence of legal claims.</summary>
    LegalClaims,

    /// <summary>17(3)(b): a legal obligation requires keeping the data.</summary>
    LegalRetentionObligation,

    /// <summary>17(1)(a) not met: the data are still necessary for the purpose and no other ground of 17(1) applies.</summary>
    StillNecessaryForPurpose,

    /// <summary>18(1): none of the circumstances in which restriction is a right applies.</summary>
    NoRestrictionCircumstance,

    /// <summary>Art. 16: the data are accurate and complete.</summary>
    DataAccurate,
}

/// <summary>
/// The officer's decision for one purpose of a request. Refusals carry a ground and reasons (12(4));
/// 12(5) needs a demonstration, Art. 23 a reference; portability names the data categories handed over.
/// </summary>
public sealed record ProposedDecision
{
    private ProposedDecision()
    {
    }

    public Guid PurposeId { get; private init; }

    public DecisionKind Kind { get; private init; }

    public RefusalGround? Ground { get; private init; }

    /// <summary>The reasons the letter gives the subject (Art. 12(4)).</summary>
    public string? Reasons { get; private init; }

    /// <summary>For a national restriction: the provision, e.g. "UAVG art. 41 lid 1 onder i".</summary>
    public string? Reference { get; private init; }

    /// <summary>For 12(5): how the controller demonstrates the request is manifestly unfounded or excessive.</summary>
    public string? Demonstration { get; private init; }

    /// <summary>For partial compliance: the bases on which processing continues.</summary>
    public IReadOnlyList<LawfulBasisKind> RemainingBases { get; private init; } = [];

    /// <summary>For portability: the purpose's data categories handed over.</summary>
    public IReadOnlyList<string> PortableDataCategories { get; private init; } = [];

    public static ProposedDecision Comply(Guid purposeId, IEnumerable<string>? portableDataCategories = null) =>
        new() { PurposeId = purposeId, Kind = DecisionKind.Comply, PortableDataCategories = [.. portableDataCategories ?? []] };

    public static ProposedDecision PartiallyComply(Guid purposeId, IEnumerable<LawfulBasisKind> remainingBases, string reasons,
        IEnumerable<string>? portableDataCategories = null) =>
        new()
        {
            PurposeId = purposeId,
            Kind = DecisionKind.PartiallyComply,
            RemainingBases = [.. remainingBases],
            Reasons = reasons,
            PortableDataCategories = [.. portableDataCategories ?? []],
        };

    public static ProposedDecision Refuse(Guid purposeId, RefusalGround? ground, string reasons, string? reference = null, string? demonstration = null) =>
        new() { PurposeId = purposeId, Kind = DecisionKind.Refuse, Ground = ground, Reasons = reasons, Reference = reference, Demonstration = demonstration };

    public static ProposedDecision NotApplicable(Guid purposeId, string reasons) =>
        new() { PurposeId = purposeId, Kind = DecisionKind.NotApplicable, Reasons = reasons };

    /// <summary>The articles the letter cites for this decision.</summary>
    public IReadOnlyList<string> LegalReferences(RequestType right)
    {
        if (Ground is not { } ground)
        {
            return [];
        }
        // The articles per ground live in the glossary, beside the ground's name; a national restriction adds its provision.
        var articles = Glossary.Articles(ground, right);
        return ground == RefusalGround.NationalRestriction && Reference is not null ? [.. articles, Reference] : articles;
    }
}
