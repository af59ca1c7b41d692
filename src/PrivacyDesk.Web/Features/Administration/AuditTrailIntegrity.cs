using System.Security.Claims;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Administration;

/// <summary>Administration → Audit trail: the monitor's latest result, the anchors, and a full verification on demand.</summary>
public sealed class AuditTrailIntegrity(AuditTrailMonitor monitor, AuditTrailStatus status, AuditAnchor anchor, ControllerOptions controller)
{
    private static readonly Error Forbidden = new("auth.forbidden");

    /// <summary>Administrators run the system, auditors rely on the trail: both see its state, nobody else needs to.</summary>
    public static bool MayVerify(ClaimsPrincipal caller) => caller.Has(Permission.VerifyAuditTrail);

    public AuditTrailStatus Status => status;

    public TimeZoneInfo TimeZone => controller.TimeZone;

    public async Task<Result<AuditTrailCheck>> VerifyAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return MayVerify(caller)
            ? Result<AuditTrailCheck>.Of(await monitor.VerifyAsync(full: true, cancellationToken))
            : Result<AuditTrailCheck>.Failure(Forbidden);
    }

    /// <summary>What keeps the head outside the table: whether a key is set, the checkpoint folder, and the newest checkpoint of each kind.</summary>
    public async Task<Result<AnchorState>> AnchorAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!MayVerify(caller))
        {
            return Result<AnchorState>.Failure(Forbidden);
        }
        var stored = await anchor.LatestStoredAsync(cancellationToken);
        var file = await anchor.FileAsync(cancellationToken);
        return Result<AnchorState>.Of(new AnchorState(anchor.Key is not null, anchor.Options.CheckpointFolder, stored, file));
    }
}

public sealed record AnchorState(bool KeyConfigured, string? CheckpointFolder, AuditCheckpoint? Stored, AuditCheckpoint? File);
