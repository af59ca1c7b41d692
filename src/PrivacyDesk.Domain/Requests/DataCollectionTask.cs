namespace PrivacyDesk.Domain.Requests;

public enum DataCollectionStatus
{
    /// <summary>Asked of the source-system team; no extract yet.</summary>
    Open,

    /// <summary>A validated extract of the subject's records is on the case.</summary>
    ExtractReceived,

    /// <summary>The system holds nothing for this request, with the reason why.</summary>
    NotApplicable,
}

/// <summary>What the case keeps of a validated extract: never its content, only how to find and prove it.</summary>
/// <param name="ExtractId">The stored file (its bytes live apart from the case, so loading a case never loads extracts).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the stored bytes.</param>
/// <param name="Retrieval">Set when PrivacyDesk fetched the extract from a connected system itself (issue 14); null for an upload.</param>
public sealed record ExtractReceipt(Guid ExtractId, string FileName, string Sha256, int RowCount, long SizeInBytes, ExtractRetrieval? Retrieval = null);

/// <summary>How a fetched extract was read: from which system, by which version of its data map, and how many rows per table. Never a value.</summary>
public sealed record ExtractRetrieval(Guid SourceSystemId, int MapVersion, IReadOnlyList<TableRowCount> Tables);

/// <summary>The rows one retrieval read from one source table (the table's display name, as the catalog spells it).</summary>
public sealed record TableRowCount(string Table, int Rows);

/// <summary>
/// One source system whose records of the subject the handler must collect before answering: who in
/// that system's team delivers the extract, by when, and what came of it. The contact is a named person
/// in the source-system team rather than a PrivacyDesk user: those teams do not work in this application
/// and the officer chases them by e-mail or phone.
/// </summary>
public sealed class DataCollectionTask
{
    public const int SourceSystemMaxLength = 200;
    public const int ContactMaxLength = 200;
    public const int ReasonMaxLength = 2_000;
    public const int FileNameMaxLength = 255;
    public const int Sha256Length = 64;

    private DataCollectionTask()
    {
    }

    internal DataCollectionTask(string sourceSystem, string? contact, DateOnly dueOn, DateTimeOffset plannedAt)
    {
        Id = Guid.CreateVersion7();
        SourceSystem = sourceSystem;
        Contact = contact;
        DueOn = dueOn;
        PlannedAt = plannedAt;
        Status = DataCollectionStatus.Open;
    }

    public Guid Id { get; private set; }

    public string SourceSystem { get; private set; } = "";

    /// <summary>The named contact in the source-system team who delivers the extract.</summary>
    public string? Contact { get; private set; }

    /// <summary>Never after the request's effective deadline: the answer needs the data first.</summary>
    public DateOnly DueOn { get; private set; }

    public DateTimeOffset PlannedAt { get; private set; }

    public DataCollectionStatus Status { get; private set; }

    public string? NotApplicableReason { get; private set; }

    public Guid? ExtractId { get; private set; }

    public string? ExtractFileName { get; private set; }

    public string? ExtractSha256 { get; private set; }

    public int? ExtractRowCount { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? ClosedById { get; private set; }

    public string? ClosedByName { get; private set; }

    public bool IsOpen => Status == DataCollectionStatus.Open;

    /// <summary>The bare file name, whichever operating system's path the browser sent, cut to the column length.</summary>
    public static string CleanFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var name = fileName.Trim();
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        if (name.Length == 0)
        {
            name = "extract";
        }
        return name.Length <= FileNameMaxLength ? name : name[^FileNameMaxLength..];
    }

    internal void RenameSourceSystem(string sourceSystem) => SourceSystem = sourceSystem;

    internal void Reschedule(string? contact, DateOnly dueOn)
    {
        Contact = contact;
        DueOn = dueOn;
    }

    internal void ReceiveExtract(ExtractReceipt receipt, string byId, string byName, DateTimeOffset at)
    {
        Status = DataCollectionStatus.ExtractReceived;
        ExtractId = receipt.ExtractId;
        ExtractFileName = receipt.FileName;
        ExtractSha256 = receipt.Sha256;
        ExtractRowCount = receipt.RowCount;
        NotApplicableReason = null;
        Close(byId, byName, at);
    }

    internal void MarkNotApplicable(string reason, string byId, string byName, DateTimeOffset at)
    {
        Status = DataCollectionStatus.NotApplicable;
        NotApplicableReason = reason;
        Close(byId, byName, at);
    }

    private void Close(string byId, string byName, DateTimeOffset at)
    {
        ClosedAt = at;
        ClosedById = byId;
        ClosedByName = byName;
    }
}
