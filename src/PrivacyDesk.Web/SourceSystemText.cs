namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the source systems pages (list, dialog, data map) in Resources/SourceSystemText(.nl).resx.</summary>
public sealed class SourceSystemText;
