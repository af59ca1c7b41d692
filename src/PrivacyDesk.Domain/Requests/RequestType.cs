namespace PrivacyDesk.Domain.Requests;

/// <summary>The rights a data subject can exercise (gdpr-rules.md §3), with their article.</summary>
public enum RequestType
{
    /// <summary>Art. 15: access, a copy of the personal data.</summary>
    Access,

    /// <summary>Art. 16: rectification.</summary>
    Rectification,

    /// <summary>Art. 17: erasure ("right to be forgotten").</summary>
    Erasure,

    /// <summary>Art. 18: restriction of processing.</summary>
    Restriction,

    /// <summary>Art. 20: data portability, possibly to a third party of the subject's choice.</summary>
    Portability,

    /// <summary>Art. 21: objection.</summary>
    Objection,

    /// <summary>Art. 22: review of an automated decision (human intervention, the subject's view, contesting).</summary>
    AutomatedDecisionReview,

    /// <summary>Art. 7(3): withdrawal of consent.</summary>
    ConsentWithdrawal,

    /// <summary>Art. 19, last sentence: who received my data.</summary>
    RecipientsDisclosure,
}

/// <summary>How a request reached the privacy office.</summary>
public enum RequestChannel
{
    WebForm,
    Email,
    Phone,
    Letter,
    InPerson,
}
