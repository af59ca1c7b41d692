using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Staff;

/// <summary>
/// The office must never lock itself out: there is always at least one administrator who can sign
/// in. Taking the role away from, or locking, the last active administrator is refused.
/// </summary>
public static class AdministratorRule
{
    public static readonly Error LastAdministrator = new("staff.last_administrator");

    /// <param name="targetIsActiveAdministrator">The user who would lose the role or be locked is an administrator who can sign in now.</param>
    /// <param name="activeAdministrators">How many administrators can sign in now, the target included.</param>
    public static Result MayDeactivate(bool targetIsActiveAdministrator, int activeAdministrators) =>
        targetIsActiveAdministrator && activeAdministrators <= 1 ? Result.Failure(LastAdministrator) : Result.Success();
}
