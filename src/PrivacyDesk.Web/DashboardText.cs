namespace PrivacyDesk.Web;

/// <summary>Marker for the SLA dashboard's UI strings in Resources/DashboardText(.nl).resx. It lives outside Resources/: a class file beside a .resx of the same name would rename the embedded resource after the class, and the localizer would not find it.</summary>
public sealed class DashboardText;
