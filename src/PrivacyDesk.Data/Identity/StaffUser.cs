using Microsoft.AspNetCore.Identity;

namespace PrivacyDesk.Data.Identity;

/// <summary>A member of the privacy office who signs in to PrivacyDesk.</summary>
public sealed class StaffUser : IdentityUser
{
    public const int DisplayNameMaxLength = 200;

    /// <summary>The name shown in the app bar, on cases and in the audit trail.</summary>
    public string DisplayName { get; set; } = "";
}
