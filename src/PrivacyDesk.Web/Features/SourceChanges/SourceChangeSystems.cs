using Microsoft.Extensions.Options;
using PrivacyDesk.Connectors;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.SourceSystems;

namespace PrivacyDesk.Web.Features.SourceChanges;

/// <summary>
/// The system side of carrying out a plan, for a case's plans (<see cref="CaseSourceChanges"/>), retention follow-ups and
/// re-applying after a restore: reach a system (its erasure connection, the walk of the map version the plan was made with,
/// its changer), count, execute, find a subject again. One place, so the three never reach a system differently.
/// </summary>
public sealed class SourceChangeSystems(IEnumerable<ISourceChanger> changers, SourceSystemConnections connections, IOptions<SourceChangeOptions> options)
{
    private readonly IReadOnlyList<ISourceChanger> _changers = [.. changers];

    public byte[]? HashKey => options.Value.HashKeyBytes();

    public int MaxRowsPerTable => options.Value.MaxRowsPerTable;

    public static SubjectKeys KeysOf(DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return CaseFetching.Keys(subject.CustomerNumber, subject.EmailAddresses, subject.Phone);
    }

    /// <summary>The keyed hashes a restore re-apply looks for (the connectors' one function, ADR 0041).</summary>
    public IReadOnlyList<string> SubjectKeyHashes(SubjectKeys keys) => HashKey is { } key ? SubjectKeyHashing.HashAll(key, keys) : [];

    /// <summary>A system's plan counted now (nothing changes); a manual system or one without changes is a task without a dry run.</summary>
    public async Task<Result<PlannedSystem>> CountAsync(
        SystemChangePlan plan, IReadOnlyList<SourceSystem> systems, SubjectKeys keys, Guid subjectId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.IsManual || plan.Changes.Count == 0)
        {
            return Result.Success(new PlannedSystem(plan, [], null, PlannedSystemState.Pending));
        }
        var reached = await ReachAsync(plan, systems, keys, subjectId);
        if (reached.IsFailure)
        {
            return Result<PlannedSystem>.Failure(reached.Errors);
        }
        var counted = await reached.Value.Changer.DryRunAsync(reached.Value.ConnectionString, reached.Value.Run, cancellationToken);
        return counted.IsFailure
            ? Result<PlannedSystem>.Failure(counted.Errors)
            : Result.Success(new PlannedSystem(plan, counted.Value, now, PlannedSystemState.Pending));
    }

    /// <summary>Runs the approved statements of one system (one transaction in the source; nothing here holds PrivacyDesk's database).</summary>
    public async Task<Result<SourceChangeOutcome>> ExecuteAsync(
        PlannedSystem planned, IReadOnlyList<SourceSystem> systems, SubjectKeys keys, Guid subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var reached = await ReachAsync(planned.Plan, systems, keys, subjectId);
        return reached.IsFailure
            ? Result<SourceChangeOutcome>.Failure(reached.Errors)
            : await reached.Value.Changer.ExecuteAsync(reached.Value.ConnectionString, reached.Value.Run, planned.DryRun, cancellationToken);
    }

    /// <summary>After a restore: the subject's identifiers found again in the system by their keyed hashes (empty when the system no longer holds them).</summary>
    public async Task<Result<SubjectKeys>> FindSubjectAsync(SystemChangePlan plan, IReadOnlyList<SourceSystem> systems, IReadOnlyCollection<string> hashes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reached = await ReachAsync(plan, systems, new SubjectKeys(new Dictionary<SubjectIdentifierKind, IReadOnlyList<string>>()), Guid.Empty);
        if (reached.IsFailure)
        {
            return Result<SubjectKeys>.Failure(reached.Errors);
        }
        var system = systems.First(s => s.Id == plan.SystemId);
        return await reached.Value.Changer.FindSubjectAsync(reached.Value.ConnectionString, system.Map, hashes, HashKey!, reached.Value.Run.Limits, cancellationToken);
    }

    /// <summary>A run of the same plan for other identifiers (re-applying after a restore finds the subject again by hash).</summary>
    public async Task<Result<IReadOnlyList<DryRunStatement>>> DryRunAsync(
        SystemChangePlan plan, IReadOnlyList<SourceSystem> systems, SubjectKeys keys, Guid subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reached = await ReachAsync(plan, systems, keys, subjectId);
        return reached.IsFailure
            ? Result<IReadOnlyList<DryRunStatement>>.Failure(reached.Errors)
            : await reached.Value.Changer.DryRunAsync(reached.Value.ConnectionString, reached.Value.Run, cancellationToken);
    }

    private async Task<Result<Reached>> ReachAsync(SystemChangePlan plan, IReadOnlyList<SourceSystem> systems, SubjectKeys keys, Guid subjectId)
    {
        if (HashKey is not { } hashKey)
        {
            return Result<Reached>.Failure(CaseSourceChanges.NoHashKey);
        }
        var system = systems.FirstOrDefault(s => s.Id == plan.SystemId);
        if (system is null || !system.IsActive || !system.CanChange)
        {
            return Result<Reached>.Failure(new Error(CaseSourceChanges.NoErasureConnectionCode, Arguments: Args(plan.SystemName)));
        }
        if (system.MapVersion != plan.MapVersion)
        {
            // The map moved since the dry run: what was approved no longer describes the system.
            return Result<Reached>.Failure(SourceChangeErrors.MapChanged with { Arguments = Args(plan.SystemName) });
        }
        var changer = _changers.LastOrDefault(c => c.Kind == system.Connector);
        if (changer is null)
        {
            return Result<Reached>.Failure(CaseSourceChanges.NoChanger);
        }
        var connection = await connections.ResolveErasureAsync(system);
        if (connection.IsFailure)
        {
            return Result<Reached>.Failure(connection.Errors);
        }
        var walk = RetrievalPlanner.Plan(system.Map, system.MapVersion);
        if (walk.IsFailure)
        {
            return Result<Reached>.Failure(walk.Errors);
        }
        var limits = new ChangeLimits(TimeSpan.FromSeconds(system.StatementTimeoutSeconds), MaxRowsPerTable);
        return Result.Success(new Reached(changer, connection.Value, new SourceChangeRun(plan, walk.Value, keys, hashKey, subjectId.ToString("N"), limits)));
    }

    private static Dictionary<string, string> Args(string system) => new(StringComparer.Ordinal) { ["system"] = system };

    private sealed record Reached(ISourceChanger Changer, string ConnectionString, SourceChangeRun Run);
}
