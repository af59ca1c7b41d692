using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Data.Seeding;

/// <summary>The demo users (one per role plus a second officer), printed in the README.</summary>
public static class DemoStaff
{
    /// <summary>Shared by all demo users; meets the password policy. Never used outside demo mode.</summary>
    public const string Password = "Demo-Privacy-2026!";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("officer@privacydesk.test", "Sanne de Vries", StaffRole.PrivacyOfficer),
        new("officer2@privacydesk.test", "Daan Jansen", StaffRole.PrivacyOfficer),
        new("lead@privacydesk.test", "Fatima El Amrani", StaffRole.TeamLead),
        new("auditor@privacydesk.test", "Pieter Bakker", StaffRole.Auditor),
        new("admin@privacydesk.test", "Noor Visser", StaffRole.Administrator),
    ];
}

public sealed record DemoUser(string Email, string DisplayName, string Role);
