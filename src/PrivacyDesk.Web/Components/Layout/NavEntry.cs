using MudBlazor;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Components.Layout;

/// <summary>Which resource class holds an entry's label.</summary>
public enum NavTexts
{
    Shared,
    Settings,
    ApiKeys,
    AuditTrail,
    SourceSystems,
    Retention,
    Mail,
    Inbox,
}

/// <summary>
/// One entry of the drawer's menu: shown to whoever holds <paramref name="Permission"/> (the same rule as the page's policy),
/// active while the address is its page or below it (NavLink's prefix match), or only on its page when <paramref name="Exact"/>.
/// </summary>
public sealed record NavEntry(Permission Permission, string Href, string Icon, string TestId, NavTexts Texts, string Key, bool Exact = false)
{
    public static IReadOnlyList<NavEntry> All { get; } =
    [
        new(Permission.ViewRequests, "requests", Icons.Material.Filled.Inbox, "nav-queue", NavTexts.Shared, "Nav.Queue"),
        new(Permission.HandleRequests, "inbox", Icons.Material.Filled.MarkEmailUnread, "nav-inbox", NavTexts.Inbox, "Nav.Inbox"),
        new(Permission.ViewSubjects, "subjects", Icons.Material.Filled.People, "nav-subjects", NavTexts.Shared, "Nav.Subjects"),
        new(Permission.ViewRegister, "register", Icons.Material.Filled.MenuBook, "nav-register", NavTexts.Shared, "Nav.Register"),
        new(Permission.ViewDashboard, "dashboard", Icons.Material.Filled.Insights, "nav-dashboard", NavTexts.Shared, "Nav.Dashboard"),
        new(Permission.ViewRetention, "retention", Icons.Material.Filled.HourglassBottom, "nav-retention", NavTexts.Retention, "Nav.Retention"),
        new(Permission.Administer, "administration", Icons.Material.Filled.AdminPanelSettings, "nav-administration", NavTexts.Shared, "Nav.Administration", Exact: true),
        new(Permission.Administer, "administration/controller", Icons.Material.Filled.Business, "nav-controller", NavTexts.Settings, "Nav.Controller"),
        new(Permission.Administer, "administration/api-keys", Icons.Material.Filled.Key, "nav-api-keys", NavTexts.ApiKeys, "Nav.ApiKeys"),
        new(Permission.ViewSourceSystems, "administration/source-systems", Icons.Material.Filled.Storage, "nav-source-systems", NavTexts.SourceSystems, "Nav.SourceSystems"),
        new(Permission.ReapplyErasures, "administration/erasures", Icons.Material.Filled.Replay, "nav-erasures", NavTexts.Retention, "Nav.Erasures"),
        new(Permission.ManageOutbox, "administration/outbox", Icons.Material.Filled.Outbox, "nav-outbox", NavTexts.Mail, "Nav.Outbox"),
        new(Permission.VerifyAuditTrail, "administration/audit-trail", Icons.Material.Filled.VerifiedUser, "nav-audit-trail", NavTexts.AuditTrail, "Nav.AuditTrail"),
        new(Permission.ManageCalendar, "administration/calendar", Icons.Material.Filled.EventBusy, "nav-calendar", NavTexts.Settings, "Nav.Calendar"),
    ];

    /// <summary>The base-relative path without query or fragment, as NavLink compares it.</summary>
    public static string PathOf(string baseRelative)
    {
        ArgumentNullException.ThrowIfNull(baseRelative);
        var end = baseRelative.IndexOfAny(['?', '#']);
        return (end < 0 ? baseRelative : baseRelative[..end]).TrimEnd('/');
    }

    public bool IsActive(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Equals(Href, StringComparison.OrdinalIgnoreCase)
            || (!Exact && path.StartsWith(Href + "/", StringComparison.OrdinalIgnoreCase));
    }
}
