namespace PrivacyDesk.Domain.Register;

/// <summary>Whose data a purpose processes (Art. 30(1)(c)).</summary>
public enum SubjectCategory
{
    Customer,
    Prospect,
    WebsiteVisitor,
    PremisesVisitor,
    SurveyRespondent,
    WebinarParticipant,
    NewsletterSubscriber,
}

/// <summary>Where data came from; portability (Art. 20) covers only what the subject provided, observed use included.</summary>
public enum DataOrigin
{
    /// <summary>Given by the subject (forms, documents, correspondence).</summary>
    ProvidedBySubject,

    /// <summary>Observed from the subject's use of the service (transactions, log-ins); counts as provided under Art. 20.</summary>
    ObservedFromUse,

    /// <summary>Created by the controller (scores, profiles, assessments); never portable.</summary>
    InferredOrDerived,

    /// <summary>Obtained from a third party (credit bureau, register).</summary>
    ThirdParty,
}

/// <summary>A category of personal data (Art. 30(1)(c)) and where it comes from.</summary>
public sealed record DataCategory(string Name, DataOrigin Origin);

public enum RecipientKind
{
    Internal,
    Processor,
    CreditBureau,
    IdentityCheckProvider,
    Regulator,
    Acquirer,
    OtherThirdParty,
}

/// <summary>
/// Who receives the data (Art. 30(1)(d)); the recipients Art. 19 notifications go to. <paramref name="Email"/> is optional: the
/// address an Art. 19 notification may be e-mailed to (by a secure link, never the letter itself); without one it goes by hand.
/// </summary>
public sealed record Recipient(string Name, RecipientKind Kind, string Country, string? Email = null)
{
    /// <summary>The longest address a mail server takes (RFC 5321's path limit less the brackets).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Whether <see cref="Email"/> is absent or an address a mail server would take. A method, not a property: it is no part of the stored JSON or the audit text.</summary>
    public bool HasValidEmail() => Email is null || Common.ContactDetails.IsEmailAddress(Email, EmailMaxLength);
}

/// <summary>The Chapter V instruments that make a transfer outside the EEA lawful.</summary>
public enum TransferSafeguard
{
    /// <summary>Art. 45.</summary>
    AdequacyDecision,

    /// <summary>Art. 46(2)(c).</summary>
    StandardContractualClauses,

    /// <summary>Art. 47.</summary>
    BindingCorporateRules,

    /// <summary>Art. 49.</summary>
    Derogation,
}

/// <summary>A transfer outside the EEA; without a safeguard the purpose cannot be activated.</summary>
public sealed record Transfer(string Recipient, string Country, TransferSafeguard? Safeguard, string? Details = null);

public enum RetentionUnit
{
    Months,
    Years,
}

public enum RetentionStart
{
    AfterRelationshipEnd,
    AfterCollection,
}

/// <summary>How long data are kept and why (Art. 30(1)(f)), e.g. 5 years after the end of the relationship, Wwft art. 33.</summary>
public sealed record RetentionPeriod(int Amount, RetentionUnit Unit, RetentionStart Start, string Ground)
{
    /// <summary>
    /// The last day the data must (or may) be kept for one subject, or null while it cannot be known yet
    /// (the relationship has not ended, or the collection date is unknown).
    /// </summary>
    public DateOnly? RetainUntil(DateOnly? relationshipEnd, DateOnly? collectedOn)
    {
        var start = Start == RetentionStart.AfterRelationshipEnd ? relationshipEnd : collectedOn;
        return start is not { } from ? null : Unit == RetentionUnit.Years ? from.AddYears(Amount) : from.AddMonths(Amount);
    }

    public override string ToString() =>
        $"{Amount} {Unit.ToString().ToLowerInvariant()} {(Start == RetentionStart.AfterRelationshipEnd ? "after the end of the relationship" : "after collection")}, {Ground}";
}

/// <summary>The exceptions of Art. 22(2) that allow solely automated decisions with significant effect.</summary>
public enum AutomatedDecisionGround
{
    /// <summary>22(2)(a): necessary for entering into or performing a contract.</summary>
    ContractNecessity,

    /// <summary>22(2)(b): authorised by Union or Member State law.</summary>
    UnionOrMemberStateLaw,

    /// <summary>22(2)(c): the subject's explicit consent.</summary>
    ExplicitConsent,
}

/// <summary>
/// Profiling and automated decisions of a purpose. Art. 22 only bites when decisions are solely
/// automated with legal or similarly significant effect; then a 22(2) ground and a route to a human are required.
/// </summary>
public sealed record AutomatedDecisionMaking(
    bool InvolvesProfiling,
    bool SolelyAutomatedWithSignificantEffect,
    AutomatedDecisionGround? Ground,
    string? HumanInterventionRoute,
    string? Logic)
{
    public override string ToString() =>
        $"profiling {InvolvesProfiling}, solely automated {SolelyAutomatedWithSignificantEffect}, ground {Ground}, human {HumanInterventionRoute}";
}

/// <summary>The conditions of Art. 9(2) under which special-category data may be processed.</summary>
public enum SpecialCategoryCondition
{
    /// <summary>9(2)(a).</summary>
    ExplicitConsent,

    /// <summary>9(2)(b).</summary>
    EmploymentAndSocialSecurityLaw,

    /// <summary>9(2)(c).</summary>
    VitalInterests,

    /// <summary>9(2)(d).</summary>
    NotForProfitBody,

    /// <summary>9(2)(e).</summary>
    MadePublicBySubject,

    /// <summary>9(2)(f).</summary>
    LegalClaims,

    /// <summary>9(2)(g).</summary>
    SubstantialPublicInterest,

    /// <summary>9(2)(h).</summary>
    HealthOrSocialCare,

    /// <summary>9(2)(i).</summary>
    PublicHealth,

    /// <summary>9(2)(j).</summary>
    ArchivingResearchOrStatistics,
}

/// <summary>Art. 9 data a purpose processes and the 9(2) condition it relies on.</summary>
public sealed record SpecialCategoryData(string Description, SpecialCategoryCondition? Condition);

/// <summary>Art. 10 data (criminal convictions and offences) and the law that authorises processing them (e.g. a UAVG article).</summary>
public sealed record CriminalData(string Description, string? Authorisation);
