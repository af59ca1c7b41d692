namespace PrivacyDesk.Domain.Staff;

/// <summary>
/// What a member of staff may do. Every page, navigation entry and server-side operation asks for
/// one of these, never for a role directly, so the role table below is the single place that
/// decides who may do what.
/// </summary>
public enum Permission
{
    /// <summary>See the request queue and open cases (read-only for auditors). Without <see cref="ViewAllRequests"/>: unassigned cases and one's own.</summary>
    ViewRequests,

    /// <summary>See every case, whoever handles it (team leads and auditors).</summary>
    ViewAllRequests,

    /// <summary>Give cases to officers, one at a time or in bulk.</summary>
    AssignRequests,

    /// <summary>Take, assess, collect, decide and draft: any change to a case.</summary>
    HandleRequests,

    /// <summary>Four-eyes approval of a response.</summary>
    ApproveResponses,

    /// <summary>Search and open data-subject profiles (personal data).</summary>
    ViewSubjects,

    /// <summary>Read the processing register.</summary>
    ViewRegister,

    /// <summary>Change the processing register.</summary>
    EditRegister,

    /// <summary>See the SLA dashboard.</summary>
    ViewDashboard,

    /// <summary>Download case files and verify the audit trail.</summary>
    AuditCases,

    /// <summary>Company closing days (never legal holidays: they do not move a deadline).</summary>
    ManageCalendar,

    /// <summary>See the audit trail's integrity and verify the whole chain (auditors and administrators; no personal data).</summary>
    VerifyAuditTrail,

    /// <summary>Users, roles, controller profile, holiday calendar, API keys.</summary>
    Administer,

    /// <summary>See the source systems, their data maps and whether they are connected (never a connection secret).</summary>
    ViewSourceSystems,

    /// <summary>Add, describe, connect, map and retire source systems (issue 14): administrators only.</summary>
    ManageSourceSystems,

    /// <summary>Read the retention ledger, the retention expiry tasks and the completed erasures (issue 15; approving and running a follow-up is <see cref="ApproveResponses"/>).</summary>
    ViewRetention,

    /// <summary>Re-apply a completed erasure after a restore from backup (administrators: by keyed hashes, no personal data shown).</summary>
    ReapplyErasures,

    /// <summary>See the outbox and the outgoing e-mails (addresses masked) and send a failing one again now (issue 16): administrators and team leads.</summary>
    ManageOutbox,
}

/// <summary>Which role holds which permission.</summary>
public static class AccessPolicy
{
    private static readonly Dictionary<string, Permission[]> ByRole = new(StringComparer.Ordinal)
    {
        [StaffRole.PrivacyOfficer] =
        [
            Permission.ViewRequests, Permission.HandleRequests, Permission.ViewSubjects,
            Permission.ViewRegister, Permission.EditRegister, Permission.ViewDashboard, Permission.ViewSourceSystems,
            Permission.ViewRetention,
        ],
        [StaffRole.TeamLead] =
        [
            Permission.ViewRequests, Permission.ViewAllRequests, Permission.HandleRequests, Permission.AssignRequests,
            Permission.ApproveResponses, Permission.ViewSubjects, Permission.ViewRegister, Permission.EditRegister,
            Permission.ViewDashboard, Permission.ManageCalendar, Permission.ViewSourceSystems, Permission.ViewRetention,
            Permission.ManageOutbox,
        ],
        // Auditors read and verify everything (issue 4: "auditors see everything read-only"), subjects
        // included, every view audited; they never hold a permission that changes anything.
        [StaffRole.Auditor] =
        [
            Permission.ViewRequests, Permission.ViewAllRequests, Permission.ViewSubjects, Permission.ViewRegister,
            Permission.ViewDashboard, Permission.AuditCases, Permission.VerifyAuditTrail, Permission.ViewSourceSystems,
            Permission.ViewRetention,
        ],
        // Administrators run the system, not the cases: no access to personal data of subjects.
        [StaffRole.Administrator] =
        [
            Permission.Administer, Permission.ManageCalendar, Permission.VerifyAuditTrail,
            Permission.ViewSourceSystems, Permission.ManageSourceSystems, Permission.ReapplyErasures, Permission.ManageOutbox,
        ],
    };

    /// <summary>Permissions that change data. Auditors hold none of them.</summary>
    public static IReadOnlySet<Permission> Changing { get; } = new HashSet<Permission>
    {
        Permission.HandleRequests, Permission.AssignRequests, Permission.ApproveResponses, Permission.EditRegister,
        Permission.ManageCalendar, Permission.Administer, Permission.ManageSourceSystems, Permission.ReapplyErasures,
        Permission.ManageOutbox,
    };

    public static IReadOnlyList<Permission> PermissionsOf(string role) =>
        ByRole.TryGetValue(role, out var permissions) ? permissions : [];

    public static IReadOnlyList<string> RolesWith(Permission permission) =>
        [.. StaffRole.All.Where(role => ByRole[role].Contains(permission))];

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(role => PermissionsOf(role).Contains(permission));
}
