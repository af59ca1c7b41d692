namespace PrivacyDesk.Domain.Common;

/// <summary>
/// One change to the domain, as the audit trail records it: who, when, what, to which thing,
/// before/after where relevant and why. Persistence turns each into an append-only audit event.
/// </summary>
public sealed record DomainChange(
    string Action,
    string EntityType,
    string EntityId,
    string? ActorId,
    string ActorName,
    DateTimeOffset At,
    IReadOnlyDictionary<string, string?>? Before = null,
    IReadOnlyDictionary<string, string?>? After = null,
    string? Reason = null);

/// <summary>An aggregate that records its own changes for the audit trail.</summary>
public abstract class AggregateRoot
{
    private readonly List<DomainChange> _changes = [];

    /// <summary>Changes made since the aggregate was loaded or last saved.</summary>
    public IReadOnlyList<DomainChange> PendingChanges => _changes;

    protected void Record(DomainChange change) => _changes.Add(change);

    /// <summary>Hands the pending changes to persistence, which writes them with the aggregate in one transaction.</summary>
    public IReadOnlyList<DomainChange> DequeueChanges()
    {
        var changes = _changes.ToList();
        _changes.Clear();
        return changes;
    }
}
