using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Sources;

/// <summary>
/// A system that holds subjects' data (issue 14, ADR 0036): a record of its own, named by the register's purposes
/// (by <see cref="Name"/>), with how PrivacyDesk reaches it and the office's map of its tables. The connection secret
/// is either a reference to a named connection string in configuration or a connection string encrypted with Data
/// Protection by the web layer; the domain never sees it in clear and never writes it into an audit entry.
/// </summary>
public sealed class SourceSystem : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int OwnerMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int ConnectionReferenceMaxLength = 200;
    public const int ProtectedConnectionStringMaxLength = 8000;
    public const int MinRowCapPerTable = 1;
    public const int MaxRowCapPerTable = 100_000;
    public const int DefaultRowCapPerTable = 1_000;
    public const int MinStatementTimeoutSeconds = 1;
    public const int MaxStatementTimeoutSeconds = 300;
    public const int DefaultStatementTimeoutSeconds = 10;
    public const string AuditEntityType = "SourceSystem";

    private SourceSystem()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The name as the unique index compares it: trimmed and upper-cased, so "CRM" and "crm" are one system.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The team or person who answers for the system (the contact for a manual extract).</summary>
    public string? Owner { get; private set; }

    public string? Description { get; private set; }

    public ConnectorKind Connector { get; private set; }

    public SourceSystemStatus Status { get; private set; }

    /// <summary>The name of a connection string in configuration (<c>SourceSystems:Connections:&lt;name&gt;</c>); never the secret itself.</summary>
    public string? ConnectionReference { get; private set; }

    /// <summary>A connection string encrypted with Data Protection by the web layer; opaque to the domain, never shown back.</summary>
    public string? ProtectedConnectionString { get; private set; }

    /// <summary>
    /// The connection for carrying out erasure, restriction and rectification (issue 15): a separate database user allowed
    /// to update and delete, never the read-only one used for access. Same two forms as the read connection.
    /// </summary>
    public string? ErasureConnectionReference { get; private set; }

    public string? ProtectedErasureConnectionString { get; private set; }

    /// <summary>Whether PrivacyDesk may change this system's data itself (a connected system with an erasure connection).</summary>
    public bool CanChange => IsConnected && (ErasureConnectionReference is not null || ProtectedErasureConnectionString is not null);

    /// <summary>Whether the case page fetches from this system by itself once the subject's identity is verified.</summary>
    public bool FetchAutomatically { get; private set; }

    public int RowCapPerTable { get; private set; } = DefaultRowCapPerTable;

    public int StatementTimeoutSeconds { get; private set; } = DefaultStatementTimeoutSeconds;

    public DataMap Map { get; private set; } = DataMap.Empty;

    /// <summary>0 until a map is saved; every saved change adds one, and a fetched extract records the version it walked.</summary>
    public int MapVersion { get; private set; }

    public DateTimeOffset? MapSavedAt { get; private set; }

    public string? MapSavedByName { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsActive => Status == SourceSystemStatus.Active;

    /// <summary>A connector other than Manual with a way to its connection string: PrivacyDesk may read it itself.</summary>
    public bool IsConnected => Connector != ConnectorKind.Manual && (ConnectionReference is not null || ProtectedConnectionString is not null);

    /// <summary>The form in which two names are the same system (trimmed, case-insensitive).</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToUpperInvariant();
    }

    public static Result<SourceSystem> Create(string name, string? owner, string? description, ConnectorKind connector, Actor actor, DateTimeOffset at, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = DescriptionErrors(name, owner, description);
        if (!Enum.IsDefined(connector))
        {
            errors.Add(SourceSystemErrors.ConnectorUnknown);
        }
        if (errors.Count > 0)
        {
            return Result<SourceSystem>.Failure(errors);
        }
        var system = new SourceSystem
        {
            Id = id ?? Guid.NewGuid(),
            Status = SourceSystemStatus.Active,
            Connector = connector,
        };
        system.Apply(name, owner, description);
        system.Record(actor, at, "source.system.created", after: new Dictionary<string, string?>
        {
            ["Name"] = system.Name,
            ["Owner"] = system.Owner,
            ["Connector"] = connector.ToString(),
        });
        return Result.Success(system);
    }

    /// <summary>Name, owner and description; a new name is a rename, which the web layer carries into the register and open cases.</summary>
    public Result Describe(string name, string? owner, string? description, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.Retired);
        }
        var errors = DescriptionErrors(name, owner, description);
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        var before = new Dictionary<string, string?> { ["Name"] = Name, ["Owner"] = Owner, ["Description"] = Description };
        var renamed = !string.Equals(Name, name.Trim(), StringComparison.Ordinal);
        Apply(name, owner, description);
        var after = new Dictionary<string, string?> { ["Name"] = Name, ["Owner"] = Owner, ["Description"] = Description };
        if (before.All(kv => after[kv.Key] == kv.Value))
        {
            return Result.Success();
        }
        Record(actor, at, renamed ? "source.system.renamed" : "source.system.described", before, after);
        return Result.Success();
    }

    /// <summary>
    /// The connector and where its connection string comes from: a configuration reference, or an encrypted string
    /// (null keeps the one stored, so an administrator need not retype a secret to change the kind). Manual needs none.
    /// </summary>
    public Result SetConnection(ConnectorKind connector, string? connectionReference, string? protectedConnectionString, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.Retired);
        }
        var reference = string.IsNullOrWhiteSpace(connectionReference) ? null : connectionReference.Trim();
        var secret = string.IsNullOrWhiteSpace(protectedConnectionString) ? null : protectedConnectionString;
        var errors = new List<Error>();
        if (!Enum.IsDefined(connector))
        {
            errors.Add(SourceSystemErrors.ConnectorUnknown);
        }
        if (reference is not null && secret is not null)
        {
            errors.Add(SourceSystemErrors.ConnectionBoth);
        }
        if (reference is not null && (reference.Length > ConnectionReferenceMaxLength || !reference.All(IsReferenceCharacter)))
        {
            errors.Add(SourceSystemErrors.ConnectionReferenceInvalid);
        }
        if (secret is not null && secret.Length > ProtectedConnectionStringMaxLength)
        {
            errors.Add(SourceSystemErrors.ConnectionTooLong);
        }
        if (connector == ConnectorKind.Manual && (reference is not null || secret is not null))
        {
            errors.Add(SourceSystemErrors.ManualTakesNoConnection);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }

        var beforeSecret = SecretKind();
        var beforeKind = Connector;
        Connector = connector;
        if (connector == ConnectorKind.Manual)
        {
            ConnectionReference = null;
            ProtectedConnectionString = null;
            FetchAutomatically = false;
        }
        else if (reference is not null)
        {
            ConnectionReference = reference;
            ProtectedConnectionString = null;
        }
        else if (secret is not null)
        {
            ProtectedConnectionString = secret;
            ConnectionReference = null;
        }
        var afterSecret = secret is not null ? "encrypted connection string (replaced)" : SecretKind();
        if (beforeKind == Connector && beforeSecret == afterSecret)
        {
            return Result.Success();
        }
        // Says which KIND of secret the system uses now (and the reference's name, which is not secret), never a value.
        Record(actor, at, "source.system.connection_set",
            new Dictionary<string, string?> { ["Connector"] = beforeKind.ToString(), ["Connection"] = beforeSecret },
            new Dictionary<string, string?> { ["Connector"] = Connector.ToString(), ["Connection"] = afterSecret });
        return Result.Success();
    }

    /// <summary>Sets (or with both null, removes) the erasure connection; audited without the secret.</summary>
    public Result SetErasureConnection(string? connectionReference, string? protectedConnectionString, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.Retired);
        }
        var reference = string.IsNullOrWhiteSpace(connectionReference) ? null : connectionReference.Trim();
        var secret = string.IsNullOrWhiteSpace(protectedConnectionString) ? null : protectedConnectionString;
        var errors = new List<Error>();
        if (reference is not null && secret is not null)
        {
            errors.Add(SourceSystemErrors.ConnectionBoth);
        }
        if (reference is not null && (reference.Length > ConnectionReferenceMaxLength || !reference.All(IsReferenceCharacter)))
        {
            errors.Add(SourceSystemErrors.ConnectionReferenceInvalid);
        }
        if (secret is not null && secret.Length > ProtectedConnectionStringMaxLength)
        {
            errors.Add(SourceSystemErrors.ConnectionTooLong);
        }
        if (Connector == ConnectorKind.Manual && (reference is not null || secret is not null))
        {
            errors.Add(SourceSystemErrors.ManualTakesNoConnection);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        var before = ErasureSecretKind();
        var sameSecret = secret is null || secret == ProtectedErasureConnectionString;
        ErasureConnectionReference = reference;
        ProtectedErasureConnectionString = secret;
        var after = ErasureSecretKind();
        if (before == after && sameSecret)
        {
            return Result.Success();
        }
        // Which KIND of secret the erasure user comes from (and a reference's name, not secret), never a value.
        Record(actor, at, Changes.SourceChangeActions.ErasureConnectionSet,
            new Dictionary<string, string?> { ["ErasureConnection"] = before },
            new Dictionary<string, string?> { ["ErasureConnection"] = secret is not null && before == after ? after + " (replaced)" : after });
        return Result.Success();
    }

    public Result SetFetching(bool fetchAutomatically, int rowCapPerTable, int statementTimeoutSeconds, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.Retired);
        }
        var errors = new List<Error>();
        if (rowCapPerTable is < MinRowCapPerTable or > MaxRowCapPerTable)
        {
            errors.Add(SourceSystemErrors.RowCapOutOfRange);
        }
        if (statementTimeoutSeconds is < MinStatementTimeoutSeconds or > MaxStatementTimeoutSeconds)
        {
            errors.Add(SourceSystemErrors.TimeoutOutOfRange);
        }
        if (fetchAutomatically && Connector == ConnectorKind.Manual)
        {
            errors.Add(SourceSystemErrors.AutomaticNeedsConnector);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        var before = Fetching();
        FetchAutomatically = fetchAutomatically;
        RowCapPerTable = rowCapPerTable;
        StatementTimeoutSeconds = statementTimeoutSeconds;
        var after = Fetching();
        if (before.All(kv => after[kv.Key] == kv.Value))
        {
            return Result.Success();
        }
        Record(actor, at, "source.system.fetching_set", before, after);
        return Result.Success();
    }

    /// <summary>
    /// Saves the office's map when it passes every rule of <see cref="DataMapValidation"/> (all problems at once
    /// otherwise), as the next version, with a readable summary of what changed for the audit trail.
    /// </summary>
    public Result SaveMap(DataMap map, IReadOnlyCollection<Purpose> purposes, DataMap? liveSchema, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(purposes);
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.Retired);
        }
        var problems = DataMapValidation.Validate(map, purposes, liveSchema);
        if (problems.Count > 0)
        {
            return Result.Failure(problems);
        }
        var changes = DataMapChanges.Describe(MapVersion == 0 ? DataMap.Empty : Map, map);
        if (changes.Count == 0 && MapVersion > 0)
        {
            return Result.Success();
        }
        var before = MapVersion;
        Map = map;
        MapVersion++;
        MapSavedAt = at;
        MapSavedByName = actor.Name;
        Record(actor, at, "source.system.map_saved",
            new Dictionary<string, string?> { ["MapVersion"] = before.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new Dictionary<string, string?>
            {
                ["MapVersion"] = MapVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Changes"] = changes.Count == 0 ? "(empty map)" : string.Join("\n", changes),
            });
        return Result.Success();
    }

    /// <summary>A retired system stays for the record (old extracts name it) but is no longer asked or edited.</summary>
    public Result Retire(Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status == SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.Retired);
        }
        Status = SourceSystemStatus.Retired;
        RetiredAt = at;
        FetchAutomatically = false;
        Record(actor, at, "source.system.retired", StatusChange(SourceSystemStatus.Active), StatusChange(SourceSystemStatus.Retired));
        return Result.Success();
    }

    public Result Reactivate(Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Status != SourceSystemStatus.Retired)
        {
            return Result.Failure(SourceSystemErrors.NotRetired);
        }
        Status = SourceSystemStatus.Active;
        RetiredAt = null;
        Record(actor, at, "source.system.reactivated", StatusChange(SourceSystemStatus.Retired), StatusChange(SourceSystemStatus.Active));
        return Result.Success();
    }

    private static List<Error> DescriptionErrors(string name, string? owner, string? description)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(SourceSystemErrors.NameMissing);
        }
        else if (name.Trim().Length > NameMaxLength)
        {
            errors.Add(SourceSystemErrors.NameTooLong);
        }
        else if (name.Contains(';', StringComparison.Ordinal) || name.Any(char.IsControl))
        {
            // The register's audit entries join system names with "; ", so a name must not contain one.
            errors.Add(SourceSystemErrors.NameInvalid);
        }
        if (owner is not null && owner.Trim().Length > OwnerMaxLength)
        {
            errors.Add(SourceSystemErrors.OwnerTooLong);
        }
        if (description is not null && description.Trim().Length > DescriptionMaxLength)
        {
            errors.Add(SourceSystemErrors.DescriptionTooLong);
        }
        return errors;
    }

    private void Apply(string name, string? owner, string? description)
    {
        Name = name.Trim();
        NormalizedName = Normalize(name);
        Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    private string SecretKind() =>
        ConnectionReference is not null ? $"configuration reference '{ConnectionReference}'"
        : ProtectedConnectionString is not null ? "encrypted connection string"
        : "none";

    private string ErasureSecretKind() =>
        ErasureConnectionReference is not null ? $"configuration reference '{ErasureConnectionReference}'"
        : ProtectedErasureConnectionString is not null ? "encrypted connection string"
        : "none";

    private Dictionary<string, string?> Fetching() => new()
    {
        ["FetchAutomatically"] = FetchAutomatically ? "true" : "false",
        ["RowCapPerTable"] = RowCapPerTable.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["StatementTimeoutSeconds"] = StatementTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static bool IsReferenceCharacter(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private void Record(Actor actor, DateTimeOffset at, string action,
        IReadOnlyDictionary<string, string?>? before = null, IReadOnlyDictionary<string, string?>? after = null) =>
        Record(new DomainChange(action, AuditEntityType, Id.ToString(), actor.Id, actor.Name, at, before, after));

    private static Dictionary<string, string?> StatusChange(SourceSystemStatus status) => new() { ["Status"] = status.ToString() };
}
