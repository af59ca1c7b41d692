using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Register;

/// <summary>One purpose in the register list: what a reader scans for (status, bases, what is wrong).</summary>
public sealed record PurposeRow(
    Guid Id, string Key, LocalizedText Name, PurposeStatus Status, IReadOnlyList<LawfulBasisKind> Bases, int Violations, int Warnings);

/// <summary>One purpose as the detail page shows and edits it, with the stamp its next save must match.</summary>
public sealed record PurposeDetail(
    Guid Id,
    string Key,
    PurposeStatus Status,
    PurposeDefinition Definition,
    IReadOnlyList<Error> Violations,
    IReadOnlyList<Error> Warnings,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? RetiredAt,
    string? RetirementReason,
    Guid ConcurrencyStamp);

/// <summary>One field of a history entry: its value before and after (either may be absent).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One audit event of a purpose, for the history tab.</summary>
public sealed record PurposeHistoryEntry(DateTimeOffset At, string ActorName, string Action, IReadOnlyList<FieldChange> Changes, string? Reason);

/// <summary>What a new purpose starts with; everything else is filled in on its page before activation.</summary>
public sealed record NewPurpose(string Key, string NameNl, string NameEn, string DescriptionNl, string DescriptionEn);

/// <summary>The Art. 30 record as a file to download.</summary>
public sealed record RegisterExport(string FileName, byte[] Content);

/// <summary>
/// The processing register (Art. 30) for the pages and the export endpoint. Reading needs
/// <see cref="Permission.ViewRegister"/>, every change <see cref="Permission.EditRegister"/>, both
/// checked here on the server. Each change runs in its own scope and transaction through the
/// purpose's named domain methods, which record the audit trail; a stale save is refused with
/// who changed the purpose when.
/// </summary>
public sealed class ProcessingRegisterService(
    IServiceScopeFactory scopes, TimeProvider clock, ControllerOptions controller, IStringLocalizer<RegisterText> text)
{
    public const string EntityType = "Purpose";

    /// <summary>The audit stream of register-wide actions (import, export).</summary>
    public const string RegisterEntityType = "ProcessingRegister";

    public const string RegisterEntityId = "art30";

    public const string ExportedAction = "register.exported";

    public const string ImportedAction = "register.default_imported";

    private static readonly Error Forbidden = new("auth.forbidden");

    public async Task<Result<IReadOnlyList<PurposeRow>>> ListAsync(
        ClaimsPrincipal caller, PurposeStatus? status = null, string? search = null, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewRegister))
        {
            return Result<IReadOnlyList<PurposeRow>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var query = db.Purposes.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(p => p.Status == wanted);
        }
        // The register holds tens of purposes, not thousands: the rules and the accent-blind name
        // search run in memory on the whole (filtered) register.
        var purposes = await query.ToListAsync(cancellationToken);
        var today = Today();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var term = search?.Trim();
        return Result.Success<IReadOnlyList<PurposeRow>>([.. purposes
            .Where(p => string.IsNullOrEmpty(term) || Matches(p.Name.Nl, term) || Matches(p.Name.En, term) || Matches(p.Key, term))
            .OrderBy(p => p.Name.In(language), StringComparer.CurrentCulture)
            .Select(p => new PurposeRow(p.Id, p.Key, p.Name, p.Status, [.. p.LawfulBases.Select(b => b.Kind).Order()], p.Violations().Count, p.Warnings(today).Count))]);
    }

    public async Task<Result<PurposeDetail>> GetAsync(ClaimsPrincipal caller, string key, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewRegister))
        {
            return Result<PurposeDetail>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var found = await db.Purposes.AsNoTracking()
            .Where(p => p.Key == key)
            .Select(p => new { Purpose = p, Stamp = EF.Property<Guid>(p, PrivacyDeskDbContext.ConcurrencyStamp) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return Result<PurposeDetail>.Failure(RegisterErrors.NotFound);
        }
        var p = found.Purpose;
        return Result.Success(new PurposeDetail(
            p.Id, p.Key, p.Status, p.Definition, p.Violations(), p.Warnings(Today()), p.ActivatedAt, p.RetiredAt, p.RetirementReason, found.Stamp));
    }

    /// <summary>Drafts a new purpose; every problem with the key and the names is returned at once.</summary>
    public async Task<Result<string>> CreateAsync(ClaimsPrincipal caller, NewPurpose input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!caller.Has(Permission.EditRegister))
        {
            return Result<string>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var key = (input.Key ?? "").Trim().ToLowerInvariant();
        var definition = new PurposeDefinition(key,
            new LocalizedText((input.NameNl ?? "").Trim(), (input.NameEn ?? "").Trim()),
            new LocalizedText((input.DescriptionNl ?? "").Trim(), (input.DescriptionEn ?? "").Trim()));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var drafted = Purpose.Draft(definition, actor, clock.GetUtcNow());
                var errors = drafted.Errors.ToList();
                if (await db.Purposes.AnyAsync(p => p.Key == key, cancellationToken))
                {
                    errors.Add(RegisterErrors.KeyTaken);
                }
                if (errors.Count > 0)
                {
                    return Result<string>.Failure(errors);
                }
                db.Purposes.Add(drafted.Value);
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success(key);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else drafted the same key between our check and our insert (unique index).
            if (await KeyExistsAsync(key, cancellationToken))
            {
                return Result<string>.Failure(RegisterErrors.KeyTaken);
            }
            throw;
        }
    }

    private async Task<bool> KeyExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().Purposes.AnyAsync(p => p.Key == key, cancellationToken);
    }

    /// <summary>
    /// Saves the form through the purpose's named methods, only for what changed. An Active purpose
    /// must still pass every activation rule afterwards: all its violations are returned at once.
    /// </summary>
    public Task<Result> SaveAsync(ClaimsPrincipal caller, Guid id, Guid concurrencyStamp, PurposeForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ChangeAsync(caller, id, concurrencyStamp, async (db, purpose, actor, at) =>
        {
            // A purpose names only systems that exist (issue 14), spelled as the system is; checked in the save's transaction.
            var systems = await KnownSourceSystems.ResolveAsync(db, form.ToDefinition(purpose.Key).SourceSystems, cancellationToken);
            return systems.IsFailure
                ? systems
                : Revise(purpose, form.ToDefinition(purpose.Key) with { SourceSystems = systems.Value }, actor, at);
        }, cancellationToken);
    }

    /// <summary>Activates a Draft purpose, or returns every rule it still breaks.</summary>
    public Task<Result> ActivateAsync(ClaimsPrincipal caller, Guid id, Guid concurrencyStamp, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, concurrencyStamp, (purpose, actor, at) => purpose.Activate(actor, at), cancellationToken);

    public Task<Result> RetireAsync(ClaimsPrincipal caller, Guid id, Guid concurrencyStamp, string reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, concurrencyStamp, (purpose, actor, at) => purpose.Retire(reason?.Trim() ?? "", actor, at), cancellationToken);

    /// <summary>The purpose's audit events, newest first.</summary>
    public async Task<Result<IReadOnlyList<PurposeHistoryEntry>>> HistoryAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewRegister))
        {
            return Result<IReadOnlyList<PurposeHistoryEntry>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var entityId = id.ToString();
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == EntityType && e.EntityId == entityId)
            .OrderByDescending(e => e.StreamSequence)
            .Select(e => new { e.OccurredAt, e.ActorName, e.Action, e.Before, e.After, e.Reason })
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<PurposeHistoryEntry>>([.. events.Select(e =>
            new PurposeHistoryEntry(TimeZoneInfo.ConvertTime(e.OccurredAt, controller.TimeZone), e.ActorName, e.Action, Changes(e.Before, e.After), e.Reason))]);
    }

    /// <summary>
    /// Imports the purposes of the privacy notice the register does not hold yet. Idempotent by key:
    /// a purpose already there is left exactly as the office edited it.
    /// </summary>
    public async Task<Result<RegisterImportOutcome>> ImportDefaultAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.EditRegister))
        {
            return Result<RegisterImportOutcome>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var seeder = scope.ServiceProvider.GetRequiredService<RegisterSeeder>();
        return await db.InTransactionAsync(async () =>
        {
            var outcome = await seeder.ImportAsync(actor, cancellationToken);
            // The imported purposes name their systems; each becomes a record in the same transaction (issue 14).
            await db.SaveChangesAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<SourceSystemSeeder>().AddMissingAsync(actor, cancellationToken);
            db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, ImportedAction, RegisterEntityType, RegisterEntityId,
                AuditDetails.Of(("added", outcome.Added), ("unchanged", outcome.Unchanged))));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(outcome);
        }, cancellationToken);
    }

    /// <summary>The Art. 30 record of every purpose as CSV, in the caller's language; the export itself is audited (who, when, how many).</summary>
    public async Task<Result<RegisterExport>> ExportCsvAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewRegister))
        {
            return Result<RegisterExport>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var purposes = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var ordered = purposes.OrderBy(p => p.Status).ThenBy(p => p.Name.In(language), StringComparer.CurrentCulture).ToList();
        var content = Art30Csv.Build(ordered, text, language, controller.TimeZone);
        var now = clock.GetUtcNow();
        db.AuditEvents.Add(AuditEvent.Record(now, caller.FindFirstValue(ClaimTypes.NameIdentifier), caller.DisplayName(), ExportedAction,
            RegisterEntityType, RegisterEntityId, AuditDetails.Of(("format", "csv"), ("language", language), ("purposes", ordered.Count))));
        await db.SaveChangesAsync(cancellationToken);
        var date = TimeZoneInfo.ConvertTime(now, controller.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Result.Success(new RegisterExport($"verwerkingsregister-art30-{date}.csv", content));
    }

    /// <summary>The one stamped change (<see cref="StampedChange"/>, ADR 0028): load, stamp, the purpose's named method, save, conflict as "changed by X at T".</summary>
    private Task<Result> ChangeAsync(
        ClaimsPrincipal caller, Guid id, Guid concurrencyStamp, Func<Purpose, Actor, DateTimeOffset, Result> change, CancellationToken cancellationToken) =>
        ChangeAsync(caller, id, concurrencyStamp, (_, purpose, actor, at) => Task.FromResult(change(purpose, actor, at)), cancellationToken);

    private async Task<Result> ChangeAsync(
        ClaimsPrincipal caller, Guid id, Guid concurrencyStamp, Func<PrivacyDeskDbContext, Purpose, Actor, DateTimeOffset, Task<Result>> change,
        CancellationToken cancellationToken)
    {
        if (!caller.Has(Permission.EditRegister))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var target = new StampedTarget<Purpose>(EntityType, id, (context, token) => context.Purposes.SingleOrDefaultAsync(p => p.Id == id, token), RegisterErrors.NotFound);
        return await StampedChange.RunAsync(db, controller.TimeZone, target, concurrencyStamp,
            (_, _) => Task.FromResult(Result.Success()),
            async purpose =>
            {
                var result = await change(db, purpose, actor, clock.GetUtcNow());
                return result.IsSuccess ? Result.Success(true) : Result<bool>.Failure(result.Errors);
            }, cancellationToken);
    }

    /// <summary>
    /// Brings <paramref name="purpose"/> to <paramref name="target"/> one named method at a time:
    /// additions and revisions first, removals last, so an Active purpose never passes through a
    /// state the rules refuse on the way to a valid one.
    /// </summary>
    internal static Result Revise(Purpose purpose, PurposeDefinition target, Actor actor, DateTimeOffset at)
    {
        if (purpose.Status == PurposeStatus.Retired)
        {
            return Result.Failure(RegisterErrors.Retired);
        }
        var upfront = new List<Error>();
        if (Blank(target.Name) || Blank(target.Description))
        {
            upfront.Add(RegisterErrors.NameMissing);
        }
        upfront.AddRange(RegisterRules.Malformed(target));
        if (purpose.IsActive)
        {
            upfront.AddRange(RegisterRules.Violations(target));
        }
        if (upfront.Count > 0)
        {
            return Result.Failure(upfront);
        }

        var current = purpose.Definition;
        var steps = new List<Func<Result>>();
        if (current.Name != target.Name)
        {
            steps.Add(() => purpose.Rename(target.Name, actor, at));
        }
        if (current.Description != target.Description)
        {
            steps.Add(() => purpose.Describe(target.Description, actor, at));
        }
        foreach (var basis in target.LawfulBases)
        {
            var existing = current.Basis(basis.Kind);
            if (existing is null)
            {
                steps.Add(() => purpose.AddLawfulBasis(basis, actor, at));
            }
            else if (existing != basis)
            {
                steps.Add(() => purpose.ReviseLawfulBasis(basis, actor, at));
            }
        }
        if (!current.SubjectCategories.SequenceEqual(target.SubjectCategories))
        {
            steps.Add(() => purpose.SetSubjectCategories(target.SubjectCategories, actor, at));
        }
        if (!current.DataCategories.SequenceEqual(target.DataCategories))
        {
            steps.Add(() => purpose.SetDataCategories(target.DataCategories, actor, at));
        }
        if (!current.SourceSystems.SequenceEqual(target.SourceSystems))
        {
            steps.Add(() => purpose.SetSourceSystems(target.SourceSystems, actor, at));
        }
        steps.Add(() => Each(current.Recipients.Where(r => !target.Recipients.Contains(r)).ToList(), r => purpose.RemoveRecipient(r.Name, actor, at)));
        steps.Add(() => Each(target.Recipients, r => purpose.Recipients.Contains(r) ? Result.Success() : purpose.AddRecipient(r, actor, at)));
        steps.Add(() => Each(current.Transfers.Where(t => !target.Transfers.Contains(t)).ToList(), t => purpose.RemoveTransfer(t.Recipient, t.Country, actor, at)));
        steps.Add(() => Each(target.Transfers, t => purpose.Transfers.Contains(t) ? Result.Success() : purpose.AddTransfer(t, actor, at)));
        if (current.Retention != target.Retention)
        {
            steps.Add(() => purpose.SetRetention(target.Retention, actor, at));
        }
        if (current.AutomatedDecisionMaking != target.AutomatedDecisionMaking)
        {
            steps.Add(() => purpose.SetAutomatedDecisionMaking(target.AutomatedDecisionMaking, actor, at));
        }
        if (current.SpecialCategoryData != target.SpecialCategoryData)
        {
            steps.Add(() => purpose.SetSpecialCategoryData(target.SpecialCategoryData, actor, at));
        }
        if (current.CriminalData != target.CriminalData)
        {
            steps.Add(() => purpose.SetCriminalData(target.CriminalData, actor, at));
        }
        if (current.IsAnonymised != target.IsAnonymised)
        {
            steps.Add(() => purpose.MarkAnonymised(target.IsAnonymised, actor, at));
        }
        if (current.IsDirectMarketing != target.IsDirectMarketing)
        {
            steps.Add(() => purpose.MarkDirectMarketing(target.IsDirectMarketing, actor, at));
        }
        if (current.IsProcessedByAutomatedMeans != target.IsProcessedByAutomatedMeans)
        {
            steps.Add(() => purpose.MarkProcessedByAutomatedMeans(target.IsProcessedByAutomatedMeans, actor, at));
        }
        foreach (var removed in current.LawfulBases.Where(b => !target.Has(b.Kind)))
        {
            steps.Add(() => purpose.RemoveLawfulBasis(removed.Kind, actor, at));
        }

        foreach (var step in steps)
        {
            var result = step();
            if (result.IsFailure)
            {
                return result;
            }
        }
        return Result.Success();
    }

    private static Result Each<T>(IEnumerable<T> items, Func<T, Result> step)
    {
        foreach (var item in items)
        {
            var result = step(item);
            if (result.IsFailure)
            {
                return result;
            }
        }
        return Result.Success();
    }

    private static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var b = Fields(before);
        var a = Fields(after);
        return [.. b.Keys.Concat(a.Keys).Distinct(StringComparer.Ordinal).Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))];
    }

    private static Dictionary<string, string?> Fields(string? json) => AuditFields.Parse(json);

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), controller.TimeZone).DateTime);

    private static bool Blank(LocalizedText text) => string.IsNullOrWhiteSpace(text.Nl) || string.IsNullOrWhiteSpace(text.En);

    /// <summary>Case- and accent-blind, so "beveiliging" finds "Beveiliging" and "financiele" finds "Financiële".</summary>
    private static bool Matches(string value, string term) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
