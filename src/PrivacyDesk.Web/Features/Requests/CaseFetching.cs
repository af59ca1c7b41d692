using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Connectors;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.SourceSystems;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>Whether a collection task's system can be fetched from, and whether the page fetches it by itself.</summary>
public sealed record FetchableTask(Guid TaskId, string SourceSystem, bool Automatic);

/// <param name="Tasks">The case's tasks whose system is connected with a valid data map, by task id.</param>
/// <param name="StartsAutomatically">
/// The page fetches by itself now: the caller handles the case, it is in progress, the subject's identity is verified, and an
/// automatic system has an open task (or none yet: see <paramref name="AutomaticToPlan"/>).
/// </param>
/// <param name="AutomaticToPlan">Automatic systems of the subject's purposes without a task yet; the page plans them first (access and portability only).</param>
public sealed record FetchingView(IReadOnlyDictionary<Guid, FetchableTask> Tasks, bool StartsAutomatically, IReadOnlyList<string> AutomaticToPlan)
{
    public static FetchingView None { get; } = new(new Dictionary<Guid, FetchableTask>(), false, []);

    /// <summary>The open tasks of automatic systems, in the order the page fetches them.</summary>
    public IReadOnlyList<FetchableTask> AutomaticTasks(IEnumerable<CollectionTaskRow> rows) =>
        [.. rows.Where(r => r.Status == DataCollectionStatus.Open && Tasks.TryGetValue(r.Id, out var t) && t.Automatic).Select(r => Tasks[r.Id])];
}

/// <summary>What one fetch stored: the system and the rows per table (counts only, as the trail keeps them).</summary>
public sealed record FetchOutcome(string SourceSystem, IReadOnlyList<TableRowCount> Tables)
{
    public int Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Fetching a subject's data from a connected source system onto a collection task (issue 14, ADR 0039). The check, then the
/// connector OUTSIDE any transaction (it may take seconds and must not hold the case), then one
/// <see cref="CaseUnitOfWork"/> change that stores the extract and records it with the stamp the page held: a case changed
/// meanwhile stores nothing. Every failure (system down, timeout, drift, row cap, no connection) leaves the case as it was.
/// </summary>
public sealed class CaseFetching(
    IServiceScopeFactory scopes, CaseUnitOfWork cases, ConnectorLookup connectors, SourceSystemConnections connections,
    ILogger<CaseFetching> logger)
{
    /// <summary>What the collection panel needs besides <see cref="CaseObligations.CollectionAsync"/>: which tasks can be fetched, and whether to start.</summary>
    public async Task<Result<FetchingView>> FetchingAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result<FetchingView>.Failure(CaseUnitOfWork.Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || !RequestVisibility.MayView(actor, request.HandlerId))
        {
            return Result<FetchingView>.Failure(CaseUnitOfWork.NotFound);
        }
        var systems = await FetchableSystemsAsync(db, cancellationToken);
        var tasks = request.CollectionTasks
            .Select(task => (task, system: systems.GetValueOrDefault(SourceSystem.Normalize(task.SourceSystem))))
            .Where(pair => pair.system is not null)
            .ToDictionary(pair => pair.task.Id, pair => new FetchableTask(pair.task.Id, pair.task.SourceSystem, pair.system!.FetchAutomatically));
        var planned = request.CollectionTasks.Select(task => SourceSystem.Normalize(task.SourceSystem)).ToHashSet(StringComparer.Ordinal);
        List<string> toPlan = [];
        if (request.Type is RequestType.Access or RequestType.Portability)
        {
            var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.SubjectId, cancellationToken);
            var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
            toPlan = [.. (subject?.ProcessingPurposes(purposes) ?? []).SelectMany(p => p.SourceSystems)
                .Select(name => systems.GetValueOrDefault(SourceSystem.Normalize(name)))
                .Where(system => system is { FetchAutomatically: true } && !planned.Contains(system.NormalizedName))
                .Select(system => system!.Name)
                .Distinct(StringComparer.Ordinal)];
        }
        var starts = request.Status == RequestStatus.InProgress
            && request.LatestIdentityVerification?.Outcome == IdentityVerificationOutcome.Verified
            && CaseObligations.MayChange(actor, request.HandlerId)
            && (toPlan.Count > 0 || request.CollectionTasks.Any(t => t.IsOpen && tasks.TryGetValue(t.Id, out var f) && f.Automatic));
        return Result.Success(new FetchingView(tasks, starts, toPlan));
    }

    /// <summary>Plans a task, due today, for every automatic system of the subject's purposes that has none (the manual ones stay for the plan dialog).</summary>
    public async Task<Result> PlanAutomaticAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, CancellationToken cancellationToken = default)
    {
        var view = await FetchingAsync(caller, requestId, cancellationToken);
        if (view.IsFailure)
        {
            return Result.Failure(view.Errors);
        }
        return await cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
        {
            Result planned = work.Request.PlanDataCollection(work.Actor, work.Now, work.Today, view.Value.AutomaticToPlan, work.Today);
            return Task.FromResult(planned);
        }, cancellationToken);
    }

    /// <summary>Fetches the subject's rows from the task's system and stores them as the task's extract, with the stamp the page holds.</summary>
    public async Task<Result<FetchOutcome>> FetchAsync(ClaimsPrincipal caller, Guid requestId, Guid stamp, Guid taskId, CancellationToken cancellationToken = default)
    {
        // 1. The case's own rules first (permission, visibility, stamp, handler, task), so no system is asked for a case that would refuse the answer.
        var admitted = await cases.ChangeAsync<Admission>(caller, requestId, stamp, CaseAccess.Handle, async work =>
        {
            var task = work.Request.CollectionTaskToFetch(work.Actor, taskId);
            if (task.IsFailure)
            {
                return Result<Admission>.Failure(task.Errors);
            }
            var subject = await work.Db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == work.Request.SubjectId, cancellationToken);
            return subject is null
                ? Result<Admission>.Failure(CaseUnitOfWork.NotFound)
                : Result.Success(new Admission(task.Value.SourceSystem, Keys(subject.CustomerNumber, subject.EmailAddresses, subject.Phone)));
        }, cancellationToken);
        if (admitted.IsFailure)
        {
            return Result<FetchOutcome>.Failure(admitted.Errors);
        }
        var (systemName, keys) = (admitted.Value.SourceSystem, admitted.Value.Keys);

        // 2. The system, its connection and plan; then the connector, outside any transaction, within the system's limits.
        SourceSystem? system;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            system = (await FetchableSystemsAsync(db, cancellationToken)).GetValueOrDefault(SourceSystem.Normalize(systemName));
        }
        if (system is null)
        {
            return Failed(requestId, null, [await NotFetchableAsync(systemName, cancellationToken)]);
        }
        if (keys.Values.Count == 0)
        {
            return Failed(requestId, system, [CollectionErrors.FetchNoIdentifier]);
        }
        var connector = connectors.For(system.Connector);
        if (connector is null)
        {
            return Failed(requestId, system, [SourceErrors.KindNotConnected]);
        }
        var connection = await connections.ResolveAsync(system);
        if (connection.IsFailure)
        {
            return Failed(requestId, system, connection.Errors);
        }
        var plan = RetrievalPlanner.Plan(system.Map, system.MapVersion);
        if (plan.IsFailure)
        {
            return Failed(requestId, system, plan.Errors);
        }
        var limits = new FetchLimits(system.RowCapPerTable, TimeSpan.FromSeconds(system.StatementTimeoutSeconds));
        var fetched = await connector.FetchAsync(connection.Value, plan.Value, keys, limits, cancellationToken);
        if (fetched.IsFailure)
        {
            return Failed(requestId, system, fetched.Errors);
        }
        var content = FetchedExtract.ToJson(fetched.Value);
        if (content.LongLength > ExtractRule.MaxBytes)
        {
            return Failed(requestId, system, [CollectionErrors.FetchTooLarge with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = ExtractRule.MaxMegabytes.ToString(CultureInfo.InvariantCulture) },
            }]);
        }
        var tables = fetched.Value.Tables.Select(t => new TableRowCount(t.DisplayName, t.Rows.Count)).ToList();
        var queries = fetched.Value.Tables.Select(t => new ExtractQuery(t.DisplayName, t.QueryText)).ToList();

        // 3. Stored as one case change with the stamp the page held: if anyone changed the case meanwhile, nothing is stored.
        var (systemId, mapVersion, slug) = (system.Id, plan.Value.MapVersion, Slug(system.Name));
        var stored = await cases.ChangeAsync(caller, requestId, stamp, CaseAccess.Handle, work =>
        {
            var at = TimeZoneInfo.ConvertTime(work.Now, work.Zone);
            var fileName = $"{slug}-{work.Request.Reference}-{at.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}.json";
            if (tables.Sum(t => t.Rows) == 0)
            {
                // The system holds nothing on the subject: the task closes as "holds nothing", which the copy of data names.
                return Task.FromResult(work.Request.MarkCollectionTaskNotApplicable(work.Actor, work.Now, taskId, NothingFound(systemName, mapVersion, tables)));
            }
            var file = CollectionExtractFile.CreateFetched(requestId, taskId, fileName, content, systemId, mapVersion, tables, queries, work.Actor.Id, work.Actor.Name, work.Now);
            var recorded = work.Request.RecordCollectionExtract(work.Actor, work.Now, taskId, file.Receipt);
            if (recorded.IsSuccess)
            {
                work.Db.CollectionExtracts.Add(file);
            }
            return Task.FromResult(recorded);
        }, cancellationToken);
        return stored.IsSuccess ? Result.Success(new FetchOutcome(system.Name, tables)) : Failed(requestId, system, stored.Errors);
    }

    /// <summary>The reason kept on a task whose retrieval read no rows, in the officer's language: which system, map version and tables were read.</summary>
    private static string NothingFound(string system, int mapVersion, IReadOnlyList<TableRowCount> tables)
    {
        var read = string.Join(", ", tables.Select(t => t.Table));
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl"
            ? $"Opgehaald uit {system} (gegevenskaart versie {mapVersion}): geen records van deze betrokkene in {read}."
            : $"Fetched from {system} (data map version {mapVersion}): no records of this data subject in {read}.";
    }

    /// <summary>The subject's identifiers as the map's identifier kinds (only those the subject has).</summary>
    internal static SubjectKeys Keys(string? customerNumber, IReadOnlyList<string> emails, string? phone)
    {
        var values = new Dictionary<SubjectIdentifierKind, IReadOnlyList<string>>();
        if (!string.IsNullOrWhiteSpace(customerNumber))
        {
            values[SubjectIdentifierKind.CustomerNumber] = [customerNumber.Trim()];
        }
        var addresses = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        if (addresses.Count > 0)
        {
            values[SubjectIdentifierKind.EmailAddress] = addresses;
        }
        if (!string.IsNullOrWhiteSpace(phone))
        {
            values[SubjectIdentifierKind.PhoneNumber] = [phone.Trim()];
        }
        return new SubjectKeys(values);
    }

    /// <summary>Active, connected systems with a saved map that still passes the map's rules against the register, by normalized name.</summary>
    private static async Task<Dictionary<string, SourceSystem>> FetchableSystemsAsync(PrivacyDeskDbContext db, CancellationToken cancellationToken)
    {
        var systems = await db.SourceSystems.AsNoTracking().Where(s => s.Status == SourceSystemStatus.Active && s.MapVersion > 0).ToListAsync(cancellationToken);
        var connected = systems.Where(s => s.IsConnected).ToList();
        if (connected.Count == 0)
        {
            return [];
        }
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        return connected.Where(s => DataMapValidation.Validate(s.Map, purposes, null).Count == 0).ToDictionary(s => s.NormalizedName, StringComparer.Ordinal);
    }

    /// <summary>Why a task's system cannot be fetched from: not connected at all, or connected without a valid map.</summary>
    private async Task<Error> NotFetchableAsync(string systemName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var normalized = SourceSystem.Normalize(systemName);
        var system = await db.SourceSystems.AsNoTracking().SingleOrDefaultAsync(s => s.NormalizedName == normalized, cancellationToken);
        return system is { IsConnected: true, IsActive: true } ? CollectionErrors.FetchNoMap : CollectionErrors.FetchNotConnected;
    }

    /// <summary>A failure is logged by its codes and the system's id only: never a connection string, a value read or the subject.</summary>
    private Result<FetchOutcome> Failed(Guid requestId, SourceSystem? system, IReadOnlyList<Error> errors)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Fetch for case {RequestId} from source system {SourceSystemId} refused: {Codes}",
                requestId, system?.Id, string.Join(", ", errors.Select(e => e.Code)));
        }
        return Result<FetchOutcome>.Failure(errors);
    }

    /// <summary>The system's name as a file name part (register data, never personal): ASCII letters, digits and hyphens.</summary>
    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "system" : text.Length > 60 ? text[..60].TrimEnd('-') : text;
    }

    private sealed record Admission(string SourceSystem, SubjectKeys Keys);
}
