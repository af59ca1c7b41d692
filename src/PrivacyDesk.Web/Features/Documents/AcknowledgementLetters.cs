using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Features.Portal;

namespace PrivacyDesk.Web.Features.Documents;

/// <summary>The outbox payload of <c>letter.acknowledgement</c>: the request's id, nothing else.</summary>
public sealed record AcknowledgementLetterPayload(Guid RequestId);

/// <summary>
/// The acknowledgement letter of a request the intake API or the portal registered (ADR 0048): enqueued in the registration's own
/// transaction, made by the outbox after the caller has its answer. Retries, backoff, giving up and "send again" are the outbox's.
/// </summary>
public static class AcknowledgementLetters
{
    public const string OutboxKind = "letter.acknowledgement";

    /// <summary>Adds the outbox message to <paramref name="db"/> without saving: it commits with the request, or neither does.</summary>
    public static void Enqueue(PrivacyDeskDbContext db, Guid requestId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(OutboxMessage.Create(OutboxKind, new AcknowledgementLetterPayload(requestId), now));
    }

    /// <summary>The payload <see cref="Enqueue"/> stores (the same serializer, so the same text): how the case finds its message.</summary>
    public static string Payload(Guid requestId) => JsonSerializer.Serialize(new AcknowledgementLetterPayload(requestId));
}

/// <summary>
/// Makes the acknowledgement as the system actor the registration named: "Intake API (key name)" for a request an API key sent,
/// the portal's name otherwise. Idempotent (<see cref="CaseDocuments.AcknowledgeAsSystemAsync"/> makes none when one exists).
/// </summary>
public sealed partial class AcknowledgementLetterHandler(PrivacyDeskDbContext db, CaseDocuments documents, ILogger<AcknowledgementLetterHandler> logger)
    : IOutboxHandler
{
    public string Kind => AcknowledgementLetters.OutboxKind;

    public async Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var requestId = message.Read<AcknowledgementLetterPayload>()?.RequestId ?? Guid.Empty;
        var key = await db.ApiKeyRequests.AsNoTracking().Where(l => l.RequestId == requestId)
            .Join(db.ApiKeys, l => l.ApiKeyId, k => k.Id, (l, k) => new { k.Id, k.Name })
            .FirstOrDefaultAsync(cancellationToken);
        var actor = key is null ? Actor.System with { Name = PortalActor.Instance.Name } : new ApiCaller(key.Id, key.Name).ToActor();
        var made = await documents.AcknowledgeAsSystemAsync(requestId, actor, cancellationToken);
        if (made.IsFailure)
        {
            LogFailed(message.Id, made.Errors[0].Code);
            return OutboxResult.Failed(made.Errors[0].Code);
        }
        return OutboxResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId}: the acknowledgement letter was not made ({ErrorCode}).")]
    private partial void LogFailed(Guid messageId, string errorCode);
}
