namespace PrivacyDesk.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource(.nl).resx.</summary>
public sealed class SharedResource;
