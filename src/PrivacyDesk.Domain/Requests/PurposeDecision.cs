using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Domain.Requests;

/// <summary>What the officer decided for one processing purpose of the subject.</summary>
public enum PurposeDecisionOutcome
{
    Comply,
    PartiallyComply,
    Refuse,

    /// <summary>The right does not touch this purpose (e.g. no data of the subject in it after all).</summary>
    NotApplicable,
}

/// <summary>
/// The officer's decision for one purpose as the handler enters it. Whether the law allows it is the
/// rules engine's question; the request only keeps it.
/// </summary>
/// <param name="RemainingBasis">For a partial decision: what stays and on which basis (e.g. "Wwft art. 33, kept until 2031-03-01").</param>
public sealed record PurposeDecisionDraft(
    Guid PurposeId,
    PurposeDecisionOutcome Outcome,
    RefusalGround? RefusalGround = null,
    string? GroundReference = null,
    string? RemainingBasis = null,
    string? Note = null);

/// <summary>
/// A recorded decision for one purpose. A later decision for the same purpose replaces it; the
/// replaced one stays, stamped with when and by whom, so the case file shows how the answer evolved.
/// </summary>
public sealed class PurposeDecision
{
    public const int GroundReferenceMaxLength = 200;
    public const int TextMaxLength = 4_000;

    private PurposeDecision()
    {
    }

    internal PurposeDecision(PurposeDecisionDraft draft, string decidedById, string decidedByName, DateTimeOffset decidedAt)
    {
        Id = Guid.CreateVersion7();
        PurposeId = draft.PurposeId;
        Outcome = draft.Outcome;
        RefusalGround = draft.RefusalGround;
        GroundReference = draft.GroundReference;
        RemainingBasis = draft.RemainingBasis;
        Note = draft.Note;
        DecidedById = decidedById;
        DecidedByName = decidedByName;
        DecidedAt = decidedAt;
    }

    public Guid Id { get; private set; }

    public Guid PurposeId { get; private set; }

    public PurposeDecisionOutcome Outcome { get; private set; }

    public RefusalGround? RefusalGround { get; private set; }

    public string? GroundReference { get; private set; }

    public string? RemainingBasis { get; private set; }

    public string? Note { get; private set; }

    public string DecidedById { get; private set; } = "";

    public string DecidedByName { get; private set; } = "";

    public DateTimeOffset DecidedAt { get; private set; }

    public DateTimeOffset? ReplacedAt { get; private set; }

    public string? ReplacedById { get; private set; }

    public bool IsCurrent => ReplacedAt is null;

    /// <summary>Whether the right is (partly) carried out for this purpose, so Art. 19 recipients must hear of it.</summary>
    public bool IsCarriedOut => Outcome is PurposeDecisionOutcome.Comply or PurposeDecisionOutcome.PartiallyComply;

    internal void Replace(string byId, DateTimeOffset at)
    {
        ReplacedAt = at;
        ReplacedById = byId;
    }
}
