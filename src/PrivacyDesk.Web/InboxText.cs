namespace PrivacyDesk.Web;

/// <summary>Marker for the Inbox's UI strings in Resources/InboxText(.nl).resx (outside Resources/ for the reason given on <see cref="DashboardText"/>).</summary>
public sealed class InboxText;
