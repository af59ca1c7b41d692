using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>
/// What a change of a case is given: its own context, the case (tracked), who acts, the moment, and the
/// controller's settings as read for this call (never kept between calls).
/// </summary>
public sealed record CaseWork(PrivacyDeskDbContext Db, DataSubjectRequest Request, Actor Actor, DateTimeOffset Now, ControllerSettingsSnapshot Settings)
{
    public DeadlinePolicy Policy => Settings.Policy;

    public TimeZoneInfo Zone => Settings.TimeZone;

    public HolidayCalendar Calendar => Settings.Calendar;

    /// <summary>Today in the controller's time zone.</summary>
    public DateOnly Today => Policy.DateOf(Now);
}

/// <summary>Who may make a change: the permission, and whether they must also handle the case (its handler, or a team lead).</summary>
public sealed record CaseAccess(Permission Permission, bool MustHandle)
{
    /// <summary>The case's handler or a team lead (every step of handling).</summary>
    public static readonly CaseAccess Handle = new(Permission.HandleRequests, MustHandle: true);

    /// <summary>Anyone who handles cases and may see this one (taking it, a note).</summary>
    public static readonly CaseAccess Work = new(Permission.HandleRequests, MustHandle: false);

    /// <summary>Team leads reviewing a response (four eyes is the domain's rule).</summary>
    public static readonly CaseAccess Approve = new(Permission.ApproveResponses, MustHandle: false);

    /// <summary>Team leads giving cases to a handler.</summary>
    public static readonly CaseAccess Assign = new(Permission.AssignRequests, MustHandle: false);

    /// <summary>Anyone who may see the case (documents check their own permission first).</summary>
    public static readonly CaseAccess View = new(Permission.ViewRequests, MustHandle: false);
}

/// <summary>The case and the stamp the caller read with it (a queue row, the case page).</summary>
public sealed record SeenCase(Guid RequestId, Guid Stamp);

public sealed record RefusedCase(Guid RequestId, string Reference, IReadOnlyList<Error> Errors);

public sealed record CaseBatchOutcome(int Changed, IReadOnlyList<RefusedCase> Refused);

/// <summary>
/// The one way to change a case (ADR 0028). Every change: its own scope and context, one transaction,
/// the case loaded tracked, permission and visibility checked with one set of errors, the caller's stamp
/// compared with the case's (any change by anyone since makes it stale), the domain called, saved, and
/// a lost race answered like a stale stamp: "changed by X at T". Services are lists of calls into this.
/// </summary>
public sealed class CaseUnitOfWork(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings)
{
    public static readonly Error NotFound = new("case.not_found");
    public static readonly Error Forbidden = new("auth.forbidden");
    public static readonly Error NotHandler = new("case.not_handler");

    /// <summary>The case was taken by (or given to) someone else since the caller read it; <c>{who}</c> handles it since <c>{when}</c>.</summary>
    public const string TakenByOtherCode = "case.taken_by_other";

    /// <summary>Changes one case the caller read with <paramref name="stamp"/>.</summary>
    public async Task<Result> ChangeAsync(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, CaseAccess access, Func<CaseWork, Task<Result>> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return await ChangeAsync(caller, requestId, stamp, access, async work =>
        {
            var result = await change(work);
            return result.IsSuccess ? Result.Success(true) : Result<bool>.Failure(result.Errors);
        }, cancellationToken);
    }

    /// <summary>Changes one case and answers with what the change produced (a stored document).</summary>
    public async Task<Result<T>> ChangeAsync<T>(
        ClaimsPrincipal caller, Guid requestId, Guid stamp, CaseAccess access, Func<CaseWork, Task<Result<T>>> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(change);
        if (!caller.Has(access.Permission))
        {
            return Result<T>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        return await RunAsync(requestId, stamp, actor, (work, changedSinceSeen) => AdmitAsync(work, changedSinceSeen, cancellationToken),
            work => Handles(work, access) ? change(work) : Task.FromResult(Result<T>.Failure(NotHandler)), cancellationToken);
    }

    /// <summary>
    /// Changes something the case owns that carries its own stamp (its source-change plan, ADR 0040): the case is admitted as for
    /// any change (permission, visibility, handler) and is in the same transaction, but the stamp compared is the owned row's, and a
    /// stale or lost save names who changed THAT row last. A null <paramref name="ownedStamp"/> compares nothing (a read for a step
    /// that records later with the stamp it read).
    /// </summary>
    public async Task<Result<T>> ChangeOwnedAsync<TOwned, T>(
        ClaimsPrincipal caller, Guid requestId, CaseAccess access, StampedTarget<TOwned> owned, Guid? ownedStamp,
        Func<CaseWork, TOwned, Task<Result<T>>> change, CancellationToken cancellationToken = default)
        where TOwned : class
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(owned);
        ArgumentNullException.ThrowIfNull(change);
        if (!caller.Has(access.Permission))
        {
            return Result<T>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = Open(scope);
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        CaseWork? work = null;
        return await StampedChange.RunAsync(db, settings.TimeZone, owned, ownedStamp,
            async (_, _) =>
            {
                var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
                if (request is null)
                {
                    return Result.Failure(NotFound);
                }
                work = new CaseWork(db, request, actor, now, settings);
                var admitted = await AdmitAsync(work, changedSinceSeen: false, cancellationToken);
                return admitted.IsFailure ? admitted : Handles(work, access) ? Result.Success() : Result.Failure(NotHandler);
            },
            entity => change(work!, entity), cancellationToken);
    }

    /// <summary>
    /// The system's own step on a case it registered (the acknowledgement the outbox makes after the intake API or the portal):
    /// no person's permission; the stamp is the one the system read the case with (null: none), so what it prepared outside the
    /// transaction is never stored on a case that changed since. Still the same load, transaction, save and conflict answer. Only
    /// <see cref="Actor.System"/> may use it.
    /// </summary>
    public async Task<Result<T>> ChangeFreshCaseAsSystemAsync<T>(
        Guid requestId, Actor system, Guid? seenStamp, Func<CaseWork, Task<Result<T>>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(change);
        if (system.Id != Actor.System.Id)
        {
            return Result<T>.Failure(Forbidden);
        }
        return await RunAsync(requestId, seenStamp, system, (_, _) => Task.FromResult(Result.Success()), change, cancellationToken);
    }

    /// <summary>
    /// The data subject's own act on their case, relayed by a system actor (the privacy portal after a verified code: withdraw,
    /// a message; the mailbox reader threading a reply, ADR 0046). No staff permission and no stamp (no person read the case,
    /// and nothing the subject does depends on what the office changed); still the one load, transaction, save and conflict
    /// answer. The domain decides whether the act is allowed.
    /// </summary>
    public async Task<Result<T>> ChangeForSubjectAsync<T>(
        Guid requestId, Actor relay, Func<CaseWork, Task<Result<T>>> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(change);
        return await RunAsync(requestId, seenStamp: null, relay, (_, _) => Task.FromResult(Result.Success()), change, cancellationToken);
    }

    /// <summary>
    /// Several cases in one transaction, each with the stamp the caller saw: a case refused (gone, not visible,
    /// stale, or by the domain) is reported with its reasons and left as it was; the rest are changed together.
    /// </summary>
    public async Task<Result<CaseBatchOutcome>> ChangeEachAsync(
        ClaimsPrincipal caller, IReadOnlyCollection<SeenCase> cases, CaseAccess access, Func<CaseWork, Result> change,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(change);
        if (!caller.Has(access.Permission))
        {
            return Result<CaseBatchOutcome>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var seen = cases.GroupBy(c => c.RequestId).ToDictionary(g => g.Key, g => g.First().Stamp);
        var ids = seen.Keys.ToList();
        await using var scope = scopes.CreateAsyncScope();
        var db = Open(scope);
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var requests = await db.Requests.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
                var refused = new List<RefusedCase>();
                var changed = 0;
                var now = clock.GetUtcNow();
                foreach (var request in requests.OrderBy(r => r.Reference.ToString(), StringComparer.Ordinal))
                {
                    var work = new CaseWork(db, request, actor, now, settings);
                    var admitted = await StampedChange.CheckAsync(db, request, seen[request.Id],
                        (_, changedSinceSeen) => AdmitAsync(work, changedSinceSeen, cancellationToken));
                    var result = admitted.IsFailure ? admitted : Handles(work, access) ? change(work) : Result.Failure(NotHandler);
                    if (StampedChange.IsUndescribedStale(result))
                    {
                        // Described here, inside the transaction: the other cases still go through.
                        result = Result.Failure(await StaleEdit.DescribeAsync(db, settings.TimeZone, DataSubjectRequest.AuditEntityType, request.Id.ToString(), cancellationToken));
                    }
                    if (result.IsSuccess)
                    {
                        changed++;
                    }
                    else
                    {
                        refused.Add(new RefusedCase(request.Id, request.Reference.ToString(), result.Errors));
                    }
                }
                refused.AddRange(ids.Where(id => requests.All(r => r.Id != id)).Select(id => new RefusedCase(id, "", [NotFound])));
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success(new CaseBatchOutcome(changed, refused));
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            var lost = exception.Entries.Select(e => e.Entity).OfType<DataSubjectRequest>().FirstOrDefault()?.Id ?? Guid.Empty;
            return Result<CaseBatchOutcome>.Failure(
                await StampedChange.DescribeAsync(db, settings.TimeZone, DataSubjectRequest.AuditEntityType, lost, cancellationToken));
        }
    }

    /// <summary>
    /// A change outside any one case that open cases follow in the same transaction (ADR 0036): an administrator renames
    /// a source system and its open collection tasks take the new name. <paramref name="change"/> gets a context this unit
    /// of work opened and the one way to touch cases on it, <see cref="RenameSourceSystemInOpenCasesAsync"/>. No stamp per
    /// case: the administrator never read those cases (and may not see them); an officer with one open is told it changed.
    /// </summary>
    public async Task<T> WithSourceSystemRenameAsync<T>(Func<PrivacyDeskDbContext, Task<T>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = scopes.CreateAsyncScope();
        return await change(Open(scope));
    }

    /// <summary>Renames the open collection tasks of <paramref name="from"/> in every case, through the case's own audited method; the caller saves.</summary>
    /// <returns>How many cases changed.</returns>
    public static async Task<int> RenameSourceSystemInOpenCasesAsync(
        PrivacyDeskDbContext db, string from, string to, Actor actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.MayChangeCases)
        {
            throw new InvalidOperationException("Cases follow a rename only on a context opened by CaseUnitOfWork.WithSourceSystemRenameAsync.");
        }
        // Names compare trimmed and case-insensitively, which SQL cannot do for every alphabet (SQLite's upper() is ASCII only): the open tasks' names are read, matched here.
        var open = await db.Requests.AsNoTracking()
            .Where(r => r.CollectionTasks.Any(t => t.Status == DataCollectionStatus.Open))
            .Select(r => new { r.Id, Systems = r.CollectionTasks.Where(t => t.Status == DataCollectionStatus.Open).Select(t => t.SourceSystem).ToList() })
            .ToListAsync(cancellationToken);
        var ids = open.Where(r => r.Systems.Any(s => string.Equals(s.Trim(), from.Trim(), StringComparison.OrdinalIgnoreCase))).Select(r => r.Id).ToList();
        var requests = await db.Requests.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return requests.Count(r => r.RenameSourceSystem(from, to, actor, at) > 0);
    }

    private async Task<Result<T>> RunAsync<T>(
        Guid requestId, Guid? seenStamp, Actor actor, Func<CaseWork, bool, Task<Result>> admit,
        Func<CaseWork, Task<Result<T>>> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = Open(scope);
        // Read for this call: a settings change takes effect on the next change, never half-way through one.
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var target = new StampedTarget<DataSubjectRequest>(DataSubjectRequest.AuditEntityType, requestId,
            (context, token) => context.Requests.SingleOrDefaultAsync(r => r.Id == requestId, token), NotFound);
        var now = clock.GetUtcNow();
        return await StampedChange.RunAsync(db, settings.TimeZone, target, seenStamp,
            (request, changedSinceSeen) => admit(new CaseWork(db, request, actor, now, settings), changedSinceSeen),
            request => change(new CaseWork(db, request, actor, now, settings)), cancellationToken);
    }

    /// <summary>The one context through which an existing case may be changed (the data layer refuses any other).</summary>
    private static PrivacyDeskDbContext Open(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        db.AllowCaseChanges();
        return db;
    }

    /// <summary>
    /// Visibility before staleness: a case the caller may not see is "not found" (the page never tells whose it is),
    /// unless they read it and it has since gone to someone else: then who took it and when.
    /// </summary>
    private static async Task<Result> AdmitAsync(CaseWork work, bool changedSinceSeen, CancellationToken cancellationToken)
    {
        var request = work.Request;
        if (RequestVisibility.MayView(work.Actor, request.HandlerId))
        {
            return Result.Success();
        }
        if (!changedSinceSeen || request.HandlerName is not { } taker)
        {
            return Result.Failure(NotFound);
        }
        var latest = await StaleEdit.DescribeAsync(work.Db, work.Zone, DataSubjectRequest.AuditEntityType, request.Id.ToString(), cancellationToken);
        return Result.Failure(new Error(TakenByOtherCode, Arguments: new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["who"] = taker,
            ["when"] = latest.Arguments?.GetValueOrDefault("when") ?? "",
        }));
    }

    /// <summary>Handling is checked last, on a case that is still as the caller saw it: its handler, or a team lead.</summary>
    private static bool Handles(CaseWork work, CaseAccess access) => !access.MustHandle || MayHandle(work.Actor, work.Request.HandlerId);

    /// <summary>Officers handle their own cases; team leads (who assign) any case.</summary>
    public static bool MayHandle(Actor actor, string? handlerId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Has(Permission.HandleRequests) && (handlerId == actor.Id || actor.Has(Permission.AssignRequests));
    }
}
