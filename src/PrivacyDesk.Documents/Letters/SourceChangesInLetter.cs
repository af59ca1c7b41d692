using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Documents.Letters;

/// <summary>
/// What the response says of the work in the firm's systems (issue 15): in which systems the data were erased (or
/// restricted, or corrected) and when, whether that was checked afterwards, and what is kept, until when and why.
/// Only systems that are finished are named: a letter never claims what has not happened.
/// </summary>
internal static class SourceChangesInLetter
{
    public static void Write(LetterBody body, CaseDocumentInput input, LetterText text)
    {
        if (input.Request.Type is not (RequestType.Erasure or RequestType.Restriction or RequestType.Rectification))
        {
            return;
        }
        var finished = (input.SourceChanges ?? [])
            .Where(p => p.Status != SourceChangePlanStatus.Superseded || p.Systems.Any(s => s.IsFinished))
            .SelectMany(p => p.Systems.Where(s => s.IsFinished && (s.Plan.Changes.Count > 0 || s.Plan.ByHand.Count > 0)))
            .GroupBy(s => s.Plan.SystemName, StringComparer.Ordinal)
            .Select(g => g.OrderBy(s => s.FinishedAt).Last())
            .OrderBy(s => s.FinishedAt)
            .ToList();
        var kept = (input.RetentionEntries ?? [])
            .Where(e => e.Status is RetentionEntryStatus.Running or RetentionEntryStatus.FollowUpPlanned)
            .OrderBy(e => e.EndsOn ?? DateOnly.MaxValue)
            .ThenBy(e => e.SystemName, StringComparer.Ordinal)
            .ToList();
        if (finished.Count == 0 && kept.Count == 0)
        {
            return;
        }
        body.Section(text.SourceChangesHeading, section =>
        {
            section.Spacing(4);
            if (finished.Count > 0)
            {
                section.Item().Text(text.SourceChangesDone(input.Request.Type));
                section.Item().List(list =>
                {
                    list.Spacing(3);
                    foreach (var system in finished)
                    {
                        list.Item().Text(t =>
                        {
                            t.Span(system.Plan.SystemName).Bold();
                            t.Span(": " + text.SourceChangeState(system.State == PlannedSystemState.Done && system.Proof?.Holds == true, system.FinishedAt));
                        });
                    }
                });
            }
            if (kept.Count > 0)
            {
                section.Item().Text(text.SourceChangesKept);
                section.Item().List(list =>
                {
                    list.Spacing(3);
                    foreach (var entry in kept)
                    {
                        var purpose = input.Purposes.FirstOrDefault(p => p.Id == entry.PurposeId)?.Name.In(text.Language) ?? entry.PurposeKey;
                        list.Item().Text(t =>
                        {
                            t.Span(entry.SystemName).Bold();
                            t.Span($" ({purpose}): " + text.KeptUntil(entry.EndsOn, entry.Retention.Ground));
                        });
                    }
                });
            }
        });
    }
}
