using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PrivacyDesk.Data.Outbox;

/// <summary>
/// THE background runner (ADR 0042): every <see cref="OutboxOptions.PollInterval"/> it claims due messages with a lease
/// (a conditional UPDATE whose affected-row count says whether this instance won), runs each with its kind's handler in
/// a scope of its own, and records the outcome. Every app instance runs one; the lease makes one of them run a message.
/// </summary>
public sealed partial class OutboxRunner(
    IServiceScopeFactory scopes, IEnumerable<RecurringOutboxMessage> recurring, OutboxOptions options, TimeProvider clock,
    ILogger<OutboxRunner> logger) : BackgroundService
{
    private readonly IReadOnlyList<RecurringOutboxMessage> _recurring = [.. recurring];
    private readonly List<Guid> _recurringIds = [.. recurring.Select(r => r.Id)];

    /// <summary>This instance's name in the lease column.</summary>
    public string InstanceName { get; } = string.IsNullOrWhiteSpace(options.InstanceName)
        ? $"{Guid.NewGuid():N}-{Environment.MachineName}"[..Math.Min(OutboxMessage.ClaimedByMaxLength, 33 + Environment.MachineName.Length)]
        : options.InstanceName;

    /// <summary>One pass: make sure the recurring messages exist, then claim and run what is due. Returns how many messages this instance ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await EnsureRecurringAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var maxAttempts = options.MaxAttempts;
        // Recurring work (the mailbox poll, the retention scan, the portal purge) is never given up: it is the only one of its kind.
        var recurring = _recurringIds;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.CompletedAt == null && m.DueAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now) && (m.Attempts < maxAttempts || recurring.Contains(m.Id)))
                .OrderBy(m => m.DueAt).ThenBy(m => m.Id)
                .Select(m => m.Id)
                .Take(options.BatchSize)
                .ToListAsync(cancellationToken);
        }
        var ran = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, cancellationToken))
            {
                ran++;
            }
        }
        return ran;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due (a burst of intake letters): the next pass starts at once, not after the interval.
                if (await RunDueAsync(stoppingToken) < options.BatchSize)
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or DbUpdateException or InvalidOperationException or TimeoutException)
            {
                // The database is away for a moment: try again at the next interval, never stop the app.
                LogPassFailed(exception.GetType().Name);
                try
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims one message (the lease) and, if this instance won it, runs it. False when another instance holds or finished it.</summary>
    private async Task<bool> RunOneAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Lease;
        var name = InstanceName;
        var maxAttempts = options.MaxAttempts;
        var recurring = _recurringIds;
        OutboxMessage? message;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            int claimed;
            using (await WriteGate.EnterAsync(db, cancellationToken))
            {
                // The lease: only an unclaimed (or expired) due message is taken; one affected row means this instance has it.
                claimed = await db.OutboxMessages
                    .Where(m => m.Id == id && m.CompletedAt == null && m.DueAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now) && (m.Attempts < maxAttempts || recurring.Contains(m.Id)))
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(m => m.ClaimedBy, name)
                        .SetProperty(m => m.ClaimedUntil, until)
                        .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            }
            if (claimed != 1)
            {
                return false;
            }
            message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        }

        OutboxResult result;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().LastOrDefault(h => h.Kind == message.Kind);
            try
            {
                result = handler is null ? OutboxResult.Failed("outbox.unknown_kind") : await handler.HandleAsync(message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A handler's bug must not stop the runner; its type name (never its message, which may hold data) is recorded.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                result = OutboxResult.Failed($"exception.{exception.GetType().Name}");
            }
        }
        await RecordAsync(message, until, result, cancellationToken);
        return true;
    }

    private async Task RecordAsync(OutboxMessage message, DateTimeOffset leaseUntil, OutboxResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var name = InstanceName;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        using var gate = await WriteGate.EnterAsync(db, cancellationToken);
        // Only while this instance still holds the lease it took: a lease that ran out belongs to whoever claimed it next.
        var mine = db.OutboxMessages.Where(m => m.Id == message.Id && m.ClaimedBy == name && m.ClaimedUntil == leaseUntil);
        if (result.ErrorCode is { } code)
        {
            var next = now + Backoff(message.Attempts);
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DueAt, next)
                .SetProperty(m => m.LastErrorCode, code.Length > OutboxMessage.ErrorCodeMaxLength ? code[..OutboxMessage.ErrorCodeMaxLength] : code)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            if (message.Attempts >= options.MaxAttempts)
            {
                LogGaveUp(message.Id, message.Kind, code, message.Attempts);
            }
            else
            {
                LogFailed(message.Id, message.Kind, code, message.Attempts, next);
            }
        }
        else if (result.RunAgainAt is { } again)
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DueAt, again)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.LastErrorCode, (string?)null)
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            LogRecurs(message.Id, message.Kind, again);
        }
        else
        {
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.CompletedAt, now)
                .SetProperty(m => m.LastErrorCode, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
            LogDone(message.Id, message.Kind);
        }
    }

    /// <summary>One minute after the first failure, doubling, at most <see cref="OutboxOptions.MaxBackoff"/>.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var minutes = Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var wait = TimeSpan.FromMinutes(minutes);
        return wait < options.MaxBackoff ? wait : options.MaxBackoff;
    }

    private async Task EnsureRecurringAsync(CancellationToken cancellationToken)
    {
        if (_recurring.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var ids = _recurring.Select(r => r.Id).ToList();
        var present = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        var missing = _recurring.Where(r => !present.Contains(r.Id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var r in missing)
        {
            db.OutboxMessages.Add(OutboxMessage.Create(r.Kind, null, r.FirstDueAt(now), r.Id));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the same fixed id first: the message exists, which is all this wanted.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) done.")]
    private partial void LogDone(Guid messageId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}) done for now; due again at {DueAt:o}.")]
    private partial void LogRecurs(Guid messageId, string kind, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) failed with {ErrorCode} at attempt {Attempts}; next try at {DueAt:o}.")]
    private partial void LogFailed(Guid messageId, string kind, string errorCode, int attempts, DateTimeOffset dueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({Kind}) failed with {ErrorCode} at attempt {Attempts}, the last: given up until someone sends it again.")]
    private partial void LogGaveUp(Guid messageId, string kind, string errorCode, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox pass failed ({ErrorType}); trying again at the next interval.")]
    private partial void LogPassFailed(string errorType);
}
