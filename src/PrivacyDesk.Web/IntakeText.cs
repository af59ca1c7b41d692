namespace PrivacyDesk.Web;

/// <summary>Marker for the strings of the new-request dialog and the subject pages in Resources/IntakeText(.nl).resx.</summary>
public sealed class IntakeText;
