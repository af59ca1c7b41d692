using System.Security.Cryptography;
using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Data;

/// <summary>
/// One generated document, stored exactly as it was handed over: the bytes, their SHA-256, the
/// language and who made it when. Regenerating adds a version (1, 2, 3 … per request, kind and
/// recipient); a stored version is never changed. The Art. 30 record belongs to no request.
/// Lists select the columns they show, never <see cref="Content"/>.
/// </summary>
public sealed class GeneratedDocument
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int LanguageMaxLength = 2;
    public const int Sha256Length = 64;
    public const int ActorIdMaxLength = 100;
    public const int ActorNameMaxLength = 256;

    /// <summary>The audit stream of a document: its generation and every download.</summary>
    public const string AuditEntityType = "GeneratedDocument";

    private GeneratedDocument()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case the document belongs to; null for the Art. 30 record of the whole register.</summary>
    public Guid? RequestId { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary><c>nl</c> or <c>en</c>.</summary>
    public string Language { get; private set; } = "nl";

    public int Version { get; private set; }

    /// <summary>For an Art. 19 notification: the recipient it is addressed to.</summary>
    public Guid? RecipientNotificationId { get; private set; }

    /// <summary>Reference, kind and language only: never personal data.</summary>
    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; private set; } = "";

    public long SizeInBytes { get; private set; }

    /// <summary>Pages of a PDF; null for a package (ZIP).</summary>
    public int? PageCount { get; private set; }

    public byte[] Content { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = "";

    public string CreatedByName { get; private set; } = "";

    /// <summary>
    /// For a case file: the sequence of the case's last audit event that changes what the file shows (views and
    /// downloads excluded) when it was generated; the next download reuses this version while it is still the last.
    /// </summary>
    public long? CaseAuditSequence { get; private set; }

    public static GeneratedDocument Create(
        Guid? requestId, DocumentKind kind, string language, int version, Guid? recipientNotificationId, string fileName, string contentType,
        byte[] content, int? pageCount, string createdById, string createdByName, DateTimeOffset createdAt, long? caseAuditSequence = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new GeneratedDocument
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Kind = kind,
            Language = language,
            Version = version,
            RecipientNotificationId = recipientNotificationId,
            FileName = fileName,
            ContentType = contentType,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            SizeInBytes = content.LongLength,
            PageCount = pageCount,
            Content = content,
            CreatedAt = createdAt,
            CreatedById = createdById,
            CreatedByName = createdByName,
            CaseAuditSequence = caseAuditSequence,
        };
    }
}
