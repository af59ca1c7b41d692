namespace PrivacyDesk.Web;

/// <summary>
/// Marker for the strings of carrying out a case in the source systems (issue 15) in <c>Resources/SourceChangeText*.resx</c>,
/// kept apart from the case page's strings so areas merge cleanly.
/// </summary>
public sealed class SourceChangeText;
