namespace PrivacyDesk.Web;

/// <summary>
/// Marker for the case-obligations strings (collection, recipients, case actions) in
/// <c>Resources/CaseObligationsText*.resx</c>, kept apart from the shared strings so areas merge cleanly.
/// </summary>
public sealed class CaseObligationsText;
