using System.Text.Json;

namespace PrivacyDesk.Domain.Auditing;

/// <summary>
/// Columns that repeat a fact the trail records (a request's handler and status): the value the trail says last
/// must be the value in the column, or someone changed the column without going through the application.
/// </summary>
public sealed class AuditedFacts
{
    /// <summary>The request fields checked; each is written to an entry's "after" on every change (Assign, every status change).</summary>
    public static IReadOnlyList<string> RequestFields { get; } = ["handlerId", "status"];

    private readonly Dictionary<string, (long Sequence, string? Value)> _latest = new(StringComparer.Ordinal);

    /// <summary>Folds one entry of the stream, in stream order.</summary>
    public void Add(long sequence, string? afterJson)
    {
        if (string.IsNullOrEmpty(afterJson))
        {
            return;
        }
        Dictionary<string, string?>? after;
        try
        {
            after = JsonSerializer.Deserialize<Dictionary<string, string?>>(afterJson);
        }
        catch (JsonException)
        {
            // Not the shape the application writes: the hash check reports the entry; nothing to fold.
            return;
        }
        foreach (var field in RequestFields)
        {
            if (after is not null && after.TryGetValue(field, out var value))
            {
                _latest[field] = (sequence, value);
            }
        }
    }

    /// <summary>The first field whose column disagrees with the trail, with the entry that recorded the trail's value; null when they agree.</summary>
    public (string Field, long Sequence)? FirstDisagreement(IReadOnlyDictionary<string, string?> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var field in RequestFields)
        {
            // A fact the trail never recorded (an entry older than the field) cannot be checked.
            if (_latest.TryGetValue(field, out var recorded) && columns.TryGetValue(field, out var column) && column != recorded.Value)
            {
                return (field, recorded.Sequence);
            }
        }
        return null;
    }
}
