using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Documents.DataCopies;

/// <summary>The extracts of one source system and the subject's purposes the register says use that system.</summary>
internal sealed record SourceSystemGroup(string SourceSystem, IReadOnlyList<CollectedExtract> Extracts, IReadOnlyList<Purpose> Purposes);

/// <summary>
/// Groups extracts "by purpose and source system" (ADR 0018): a collection task names a system, not a
/// purpose, and one system (the CRM) serves most purposes, so the data are shown once per system, each
/// system labelled with the purposes whose register entry lists it. Names match as the collection plan
/// matches them: trimmed and case-insensitive.
/// </summary>
internal static class SourceSystemGroups
{
    public static IReadOnlyList<SourceSystemGroup> Of(IEnumerable<CollectedExtract> extracts, IEnumerable<Purpose> purposes)
    {
        var purposeList = purposes.ToList();
        return
        [
            .. extracts
                .GroupBy(e => e.SourceSystem.Trim(), StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new SourceSystemGroup(
                    g.First().SourceSystem.Trim(),
                    [.. g.OrderBy(e => e.ReceivedAt).ThenBy(e => e.FileName, StringComparer.Ordinal)],
                    [.. purposeList.Where(p => Uses(p, g.Key))])),
        ];
    }

    public static bool Uses(Purpose purpose, string sourceSystem) =>
        purpose.SourceSystems.Any(s => string.Equals(s.Trim(), sourceSystem.Trim(), StringComparison.OrdinalIgnoreCase));
}
