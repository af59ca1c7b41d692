namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the controller profile and calendar pages in Resources/SettingsText(.nl).resx (kept out of Resources/, where the build would name the .resx after this class).</summary>
public sealed class SettingsText;
