using System.Globalization;
using System.Security.Cryptography;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// The original of a request that arrived by e-mail or letter (the e-mail file, the scanned letter),
/// kept with the case as evidence of what was asked and when. Its SHA-256 shows it was not changed later.
/// </summary>
public sealed class RequestAttachment : AggregateRoot
{
    public const int FileNameMaxLength = 255;
    public const int ContentTypeMaxLength = 100;
    public const int Sha256HexLength = 64;
    public const int MaxSizeMegabytes = 10;
    public const long MaxSizeBytes = MaxSizeMegabytes * 1024L * 1024L;
    public const int MaxPerRequest = 5;

    /// <summary>The audit action, in the request's stream.</summary>
    public const string AddedAction = "request.attachment.added";

    /// <summary>The file types an original request comes in, by extension; the content type is ours, never the browser's.</summary>
    public static IReadOnlyDictionary<string, string> AllowedTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".eml"] = "message/rfc822",
        [".msg"] = "application/vnd.ms-outlook",
        [".pdf"] = "application/pdf",
        [".txt"] = "text/plain",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
    };

    public static string AllowedExtensions => string.Join(", ", AllowedTypes.Keys);

    private RequestAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public long SizeBytes { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    public string Sha256 { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public string UploadedById { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Checks name, type and declared size before anything is read, so an oversized file is never loaded.</summary>
    public static IReadOnlyList<Error> Check(string? fileName, long sizeBytes)
    {
        var name = CleanName(fileName);
        if (name is null)
        {
            return [IntakeErrors.AttachmentNameInvalid];
        }
        var errors = new List<Error>();
        if (!AllowedTypes.ContainsKey(Path.GetExtension(name)))
        {
            errors.Add(IntakeErrors.AttachmentTypeNotAllowed with { Arguments = Args(("file", name), ("allowed", AllowedExtensions)) });
        }
        if (sizeBytes > MaxSizeBytes)
        {
            errors.Add(IntakeErrors.AttachmentTooLarge with
            {
                Arguments = Args(("file", name), ("max", MaxSizeMegabytes.ToString(CultureInfo.InvariantCulture))),
            });
        }
        else if (sizeBytes <= 0)
        {
            errors.Add(IntakeErrors.AttachmentEmpty with { Arguments = Args(("file", name)) });
        }
        return errors;
    }

    /// <summary>Attaches a file to a request; the audit entry names the file by id, size and hash only (a file name can hold a name).</summary>
    public static Result<RequestAttachment> Attach(Guid requestId, string fileName, byte[] content, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = Check(fileName, content.LongLength);
        if (errors.Count > 0)
        {
            return Result<RequestAttachment>.Failure(errors);
        }
        var name = CleanName(fileName)!;
        var attachment = new RequestAttachment
        {
            Id = Guid.CreateVersion7(at),
            RequestId = requestId,
            FileName = name,
            ContentType = AllowedTypes[Path.GetExtension(name)],
            SizeBytes = content.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            UploadedById = actor.Id,
            UploadedByName = actor.Name,
            UploadedAt = at,
        };
        attachment.Record(new DomainChange(
            AddedAction, DataSubjectRequest.AuditEntityType, requestId.ToString(), actor.Id, actor.Name, at,
            After: new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["attachmentId"] = attachment.Id.ToString(),
                ["contentType"] = attachment.ContentType,
                ["sizeBytes"] = attachment.SizeBytes.ToString(CultureInfo.InvariantCulture),
                ["sha256"] = attachment.Sha256,
            }));
        return Result<RequestAttachment>.Of(attachment);
    }

    /// <summary>The bare file name (no folders a browser or mail client may add), at most the column length.</summary>
    private static string? CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/').Trim());
        return name.Length is 0 or > FileNameMaxLength || name.Any(char.IsControl) ? null : name;
    }

    private static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
