using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// Refusing a request as a whole is a narrow exit, never a way around the per-purpose rules
/// (gdpr-rules §3, ADR 0023). Only three grounds can refuse a whole request: the subject cannot be
/// identified (Art. 11(2), 12(2), 12(6)), manifestly unfounded or excessive with the evidence that
/// demonstrates it (12(5)), or a statutory restriction named with its provision (Art. 23, UAVG art. 41).
/// A consent withdrawal (7(3)) and an objection to direct marketing (21(2)–(3)) are never refused.
/// </summary>
public static class WholeRequestRefusalRules
{
    /// <summary>The whole-request grounds, in the order the dialog offers them.</summary>
    public static IReadOnlyList<RequestRefusalGround> WholeRequestGrounds { get; } =
    [
        RequestRefusalGround.SubjectNotIdentified,
        RequestRefusalGround.ManifestlyUnfounded,
        RequestRefusalGround.Excessive,
        RequestRefusalGround.NationalRestriction,
    ];

    /// <summary>
    /// An objection can name no purpose, so it is taken to reach every purpose that processes the
    /// subject's data: if one of them is direct marketing, refusing the objection as a whole would refuse
    /// an absolute objection (21(3)). Its other purposes are decided one by one instead.
    /// </summary>
    public static bool ReachesDirectMarketing(RequestType type, IEnumerable<Purpose> purposesProcessingSubjectData)
    {
        ArgumentNullException.ThrowIfNull(purposesProcessingSubjectData);
        return type == RequestType.Objection && purposesProcessingSubjectData.Any(purpose => purpose.IsDirectMarketing);
    }

    /// <summary>The grounds this request may be refused on as a whole; empty when it may never be refused.</summary>
    /// <param name="purposesProcessingSubjectData">The Active purposes that process the subject's data.</param>
    public static IReadOnlyList<RequestRefusalGround> AllowedGrounds(RequestType type, IEnumerable<Purpose> purposesProcessingSubjectData) =>
        NeverRefused(type, purposesProcessingSubjectData) is null ? WholeRequestGrounds : [];

    /// <summary>Every reason the proposal cannot refuse this request, all at once; empty when it may.</summary>
    public static IReadOnlyList<Error> Violations(
        RequestType type, IEnumerable<Purpose> purposesProcessingSubjectData, RefusalProposal proposal, IdentityVerificationOutcome? latestIdentityOutcome)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        // The absolutes come first: no ground, however well evidenced, refuses them.
        if (NeverRefused(type, purposesProcessingSubjectData) is { } never)
        {
            return [never];
        }
        var errors = new List<Error>();
        if (!WholeRequestGrounds.Contains(proposal.Ground))
        {
            errors.Add(RequestErrors.RejectionGroundNotAllowed);
            return errors;
        }
        switch (proposal.Ground)
        {
            // Art. 12(5): the controller bears the burden of demonstrating the manifestly unfounded or excessive character.
            case RequestRefusalGround.ManifestlyUnfounded or RequestRefusalGround.Excessive when string.IsNullOrWhiteSpace(proposal.Demonstration):
                errors.Add(RequestErrors.RejectionDemonstrationRequired);
                break;
            // Art. 23(2): a restriction must rest on a legislative measure, so the letter names it.
            case RequestRefusalGround.NationalRestriction when string.IsNullOrWhiteSpace(proposal.LegalReference):
                errors.Add(RequestErrors.RejectionReferenceRequired);
                break;
            // Art. 11(2), 12(2): refusing for want of identification requires having shown, by the steps taken, that it cannot be done.
            case RequestRefusalGround.SubjectNotIdentified when latestIdentityOutcome != IdentityVerificationOutcome.CannotIdentify:
                errors.Add(RequestErrors.RejectionIdentityNotAssessed);
                break;
        }
        return errors;
    }

    private static Error? NeverRefused(RequestType type, IEnumerable<Purpose> purposesProcessingSubjectData) =>
        type == RequestType.ConsentWithdrawal ? RequestErrors.RejectionConsentWithdrawal
        : ReachesDirectMarketing(type, purposesProcessingSubjectData) ? RequestErrors.RejectionDirectMarketingObjection
        : null;
}
