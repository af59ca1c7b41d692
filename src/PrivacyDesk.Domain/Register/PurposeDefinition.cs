using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Register;

/// <summary>
/// Everything the register records about one purpose (gdpr-rules §1, Art. 30(1)) as an immutable
/// value: the seed is written in it and the activation rules judge it.
/// </summary>
public sealed record PurposeDefinition(string Key, LocalizedText Name, LocalizedText Description)
{
    public IReadOnlyList<LawfulBasis> LawfulBases { get; init; } = [];

    public IReadOnlyList<SubjectCategory> SubjectCategories { get; init; } = [];

    public IReadOnlyList<DataCategory> DataCategories { get; init; } = [];

    public IReadOnlyList<Recipient> Recipients { get; init; } = [];

    /// <summary>The systems that hold the data, where a request has to be carried out.</summary>
    public IReadOnlyList<string> SourceSystems { get; init; } = [];

    public IReadOnlyList<Transfer> Transfers { get; init; } = [];

    public RetentionPeriod? Retention { get; init; }

    public AutomatedDecisionMaking? AutomatedDecisionMaking { get; init; }

    public SpecialCategoryData? SpecialCategoryData { get; init; }

    public CriminalData? CriminalData { get; init; }

    /// <summary>Anonymised data are not personal data (recital 26) and need no lawful basis.</summary>
    public bool IsAnonymised { get; init; }

    /// <summary>Direct marketing: an objection under Art. 21(2)-(3) is absolute.</summary>
    public bool IsDirectMarketing { get; init; }

    /// <summary>Processing by automated means, a condition for portability (Art. 20(1)(b)).</summary>
    public bool IsProcessedByAutomatedMeans { get; init; }

    public bool Has(LawfulBasisKind kind) => LawfulBases.Any(b => b.Kind == kind);

    public LawfulBasis? Basis(LawfulBasisKind kind) => LawfulBases.FirstOrDefault(b => b.Kind == kind);
}
