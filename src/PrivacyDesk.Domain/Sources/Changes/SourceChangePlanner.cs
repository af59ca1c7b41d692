using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>
/// From what a case wants per purpose to what must happen per system and table (issue 15): erase (delete rows in
/// foreign-key order, children first, or mask columns as the map says), keep what a retained purpose needs (when a
/// table serves an erased and a kept purpose only the erased purpose's columns are masked), restrict by the map's
/// marker or by hand, rectify by the case's corrections. Lookup tables (another table's own reference) are never
/// touched; manual systems become instructions.
/// </summary>
public static class SourceChangePlanner
{
    public static Result<SourceChangeProposal> Plan(SourceChangeInput input) => throw new NotImplementedException();
}
