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

    public ExtractReceipt Receipt => new(Id, FileName, Sha256, RowCount, SizeInBytes);
}
