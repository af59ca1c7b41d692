namespace PrivacyDesk.Web;

/// <summary>Marker for the case workspace's UI strings in Resources/CaseText(.nl).resx.</summary>
public sealed class CaseText;
