using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Data.Auditing;

/// <summary>
/// Verifies the trail in the background: the entries written since its checkpoint every <see cref="AuditAnchorOptions.VerifyInterval"/>,
/// the whole trail at start and every <see cref="AuditAnchorOptions.FullVerifyInterval"/>; after an intact pass it records the head as
/// a checkpoint. Several instances may each run one: verifying twice is harmless and a checkpoint never moves back.
/// </summary>
public sealed partial class AuditTrailMonitor(
    AuditTrailVerifier verifier, AuditAnchor anchor, AuditTrailStatus status, TimeProvider clock, ILogger<AuditTrailMonitor> logger) : BackgroundService
{
    /// <summary>One pass now (the administrator's "verify" is a full one); the status, the banner and /health follow its result.</summary>
    public async Task<AuditTrailCheck> VerifyAsync(bool full, CancellationToken cancellationToken = default)
    {
        var result = full ? await verifier.VerifyAllAsync(cancellationToken) : await verifier.VerifyNewAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (result is { IsIntact: true, LastHash: { } hash })
        {
            await anchor.RecordAsync(result.LastSequence, hash, now, cancellationToken);
        }
        return status.Report(result, full, now);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastFull = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = clock.GetUtcNow() - lastFull >= anchor.Options.FullVerifyInterval;
            try
            {
                var check = await VerifyAsync(full, stoppingToken);
                lastFull = full ? check.CheckedAt : lastFull;
                if (!check.Verification.IsIntact)
                {
                    LogBroken(check.Verification.FirstBrokenSequence, check.Verification.Break);
                }
                await Task.Delay(anchor.Options.VerifyInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The database or the checkpoint folder is away for a moment: try again at the next interval, never stop the app.
                LogFailed(exception);
                try
                {
                    await Task.Delay(anchor.Options.VerifyInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The audit trail does not verify: first broken sequence {Sequence} ({Break}).")]
    private partial void LogBroken(long? sequence, AuditBreak? @break);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit trail could not be verified this time; trying again at the next interval.")]
    private partial void LogFailed(Exception exception);
}

/// <summary>One verification's result and when it ran.</summary>
public sealed record AuditTrailCheck(AuditVerification Verification, bool Full, DateTimeOffset CheckedAt);

/// <summary>
/// What this instance last knows about the trail, for the banner, the administration page and /health. A break stays
/// reported until a full pass finds the trail intact again: a pass over only the newest entries cannot clear it.
/// </summary>
public sealed class AuditTrailStatus
{
    private readonly Lock _lock = new();

    public AuditTrailCheck? Latest { get; private set; }

    /// <summary>Raised after every report, for pages that show the status live.</summary>
    public event EventHandler? Changed;

    public bool IsBroken => Latest?.Verification.IsIntact == false;

    public AuditTrailCheck Report(AuditVerification verification, bool full, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var check = new AuditTrailCheck(verification, full, at);
        lock (_lock)
        {
            if (verification.IsIntact && !full && IsBroken)
            {
                check = Latest!;
            }
            else
            {
                Latest = check;
            }
        }
        Changed?.Invoke(this, EventArgs.Empty);
        return check;
    }
}

/// <summary>/health is degraded while the trail does not verify; the anonymous answer is the status word only, never the details.</summary>
public sealed class AuditTrailHealthCheck(AuditTrailStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsBroken
            ? HealthCheckResult.Degraded("The audit trail does not verify.")
            : HealthCheckResult.Healthy());
}
