namespace PrivacyDesk.Web;

/// <summary>Marker for the processing register's UI strings in Resources/RegisterText(.nl).resx.</summary>
public sealed class RegisterText;
