using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// Turns a map into the order a retrieval reads it (issue 14): breadth first from the identity columns along the
/// references in both directions, every in-scope table once, in the map's order; out-of-scope tables never.
/// A map that breaks a structural rule gives no plan.
/// </summary>
public static class RetrievalPlanner
{
    public static Result<RetrievalPlan> Plan(DataMap map, int mapVersion)
    {
        ArgumentNullException.ThrowIfNull(map);
        var problems = DataMapValidation.Structure(map);
        return problems.Count > 0
            ? Result<RetrievalPlan>.Failure([SourceSystemErrors.MapInvalid, .. problems])
            : Result.Success(new RetrievalPlan(mapVersion, DataMapWalk.Steps(map)));
    }
}
