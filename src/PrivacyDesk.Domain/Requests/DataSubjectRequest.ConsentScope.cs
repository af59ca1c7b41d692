using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

public sealed partial class DataSubjectRequest
{
    /// <summary>For a consent withdrawal: the purposes the subject withdrew consent for; null until chosen.</summary>
    public ConsentWithdrawalScope? ConsentWithdrawalScope { get; private set; }

    /// <summary>
    /// Records (or changes) which purposes a consent withdrawal covers. Each must be a purpose on
    /// consent that processes the subject's data. Decisions on purposes taken out of the scope lapse.
    /// </summary>
    /// <param name="consentPurposesOfSubject">The Active consent-based purposes that process this subject's data.</param>
    public Result ChooseConsentWithdrawalPurposes(Actor actor, DateTimeOffset at, IEnumerable<Guid> purposeIds, IEnumerable<Guid> consentPurposesOfSubject)
    {
        ArgumentNullException.ThrowIfNull(purposeIds);
        ArgumentNullException.ThrowIfNull(consentPurposesOfSubject);
        var allowed = MayChange(actor, nameof(ChooseConsentWithdrawalPurposes), RequestStatus.Received, RequestStatus.AwaitingIdentity, RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (Type != RequestType.ConsentWithdrawal)
        {
            return Result.Failure(ConsentWithdrawalScopeErrors.NotAWithdrawal);
        }
        var chosen = purposeIds.Distinct().ToList();
        var withdrawable = consentPurposesOfSubject.ToHashSet();
        // With no consent purpose at all, the empty choice is the answer: "we process nothing of yours on consent".
        if (chosen.Count == 0 && withdrawable.Count > 0)
        {
            return Result.Failure(ConsentWithdrawalScopeErrors.Empty);
        }
        if (chosen.Any(id => !withdrawable.Contains(id)))
        {
            return Result.Failure(ConsentWithdrawalScopeErrors.PurposeNotConsentBased);
        }
        var before = ConsentWithdrawalScope;
        if (before is not null && before.PurposeIds.Order().SequenceEqual(chosen.Order()))
        {
            return Result.Success();
        }
        // A decision on a purpose the withdrawal no longer covers would still reach the letter: it lapses, kept in the history.
        var lapsed = _decisions.Where(decision => decision.IsCurrent && !chosen.Contains(decision.PurposeId)).ToList();
        foreach (var decision in lapsed)
        {
            decision.Replace(actor.Id, at);
        }
        ConsentWithdrawalScope = new ConsentWithdrawalScope(chosen);
        WithdrawApprovalForChange(actor, at, "consent withdrawal purposes");
        Audit(RequestActions.ConsentScopeChanged, actor, at,
            before is null ? null : Fields(("purposeIds", string.Join(",", before.PurposeIds))),
            Fields(("purposeIds", string.Join(",", chosen)), ("lapsedDecisions", lapsed.Count == 0 ? null : string.Join(",", lapsed.Select(d => d.PurposeId)))));
        return Result.Success();
    }

    /// <summary>The purposes a subject can withdraw consent for: those on consent among the ones processing their data.</summary>
    public static IEnumerable<Purpose> ConsentWithdrawalCandidates(IEnumerable<Purpose> purposesProcessingSubjectData) =>
        purposesProcessingSubjectData.Where(purpose => purpose.Has(LawfulBasisKind.Consent));

    /// <summary>
    /// The purposes the assessment asks about and the response decides: for a consent withdrawal only
    /// the ones it covers (none until chosen); for every other right all that process the subject's data.
    /// </summary>
    public IEnumerable<Purpose> PurposesAskedAbout(IEnumerable<Purpose> purposesProcessingSubjectData)
    {
        ArgumentNullException.ThrowIfNull(purposesProcessingSubjectData);
        if (Type != RequestType.ConsentWithdrawal)
        {
            return purposesProcessingSubjectData;
        }
        var scope = ConsentWithdrawalScope?.PurposeIds ?? [];
        return purposesProcessingSubjectData.Where(purpose => scope.Contains(purpose.Id));
    }

    private IEnumerable<Guid> PurposesToDecide(IEnumerable<Guid> purposesProcessingSubjectData, List<Error> errors)
    {
        if (Type != RequestType.ConsentWithdrawal)
        {
            return purposesProcessingSubjectData;
        }
        if (ConsentWithdrawalScope is not { } scope)
        {
            errors.Add(ConsentWithdrawalScopeErrors.Required);
            return [];
        }
        return purposesProcessingSubjectData.Where(scope.PurposeIds.Contains);
    }
}
