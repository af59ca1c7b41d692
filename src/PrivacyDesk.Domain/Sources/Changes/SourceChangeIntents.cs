using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>
/// From a case's current decisions to what the planner is asked per purpose (issue 15, ADR 0040), so the case page,
/// the approval and the runner all read decisions the same way.
/// </summary>
public static class SourceChangeIntents
{
    /// <summary>
    /// Erasure: Comply changes; PartiallyComply and Refuse keep (a retention ground); NotApplicable leaves the purpose alone.
    /// Restriction and rectification: Comply and PartiallyComply change; Refuse keeps; NotApplicable leaves alone.
    /// Other rights change no source system: no intents. Replaced decisions are ignored.
    /// </summary>
    public static IReadOnlyDictionary<Guid, PurposeIntent> From(RequestType kind, IReadOnlyList<PurposeDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var intents = new Dictionary<Guid, PurposeIntent>();
        if (!SourceChangePlan.ChangesSources(kind))
        {
            return intents;
        }
        foreach (var decision in decisions.Where(d => d.IsCurrent))
        {
            intents[decision.PurposeId] = (kind, decision.Outcome) switch
            {
                (_, PurposeDecisionOutcome.NotApplicable) => PurposeIntent.None,
                (_, PurposeDecisionOutcome.Comply) => PurposeIntent.Change,
                (RequestType.Erasure, _) => PurposeIntent.Keep,
                (_, PurposeDecisionOutcome.PartiallyComply) => PurposeIntent.Change,
                _ => PurposeIntent.Keep,
            };
        }
        return intents;
    }

    /// <summary>A retention follow-up: the expired purpose's data go; every other purpose of the subject keeps its own.</summary>
    public static IReadOnlyDictionary<Guid, PurposeIntent> ForRetentionEnd(Guid expiredPurposeId, IEnumerable<Guid> subjectPurposeIds)
    {
        ArgumentNullException.ThrowIfNull(subjectPurposeIds);
        var intents = subjectPurposeIds.Distinct().ToDictionary(id => id, _ => PurposeIntent.Keep);
        intents[expiredPurposeId] = PurposeIntent.Change;
        return intents;
    }
}
