using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>The audit action codes of data collection.</summary>
public static class CollectionActions
{
    public const string Planned = "request.collection.planned";
    public const string Rescheduled = "request.collection.rescheduled";
    public const string ExtractReceived = "request.collection.extract_received";

    /// <summary>PrivacyDesk read the extract from a connected system itself (issue 14): the trail names the system, map version, tables and row counts.</summary>
    public const string ExtractFetched = "request.collection.extract_fetched";
    public const string NotApplicable = "request.collection.not_applicable";
    public const string SourceSystemRenamed = "request.collection.source_system_renamed";
}

/// <summary>Collecting the subject's data from each source system of the purposes that process it (issue 4).</summary>
public sealed partial class DataSubjectRequest
{
    private readonly List<DataCollectionTask> _collectionTasks = [];

    public IReadOnlyList<DataCollectionTask> CollectionTasks => _collectionTasks;

    /// <summary>
    /// Plans, in one action, one task per source system that has none yet. The source systems are those
    /// of the Active purposes processing the subject's data (the caller reads them from the register).
    /// </summary>
    /// <param name="today">Today in the controller's time zone; a due date cannot lie before it.</param>
    public Result<IReadOnlyList<DataCollectionTask>> PlanDataCollection(
        Actor actor, DateTimeOffset at, DateOnly today, IEnumerable<string> sourceSystems, DateOnly dueOn, string? contact = null)
    {
        ArgumentNullException.ThrowIfNull(sourceSystems);
        var allowed = MayChange(actor, nameof(PlanDataCollection), RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return Result<IReadOnlyList<DataCollectionTask>>.Failure(allowed.Errors);
        }
        var planned = _collectionTasks.Select(task => Key(task.SourceSystem)).ToHashSet(StringComparer.Ordinal);
        var systems = sourceSystems
            .Where(system => !IsBlank(system))
            .Select(system => system.Trim())
            .DistinctBy(Key)
            .Where(system => !planned.Contains(Key(system)))
            .ToList();
        var errors = CollectionScheduleErrors(today, dueOn, contact);
        if (systems.Count == 0)
        {
            errors.Insert(0, CollectionErrors.NothingToPlan);
        }
        errors.AddRange(systems.Where(system => system.Length > DataCollectionTask.SourceSystemMaxLength)
            .Select(_ => RequestErrors.TextTooLong with { Field = "SourceSystem", Arguments = MaxArgument(DataCollectionTask.SourceSystemMaxLength) }));
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<DataCollectionTask>>.Failure(errors.Distinct());
        }
        var tasks = systems.Select(system => new DataCollectionTask(system, Trimmed(contact), dueOn, at)).ToList();
        _collectionTasks.AddRange(tasks);
        Audit(CollectionActions.Planned, actor, at, after: Fields(
            ("sourceSystems", string.Join("; ", systems)),
            ("dueOn", Iso(dueOn)),
            ("contact", Trimmed(contact))));
        return Result<IReadOnlyList<DataCollectionTask>>.Of(tasks);
    }

    /// <summary>Changes who delivers an open task's extract and by when.</summary>
    public Result RescheduleCollectionTask(Actor actor, DateTimeOffset at, DateOnly today, Guid taskId, string? contact, DateOnly dueOn)
    {
        var open = OpenCollectionTask(actor, taskId, nameof(RescheduleCollectionTask), mustBeOpen: true);
        if (open.IsFailure)
        {
            return open;
        }
        var errors = CollectionScheduleErrors(today, dueOn, contact);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        var task = open.Value;
        var before = Fields(("taskId", task.Id.ToString()), ("contact", task.Contact), ("dueOn", Iso(task.DueOn)));
        task.Reschedule(Trimmed(contact), dueOn);
        Audit(CollectionActions.Rescheduled, actor, at, before, Fields(("taskId", task.Id.ToString()), ("contact", task.Contact), ("dueOn", Iso(dueOn))));
        return Result.Success();
    }

    /// <summary>
    /// Records a validated extract for a task (see <see cref="ExtractRule"/>); a later extract replaces
    /// an earlier one, e.g. when the source team corrects it. The audit names the file's hash and size, never its content.
    /// </summary>
    public Result RecordCollectionExtract(Actor actor, DateTimeOffset at, Guid taskId, ExtractReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var found = OpenCollectionTask(actor, taskId, nameof(RecordCollectionExtract), mustBeOpen: false);
        if (found.IsFailure)
        {
            return found;
        }
        var task = found.Value;
        var before = Fields(("taskId", task.Id.ToString()), ("collectionStatus", task.Status.ToString()), ("sha256", task.ExtractSha256));
        task.ReceiveExtract(receipt with { FileName = DataCollectionTask.CleanFileName(receipt.FileName) }, actor.Id, actor.Name, at);
        // The file name may itself hold a name; the trail keeps the hash, size and count only.
        var after = Fields(
            ("taskId", task.Id.ToString()),
            ("sourceSystem", task.SourceSystem),
            ("collectionStatus", task.Status.ToString()),
            ("extractId", receipt.ExtractId.ToString()),
            ("sha256", receipt.Sha256),
            ("rows", receipt.RowCount.ToString(CultureInfo.InvariantCulture)),
            ("bytes", receipt.SizeInBytes.ToString(CultureInfo.InvariantCulture)));
        if (receipt.Retrieval is { } retrieval)
        {
            // A retrieval is audited by what it read from where (tables and counts), never by a value read.
            after["sourceSystemId"] = retrieval.SourceSystemId.ToString();
            after["mapVersion"] = retrieval.MapVersion.ToString(CultureInfo.InvariantCulture);
            after["tables"] = string.Join("; ", retrieval.Tables.Select(t => $"{t.Table}: {t.Rows.ToString(CultureInfo.InvariantCulture)}"));
        }
        Audit(receipt.Retrieval is null ? CollectionActions.ExtractReceived : CollectionActions.ExtractFetched, actor, at, before, after);
        return Result.Success();
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may record an extract on this task now (asked before fetching from a connected system,
    /// so no system is queried for a case that would refuse the result): open, or received and fetched again; a task
    /// closed as not applicable stays closed.
    /// </summary>
    public Result<DataCollectionTask> CollectionTaskToFetch(Actor actor, Guid taskId)
    {
        var found = OpenCollectionTask(actor, taskId, nameof(RecordCollectionExtract), mustBeOpen: false);
        return found.IsSuccess && found.Value.Status == DataCollectionStatus.NotApplicable
            ? Result<DataCollectionTask>.Failure(CollectionErrors.TaskClosed)
            : found;
    }

    /// <summary>Closes an open task because the system holds nothing for this request, with the reason.</summary>
    public Result MarkCollectionTaskNotApplicable(Actor actor, DateTimeOffset at, Guid taskId, string reason)
    {
        var open = OpenCollectionTask(actor, taskId, nameof(MarkCollectionTaskNotApplicable), mustBeOpen: true);
        if (open.IsFailure)
        {
            return open;
        }
        var errors = new List<Error>();
        if (IsBlank(reason))
        {
            errors.Add(CollectionErrors.ReasonRequired);
        }
        AddIfTooLong(errors, reason, DataCollectionTask.ReasonMaxLength, "Reason");
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        var task = open.Value;
        task.MarkNotApplicable(reason.Trim(), actor.Id, actor.Name, at);
        Audit(CollectionActions.NotApplicable, actor, at,
            Fields(("taskId", task.Id.ToString()), ("collectionStatus", nameof(DataCollectionStatus.Open))),
            Fields(("taskId", task.Id.ToString()), ("sourceSystem", task.SourceSystem), ("collectionStatus", task.Status.ToString())),
            reason.Trim());
        return Result.Success();
    }

    private List<Error> CollectionScheduleErrors(DateOnly today, DateOnly dueOn, string? contact)
    {
        var errors = new List<Error>();
        // The answer is built from the extracts, so they must be in before the deadline that binds now;
        // once that has passed, the answer is late already and the data are due today.
        var latest = EffectiveDueOn >= today ? EffectiveDueOn : today;
        if (dueOn > latest)
        {
            errors.Add(CollectionErrors.DueAfterDeadline with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["deadline"] = Iso(EffectiveDueOn) },
            });
        }
        if (dueOn < today)
        {
            errors.Add(CollectionErrors.DueInPast);
        }
        if (contact is not null && contact.Trim().Length > DataCollectionTask.ContactMaxLength)
        {
            errors.Add(CollectionErrors.ContactTooLong with { Arguments = MaxArgument(DataCollectionTask.ContactMaxLength) });
        }
        return errors;
    }

    private Result<DataCollectionTask> OpenCollectionTask(Actor actor, Guid taskId, string action, bool mustBeOpen)
    {
        var allowed = MayChange(actor, action, RequestStatus.InProgress);
        if (allowed.IsFailure)
        {
            return Result<DataCollectionTask>.Failure(allowed.Errors);
        }
        var task = _collectionTasks.SingleOrDefault(candidate => candidate.Id == taskId);
        if (task is null)
        {
            return Result<DataCollectionTask>.Failure(CollectionErrors.TaskUnknown);
        }
        return !mustBeOpen || task.IsOpen
            ? Result<DataCollectionTask>.Of(task)
            : Result<DataCollectionTask>.Failure(CollectionErrors.TaskClosed);
    }
}
