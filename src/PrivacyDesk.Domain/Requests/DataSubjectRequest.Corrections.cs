using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>Rectification (Art. 16): the corrected values the officer records, which the source-change plan writes into the systems.</summary>
public sealed partial class DataSubjectRequest
{
    private readonly List<SourceCorrection> _corrections = [];

    public IReadOnlyList<SourceCorrection> Corrections => _corrections;

    /// <summary>Records a corrected value for one column of one table of a connected system; only on a rectification case being handled.</summary>
    public Result<SourceCorrection> RecordCorrection(
        Actor actor, DateTimeOffset at, string systemName, string? schema, string table, string column, string value) => throw new NotImplementedException();

    public Result RemoveCorrection(Actor actor, DateTimeOffset at, Guid correctionId) => throw new NotImplementedException();
}
