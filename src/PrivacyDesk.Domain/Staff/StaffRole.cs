namespace PrivacyDesk.Domain.Staff;

/// <summary>The four roles of the privacy office. The names are stored as Identity role names.</summary>
public static class StaffRole
{
    public const string PrivacyOfficer = nameof(PrivacyOfficer);
    public const string TeamLead = nameof(TeamLead);
    public const string Auditor = nameof(Auditor);
    public const string Administrator = nameof(Administrator);

    public static IReadOnlyList<string> All { get; } = [PrivacyOfficer, TeamLead, Auditor, Administrator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
