using System.Text.Json;

namespace PrivacyDesk.Data.Outbox;

/// <summary>
/// One piece of background work in THE durable outbox (ADR 0042): letters, e-mail, retention scans all go through it.
/// The payload names ids only, never personal data: a message may sit in the table for days and is read by operators.
/// A runner claims a due message with a lease (<see cref="ClaimedBy"/> until <see cref="ClaimedUntil"/>), so with several
/// app instances one runs it; a failure moves <see cref="DueAt"/> back and keeps an error code.
/// </summary>
public sealed class OutboxMessage
{
    public const int KindMaxLength = 100;
    public const int PayloadMaxLength = 4_000;
    public const int ErrorCodeMaxLength = 200;
    public const int ClaimedByMaxLength = 100;

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Which <see cref="IOutboxHandler"/> runs it, e.g. <c>retention.scan</c>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>JSON with ids only.</summary>
    public string Payload { get; private set; } = "{}";

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>How many times a runner has claimed it (a claim counts even if the instance died while running it).</summary>
    public int Attempts { get; private set; }

    /// <summary>The last failure's code (a coded error or an exception's type name; never its message, which may hold data).</summary>
    public string? LastErrorCode { get; private set; }

    /// <summary>The instance holding the lease.</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>Until when the lease holds; after that another instance may claim it (the holder is presumed dead).</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>A new message; <paramref name="id"/> fixed for a recurring one, so two instances enqueuing it at start make one row.</summary>
    public static OutboxMessage Create(string kind, object? payload, DateTimeOffset dueAt, Guid? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var json = JsonSerializer.Serialize(payload ?? new { });
        if (json.Length > PayloadMaxLength || kind.Length > KindMaxLength)
        {
            throw new ArgumentException("An outbox payload holds ids only and stays small.", nameof(payload));
        }
        return new OutboxMessage { Id = id ?? Guid.CreateVersion7(), Kind = kind, Payload = json, DueAt = dueAt };
    }

    /// <summary>The payload read back as <typeparamref name="T"/>.</summary>
    public T? Read<T>() => JsonSerializer.Deserialize<T>(Payload);
}
