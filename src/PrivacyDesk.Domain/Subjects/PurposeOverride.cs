namespace PrivacyDesk.Domain.Subjects;

/// <summary>
/// An officer's correction of which purposes process a subject's data, where the categories say
/// otherwise (e.g. a customer who never received marketing, a visitor who is also in the CRM).
/// </summary>
public sealed record PurposeOverride(Guid PurposeId, bool Included, string Reason);
