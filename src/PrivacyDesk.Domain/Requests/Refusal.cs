namespace PrivacyDesk.Domain.Requests;

/// <summary>Why a request, or a purpose within it, is refused. The letter names the ground and its reference.</summary>
public enum RequestRefusalGround
{
    /// <summary>Art. 11(2), 12(2): the controller cannot identify the subject.</summary>
    SubjectNotIdentified,

    /// <summary>Art. 12(5)(b): manifestly unfounded; the controller bears the burden of demonstrating it.</summary>
    ManifestlyUnfounded,

    /// <summary>Art. 12(5)(b): excessive, in particular repetitive.</summary>
    Excessive,

    /// <summary>Art. 15(4): a copy would adversely affect the rights and freedoms of others.</summary>
    RightsOfOthers,

    /// <summary>Art. 23 restriction in national law (e.g. UAVG art. 41); the reference is required.</summary>
    NationalRestriction,

    /// <summary>Art. 17(3)(b): a legal obligation requires the data to be kept.</summary>
    LegalObligationToRetain,

    /// <summary>Art. 17(3)(e), 21(1): establishment, exercise or defence of legal claims.</summary>
    LegalClaims,

    /// <summary>Art. 21(1): compelling legitimate grounds override the subject's interests.</summary>
    CompellingLegitimateGrounds,

    /// <summary>The right does not apply to this processing (e.g. portability on a basis other than consent or contract).</summary>
    RightNotApplicable,

    /// <summary>Another ground, named in the explanation and reference. Kept so older refusals still read; no new refusal may use it (gdpr-rules §3).</summary>
    Other,
}

/// <summary>
/// The refusal of a whole request (Art. 12(4)): its ground, the explanation the letter gives, and the
/// legal reference. The letter adds the right to complain to the Autoriteit Persoonsgegevens and to
/// seek a judicial remedy.
/// </summary>
/// <param name="Demonstration">For a 12(5) refusal: the evidence that demonstrates it, for the team lead and an auditor (not the letter).</param>
public sealed record Refusal(
    RequestRefusalGround Ground,
    string Explanation,
    string? LegalReference,
    string RefusedById,
    string RefusedByName,
    DateTimeOffset RefusedAt,
    string? Demonstration = null)
{
    public const int ExplanationMaxLength = 4_000;
    public const int LegalReferenceMaxLength = 200;
    public const int DemonstrationMaxLength = 4_000;
}

/// <summary>What the handler proposes when refusing a request as a whole; <see cref="WholeRequestRefusalRules"/> says what each ground needs.</summary>
public sealed record RefusalProposal(RequestRefusalGround Ground, string Explanation, string? LegalReference = null, string? Demonstration = null);
