namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the API keys page in Resources/ApiKeyText(.nl).resx.</summary>
public sealed class ApiKeyText;
