namespace PrivacyDesk.Web;

/// <summary>Marker for the request queue's UI strings in Resources/QueueText(.nl).resx.</summary>
public sealed class QueueText;
