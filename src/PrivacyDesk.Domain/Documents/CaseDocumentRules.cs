using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Domain.Documents;

/// <summary>A document that may be generated on a case now; Art. 19 notifications name their recipient.</summary>
/// <param name="RecipientNotificationId">For <see cref="DocumentKind.RecipientNotification"/>: the recipient it is addressed to.</param>
/// <param name="RecipientName">The recipient's name as the register lists it (an organisation, not a person).</param>
/// <param name="NotYet">Why the document applies to the case but cannot be generated yet (the copy of data before the collection is done).</param>
public sealed record AvailableDocument(DocumentKind Kind, Guid? RecipientNotificationId = null, string? RecipientName = null, Error? NotYet = null);

/// <summary>
/// Which documents apply to a case as it stands. A letter is only offered (and only generated) when
/// the case holds what it speaks about: no extension notice without an extension, no refusal letter
/// without a refusal, one Art. 19 notification per recipient.
/// </summary>
public static class CaseDocumentRules
{
    /// <summary>The kinds that apply to <paramref name="request"/> now, in the order a case produces them.</summary>
    public static IReadOnlyList<AvailableDocument> Available(DataSubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var available = new List<AvailableDocument> { new(DocumentKind.Acknowledgement) };
        if (request.IdentityRequestedAt is not null || request.Status == RequestStatus.AwaitingIdentity)
        {
            available.Add(new(DocumentKind.IdentityVerificationRequest));
        }
        if (request.Extension is not null)
        {
            available.Add(new(DocumentKind.ExtensionNotice));
        }
        if (request.Fee is not null)
        {
            available.Add(new(DocumentKind.FeeNotice));
        }
        // A draft answer may be prepared before the four-eyes approval; never for a refused or withdrawn request.
        if (request.Status is not (RequestStatus.Rejected or RequestStatus.Withdrawn) && request.Decisions.Count > 0)
        {
            available.Add(new(DocumentKind.Response));
        }
        if (request.Refusal is not null || request.ProposedRefusal is not null)
        {
            available.Add(new(DocumentKind.Refusal));
        }
        available.AddRange(request.RecipientNotifications.Select(n => new AvailableDocument(DocumentKind.RecipientNotification, n.Id, n.RecipientName)));
        if (request.RestrictionAppliedAt is not null)
        {
            available.Add(new(DocumentKind.RestrictionLiftNotice));
        }
        if (request.Type == RequestType.Access)
        {
            available.Add(new(DocumentKind.CopyOfData, NotYet: CopyNotYet(request)));
        }
        if (request.Type == RequestType.Portability)
        {
            available.Add(new(DocumentKind.PortabilityPackage));
        }
        available.Add(new(DocumentKind.CaseFile));
        return available;
    }

    /// <summary>
    /// A response or refusal letter is a draft until a team lead approved it (gdpr-rules §3, four eyes):
    /// made before approval, or after the approval was withdrawn, it must say so and not be sent.
    /// </summary>
    public static bool IsDraft(DataSubjectRequest request, DocumentKind kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        return kind is DocumentKind.Response or DocumentKind.Refusal
            && !request.IsApproved
            && request.Status is not (RequestStatus.Responded or RequestStatus.Rejected);
    }

    /// <summary>
    /// Whether <paramref name="kind"/> may be generated now; an Art. 19 notification needs one of the
    /// case's recipients. Other kinds ignore <paramref name="recipientNotificationId"/>.
    /// </summary>
    public static Result Check(DataSubjectRequest request, DocumentKind kind, Guid? recipientNotificationId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var available = Available(request);
        if (kind == DocumentKind.RecipientNotification)
        {
            var recipients = available.Where(a => a.Kind == kind).ToList();
            if (recipients.Count == 0)
            {
                return Result.Failure(DocumentErrors.NotAvailable);
            }
            return recipientNotificationId is { } id && recipients.Any(a => a.RecipientNotificationId == id)
                ? Result.Success()
                : Result.Failure(DocumentErrors.RecipientRequired);
        }
        var applies = available.FirstOrDefault(a => a.Kind == kind);
        if (applies is null)
        {
            return Result.Failure(DocumentErrors.NotAvailable);
        }
        return applies.NotYet is { } notYet ? Result.Failure(notYet) : Result.Success();
    }

    /// <summary>
    /// Art. 15(3): the copy holds what was collected, so it waits for every collection task to close; "we found
    /// no data about you" is then only written when every planned system was searched (rows or a reason).
    /// </summary>
    private static Error? CopyNotYet(DataSubjectRequest request)
    {
        if (request.CollectionTasks.Count == 0)
        {
            return DocumentErrors.CopyNeedsCollection;
        }
        var open = request.CollectionTasks.Where(t => t.IsOpen).Select(t => t.SourceSystem).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return open.Count == 0
            ? null
            : DocumentErrors.CopyCollectionOpen with
            {
                Arguments = new Dictionary<string, string> { ["count"] = open.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["systems"] = string.Join(", ", open) },
            };
    }
}
