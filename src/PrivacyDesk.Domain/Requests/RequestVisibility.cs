using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// Who may see which case. Team leads and auditors see every case; an officer sees the unassigned
/// queue (to take work from) and their own cases. The queue filters with the same rule in SQL.
/// </summary>
public static class RequestVisibility
{
    public static bool MayView(Actor actor, string? handlerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Has(Permission.ViewAllRequests))
        {
            return true;
        }
        return actor.Has(Permission.ViewRequests) && (handlerId is null || handlerId == actor.Id);
    }
}
