namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the audit trail page and banner in Resources/AuditTrailText(.nl).resx.</summary>
public sealed class AuditTrailText;
