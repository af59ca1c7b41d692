using Microsoft.AspNetCore.Components.Forms;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Web.Features.Requests;
using Fields = PrivacyDesk.Web.Features.Requests.RequestRegistration.Fields;

namespace PrivacyDesk.Web.Components.Pages.Requests;

/// <summary>
/// What the new-request dialog holds: the request, the subject (chosen or new), consent purposes, files and
/// the errors shown beside their fields; and the rules the dialog applies before the service checks again.
/// </summary>
public sealed class NewRequestForm
{
    /// <summary>Fields with a place of their own in the dialog; an error on any other is shown above the buttons.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>
    {
        Fields.Type, Fields.Channel, Fields.ReceivedAt, Fields.Language, Fields.Subject, Fields.FullName, Fields.Email, Fields.Category,
        Fields.Description, Fields.Attachments, Fields.ConsentPurposes, Fields.RelationshipStart, Fields.RelationshipEnd,
    };

    public static readonly string AcceptList = string.Join(",", RequestAttachment.AllowedTypes.Keys);

    private readonly List<IBrowserFile> _files = [];
    private readonly HashSet<Guid> _consentChosen = [];

    /// <summary>The controller's time zone, in which the moment of receipt is read.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public RequestType? Type { get; set; }
    public RequestChannel? Channel { get; set; }
    public DateTime? ReceivedDate { get; set; }
    public TimeSpan? ReceivedTime { get; set; }
    public string Language { get; set; } = "nl";
    public bool CreatingSubject { get; set; }
    public SubjectOption? Subject { get; set; }
    public string FullName { get; set; } = "";

    /// <summary>How letters address the new subject; unknown unless the officer knows it.</summary>
    public PrivacyDesk.Domain.Subjects.Salutation Salutation { get; set; }
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string CustomerNumber { get; set; } = "";
    public SubjectCategory? Category { get; set; } = SubjectCategory.Customer;
    public DateTime? RelationshipStart { get; set; }
    public DateTime? RelationshipEnd { get; set; }
    public string Description { get; set; } = "";

    /// <summary>An open request of the same type for the chosen subject, said before a second one is registered.</summary>
    public OpenDuplicate? Duplicate { get; set; }

    /// <summary>A subject on file with the new subject's e-mail address or customer number.</summary>
    public SubjectOption? SameSubject { get; set; }

    public IReadOnlyList<PrivacyDesk.Domain.Common.Error> Errors { get; set; } = [];
    public IReadOnlyList<IBrowserFile> Files => _files;
    public IReadOnlyList<ConsentPurposeChoice> ConsentOptions { get; private set; } = [];
    public IReadOnlySet<Guid> ConsentChosen => _consentChosen;

    /// <summary>Receipt is proposed as now, on the controller's wall clock.</summary>
    public void Start(TimeZoneInfo zone, DateTime controllerNow)
    {
        Zone = zone;
        ReceivedDate = controllerNow.Date;
        ReceivedTime = controllerNow.TimeOfDay;
    }

    public DateTimeOffset? ReceivedAt =>
        ReceivedDate is { } date && ReceivedTime is { } time ? RequestRegistration.ControllerInstant(Zone, date, time) : null;

    public bool Has(string field) => Errors.Any(e => e.Field == field);

    public void Clear(string field) => Errors = [.. Errors.Where(e => e.Field != field)];

    /// <summary>Errors with no field of their own in the dialog.</summary>
    public IEnumerable<PrivacyDesk.Domain.Common.Error> GeneralErrors => Errors.Where(e => !KnownFields.Contains(e.Field ?? ""));

    public void ReceivedOn(DateTime? date, DateTimeOffset now)
    {
        ReceivedDate = date;
        CheckReceivedAt(now);
    }

    public void ReceivedAtTime(TimeSpan? time, DateTimeOffset now)
    {
        ReceivedTime = time;
        CheckReceivedAt(now);
    }

    /// <summary>A moment of receipt in the future is said at once, next to the field; the service checks again on save.</summary>
    private void CheckReceivedAt(DateTimeOffset now)
    {
        Clear(Fields.ReceivedAt);
        if (ReceivedAt is { } at && at > now)
        {
            Errors = [.. Errors, IntakeErrors.ReceivedAtInFuture];
        }
    }

    /// <summary>Only a request for a known subject and type can duplicate an open one.</summary>
    public bool MayDuplicate => !CreatingSubject && Subject is not null && Type is not null;

    /// <summary>
    /// Art. 7(3): a consent withdrawal covers the purposes the subject names, chosen from the consent purposes of the
    /// subject on file or, for a new subject, of their category.
    /// </summary>
    public bool AsksForConsentPurposes => Type == RequestType.ConsentWithdrawal && (CreatingSubject || Subject is not null);

    /// <summary>The consent purposes on offer changed: a choice no longer offered is dropped.</summary>
    public void OfferConsentPurposes(IReadOnlyList<ConsentPurposeChoice> options)
    {
        ConsentOptions = AsksForConsentPurposes ? options : [];
        _consentChosen.IntersectWith(ConsentOptions.Select(o => o.PurposeId));
    }

    public void ToggleConsent(Guid purposeId, bool on)
    {
        if (on)
        {
            _consentChosen.Add(purposeId);
        }
        else
        {
            _consentChosen.Remove(purposeId);
        }
        Clear(Fields.ConsentPurposes);
    }

    /// <summary>The subject on file with the same address or number replaces the new one.</summary>
    public void UseSameSubject()
    {
        Subject = SameSubject;
        SameSubject = null;
        CreatingSubject = false;
    }

    /// <summary>Up to the maximum, the same file once; a file too large or of a wrong type is said as soon as it is chosen.</summary>
    public void AddFiles(IEnumerable<IBrowserFile>? chosen)
    {
        foreach (var file in chosen ?? [])
        {
            if (_files.Count < RequestAttachment.MaxPerRequest && !_files.Any(f => f.Name == file.Name && f.Size == file.Size))
            {
                _files.Add(file);
            }
        }
        ShowAttachmentProblems();
    }

    public void RemoveFile(IBrowserFile file)
    {
        _files.Remove(file);
        ShowAttachmentProblems();
    }

    private void ShowAttachmentProblems()
    {
        Clear(Fields.Attachments);
        Errors = [.. Errors, .. _files.SelectMany(f => RequestAttachment.Check(f.Name, f.Size))];
    }

    /// <summary>What the service registers: the chosen subject or the new one, consent purposes only for a withdrawal.</summary>
    public NewRequest ToRequest() => new(
        Type, Channel, ReceivedAt, Language,
        CreatingSubject ? null : Subject?.Id,
        CreatingSubject ? new NewSubject(FullName, Email, Phone, CustomerNumber, Category, DateOf(RelationshipStart), DateOf(RelationshipEnd), Salutation) : null,
        Description,
        [.. _files.Select(f => new NewAttachment(f.Name, f.Size, Reader(f)))],
        Type == RequestType.ConsentWithdrawal ? [.. _consentChosen] : null);

    private static DateOnly? DateOf(DateTime? value) => value is { } date ? DateOnly.FromDateTime(date) : null;

    // The content is read only when the service asks, after name, type and size passed.
    private static Func<CancellationToken, Task<byte[]>> Reader(IBrowserFile file) => async cancellationToken =>
    {
        await using var stream = file.OpenReadStream(RequestAttachment.MaxSizeBytes, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    };

    public static string Describe(SubjectOption? option) =>
        option is null ? "" : option.CustomerNumber is null ? option.FullName : $"{option.FullName} · {option.CustomerNumber}";

    public static string FileSize(long bytes) =>
        bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024)} kB" : $"{bytes / (1024.0 * 1024.0):0.0} MB";
}
