using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Administration;

public sealed record StaffMemberRow(
    string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, bool IsLocked, bool TwoFactorEnabled, string? ConcurrencyStamp);

public sealed record NewStaffMember(string DisplayName, string Email, string Password, IReadOnlyCollection<string> Roles);

/// <summary>
/// Users and roles, for administrators only (checked here, not only by the page). Each change runs
/// in its own scope and transaction and writes an audit event in that same transaction.
/// </summary>
public sealed partial class StaffAdministration(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static class Fields
    {
        public const string DisplayName = nameof(NewStaffMember.DisplayName);
        public const string Email = nameof(NewStaffMember.Email);
        public const string Password = nameof(NewStaffMember.Password);
        public const string Roles = nameof(NewStaffMember.Roles);
    }

    private static readonly Error Forbidden = new("auth.forbidden");
    private static readonly Error NotFound = new("staff.not_found");
    private static readonly Error Conflict = new("staff.concurrency");

    public async Task<Result<IReadOnlyList<StaffMemberRow>>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.Administer))
        {
            return Result<IReadOnlyList<StaffMemberRow>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var now = clock.GetUtcNow();
        // One query: the roles come along as a correlated sub-select, not one query per user.
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.LockoutEnd,
                u.TwoFactorEnabled,
                u.ConcurrencyStamp,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<StaffMemberRow>>([.. rows.Select(u => new StaffMemberRow(
            u.Id, u.DisplayName, u.Email ?? "", [.. StaffRole.All.Where(u.Roles.Contains)], u.LockoutEnd > now, u.TwoFactorEnabled, u.ConcurrencyStamp))]);
    }

    /// <summary>Validates everything first and returns every problem at once; creates nothing unless all is well.</summary>
    public async Task<Result<string>> CreateAsync(ClaimsPrincipal caller, NewStaffMember input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!caller.Has(Permission.Administer))
        {
            return Result<string>.Failure(Forbidden);
        }
        var email = input.Email?.Trim() ?? "";
        var name = input.DisplayName?.Trim() ?? "";

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();

        var errors = new List<Error>();
        if (name.Length == 0)
        {
            errors.Add(new("staff.name.required", Fields.DisplayName));
        }
        else if (name.Length > StaffUser.DisplayNameMaxLength)
        {
            errors.Add(new("staff.name.too_long", Fields.DisplayName));
        }
        if (email.Length == 0)
        {
            errors.Add(new("staff.email.required", Fields.Email));
        }
        else if (!IsValidEmail(email))
        {
            errors.Add(new("staff.email.invalid", Fields.Email));
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(new("staff.email.duplicate", Fields.Email));
        }
        errors.AddRange(RoleErrors(input.Roles));

        errors.AddRange(await PasswordErrorsAsync(users, new StaffUser { UserName = email, Email = email, DisplayName = name }, input.Password));
        if (errors.Count > 0)
        {
            return Result<string>.Failure(errors.DistinctBy(e => e.Code));
        }

        return await db.InTransactionAsync(async () =>
        {
            var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user, input.Password);
            if (!created.Succeeded)
            {
                // A race with another administrator creating the same address, or a rule we did not foresee.
                return Result<string>.Failure(created.Errors.Select(e => e.Code is "DuplicateEmail" or "DuplicateUserName"
                    ? new Error("staff.email.duplicate", Fields.Email)
                    : new Error(PasswordErrorCode(e.Code), Fields.Password)));
            }
            var roles = Normalise(input.Roles);
            if (!(await users.AddToRolesAsync(user, roles)).Succeeded)
            {
                return Result<string>.Failure(new Error("staff.roles.unknown", Fields.Roles));
            }
            db.AuditEvents.Add(Audit(caller, "staff.user.created", user.Id, AuditDetails.Of(("roles", roles), ("displayName", name))));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(user.Id);
        }, cancellationToken);
    }

    public async Task<Result> SetRolesAsync(ClaimsPrincipal caller, string userId, IReadOnlyCollection<string> roles, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.Administer))
        {
            return Result.Failure(Forbidden);
        }
        var roleErrors = RoleErrors(roles).ToList();
        if (roleErrors.Count > 0)
        {
            return Result.Failure(roleErrors);
        }

        return await ChangeUserAsync(userId, concurrencyStamp, async (users, db, user) =>
        {
            var before = (await users.GetRolesAsync(user)).ToList();
            var after = Normalise(roles);
            if (before.Contains(StaffRole.Administrator) && !after.Contains(StaffRole.Administrator))
            {
                var rule = AdministratorRule.MayDeactivate(!await users.IsLockedOutAsync(user), await ActiveAdministratorCountAsync(db, cancellationToken));
                if (rule.IsFailure)
                {
                    return rule;
                }
            }

            var removed = await users.RemoveFromRolesAsync(user, before.Except(after));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, after.Except(before)) : removed;
            if (!added.Succeeded)
            {
                return Result.Failure(added.Errors.Any(e => e.Code == "ConcurrencyFailure") ? Conflict : new Error("staff.roles.unknown", Fields.Roles));
            }
            // Sessions of this user pick up the new roles at the next revalidation.
            var failure = Failed(await users.UpdateSecurityStampAsync(user));
            if (failure is not null)
            {
                return failure;
            }
            db.AuditEvents.Add(Audit(caller, "staff.user.roles_changed", user.Id, AuditDetails.Of(("before", before), ("after", after))));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }, cancellationToken);
    }

    public Task<Result> LockAsync(ClaimsPrincipal caller, string userId, string? concurrencyStamp, CancellationToken cancellationToken = default) =>
        SetLockedAsync(caller, userId, concurrencyStamp, locked: true, cancellationToken);

    public Task<Result> UnlockAsync(ClaimsPrincipal caller, string userId, string? concurrencyStamp, CancellationToken cancellationToken = default) =>
        SetLockedAsync(caller, userId, concurrencyStamp, locked: false, cancellationToken);

    private async Task<Result> SetLockedAsync(ClaimsPrincipal caller, string userId, string? concurrencyStamp, bool locked, CancellationToken cancellationToken)
    {
        if (!caller.Has(Permission.Administer))
        {
            return Result.Failure(Forbidden);
        }
        if (locked && userId == caller.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return Result.Failure(new Error("staff.cannot_lock_self"));
        }

        return await ChangeUserAsync(userId, concurrencyStamp, async (users, db, user) =>
        {
            if (locked)
            {
                var isActiveAdministrator = await users.IsInRoleAsync(user, StaffRole.Administrator) && !await users.IsLockedOutAsync(user);
                var rule = AdministratorRule.MayDeactivate(isActiveAdministrator, await ActiveAdministratorCountAsync(db, cancellationToken));
                if (rule.IsFailure)
                {
                    return rule;
                }
                // The new security stamp ends the user's open sessions at the next revalidation.
                var failure = Failed(await users.SetLockoutEnabledAsync(user, true))
                    ?? Failed(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue))
                    ?? Failed(await users.UpdateSecurityStampAsync(user));
                if (failure is not null)
                {
                    return failure;
                }
            }
            else
            {
                var failure = Failed(await users.SetLockoutEndDateAsync(user, null))
                    ?? Failed(await users.ResetAccessFailedCountAsync(user));
                if (failure is not null)
                {
                    return failure;
                }
            }
            db.AuditEvents.Add(Audit(caller, locked ? "staff.user.locked" : "staff.user.unlocked", user.Id, null));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }, cancellationToken);
    }

    /// <summary>
    /// For a forgotten password or a lost phone: a new initial password, two-step sign-in off (with a
    /// new authenticator key) and the account unlocked, in one transaction with one audit event.
    /// </summary>
    public async Task<Result> ResetSignInAsync(ClaimsPrincipal caller, string userId, string newPassword, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.Administer))
        {
            return Result.Failure(Forbidden);
        }

        return await ChangeUserAsync(userId, concurrencyStamp, async (users, db, user) =>
        {
            var passwordErrors = await PasswordErrorsAsync(users, user, newPassword);
            if (passwordErrors.Count > 0)
            {
                return Result.Failure(passwordErrors);
            }
            // The password is replaced directly, not through a reset token: a token is Data Protection's, and a key ring
            // refresh that creates a new key would save it on its own connection while this unit holds SQLite's write lock.
            var removed = await users.RemovePasswordAsync(user);
            var reset = removed.Succeeded ? await users.AddPasswordAsync(user, newPassword) : removed;
            if (!reset.Succeeded)
            {
                return Result.Failure(reset.Errors.Select(e => new Error(PasswordErrorCode(e.Code), Fields.Password)));
            }
            // Old recovery codes must not outlive a lost phone: none are left, so new ones come with the next set-up.
            var failure = Failed(await users.SetTwoFactorEnabledAsync(user, false))
                ?? Failed(await users.ResetAuthenticatorKeyAsync(user))
                ?? (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null ? Result.Failure(new Error("unexpected")) : null)
                ?? Failed(await users.SetLockoutEndDateAsync(user, null))
                ?? Failed(await users.ResetAccessFailedCountAsync(user));
            if (failure is not null)
            {
                return failure;
            }
            db.AuditEvents.Add(Audit(caller, "staff.user.sign_in_reset", user.Id, null));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }, cancellationToken);
    }

    /// <summary>An Identity step that did not succeed fails the whole unit (and rolls it back), never a half-done change reported as done.</summary>
    private static Result? Failed(IdentityResult step) =>
        step.Succeeded ? null : Result.Failure(step.Errors.Any(e => e.Code == "ConcurrencyFailure") ? Conflict : new Error("unexpected"));

    private static async Task<List<Error>> PasswordErrorsAsync(UserManager<StaffUser> users, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [new("staff.password.required", Fields.Password)];
        }
        var errors = new List<Error>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            errors.AddRange(check.Errors.Select(e => new Error(PasswordErrorCode(e.Code), Fields.Password)));
        }
        return errors;
    }

    /// <summary>
    /// One change to one existing user: its own scope and transaction, the user re-read inside it, and
    /// refused when another administrator changed the user since the list was loaded.
    /// </summary>
    private async Task<Result> ChangeUserAsync(
        string userId, string? concurrencyStamp, Func<UserManager<StaffUser>, PrivacyDeskDbContext, StaffUser, Task<Result>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.InTransactionAsync(async () =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return Result.Failure(NotFound);
            }
            return user.ConcurrencyStamp != concurrencyStamp ? Result.Failure(Conflict) : await change(users, db, user);
        }, cancellationToken);
    }

    private async Task<int> ActiveAdministratorCountAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var adminIds = db.UserRoles.Where(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StaffRole.Administrator)).Select(ur => ur.UserId);
        // LockoutEnd is compared in memory: SQLite cannot compare DateTimeOffset in SQL, and administrators are few.
        var lockouts = await db.Users.Where(u => adminIds.Contains(u.Id)).Select(u => u.LockoutEnd).ToListAsync(cancellationToken);
        return lockouts.Count(end => end is null || end <= now);
    }

    private AuditEvent Audit(ClaimsPrincipal caller, string action, string userId, IReadOnlyDictionary<string, string?>? details) =>
        AuditEvent.Record(clock.GetUtcNow(), caller.FindFirstValue(ClaimTypes.NameIdentifier), caller.DisplayName(), action, "StaffUser", userId, details);

    private static IEnumerable<Error> RoleErrors(IReadOnlyCollection<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            yield return new("staff.roles.required", Fields.Roles);
        }
        else if (roles.Any(r => !StaffRole.IsKnown(r)))
        {
            yield return new("staff.roles.unknown", Fields.Roles);
        }
    }

    private static List<string> Normalise(IReadOnlyCollection<string> roles) => [.. StaffRole.All.Where(roles.Contains)];

    public static bool IsValidEmail(string email) =>
        email.Length <= 256 && EmailPattern().IsMatch(email) && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    public static string PasswordErrorCode(string identityCode) => identityCode switch
    {
        "PasswordTooShort" => "staff.password.too_short",
        "PasswordRequiresDigit" => "staff.password.requires_digit",
        "PasswordRequiresLower" => "staff.password.requires_lower",
        "PasswordRequiresUpper" => "staff.password.requires_upper",
        "PasswordRequiresNonAlphanumeric" => "staff.password.requires_symbol",
        "PasswordRequiresUniqueChars" => "staff.password.requires_unique_chars",
        _ => "staff.password.weak",
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
