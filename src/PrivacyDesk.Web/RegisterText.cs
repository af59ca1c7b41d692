namespace PrivacyDesk.Web;

/// <summary>Marker for the processing register's UI strings in Resources/RegisterText(.nl).resx. It lives here, not in Resources/: a .cs file beside the .resx would rename the embedded resource after the class and the localizer would not find it.</summary>
public sealed class RegisterText;
