using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>A source system renamed in the register follows into the case's open collection tasks (issue 14).</summary>
public sealed partial class DataSubjectRequest
{
    /// <summary>
    /// Gives the open collection tasks of <paramref name="from"/> (compared as system names are: trimmed, case-insensitive) the system's new name; closed tasks keep the name they
    /// were closed under (the answer and case file cite it). Not a handling step, so no status or handler rule applies and
    /// the case's last activity stays; the audit trail of the case still says who renamed it and when.
    /// </summary>
    /// <returns>How many tasks were renamed.</returns>
    public int RenameSourceSystem(string from, string to, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(actor);
        var tasks = _collectionTasks.Where(t => t.IsOpen && string.Equals(t.SourceSystem.Trim(), from.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var task in tasks)
        {
            task.RenameSourceSystem(to);
            Record(new DomainChange(CollectionActions.SourceSystemRenamed, AuditEntityType, Id.ToString(), actor.Id, actor.Name, at,
                Fields(("taskId", task.Id.ToString()), ("sourceSystem", from)),
                Fields(("taskId", task.Id.ToString()), ("sourceSystem", to))));
        }
        return tasks.Count;
    }
}
