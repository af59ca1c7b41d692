namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the public privacy portal in Resources/PortalText(.nl).resx.</summary>
public sealed class PortalText;
