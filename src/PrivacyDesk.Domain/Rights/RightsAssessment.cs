using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Rights;

/// <summary>What the law requires of the controller for one purpose.</summary>
public enum Requirement
{
    /// <summary>The right applies in full.</summary>
    Comply,

    /// <summary>The right applies to part of the processing; processing continues on the remaining bases.</summary>
    PartiallyComply,

    /// <summary>The right does not apply to this purpose; the reason says why.</summary>
    NotApplicable,

    /// <summary>The law sets a test the officer must apply to the facts (e.g. compelling legitimate grounds).</summary>
    OfficerJudgement,
}

/// <summary>How one lawful basis of a purpose answers the right.</summary>
public enum BasisOutcome
{
    Applies,
    DoesNotApply,
    Judgement,
}

/// <summary>The answer for one basis of a purpose, with its reason and articles.</summary>
public sealed record BasisAssessment(
    LawfulBasisKind Kind,
    BasisOutcome Outcome,
    LocalizedText Reason,
    IReadOnlyList<string> LegalReferences,
    LocalizedText? Test = null);

/// <summary>
/// The answer for one purpose that processes the subject's data: whether the right applies, what the
/// law requires, why, under which articles, per basis, and for erasure under a retention duty until when data stay.
/// </summary>
public sealed record PurposeAssessment(
    Guid PurposeId,
    string PurposeKey,
    LocalizedText PurposeName,
    RequestType Right,
    Requirement Requirement,
    LocalizedText Reason,
    IReadOnlyList<string> LegalReferences,
    IReadOnlyList<BasisAssessment> Bases)
{
    /// <summary>For <see cref="Requirement.OfficerJudgement"/>: the test the law sets.</summary>
    public LocalizedText? Test { get; init; }

    /// <summary>Bases on which processing continues (or which the right does not reach).</summary>
    public IReadOnlyList<LawfulBasisKind> RemainingBases { get; init; } = [];

    /// <summary>For erasure under a retention obligation: the last day the data must be kept; null while it cannot be known yet.</summary>
    public DateOnly? RetainUntil { get; init; }

    /// <summary>For erasure under a retention obligation: the provision that obliges keeping the data.</summary>
    public string? RetentionProvision { get; init; }

    /// <summary>For "who received my data": the recipients of the purpose.</summary>
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    public bool RightApplies => Requirement != Requirement.NotApplicable;

    public BasisAssessment? Basis(LawfulBasisKind kind) => Bases.FirstOrDefault(b => b.Kind == kind);
}

/// <summary>The assessment of a request: one entry per Active purpose that processes the subject's data.</summary>
public sealed record RightsAssessment(RequestType Right, Guid SubjectId, DateOnly On, IReadOnlyList<PurposeAssessment> Purposes)
{
    public PurposeAssessment? For(Guid purposeId) => Purposes.FirstOrDefault(p => p.PurposeId == purposeId);

    public PurposeAssessment? For(string purposeKey) => Purposes.FirstOrDefault(p => p.PurposeKey == purposeKey);
}
