using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Domain.Subjects;

/// <summary>One purpose whose "kept until" date moved because the subject's relationship dates were corrected.</summary>
public sealed record RetentionChange(Guid PurposeId, DateOnly? Before, DateOnly? After);

/// <summary>
/// The retention dates a relationship correction moves. They are derived, never stored: the assessment,
/// the response letter and the copy of data all compute "kept until" from the subject's dates, so an open
/// case shows the new date at once; this lists what moved so each open case can record it.
/// </summary>
public static class RelationshipRetention
{
    public static IReadOnlyList<RetentionChange> Changes(
        IEnumerable<Purpose> processing, DateOnly? startBefore, DateOnly? endBefore, DateOnly? startAfter, DateOnly? endAfter)
    {
        ArgumentNullException.ThrowIfNull(processing);
        return [.. processing
            .Where(p => p.Retention is not null)
            .Select(p => new RetentionChange(p.Id, p.Retention!.RetainUntil(endBefore, startBefore), p.Retention.RetainUntil(endAfter, startAfter)))
            .Where(c => c.Before != c.After)];
    }
}
