namespace PrivacyDesk.Domain.Documents;

/// <summary>Everything PrivacyDesk sends or hands over. The numbers are stored; never renumber.</summary>
public enum DocumentKind
{
    /// <summary>Acknowledgement of receipt: reference, what was asked, the deadline, how identity is verified.</summary>
    Acknowledgement = 1,

    /// <summary>Identity verification request (Art. 12(6)): what is needed, masking BSN and photo.</summary>
    IdentityVerificationRequest = 2,

    /// <summary>Extension notice (Art. 12(3)): new deadline and reason, sent before the original deadline.</summary>
    ExtensionNotice = 3,

    /// <summary>Fee notice (Art. 12(5), 15(3)): amount, reason, that the subject may withdraw.</summary>
    FeeNotice = 4,

    /// <summary>The answer to the request, per type, with the outcome per purpose and its legal ground.</summary>
    Response = 5,

    /// <summary>Refusal (Art. 12(4)): ground, complaint to the Autoriteit Persoonsgegevens, judicial remedy.</summary>
    Refusal = 6,

    /// <summary>Art. 19 notification to one recipient.</summary>
    RecipientNotification = 7,

    /// <summary>Art. 18(3): the subject is told before a restriction is lifted.</summary>
    RestrictionLiftNotice = 8,

    /// <summary>Art. 15(3) copy of the personal data with the Art. 15(1)(a)–(h) and 15(2) information.</summary>
    CopyOfData = 9,

    /// <summary>Art. 20 package: ZIP with JSON, CSV and a SHA-256 manifest.</summary>
    PortabilityPackage = 10,

    /// <summary>Art. 30 record of processing activities for the whole register.</summary>
    ProcessingRecord = 11,

    /// <summary>The auditor's case file with the audit trail and its hash-chain verification.</summary>
    CaseFile = 12,
}
