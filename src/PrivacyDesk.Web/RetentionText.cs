namespace PrivacyDesk.Web;

/// <summary>Marker for the retention ledger's UI strings in Resources/RetentionText(.nl).resx (outside Resources/ for the reason given on <see cref="DashboardText"/>).</summary>
public sealed class RetentionText;
