using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Delivery;

/// <summary>How the answer reaches the subject by e-mail (issue 16): a link to the portal (the default) or the documents attached.</summary>
public enum AnswerDeliveryMethod
{
    /// <summary>An e-mail with a link; the documents are downloaded on the portal after a one-time code.</summary>
    Link,

    /// <summary>The office chose to attach the documents to the e-mail for this case (the link is still there).</summary>
    Attachment,
}

/// <summary>A generated document the delivery offers: its id and what kind it is.</summary>
public sealed record OfferedDocument(Guid DocumentId, DocumentKind Kind);

/// <summary>
/// The answer to one request, delivered (issue 16, ADR 0045): which stored documents it offers, a keyed hash of the random
/// link token (the token itself is only in the e-mail), until when the link holds, the e-mail that carried it, and the
/// downloads. Its stamp (every aggregate's) guards the downloads and an officer's extension against each other; its changes are
/// recorded in the request's audit stream, so the case's timeline and case file show them.
/// </summary>
public sealed class ResponseDelivery : AggregateRoot
{
    public const int TokenHashMaxLength = 64;

    /// <summary>How far one extension may reach: a link is not a permanent archive.</summary>
    public const int MaxExtensionDays = 90;

    /// <summary>The audit stream the request's delivery actions go to: the request's own (the case shows them).</summary>
    public const string CreatedAction = "request.delivery.created";

    public const string DownloadedAction = "request.delivery.downloaded";

    public const string ExtendedAction = "request.delivery.extended";

    public const string LockedAction = "request.delivery.locked";

    public const string UnlockedAction = "request.delivery.unlocked";

    /// <summary>The same actions for an Art. 19 notice to a recipient, so the case's trail tells the two apart.</summary>
    public const string NoticeCreatedAction = "request.recipient_notice.created";

    public const string NoticeDownloadedAction = "request.recipient_notice.downloaded";

    public const string NoticeExtendedAction = "request.recipient_notice.extended";

    public const string NoticeLockedAction = "request.recipient_notice.locked";

    public const string NoticeUnlockedAction = "request.recipient_notice.unlocked";

    /// <summary>
    /// Wrong codes in total on one link before it locks: two codes' worth of tries (5 each), more than a person mistyping needs,
    /// and it caps a slow guesser at 10 in a million over the link's whole life, however many codes are asked for.
    /// </summary>
    public const int MaxWrongCodes = 10;

    private ResponseDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>
    /// Null for the answer to the subject; for an Art. 19 notice, the case's recipient notification it carries (ADR 0051): the code
    /// then goes to the address the notification was e-mailed to, and the link offers only that recipient's letter.
    /// </summary>
    public Guid? RecipientNotificationId { get; private set; }

    public bool IsRecipientNotice => RecipientNotificationId is not null;

    /// <summary>Hex HMAC-SHA256 of the link token under the portal key; the link is found by this, the token is never stored.</summary>
    public string TokenHash { get; private set; } = "";

    public AnswerDeliveryMethod Method { get; private set; }

    /// <summary>The stored documents the portal offers for download (and, for attachment delivery, the e-mail attaches).</summary>
    public IReadOnlyList<Guid> DocumentIds { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The delivery e-mail (an <c>OutgoingEmail</c>); the case shows whether it is waiting, sent or failing.</summary>
    public Guid? EmailId { get; private set; }

    public DateTimeOffset? FirstDownloadedAt { get; private set; }

    public DateTimeOffset? LastDownloadedAt { get; private set; }

    public int DownloadCount { get; private set; }

    /// <summary>When an officer last extended the link; null when never.</summary>
    public DateTimeOffset? ExtendedAt { get; private set; }

    /// <summary>Wrong codes entered on this link since it was made or last unlocked.</summary>
    public int WrongCodes { get; private set; }

    /// <summary>When the link locked after <see cref="MaxWrongCodes"/> wrong codes; null while open. Only an officer unlocks it.</summary>
    public DateTimeOffset? LockedAt { get; private set; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public bool IsLocked => LockedAt is not null;

    /// <summary>
    /// The audit entry of a link locked by its <see cref="MaxWrongCodes"/>th wrong code (ids only). The count and the lock are one
    /// conditional update in the database (parallel guesses must not pass the cap), so the portal records this entry beside it.
    /// </summary>
    public static DomainChange Locked(Guid deliveryId, Guid requestId, bool recipientNotice, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new DomainChange(recipientNotice ? NoticeLockedAction : LockedAction, DataSubjectRequest.AuditEntityType, requestId.ToString(), actor.Id, actor.Name, now, null,
            Fields(("deliveryId", deliveryId.ToString()), ("wrongCodes", MaxWrongCodes.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>An officer opens a locked link again (after contact with the subject): the count starts over.</summary>
    public Result Unlock(DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsLocked)
        {
            return Result.Failure(DeliveryErrors.NotLocked);
        }
        var before = Fields(("deliveryId", Id.ToString()), ("lockedAt", Iso(LockedAt!.Value)));
        LockedAt = null;
        WrongCodes = 0;
        Audit(IsRecipientNotice ? NoticeUnlockedAction : UnlockedAction, actor, now, before, Fields(("deliveryId", Id.ToString()), ("lockedAt", null)));
        return Result.Success();
    }

    /// <summary>
    /// A delivery of <paramref name="documents"/> for a request, valid <paramref name="linkDays"/> days from <paramref name="now"/>.
    /// Refuses an empty offer and documents that are not part of an answer (<see cref="DeliveryRules.MayOffer"/>).
    /// </summary>
    public static Result<ResponseDelivery> Create(
        Guid requestId, string tokenHash, AnswerDeliveryMethod method, IReadOnlyCollection<OfferedDocument> documents, DateTimeOffset now, int linkDays,
        Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentOutOfRangeException.ThrowIfLessThan(linkDays, 1);
        if (documents.Count == 0)
        {
            return Result<ResponseDelivery>.Failure(DeliveryErrors.NothingToDeliver);
        }
        if (documents.Any(d => !DeliveryRules.MayOffer(d.Kind)))
        {
            return Result<ResponseDelivery>.Failure(DeliveryErrors.DocumentNotOffered);
        }
        var delivery = new ResponseDelivery
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            TokenHash = tokenHash,
            Method = method,
            CreatedAt = now,
            ExpiresAt = now.AddDays(linkDays),
            DocumentIds = [.. documents.Select(d => d.DocumentId).Distinct()],
        };
        delivery.Audit(CreatedAction, actor, now, Fields(
            ("deliveryId", delivery.Id.ToString()), ("method", method.ToString()),
            ("documents", string.Join(",", delivery.DocumentIds)), ("expiresAt", Iso(delivery.ExpiresAt))));
        return Result<ResponseDelivery>.Of(delivery);
    }

    /// <summary>
    /// An Art. 19 notice to one recipient (ADR 0051): the same link, code and download record as the answer, offering exactly that
    /// recipient's notification letter, valid <paramref name="linkDays"/> days. Refuses any other document kind.
    /// </summary>
    public static Result<ResponseDelivery> CreateForRecipientNotice(
        Guid requestId, Guid recipientNotificationId, string tokenHash, OfferedDocument letter, DateTimeOffset now, int linkDays, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        ArgumentOutOfRangeException.ThrowIfLessThan(linkDays, 1);
        if (letter.Kind != DocumentKind.RecipientNotification)
        {
            return Result<ResponseDelivery>.Failure(DeliveryErrors.DocumentNotOffered);
        }
        var delivery = new ResponseDelivery
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            RecipientNotificationId = recipientNotificationId,
            TokenHash = tokenHash,
            Method = AnswerDeliveryMethod.Link,
            CreatedAt = now,
            ExpiresAt = now.AddDays(linkDays),
            DocumentIds = [letter.DocumentId],
        };
        delivery.Audit(NoticeCreatedAction, actor, now, Fields(
            ("deliveryId", delivery.Id.ToString()), ("notificationId", recipientNotificationId.ToString()),
            ("documents", letter.DocumentId.ToString()), ("expiresAt", Iso(delivery.ExpiresAt))));
        return Result<ResponseDelivery>.Of(delivery);
    }

    /// <summary>The delivery e-mail was queued with it.</summary>
    public void SentWith(Guid emailId) => EmailId = emailId;

    /// <summary>
    /// The subject downloaded one of the offered documents: counted, first and last time kept. Refused when the link has
    /// expired or the document is not one this delivery offers (another case's document never is).
    /// </summary>
    public Result RecordDownload(Guid documentId, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (IsExpired(now))
        {
            return Result.Failure(DeliveryErrors.LinkExpired);
        }
        if (!DocumentIds.Contains(documentId))
        {
            return Result.Failure(DeliveryErrors.DocumentNotOffered);
        }
        FirstDownloadedAt ??= now;
        LastDownloadedAt = now;
        DownloadCount++;
        // Ids only: what was fetched and how often, never who the subject is.
        Audit(IsRecipientNotice ? NoticeDownloadedAction : DownloadedAction, actor, now, Fields(
            ("deliveryId", Id.ToString()), ("documentId", documentId.ToString()),
            ("count", DownloadCount.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return Result.Success();
    }

    /// <summary>
    /// An officer gives the subject more time: the link holds <paramref name="days"/> days from now, or from its current end when
    /// that is later. Between 1 and <see cref="MaxExtensionDays"/> days.
    /// </summary>
    public Result Extend(int days, DateTimeOffset now, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (days < 1 || days > MaxExtensionDays)
        {
            return Result.Failure(DeliveryErrors.ExtensionOutOfRange with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = MaxExtensionDays.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
        var before = ExpiresAt;
        ExpiresAt = (ExpiresAt > now ? ExpiresAt : now).AddDays(days);
        ExtendedAt = now;
        Audit(IsRecipientNotice ? NoticeExtendedAction : ExtendedAction, actor, now, Fields(("deliveryId", Id.ToString()), ("expiresAt", Iso(before))),
            Fields(("deliveryId", Id.ToString()), ("expiresAt", Iso(ExpiresAt))));
        return Result.Success();
    }

    private void Audit(string action, Actor actor, DateTimeOffset at, Dictionary<string, string?> after) =>
        Audit(action, actor, at, null, after);

    private void Audit(string action, Actor actor, DateTimeOffset at, Dictionary<string, string?>? before, Dictionary<string, string?> after) =>
        Record(new DomainChange(action, DataSubjectRequest.AuditEntityType, RequestId.ToString(), actor.Id, actor.Name, at, before, after));

    private static string Iso(DateTimeOffset at) => at.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
}

/// <summary>What an answer's delivery may carry.</summary>
public static class DeliveryRules
{
    /// <summary>The answer itself (response or refusal letter), the Art. 15(3) copy and the Art. 20 package; never the case file or internal letters.</summary>
    public static bool MayOffer(DocumentKind kind) =>
        kind is DocumentKind.Response or DocumentKind.Refusal or DocumentKind.CopyOfData or DocumentKind.PortabilityPackage;
}

public static class DeliveryErrors
{
    public static readonly Error NothingToDeliver = new("delivery.nothing_to_deliver");

    public static readonly Error DocumentNotOffered = new("delivery.document_not_offered");

    public static readonly Error LinkExpired = new("delivery.link_expired");

    public static readonly Error ExtensionOutOfRange = new("delivery.extension_out_of_range", "Days");

    public static readonly Error NoDelivery = new("delivery.not_found");

    public static readonly Error NoEmailAddress = new("delivery.no_email_address");

    public static readonly Error NotLocked = new("delivery.not_locked");

    public static readonly Error LinkLocked = new("delivery.link_locked");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NothingToDeliver.Code] = new(
            "Er is geen antwoorddocument om te bezorgen: maak eerst de antwoordbrief.",
            "There is no answer document to deliver: generate the response letter first."),
        [DocumentNotOffered.Code] = new(
            "Dit document hoort niet bij deze bezorging.",
            "This document is not part of this delivery."),
        [LinkExpired.Code] = new(
            "Deze link is verlopen.",
            "This link has expired."),
        [ExtensionOutOfRange.Code] = new(
            "Verleng de link met 1 tot {max} dagen.",
            "Extend the link by 1 to {max} days."),
        [NoDelivery.Code] = new(
            "Dit antwoord is niet per e-mail bezorgd.",
            "This answer was not delivered by e-mail."),
        [NoEmailAddress.Code] = new(
            "Van deze betrokkene is geen e-mailadres bekend: verstuur het antwoord per post.",
            "No e-mail address is known for this subject: send the answer by post."),
        [LinkLocked.Code] = new(
            "Deze link is geblokkeerd na te veel verkeerde codes.",
            "This link is locked after too many wrong codes."),
        [NotLocked.Code] = new(
            "Deze link is niet geblokkeerd.",
            "This link is not locked."),
    };
}
