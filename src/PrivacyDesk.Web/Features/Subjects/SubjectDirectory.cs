using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Search;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Subjects;

/// <summary>One line of the subject search results.</summary>
public sealed record SubjectRow(Guid Id, string FullName, string? CustomerNumber, IReadOnlyList<SubjectCategory> Categories, int OpenRequests);

/// <summary>The search results; <see cref="More"/> says there were more than were shown.</summary>
public sealed record SubjectSearchResult(IReadOnlyList<SubjectRow> Rows, bool More);

public sealed record ConsentLine(string Purpose, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, ConsentChannel Channel, string WordingVersion);

public sealed record PurposeLine(Guid Id, string Key, string Name, IReadOnlyList<LawfulBasisKind> Bases, bool ByOverride);

public sealed record RecipientLine(string Name, RecipientKind Kind, string Country, IReadOnlyList<string> Purposes);

public sealed record RequestLine(
    string Reference, RequestType Type, RequestStatus Status, RequestChannel Channel, DateOnly ReceivedOn, DateOnly DueOn, string? HandlerName, bool MayOpen);

/// <summary>Everything the profile page shows of one subject; names of purposes in the caller's language.</summary>
public sealed record SubjectProfile(
    Guid Id,
    string FullName,
    IReadOnlyList<string> EmailAddresses,
    string? Phone,
    string? CustomerNumber,
    IReadOnlyList<SubjectCategory> Categories,
    DateOnly? RelationshipStart,
    DateOnly? RelationshipEnd,
    IReadOnlyList<ConsentLine> Consents,
    IReadOnlyList<PurposeLine> Purposes,
    IReadOnlyList<RecipientLine> Recipients,
    IReadOnlyList<RequestLine> Requests,
    Guid Version = default,
    Salutation Salutation = Salutation.Unknown);

/// <summary>
/// Search and profiles of data subjects, for those who hold <see cref="Permission.ViewSubjects"/>
/// (never administrators). Opening a profile is an audited view: who looked at which subject, and
/// nothing about the subject but their id.
/// </summary>
public sealed class SubjectDirectory(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings)
{
    public const int MinimumSearchLength = 2;
    public const int MaxResults = 50;
    public const string ProfileViewed = "subject.profile.viewed";
    public const string AuditEntityType = "DataSubject";

    public static readonly Error Forbidden = new("auth.forbidden");
    public static readonly Error SearchTooShort = new("subjects.search.too_short", "Search");
    public static readonly Error NotFound = new("subjects.not_found");

    /// <summary>The ids of subjects matching the typed text, or null when there is too little to search on.</summary>
    public static IQueryable<Guid>? Matching(PrivacyDeskDbContext db, string? text)
    {
        if ((text?.Trim().Length ?? 0) < MinimumSearchLength)
        {
            return null;
        }
        var words = SubjectSearch.Words(text);
        return words.Count == 0 ? null : SubjectSearch.MatchingSubjectIds(db, words);
    }

    public async Task<Result<SubjectSearchResult>> SearchAsync(ClaimsPrincipal caller, string? text, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewSubjects))
        {
            return Result<SubjectSearchResult>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var ids = Matching(db, text);
        if (ids is null)
        {
            return Result<SubjectSearchResult>.Failure(SearchTooShort);
        }
        var open = RequestStatuses.Open.ToList();
        var rows = await db.DataSubjects.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.FullName).ThenBy(s => s.Id)
            .Take(MaxResults + 1)
            .Select(s => new
            {
                Subject = s,
                Open = db.Requests.Count(r => r.SubjectId == s.Id && open.Contains(r.Status)),
            })
            .ToListAsync(cancellationToken);
        return Result.Success(new SubjectSearchResult(
            [.. rows.Take(MaxResults).Select(r => new SubjectRow(r.Subject.Id, r.Subject.FullName, r.Subject.CustomerNumber, r.Subject.Categories, r.Open))],
            rows.Count > MaxResults));
    }

    /// <summary>The subject's profile; records the view in the audit trail before anything is shown.</summary>
    public async Task<Result<SubjectProfile>> ProfileAsync(ClaimsPrincipal caller, Guid subjectId, string language, CancellationToken cancellationToken = default)
    {
        if (!caller.Has(Permission.ViewSubjects))
        {
            return Result<SubjectProfile>.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        // The stamp is read before the subject: a change in between makes the next save stale, never the reverse.
        var version = await db.DataSubjects.Where(s => s.Id == subjectId)
            .Select(s => EF.Property<Guid>(s, PrivacyDeskDbContext.ConcurrencyStamp)).SingleOrDefaultAsync(cancellationToken);
        var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        if (subject is null)
        {
            return Result<SubjectProfile>.Failure(NotFound);
        }

        // No personal data in the event: the subject's id is the only thing about them it names.
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, ProfileViewed, AuditEntityType, subjectId.ToString()));
        await db.SaveChangesAsync(cancellationToken);

        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        var register = await db.Purposes.AsNoTracking().ToListAsync(cancellationToken);
        var names = register.ToDictionary(p => p.Id, p => p.Name.In(language));
        var processing = subject.ProcessingPurposes(register);
        var overridden = subject.PurposeOverrides.Where(o => o.Included).Select(o => o.PurposeId).ToHashSet();
        var recipients = processing
            .SelectMany(p => p.Recipients.Select(r => (Recipient: r, Purpose: names[p.Id])))
            .GroupBy(x => (x.Recipient.Name, x.Recipient.Kind, x.Recipient.Country))
            .Select(g => new RecipientLine(g.Key.Name, g.Key.Kind, g.Key.Country, [.. g.Select(x => x.Purpose).Distinct()]))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.SubjectId == subjectId)
            .OrderByDescending(r => r.ReceivedAt)
            .Select(r => new { r.Reference, r.Type, r.Status, r.Channel, r.ReceivedOn, r.DueOn, r.Extension, r.HandlerId, r.HandlerName })
            .ToListAsync(cancellationToken);

        return Result.Success(new SubjectProfile(
            subject.Id,
            subject.FullName,
            subject.EmailAddresses,
            subject.Phone,
            subject.CustomerNumber,
            subject.Categories,
            subject.RelationshipStart,
            subject.RelationshipEnd,
            [.. subject.Consents.OrderByDescending(c => c.GivenAt).Select(c => new ConsentLine(
                names.GetValueOrDefault(c.PurposeId, c.PurposeId.ToString()), TimeZoneInfo.ConvertTime(c.GivenAt, zone),
                c.WithdrawnAt is { } withdrawn ? TimeZoneInfo.ConvertTime(withdrawn, zone) : null, c.Channel, c.WordingVersion))],
            [.. processing.Select(p => new PurposeLine(p.Id, p.Key, names[p.Id], [.. p.LawfulBases.Select(b => b.Kind)], overridden.Contains(p.Id)))
                .OrderBy(p => p.Name, StringComparer.CurrentCulture)],
            recipients,
            [.. requests.Select(r => new RequestLine(
                r.Reference.ToString(), r.Type, r.Status, r.Channel, r.ReceivedOn, r.Extension?.ExtendedDueOn ?? r.DueOn, r.HandlerName,
                RequestVisibility.MayView(actor, r.HandlerId)))],
            version,
            subject.Salutation));
    }
}

/// <summary>The last subject search of this circuit, so "back to search" finds it again without putting it in a URL.</summary>
public sealed class SubjectSearchMemory
{
    public string? LastSearch { get; set; }
}
