using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Documents.Model;

/// <summary>
/// Everything a case document is rendered from, loaded once by the web layer. Documents never query:
/// what is not in here cannot appear in a letter, which keeps letters testable without a database.
/// </summary>
/// <param name="Controller">The letterhead and the contact details the subject may use.</param>
/// <param name="ControllerProfileIsExample">The profile still holds the shipped example values.</param>
/// <param name="Request">The case, with its decisions, extension, fee, refusal, recipients and notes.</param>
/// <param name="Subject">The data subject (name, e-mail addresses, customer number).</param>
/// <param name="Purposes">The Active purposes that process this subject's data (the register's view of them).</param>
/// <param name="Assessment">What the law requires per purpose for this request's right, on the generation date.</param>
/// <param name="Extracts">The validated source-system extracts on the case, parsed.</param>
/// <param name="TimeZone">The controller's zone: every date in a letter is a date there.</param>
/// <param name="GeneratedAt">The moment of generation (the letter date is its date in <paramref name="TimeZone"/>).</param>
/// <param name="GeneratedBy">The display name of the staff member generating it (signs the letter).</param>
/// <param name="Language"><c>nl</c> or <c>en</c>.</param>
/// <param name="RecipientNotificationId">For <see cref="DocumentKind.RecipientNotification"/>: which recipient.</param>
/// <param name="SourceChanges">The case's plans for carrying out its decisions in the source systems (issue 15), oldest first.</param>
/// <param name="RetentionEntries">The retention ledger's entries this case made: what is kept, where, until when and why.</param>
public sealed record CaseDocumentInput(
    ControllerProfile Controller,
    bool ControllerProfileIsExample,
    DataSubjectRequest Request,
    DataSubject Subject,
    IReadOnlyList<Purpose> Purposes,
    RightsAssessment Assessment,
    IReadOnlyList<CollectedExtract> Extracts,
    TimeZoneInfo TimeZone,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    string Language,
    Guid? RecipientNotificationId = null,
    IReadOnlyList<Domain.Sources.Changes.SourceChangePlan>? SourceChanges = null,
    IReadOnlyList<Domain.Sources.Changes.RetentionLedgerEntry>? RetentionEntries = null);

/// <summary>One validated extract from a source system, parsed back into its table.</summary>
public sealed record CollectedExtract(Guid TaskId, string SourceSystem, string FileName, string Sha256, ExtractTable Table, DateTimeOffset ReceivedAt);

/// <summary>A document already issued on the case, as the case file lists it.</summary>
public sealed record IssuedDocument(DocumentKind Kind, string Language, int Version, string FileName, string Sha256, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>The result of verifying the audit trail's hash chain, as the case file prints it.</summary>
/// <param name="Intact">Every event's hash matches its content and its predecessor.</param>
/// <param name="EventsChecked">How many events the verifier read (the whole chain, not just this case).</param>
/// <param name="FirstBrokenSequence">The first event whose hash does not match, if any.</param>
/// <param name="AlteredSequences">This case's events that no longer match their own hash or seal: each is marked in the trail table.</param>
public sealed record AuditChainCheck(
    bool Intact, long EventsChecked, long? FirstBrokenSequence, DateTimeOffset CheckedAt, IReadOnlySet<long>? AlteredSequences = null)
{
    /// <summary>Whether a row of the trail table is marked: altered itself, or the first broken link of the chain.</summary>
    public bool Marks(long sequence) => sequence == FirstBrokenSequence || AlteredSequences?.Contains(sequence) == true;
}

/// <summary>The auditor's case file: the case plus its whole trail and what was issued.</summary>
/// <param name="AuditTrail">This case's events, oldest first (by sequence).</param>
public sealed record CaseFileInput(
    CaseDocumentInput Case,
    IReadOnlyList<AuditEvent> AuditTrail,
    AuditChainCheck ChainCheck,
    IReadOnlyList<IssuedDocument> Documents);

/// <summary>The Art. 30 record of processing activities for the whole register.</summary>
public sealed record ProcessingRecordInput(
    ControllerProfile Controller,
    bool ControllerProfileIsExample,
    IReadOnlyList<Purpose> Purposes,
    TimeZoneInfo TimeZone,
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    string Language);
