namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the controller profile and calendar pages in Resources/SettingsText(.nl).resx.</summary>
public sealed class SettingsText;
