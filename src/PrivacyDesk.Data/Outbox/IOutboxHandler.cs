namespace PrivacyDesk.Data.Outbox;

/// <summary>Runs the messages of one <see cref="Kind"/>. Registered in DI; the runner picks the handler by kind.</summary>
/// <remarks>
/// A lease can run out while a handler still works (a very slow source system), and another instance then runs the
/// message again: handlers are idempotent (e.g. a ledger entry already planned is skipped under its concurrency stamp).
/// </remarks>
public interface IOutboxHandler
{
    string Kind { get; }

    Task<OutboxResult> HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>What became of a message: done, failed with a code (the runner backs off), or done for now and due again (recurring work).</summary>
public sealed record OutboxResult
{
    private OutboxResult(string? errorCode, DateTimeOffset? runAgainAt)
    {
        ErrorCode = errorCode;
        RunAgainAt = runAgainAt;
    }

    public string? ErrorCode { get; }

    public DateTimeOffset? RunAgainAt { get; }

    public static OutboxResult Done { get; } = new(null, null);

    /// <summary>A code, never a message: codes are what logs and the table may hold.</summary>
    public static OutboxResult Failed(string errorCode) => new(errorCode, null);

    /// <summary>Recurring work: the same message is due again at <paramref name="at"/> (it re-enqueues itself).</summary>
    public static OutboxResult Recur(DateTimeOffset at) => new(null, at);
}

/// <summary>A message the runner makes sure exists at start (same fixed id on every instance, so one row).</summary>
public sealed record RecurringOutboxMessage(Guid Id, string Kind, Func<DateTimeOffset, DateTimeOffset> FirstDueAt);
