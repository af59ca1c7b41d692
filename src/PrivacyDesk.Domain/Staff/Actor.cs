namespace PrivacyDesk.Domain.Staff;

/// <summary>The member of staff doing something, as the domain needs to know them: identity, name for the audit trail, roles.</summary>
public sealed record Actor(string Id, string Name, IReadOnlyCollection<string> Roles)
{
    /// <summary>The system itself (imports, scheduled work), which holds no role.</summary>
    public static Actor System { get; } = new("system", "PrivacyDesk", []);

    public bool Has(Permission permission) => AccessPolicy.Allows(Roles, permission);

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
