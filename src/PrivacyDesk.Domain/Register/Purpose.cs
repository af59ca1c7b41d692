using System.Text.RegularExpressions;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Register;

public enum PurposeStatus
{
    Draft,
    Active,
    Retired,
}

/// <summary>
/// One processing purpose of the register (Art. 30). It is activated only when every §1 rule holds,
/// and an Active purpose refuses any edit that would break one.
/// </summary>
public sealed partial class Purpose : AggregateRoot
{
    public const int KeyMaxLength = 80;
    private const string EntityType = "Purpose";

    private readonly List<LawfulBasis> _lawfulBases = [];
    private readonly List<SubjectCategory> _subjectCategories = [];
    private readonly List<DataCategory> _dataCategories = [];
    private readonly List<Recipient> _recipients = [];
    private readonly List<string> _sourceSystems = [];
    private readonly List<Transfer> _transfers = [];

    private Purpose()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>A stable slug (e.g. <c>identity-verification</c>), so a seed import can recognise what is already there.</summary>
    public string Key { get; private set; } = "";

    public LocalizedText Name { get; private set; } = new("", "");

    public LocalizedText Description { get; private set; } = new("", "");

    public PurposeStatus Status { get; private set; }

    public IReadOnlyList<LawfulBasis> LawfulBases => _lawfulBases;

    public IReadOnlyList<SubjectCategory> SubjectCategories => _subjectCategories;

    public IReadOnlyList<DataCategory> DataCategories => _dataCategories;

    public IReadOnlyList<Recipient> Recipients => _recipients;

    public IReadOnlyList<string> SourceSystems => _sourceSystems;

    public IReadOnlyList<Transfer> Transfers => _transfers;

    public RetentionPeriod? Retention { get; private set; }

    public AutomatedDecisionMaking? AutomatedDecisionMaking { get; private set; }

    public SpecialCategoryData? SpecialCategoryData { get; private set; }

    public CriminalData? CriminalData { get; private set; }

    public bool IsAnonymised { get; private set; }

    public bool IsDirectMarketing { get; private set; }

    public bool IsProcessedByAutomatedMeans { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public string? RetirementReason { get; private set; }

    public bool IsActive => Status == PurposeStatus.Active;

    /// <summary>Art. 22 applies: decisions are solely automated with legal or similarly significant effect.</summary>
    public bool HasSolelyAutomatedDecisions => AutomatedDecisionMaking?.SolelyAutomatedWithSignificantEffect == true;

    public bool Has(LawfulBasisKind kind) => _lawfulBases.Any(b => b.Kind == kind);

    public LawfulBasis? Basis(LawfulBasisKind kind) => _lawfulBases.FirstOrDefault(b => b.Kind == kind);

    /// <summary>The purpose as an immutable value, for the rules and for comparing with a seed.</summary>
    public PurposeDefinition Definition => new(Key, Name, Description)
    {
        LawfulBases = [.. _lawfulBases],
        SubjectCategories = [.. _subjectCategories],
        DataCategories = [.. _dataCategories],
        Recipients = [.. _recipients],
        SourceSystems = [.. _sourceSystems],
        Transfers = [.. _transfers],
        Retention = Retention,
        AutomatedDecisionMaking = AutomatedDecisionMaking,
        SpecialCategoryData = SpecialCategoryData,
        CriminalData = CriminalData,
        IsAnonymised = IsAnonymised,
        IsDirectMarketing = IsDirectMarketing,
        IsProcessedByAutomatedMeans = IsProcessedByAutomatedMeans,
    };

    /// <summary>Starts a purpose as Draft; only the key and the names are checked now, the rest on activation.</summary>
    public static Result<Purpose> Draft(PurposeDefinition definition, Actor actor, DateTimeOffset at, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<Error>();
        if (definition.Key.Length > KeyMaxLength || !KeyPattern().IsMatch(definition.Key))
        {
            errors.Add(RegisterErrors.KeyInvalid);
        }
        if (IsBlank(definition.Name) || IsBlank(definition.Description))
        {
            errors.Add(RegisterErrors.NameMissing);
        }
        if (definition.LawfulBases.GroupBy(b => b.Kind).Any(g => g.Count() > 1))
        {
            errors.Add(RegisterErrors.BasisDuplicate);
        }
        errors.AddRange(RegisterRules.Malformed(definition));
        if (errors.Count > 0)
        {
            return Result<Purpose>.Failure(errors);
        }

        var purpose = new Purpose { Id = id ?? Guid.NewGuid(), Status = PurposeStatus.Draft };
        purpose.Load(definition);
        purpose.Record(actor, at, "register.purpose.drafted", after: new Dictionary<string, string?>
        {
            ["Key"] = definition.Key,
            ["Name"] = definition.Name.Nl,
            ["LawfulBases"] = Join(definition.LawfulBases),
        });
        return Result.Success(purpose);
    }

    /// <summary>Makes the purpose Active, or lists every rule it still breaks.</summary>
    public Result Activate(Actor actor, DateTimeOffset at)
    {
        if (Status != PurposeStatus.Draft)
        {
            return Result.Failure(RegisterErrors.NotDraft);
        }
        var violations = Violations();
        if (violations.Count > 0)
        {
            return Result.Failure(violations);
        }
        Status = PurposeStatus.Active;
        ActivatedAt = at;
        Record(actor, at, "register.purpose.activated", StatusChange(PurposeStatus.Draft), StatusChange(PurposeStatus.Active));
        return Result.Success();
    }

    public Result Retire(string reason, Actor actor, DateTimeOffset at)
    {
        if (Status != PurposeStatus.Active)
        {
            return Result.Failure(RegisterErrors.NotActive);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Failure(RegisterErrors.ReasonMissing);
        }
        Status = PurposeStatus.Retired;
        RetiredAt = at;
        RetirementReason = reason;
        Record(actor, at, "register.purpose.retired", StatusChange(PurposeStatus.Active), StatusChange(PurposeStatus.Retired), reason);
        return Result.Success();
    }

    /// <summary>Only Active purposes may be linked to data subjects and requests.</summary>
    public Result MayBeLinked() => IsActive ? Result.Success() : Result.Failure(RegisterErrors.NotActive);

    /// <summary>Every activation rule the purpose breaks as it stands.</summary>
    public IReadOnlyList<Error> Violations() => RegisterRules.Violations(Definition);

    /// <summary>Warnings on <paramref name="on"/>, e.g. an LIA past its review date; they never block.</summary>
    public IReadOnlyList<Error> Warnings(DateOnly on) => RegisterRules.Warnings(Definition, on);

    public Result Rename(LocalizedText name, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsBlank(name)
            ? Result.Failure(RegisterErrors.NameMissing)
            : Revise("register.purpose.renamed", "Name", Definition with { Name = name }, Name.Nl, name.Nl, actor, at);
    }

    public Result Describe(LocalizedText description, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(description);
        return IsBlank(description)
            ? Result.Failure(RegisterErrors.NameMissing)
            : Revise("register.purpose.described", "Description", Definition with { Description = description }, Description.Nl, description.Nl, actor, at);
    }

    public Result AddLawfulBasis(LawfulBasis basis, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return Has(basis.Kind)
            ? Result.Failure(RegisterErrors.BasisDuplicate)
            : Revise("register.purpose.basis_added", "LawfulBases", Definition with { LawfulBases = [.. _lawfulBases, basis] }, null, basis.ToString(), actor, at);
    }

    /// <summary>Replaces the evidence of a basis the purpose already has (e.g. a reviewed LIA).</summary>
    public Result ReviseLawfulBasis(LawfulBasis basis, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var current = Basis(basis.Kind);
        return current is null
            ? Result.Failure(RegisterErrors.BasisNotFound)
            : Revise("register.purpose.basis_revised", "LawfulBases",
                Definition with { LawfulBases = [.. _lawfulBases.Select(b => b.Kind == basis.Kind ? basis : b)] },
                current.ToString(), basis.ToString(), actor, at);
    }

    public Result RemoveLawfulBasis(LawfulBasisKind kind, Actor actor, DateTimeOffset at)
    {
        var current = Basis(kind);
        return current is null
            ? Result.Failure(RegisterErrors.BasisNotFound)
            : Revise("register.purpose.basis_removed", "LawfulBases",
                Definition with { LawfulBases = [.. _lawfulBases.Where(b => b.Kind != kind)] }, current.ToString(), null, actor, at);
    }

    public Result SetSubjectCategories(IEnumerable<SubjectCategory> categories, Actor actor, DateTimeOffset at)
    {
        SubjectCategory[] list = [.. categories.Distinct()];
        return Revise("register.purpose.subject_categories_set", "SubjectCategories", Definition with { SubjectCategories = list },
            Join(_subjectCategories), Join(list), actor, at);
    }

    public Result SetDataCategories(IEnumerable<DataCategory> categories, Actor actor, DateTimeOffset at)
    {
        DataCategory[] list = [.. categories.Distinct()];
        return Revise("register.purpose.data_categories_set", "DataCategories", Definition with { DataCategories = list },
            Join(_dataCategories), Join(list), actor, at);
    }

    public Result AddRecipient(Recipient recipient, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return Revise("register.purpose.recipient_added", "Recipients", Definition with { Recipients = [.. _recipients, recipient] },
            null, recipient.ToString(), actor, at);
    }

    public Result RemoveRecipient(string name, Actor actor, DateTimeOffset at)
    {
        var current = _recipients.FirstOrDefault(r => r.Name == name);
        return current is null
            ? Result.Failure(RegisterErrors.RecipientNotFound)
            : Revise("register.purpose.recipient_removed", "Recipients", Definition with { Recipients = [.. _recipients.Where(r => r != current)] },
                current.ToString(), null, actor, at);
    }

    public Result SetSourceSystems(IEnumerable<string> systems, Actor actor, DateTimeOffset at)
    {
        string[] list = [.. systems.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)];
        return Revise("register.purpose.source_systems_set", "SourceSystems", Definition with { SourceSystems = list },
            Join(_sourceSystems), Join(list), actor, at);
    }

    public Result AddTransfer(Transfer transfer, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return Revise("register.purpose.transfer_added", "Transfers", Definition with { Transfers = [.. _transfers, transfer] },
            null, transfer.ToString(), actor, at);
    }

    public Result RemoveTransfer(string recipient, string country, Actor actor, DateTimeOffset at)
    {
        var current = _transfers.FirstOrDefault(t => t.Recipient == recipient && t.Country == country);
        return current is null
            ? Result.Failure(RegisterErrors.TransferNotFound)
            : Revise("register.purpose.transfer_removed", "Transfers", Definition with { Transfers = [.. _transfers.Where(t => t != current)] },
                current.ToString(), null, actor, at);
    }

    public Result SetRetention(RetentionPeriod? retention, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.retention_set", "Retention", Definition with { Retention = retention },
            Retention?.ToString(), retention?.ToString(), actor, at);

    public Result SetAutomatedDecisionMaking(AutomatedDecisionMaking? decisions, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.automated_decision_making_set", "AutomatedDecisionMaking", Definition with { AutomatedDecisionMaking = decisions },
            AutomatedDecisionMaking?.ToString(), decisions?.ToString(), actor, at);

    public Result SetSpecialCategoryData(SpecialCategoryData? data, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.special_category_data_set", "SpecialCategoryData", Definition with { SpecialCategoryData = data },
            SpecialCategoryData?.ToString(), data?.ToString(), actor, at);

    public Result SetCriminalData(CriminalData? data, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.criminal_data_set", "CriminalData", Definition with { CriminalData = data },
            CriminalData?.ToString(), data?.ToString(), actor, at);

    public Result MarkAnonymised(bool anonymised, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.anonymised_set", "IsAnonymised", Definition with { IsAnonymised = anonymised },
            Flag(IsAnonymised), Flag(anonymised), actor, at);

    public Result MarkDirectMarketing(bool directMarketing, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.direct_marketing_set", "IsDirectMarketing", Definition with { IsDirectMarketing = directMarketing },
            Flag(IsDirectMarketing), Flag(directMarketing), actor, at);

    public Result MarkProcessedByAutomatedMeans(bool automated, Actor actor, DateTimeOffset at) =>
        Revise("register.purpose.automated_means_set", "IsProcessedByAutomatedMeans", Definition with { IsProcessedByAutomatedMeans = automated },
            Flag(IsProcessedByAutomatedMeans), Flag(automated), actor, at);

    // Every edit goes through here: a Retired purpose is frozen, an Active one must still pass every rule.
    private Result Revise(string action, string field, PurposeDefinition revised, string? before, string? after, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == PurposeStatus.Retired)
        {
            return Result.Failure(RegisterErrors.Retired);
        }
        var malformed = RegisterRules.Malformed(revised);
        if (malformed.Count > 0)
        {
            return Result.Failure(malformed);
        }
        if (Status == PurposeStatus.Active)
        {
            var violations = RegisterRules.Violations(revised);
            if (violations.Count > 0)
            {
                return Result.Failure(violations);
            }
        }
        Load(revised);
        Record(actor, at, action, new Dictionary<string, string?> { [field] = before }, new Dictionary<string, string?> { [field] = after });
        return Result.Success();
    }

    private void Load(PurposeDefinition d)
    {
        Key = d.Key;
        Name = d.Name;
        Description = d.Description;
        Replace(_lawfulBases, d.LawfulBases);
        Replace(_subjectCategories, d.SubjectCategories);
        Replace(_dataCategories, d.DataCategories);
        Replace(_recipients, d.Recipients);
        Replace(_sourceSystems, d.SourceSystems);
        Replace(_transfers, d.Transfers);
        Retention = d.Retention;
        AutomatedDecisionMaking = d.AutomatedDecisionMaking;
        SpecialCategoryData = d.SpecialCategoryData;
        CriminalData = d.CriminalData;
        IsAnonymised = d.IsAnonymised;
        IsDirectMarketing = d.IsDirectMarketing;
        IsProcessedByAutomatedMeans = d.IsProcessedByAutomatedMeans;
    }

    private void Record(Actor actor, DateTimeOffset at, string action,
        IReadOnlyDictionary<string, string?>? before = null, IReadOnlyDictionary<string, string?>? after = null, string? reason = null) =>
        Record(new DomainChange(action, EntityType, Id.ToString(), actor.Id, actor.Name, at, before, after, reason));

    private static Dictionary<string, string?> StatusChange(PurposeStatus status) => new() { ["Status"] = status.ToString() };

    private static void Replace<T>(List<T> list, IEnumerable<T> items)
    {
        list.Clear();
        list.AddRange(items);
    }

    private static string Join<T>(IEnumerable<T> items) => string.Join("; ", items);

    private static string Flag(bool value) => value ? "true" : "false";

    private static bool IsBlank(LocalizedText text) => string.IsNullOrWhiteSpace(text.Nl) || string.IsNullOrWhiteSpace(text.En);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
