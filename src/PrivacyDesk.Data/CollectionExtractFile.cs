using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Data;

/// <summary>
/// The bytes of a validated source-system extract, kept apart from the case so that loading a case
/// never loads files. Written in the same transaction as the task that refers to it; never changed.
/// </summary>
public sealed class CollectionExtractFile
{
    public const int ContentTypeMaxLength = 100;

    private CollectionExtractFile()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public Guid TaskId { get; private set; }

    public string FileName { get; private set; } = "";

    public ExtractFormat Format { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>, so the answer can prove what it was built from.</summary>
    public string Sha256 { get; private set; } = "";

    public int RowCount { get; private set; }

    public long SizeInBytes { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset UploadedAt { get; private set; }

    public string UploadedById { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    /// <summary>The connected system PrivacyDesk fetched this extract from (issue 14); null for an upload.</summary>
    public Guid? SourceSystemId { get; private set; }

    /// <summary>The version of the system's data map the retrieval walked; null for an upload.</summary>
    public int? MapVersion { get; private set; }

    /// <summary>The rows read per table, in the order they were read; null for an upload.</summary>
    public IReadOnlyList<TableRowCount>? TableRowCounts { get; private set; }

    /// <summary>The query text run per table, with parameter names and never their values; null for an upload.</summary>
    public IReadOnlyList<ExtractQuery>? QueryTexts { get; private set; }

    public static CollectionExtractFile Create(
        Guid requestId, Guid taskId, string fileName, ExtractFormat format, byte[] content, int rowCount, string byId, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new CollectionExtractFile
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            TaskId = taskId,
            FileName = DataCollectionTask.CleanFileName(fileName),
            Format = format,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            RowCount = rowCount,
            SizeInBytes = content.LongLength,
            Content = content,
            UploadedAt = at,
            UploadedById = byId,
            UploadedByName = byName,
        };
    }

    /// <summary>An extract PrivacyDesk read from a connected system itself: the same file as an upload, plus how it was read.</summary>
    public static CollectionExtractFile CreateFetched(
        Guid requestId, Guid taskId, string fileName, byte[] content, Guid sourceSystemId, int mapVersion, IReadOnlyList<TableRowCount> tables,
        IReadOnlyList<ExtractQuery> queries, string byId, string byName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queries);
        var file = Create(requestId, taskId, fileName, ExtractFormat.Json, content, tables.Sum(t => t.Rows), byId, byName, at);
        file.SourceSystemId = sourceSystemId;
        file.MapVersion = mapVersion;
        file.TableRowCounts = [.. tables];
        file.QueryTexts = [.. queries];
        return file;
    }

    public ExtractReceipt Receipt => new(Id, FileName, Sha256, RowCount, SizeInBytes,
        SourceSystemId is { } system && MapVersion is { } version ? new ExtractRetrieval(system, version, TableRowCounts ?? []) : null);
}

/// <summary>The query a retrieval ran on one table, as text with parameter names (never values), kept to show what was asked.</summary>
public sealed record ExtractQuery(string Table, string QueryText);
