using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>Rectification (Art. 16): the corrected values the officer records, which the source-change plan writes into the systems.</summary>
public sealed partial class DataSubjectRequest
{
    private readonly List<SourceCorrection> _corrections = [];

    public IReadOnlyList<SourceCorrection> Corrections => _corrections;

    /// <summary>
    /// Records a corrected value for one column of one table of a connected system; only on a rectification case being
    /// handled. A second value for the same column replaces the first. The audit trail names the column, never the value.
    /// </summary>
    public Result<SourceCorrection> RecordCorrection(
        Actor actor, DateTimeOffset at, string systemName, string? schema, string table, string column, string value)
    {
        var allowed = MayChangeCorrections(actor, nameof(RecordCorrection));
        if (allowed.IsFailure)
        {
            return Result<SourceCorrection>.Failure(allowed.Errors);
        }
        var errors = new List<Error>();
        var names = new[] { systemName, table, column };
        if (names.Any(IsBlank))
        {
            errors.Add(SourceChangeErrors.CorrectionTargetRequired);
        }
        else if (names.Append(schema).Any(n => n is not null && n.Trim().Length > SourceCorrection.NameMaxLength))
        {
            errors.Add(SourceChangeErrors.CorrectionTargetTooLong with { Arguments = MaxArgument(SourceCorrection.NameMaxLength) });
        }
        if (IsBlank(value))
        {
            errors.Add(SourceChangeErrors.CorrectionValueRequired);
        }
        else if (value.Trim().Length > SourceCorrection.ValueMaxLength)
        {
            errors.Add(SourceChangeErrors.CorrectionValueTooLong with { Arguments = MaxArgument(SourceCorrection.ValueMaxLength) });
        }
        if (errors.Count > 0)
        {
            return Result<SourceCorrection>.Failure(errors);
        }
        var correction = new SourceCorrection(
            Guid.NewGuid(), systemName.Trim(), Trimmed(schema), table.Trim(), column.Trim(), value.Trim(), actor.Name, at);
        var replaced = _corrections.FindIndex(c => c.Targets(correction.SystemName, correction.Schema, correction.Table, correction.Column));
        if (replaced >= 0)
        {
            _corrections.RemoveAt(replaced);
        }
        _corrections.Add(correction);
        Audit(SourceChangeActions.CorrectionRecorded, actor, at, null, CorrectionFields(correction, replaced >= 0));
        return Result<SourceCorrection>.Of(correction);
    }

    public Result RemoveCorrection(Actor actor, DateTimeOffset at, Guid correctionId)
    {
        var allowed = MayChangeCorrections(actor, nameof(RemoveCorrection));
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var correction = _corrections.FirstOrDefault(c => c.Id == correctionId);
        if (correction is null)
        {
            return Result.Failure(SourceChangeErrors.CorrectionNotFound);
        }
        _corrections.Remove(correction);
        Audit(SourceChangeActions.CorrectionRemoved, actor, at, CorrectionFields(correction, replaced: false), null);
        return Result.Success();
    }

    private Result MayChangeCorrections(Actor actor, string action)
    {
        var allowed = MayChange(actor, action, RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        return Type == RequestType.Rectification ? Result.Success() : Result.Failure(SourceChangeErrors.CorrectionNotRectification);
    }

    // System, table and column only: the corrected value is personal data and never goes into the audit trail.
    private static Dictionary<string, string?> CorrectionFields(SourceCorrection correction, bool replaced) => Fields(
        ("correctionId", correction.Id.ToString()),
        ("system", correction.SystemName),
        ("table", correction.Schema is null ? correction.Table : $"{correction.Schema}.{correction.Table}"),
        ("column", correction.Column),
        ("replacedEarlierValue", replaced ? "true" : "false"));
}
