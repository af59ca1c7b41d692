using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;

namespace PrivacyDesk.Web.Features.Administration;

/// <summary>
/// Security events of staff accounts (sign-in, lockout, password and two-step changes) in the audit
/// trail. Only known accounts are recorded: whatever someone typed into the e-mail field of a failed
/// sign-in is never stored.
/// </summary>
public sealed class StaffAccountAudit(IDbContextFactory<PrivacyDeskDbContext> databases, TimeProvider clock)
{
    public const string SignedIn = "staff.signed_in";
    public const string SignInFailed = "staff.sign_in_failed";
    public const string LockedOut = "staff.locked_out";
    public const string PasswordVerified = "staff.password_verified";
    public const string SignedInWithRecoveryCode = "staff.signed_in_with_recovery_code";
    public const string PasswordChanged = "staff.password_changed";
    public const string TwoFactorEnabled = "staff.two_factor_enabled";
    public const string TwoFactorDisabled = "staff.two_factor_disabled";
    public const string AuthenticatorReset = "staff.authenticator_reset";
    public const string RecoveryCodesGenerated = "staff.recovery_codes_generated";

    /// <summary>Records <paramref name="action"/> for the account with this e-mail address, if there is one.</summary>
    public async Task RecordByEmailAsync(string? email, string action, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user is not null)
        {
            await AddAsync(db, user.Id, user.DisplayName, action, cancellationToken);
        }
    }

    /// <summary>Records <paramref name="action"/> done by the signed-in user to their own account.</summary>
    public async Task RecordAsync(string userId, string displayName, string action, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await AddAsync(db, userId, displayName, action, cancellationToken);
    }

    private async Task AddAsync(PrivacyDeskDbContext db, string userId, string displayName, string action, CancellationToken cancellationToken)
    {
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), userId, displayName, action, "StaffUser", userId));
        await db.SaveChangesAsync(cancellationToken);
    }
}
