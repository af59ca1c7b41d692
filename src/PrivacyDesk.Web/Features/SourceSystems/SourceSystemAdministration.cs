using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Register;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.SourceSystems;

/// <summary>
/// Source systems for the administration pages and the case page (issue 14, ADR 0036). Every role may see them
/// (<see cref="Permission.ViewSourceSystems"/>); only administrators change them (<see cref="Permission.ManageSourceSystems"/>),
/// checked here on the server. Each change is one stamped change through the system's named methods, which record
/// the audit trail; a rename carries into the register and open collection tasks in the same transaction.
/// Connection strings go in and never come out: no DTO, error or audit entry holds one.
/// </summary>
public sealed class SourceSystemAdministration(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ControllerOptions controller,
    CaseUnitOfWork cases,
    SourceSystemConnections connections,
    ConnectorLookup connectors)
{
    private static readonly Error Forbidden = new("auth.forbidden");

    /// <summary>How long "Test connection" and discovery wait for an answer at most.</summary>
    private static readonly TimeSpan AdministrationTimeout = TimeSpan.FromSeconds(15);

    /// <summary>A typed connection string's length at most; encrypted it grows to about twice that, within the column.</summary>
    public const int ConnectionStringMaxLength = 2_000;

    public async Task<Result<IReadOnlyList<SourceSystemRow>>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewSourceSystems))
        {
            return Result<IReadOnlyList<SourceSystemRow>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var systems = await db.SourceSystems.AsNoTracking().ToListAsync(cancellationToken);
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<SourceSystemRow>>([.. systems
            .OrderBy(s => s.Status)
            .ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(s => new SourceSystemRow(s.Id, s.Name, s.Owner, s.Connector, s.Status, s.IsConnected, s.FetchAutomatically, s.MapVersion,
                MapProblems(s, purposes).Count, UsedBy(s, purposes).Count))]);
    }

    public async Task<Result<SourceSystemDetail>> GetAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewSourceSystems))
        {
            return Result<SourceSystemDetail>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var found = await db.SourceSystems.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { System = s, Stamp = EF.Property<Guid>(s, PrivacyDeskDbContext.ConcurrencyStamp) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<SourceSystemDetail>.Failure(SourceSystemErrors.NotFound);
        }
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var s = found.System;
        return Result.Success(new SourceSystemDetail(
            s.Id, s.Name, s.Owner, s.Description, s.Connector, s.Status, ConnectionKindOf(s), s.ConnectionReference, s.IsConnected,
            s.FetchAutomatically, s.RowCapPerTable, s.StatementTimeoutSeconds,
            s.Map, s.MapVersion, s.MapSavedAt is { } saved ? TimeZoneInfo.ConvertTime(saved, controller.TimeZone) : null, s.MapSavedByName,
            MapProblems(s, purposes), s.MapVersion == 0 ? [] : DataMapIndexWarnings.For(s.Map),
            [.. UsedBy(s, purposes).Select(p => p.Key)],
            [.. purposes.Where(p => p.Status != PurposeStatus.Retired).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new MapPurpose(p.Key, p.Name, p.Status, [.. p.DataCategories.Select(c => c.Name)]))],
            found.Stamp,
            s.ErasureConnectionReference is not null ? SourceConnectionKind.ConfigurationReference
                : s.ProtectedErasureConnectionString is not null ? SourceConnectionKind.EncryptedConnectionString : SourceConnectionKind.None,
            s.ErasureConnectionReference));
    }

    /// <summary>Adds a system; the name is unique whatever its case.</summary>
    public async Task<Result<Guid>> CreateAsync(ClaimsPrincipal caller, NewSourceSystem input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result<Guid>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var created = SourceSystem.Create(input.Name ?? "", input.Owner, input.Description, input.Connector, actor, clock.GetUtcNow());
                var errors = created.Errors.ToList();
                if (await NameTakenAsync(db, input.Name, except: null, cancellationToken))
                {
                    errors.Add(SourceSystemErrors.NameTaken);
                }
                if (errors.Count > 0)
                {
                    return Result<Guid>.Failure(errors);
                }
                db.SourceSystems.Add(created.Value);
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success(created.Value.Id);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else added the same name between our check and our insert (unique index).
            if (await NameTakenAsync(input.Name, cancellationToken))
            {
                return Result<Guid>.Failure(SourceSystemErrors.NameTaken);
            }
            throw;
        }
    }

    /// <summary>
    /// Name, owner, description and fetching limits, refused together with every reason. A new name is carried, in the
    /// same transaction, into every Draft or Active purpose that names the system (through the purpose's audited method)
    /// and into every open collection task (through the case unit of work): the register never names a system that is not there.
    /// </summary>
    public async Task<Result> UpdateAsync(ClaimsPrincipal caller, Guid id, Guid stamp, SourceSystemUpdate input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        try
        {
            return await cases.WithSourceSystemRenameAsync(db => StampedChange.RunAsync(db, controller.TimeZone, Target(id), stamp, Admit, async system =>
            {
                var at = clock.GetUtcNow();
                var oldName = system.Name;
                var errors = new List<Error>();
                if (await NameTakenAsync(db, input.Name, except: id, cancellationToken))
                {
                    errors.Add(SourceSystemErrors.NameTaken);
                }
                errors.AddRange(system.Describe(input.Name ?? "", input.Owner, input.Description, actor, at).Errors);
                errors.AddRange(system.SetFetching(input.FetchAutomatically, input.RowCapPerTable, input.StatementTimeoutSeconds, actor, at).Errors);
                if (errors.Count > 0)
                {
                    return Result<bool>.Failure(errors.Distinct());
                }
                if (!string.Equals(oldName, system.Name, StringComparison.Ordinal))
                {
                    var renamed = await RenameInRegisterAsync(db, oldName, system.Name, actor, at, cancellationToken);
                    if (renamed.IsFailure)
                    {
                        return Result<bool>.Failure(renamed.Errors);
                    }
                    await CaseUnitOfWork.RenameSourceSystemInOpenCasesAsync(db, oldName, system.Name, actor, at, cancellationToken);
                }
                return Result.Success(true);
            }, cancellationToken));
        }
        catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException)
        {
            // Renamed to a name someone else took between our check and our save (unique index).
            if (await NameTakenAsync(input.Name, cancellationToken, except: id))
            {
                return Result.Failure(SourceSystemErrors.NameTaken);
            }
            throw;
        }
    }

    /// <summary>
    /// The connector and its connection: a configuration reference, or a connection string typed once (encrypted here
    /// with Data Protection before it reaches the domain). Neither given keeps what is stored (to change only the kind).
    /// </summary>
    public async Task<Result> SetConnectionAsync(
        ClaimsPrincipal caller, Guid id, Guid stamp, ConnectorKind connector, string? connectionReference, string? plainConnectionString,
        CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result.Failure(Forbidden);
        }
        if (plainConnectionString is not null && plainConnectionString.Trim().Length > ConnectionStringMaxLength)
        {
            return Result.Failure(SourceSystemErrors.ConnectionTooLong);
        }
        var secret = string.IsNullOrWhiteSpace(plainConnectionString) ? null : connections.Protect(plainConnectionString);
        return await ChangeAsync(caller, id, stamp, (system, actor, at) => system.SetConnection(connector, connectionReference, secret, actor, at), cancellationToken);
    }

    /// <summary>
    /// The erasure user's connection (issue 15): a separate database user allowed to update and delete, in the same two forms as
    /// the read connection, the typed string encrypted with its own Data Protection purpose. Errors name the erasure fields.
    /// </summary>
    public async Task<Result> SetErasureConnectionAsync(
        ClaimsPrincipal caller, Guid id, Guid stamp, string? connectionReference, string? plainConnectionString, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result.Failure(Forbidden);
        }
        if (plainConnectionString is not null && plainConnectionString.Trim().Length > ConnectionStringMaxLength)
        {
            return Result.Failure(SourceSystemErrors.ConnectionTooLong with { Field = ErasureField("ConnectionString") });
        }
        var secret = string.IsNullOrWhiteSpace(plainConnectionString) ? null : connections.ProtectErasure(plainConnectionString);
        var result = await ChangeAsync(caller, id, stamp, (system, actor, at) => system.SetErasureConnection(connectionReference, secret, actor, at), cancellationToken);
        return result.IsSuccess ? result : Result.Failure([.. result.Errors.Select(e => e.Field is { } field ? e with { Field = ErasureField(field) } : e)]);
    }

    /// <summary>The dialog's field for an error of the erasure connection: "ConnectionReference" becomes "ErasureConnectionReference".</summary>
    public static string ErasureField(string field) => field.StartsWith("Erasure", StringComparison.Ordinal) ? field : "Erasure" + field;

    /// <summary>Connects and runs a trivial read; the answer is the connector's coded error (unreachable, credentials, permission, TLS) or success.</summary>
    public async Task<Result> TestConnectionAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        var reached = await ReachAsync(caller, id, cancellationToken);
        if (reached.IsFailure)
        {
            return reached;
        }
        var (_, connector, connectionString) = reached.Value;
        return await connector.TestAsync(connectionString, AdministrationTimeout, cancellationToken);
    }

    /// <summary>Reads the live catalog and proposes a map (the office's annotations kept), checked against the register and the live catalog.</summary>
    public async Task<Result<SourceDiscovery>> DiscoverAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        var reached = await ReachAsync(caller, id, cancellationToken);
        if (reached.IsFailure)
        {
            return Result<SourceDiscovery>.Failure(reached.Errors);
        }
        var (system, connector, connectionString) = reached.Value;
        var live = await connector.DiscoverAsync(connectionString, AdministrationTimeout, cancellationToken);
        if (live.IsFailure)
        {
            return Result<SourceDiscovery>.Failure(live.Errors);
        }
        var purposes = await PurposesAsync(cancellationToken);
        var proposal = DataMapProposal.From(live.Value, system.MapVersion > 0 ? system.Map : null);
        return Result.Success(new SourceDiscovery(
            proposal,
            DataMapValidation.Validate(proposal, purposes, live.Value),
            DataMapIndexWarnings.For(proposal),
            system.MapVersion > 0 ? DataMapValidation.Validate(system.Map, purposes, live.Value) : []));
    }

    /// <summary>
    /// Saves the office's map as the next version when it passes every rule, all problems at once otherwise. A connected
    /// system's live catalog is read first (outside the transaction) so a map that no longer matches it is refused too.
    /// </summary>
    public async Task<Result> SaveMapAsync(ClaimsPrincipal caller, Guid id, Guid stamp, DataMap map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result.Failure(Forbidden);
        }
        DataMap? live = null;
        var reached = await ReachAsync(caller, id, cancellationToken);
        if (reached.IsSuccess)
        {
            var (_, connector, connectionString) = reached.Value;
            var discovered = await connector.DiscoverAsync(connectionString, AdministrationTimeout, cancellationToken);
            if (discovered.IsFailure)
            {
                return Result.Failure(discovered.Errors);
            }
            live = discovered.Value;
        }
        else if (reached.Errors.Any(e => e.Code != SourceErrors.KindNotConnected.Code))
        {
            // A connected kind whose connection cannot be resolved: the map cannot be checked against the system.
            return reached;
        }
        return await ChangeAsync(caller, id, stamp, async (db, system, actor, at) =>
            system.SaveMap(map, await db.Purposes.AsNoTracking().ToListAsync(cancellationToken), live, actor, at), cancellationToken);
    }

    public Task<Result> RetireAsync(ClaimsPrincipal caller, Guid id, Guid stamp, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, stamp, (system, actor, at) => system.Retire(actor, at), cancellationToken);

    public Task<Result> ReactivateAsync(ClaimsPrincipal caller, Guid id, Guid stamp, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, stamp, (system, actor, at) => system.Reactivate(actor, at), cancellationToken);

    /// <summary>The system's audit events, newest first (every map version with its summary of changes).</summary>
    public async Task<Result<IReadOnlyList<SourceSystemHistoryEntry>>> HistoryAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewSourceSystems))
        {
            return Result<IReadOnlyList<SourceSystemHistoryEntry>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var entityId = id.ToString();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == SourceSystem.AuditEntityType && e.EntityId == entityId)
            .OrderByDescending(e => e.StreamSequence)
            .Select(e => new { e.OccurredAt, e.ActorName, e.Action, e.Before, e.After })
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<SourceSystemHistoryEntry>>([.. events.Select(e => new SourceSystemHistoryEntry(
            TimeZoneInfo.ConvertTime(e.OccurredAt, controller.TimeZone), e.ActorName, e.Action, Changes(e.Before, e.After)))]);
    }

    private async Task<Result<(SourceSystem System, Connectors.ISourceConnector Connector, string ConnectionString)>> ReachAsync(
        ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken)
    {
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result<(SourceSystem, Connectors.ISourceConnector, string)>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var system = await db.SourceSystems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (system is null)
        {
            return Result<(SourceSystem, Connectors.ISourceConnector, string)>.Failure(SourceSystemErrors.NotFound);
        }
        var connector = connectors.For(system.Connector);
        if (connector is null)
        {
            return Result<(SourceSystem, Connectors.ISourceConnector, string)>.Failure(SourceErrors.KindNotConnected);
        }
        var connection = await connections.ResolveAsync(system);
        return connection.IsFailure
            ? Result<(SourceSystem, Connectors.ISourceConnector, string)>.Failure(connection.Errors)
            : Result.Success((system, connector, connection.Value));
    }

    private Task<Result> ChangeAsync(
        ClaimsPrincipal caller, Guid id, Guid stamp, Func<SourceSystem, Actor, DateTimeOffset, Result> change, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, stamp, (_, system, actor, at) => Task.FromResult(change(system, actor, at)), cancellationToken);

    /// <summary>The one stamped change (<see cref="StampedChange"/>, ADR 0028): load, stamp, the system's named method, save, conflict as "changed by X at T".</summary>
    private async Task<Result> ChangeAsync(
        ClaimsPrincipal caller, Guid id, Guid stamp, Func<PrivacyDeskDbContext, SourceSystem, Actor, DateTimeOffset, Task<Result>> change,
        CancellationToken cancellationToken)
    {
        if (!caller.Has(Permission.ManageSourceSystems))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await StampedChange.RunAsync(db, controller.TimeZone, Target(id), stamp, Admit, async system =>
        {
            var result = await change(db, system, actor, clock.GetUtcNow());
            return result.IsSuccess ? Result.Success(true) : Result<bool>.Failure(result.Errors);
        }, cancellationToken);
    }

    private static StampedTarget<SourceSystem> Target(Guid id) =>
        new(SourceSystem.AuditEntityType, id, (db, token) => db.SourceSystems.SingleOrDefaultAsync(s => s.Id == id, token), SourceSystemErrors.NotFound);

    private static Task<Result> Admit(SourceSystem system, bool changedSinceSeen) => Task.FromResult(Result.Success());

    /// <summary>Every Draft or Active purpose naming <paramref name="from"/> names <paramref name="to"/> instead; retired purposes are frozen records.</summary>
    private static async Task<Result> RenameInRegisterAsync(
        PrivacyDeskDbContext db, string from, string to, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = SourceSystem.Normalize(from);
        var purposes = await db.Purposes.Where(p => p.Status != PurposeStatus.Retired).ToListAsync(cancellationToken);
        foreach (var purpose in purposes.Where(p => p.SourceSystems.Any(n => SourceSystem.Normalize(n) == key)))
        {
            var renamed = purpose.SetSourceSystems(purpose.SourceSystems.Select(n => SourceSystem.Normalize(n) == key ? to : n), actor, at);
            if (renamed.IsFailure)
            {
                return renamed;
            }
        }
        return Result.Success();
    }

    private static IReadOnlyList<Error> MapProblems(SourceSystem system, IReadOnlyCollection<Purpose> purposes) =>
        system.MapVersion == 0 ? [] : DataMapValidation.Validate(system.Map, purposes, liveSchema: null);

    private static List<Purpose> UsedBy(SourceSystem system, IEnumerable<Purpose> purposes) =>
        [.. purposes.Where(p => p.SourceSystems.Any(n => SourceSystem.Normalize(n) == system.NormalizedName))];

    private static SourceConnectionKind ConnectionKindOf(SourceSystem system) =>
        system.ConnectionReference is not null ? SourceConnectionKind.ConfigurationReference
        : system.ProtectedConnectionString is not null ? SourceConnectionKind.EncryptedConnectionString
        : SourceConnectionKind.None;

    private async Task<List<Purpose>> PurposesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Purposes.AsNoTracking().ToListAsync(cancellationToken);
    }

    private static async Task<bool> NameTakenAsync(PrivacyDeskDbContext db, string? name, Guid? except, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        var normalized = SourceSystem.Normalize(name);
        return await db.SourceSystems.AnyAsync(s => s.NormalizedName == normalized && s.Id != except, cancellationToken);
    }

    private async Task<bool> NameTakenAsync(string? name, CancellationToken cancellationToken, Guid? except = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await NameTakenAsync(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>(), name, except, cancellationToken);
    }

    private static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var b = AuditFields.Parse(before);
        var a = AuditFields.Parse(after);
        return [.. b.Keys.Concat(a.Keys).Distinct(StringComparer.Ordinal).Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))];
    }
}
