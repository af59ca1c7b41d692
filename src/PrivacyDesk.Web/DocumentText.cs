namespace PrivacyDesk.Web;

/// <summary>Marker for the documents panel's and the register's PDF export's UI strings in Resources/DocumentText(.nl).resx.</summary>
public sealed class DocumentText;
