using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivacyDesk.Data.Outbox;

namespace PrivacyDesk.Data.Health;

/// <summary>
/// What a load balancer asks before it sends an instance traffic (ADR 0050): the database answers, every migration
/// of this build is applied, and this instance's outbox runner is still running. Tagged <see cref="ReadyTag"/>.
/// </summary>
public static class ReadinessChecks
{
    /// <summary>The tag of the checks behind <c>/health/ready</c>; <c>/health/live</c> runs none.</summary>
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddReadinessChecks(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddDbContextCheck<PrivacyDeskDbContext>("database", tags: [ReadyTag])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: [ReadyTag])
            .AddCheck<OutboxRunnerCheck>("outbox", tags: [ReadyTag]);
    }
}

/// <summary>Unhealthy while the database lacks a migration this build knows: an instance of a newer build waits for the one that migrates.</summary>
public sealed class MigrationsAppliedCheck(IDbContextFactory<PrivacyDeskDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        // The count only: migration names are no secret, but anonymous callers get the status alone anyway.
        return pending.Any() ? HealthCheckResult.Unhealthy($"{pending.Count()} migration(s) not applied.") : HealthCheckResult.Healthy();
    }
}

/// <summary>Unhealthy when the runner's loop has ended while the host still runs (a crash): nothing in the outbox would run on this instance.</summary>
public sealed class OutboxRunnerCheck(OutboxRunner runner, OutboxOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Enabled && runner.ExecuteTask is { IsCompleted: true }
            ? HealthCheckResult.Unhealthy("The outbox runner has stopped.")
            : HealthCheckResult.Healthy());
}
