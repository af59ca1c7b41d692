namespace PrivacyDesk.Web;

/// <summary>Marker for the outgoing mail's and the Outbox page's UI strings in Resources/MailText(.nl).resx (outside Resources/ for the reason given on <see cref="DashboardText"/>).</summary>
public sealed class MailText;
