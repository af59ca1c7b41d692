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
        if (ContactDetails.HasHiddenCharacters(Path.GetFileName((fileName ?? "").Replace('\\', '/'))))
        {
            // A right-to-left override shows "factuur\u202Efdp.exe" as "factuurexe.pdf": such a name is refused, never shown.
            return [IntakeErrors.AttachmentNameHiddenCharacters];
        }
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
        if (!ContentMatches(Path.GetExtension(name), content))
        {
            return Result<RequestAttachment>.Failure(IntakeErrors.AttachmentContentMismatch with
            {
                Arguments = Args(("file", name), ("type", Path.GetExtension(name).TrimStart('.').ToUpperInvariant())),
            });
        }
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

    /// <summary>
    /// Whether the content is what the extension claims, by its first bytes (the signature each format starts
    /// with); text formats must be text. The content type we store and serve follows the extension, so a file
    /// whose bytes are something else (HTML named .pdf) is refused rather than served under a false type.
    /// </summary>
    private static bool ContentMatches(string extension, byte[] content) => extension.ToLowerInvariant() switch
    {
        ".pdf" => StartsWith(content, "%PDF-"u8),
        ".png" => StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => StartsWith(content, [0xFF, 0xD8, 0xFF]),
        ".tif" or ".tiff" => StartsWith(content, "II*\0"u8) || StartsWith(content, "MM\0*"u8),
        // Outlook's .msg is an OLE compound file.
        ".msg" => StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        // An e-mail (RFC 5322) begins with a header field: a name of printable characters, then a colon.
        ".eml" => IsText(content) && StartsWithHeaderField(content),
        ".txt" => IsText(content),
        _ => false,
    };

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> signature) => content.AsSpan().StartsWith(signature);

    /// <summary>No NUL and no control bytes but tab, line feed, form feed, carriage return and escape (ISO-2022 mail); any 8-bit encoding passes.</summary>
    private static bool IsText(byte[] content) => !content.Any(b => b is < 0x09 or 0x0B or (> 0x0D and < 0x20 and not 0x1B) or 0x7F);

    private static bool StartsWithHeaderField(byte[] content)
    {
        var colon = Array.IndexOf(content, (byte)':');
        return colon > 0 && colon <= 76 && content.Take(colon).All(b => b is >= 0x21 and <= 0x7E);
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
