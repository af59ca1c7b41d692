namespace PrivacyDesk.Web;

/// <summary>Marker for the request queue's UI strings in Resources/QueueText(.nl).resx. It lives outside Resources/: a class file beside a .resx of the same name would rename the embedded resource after the class, and the localizer would not find it.</summary>
public sealed class QueueText;
