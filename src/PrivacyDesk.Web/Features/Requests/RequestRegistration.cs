using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Features.Subjects;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>A subject as the picker of the new-request dialog shows it.</summary>
public sealed record SubjectOption(Guid Id, string FullName, string? CustomerNumber, string? Email);

/// <summary>A subject registered together with their first request; the relationship dates drive retention (Art. 33 Wwft).</summary>
public sealed record NewSubject(
    string FullName, string Email, string? Phone, string? CustomerNumber, SubjectCategory? Category,
    DateOnly? RelationshipStart = null, DateOnly? RelationshipEnd = null, Salutation Salutation = Salutation.Unknown);

/// <summary>
/// A file the officer attached. <paramref name="Size"/> is what the browser declared; the content is
/// only read once name, type and size are acceptable, so an oversized file is never loaded.
/// </summary>
public sealed record NewAttachment(string FileName, long Size, Func<CancellationToken, Task<byte[]>> ReadAsync);

/// <summary>What the new-request dialog sends. Exactly one of <see cref="SubjectId"/> and <see cref="NewSubject"/> is set.</summary>
public sealed record NewRequest(
    RequestType? Type,
    RequestChannel? Channel,
    DateTimeOffset? ReceivedAt,
    string Language,
    Guid? SubjectId,
    NewSubject? NewSubject,
    string Description,
    IReadOnlyList<NewAttachment> Attachments,
    IReadOnlyList<Guid>? ConsentPurposeIds = null);

/// <summary>A consent purpose a subject can withdraw from, as the new-request dialog offers it.</summary>
public sealed record ConsentPurposeChoice(Guid PurposeId, LocalizedText Name);

/// <summary>
/// A request as the intake API received it, parsed from JSON but not yet checked against the rules.
/// <paramref name="ReceivedAt"/> null means now.
/// </summary>
public sealed record IntakeSubmission(
    RequestType Type,
    RequestChannel Channel,
    DateTimeOffset? ReceivedAt,
    string Language,
    NewSubject Subject,
    string Description,
    ThirdPartyRecipient? ThirdParty);

/// <summary>What the intake API answers about a registered request: no personal data.</summary>
public sealed record IntakeReceipt(Guid RequestId, string Reference, RequestStatus Status, DateOnly ReceivedOn, DateOnly DueOn);

/// <summary>An open request of the same type for the same subject, which the officer is warned about (never stopped by).</summary>
public sealed record OpenDuplicate(string Reference, DateOnly ReceivedOn, RequestStatus Status);

/// <summary>
/// Registers requests that arrived by e-mail, phone, letter or in person: the subject (found or new),
/// the request with its reference and statutory deadline, and the original e-mail or letter, in one
/// transaction. Checks the caller's permission itself; the dialog hiding a button is not protection.
/// </summary>
public sealed class RequestRegistration(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings)
{
    /// <summary>Form fields the errors name, the same names the domain errors use.</summary>
    public static class Fields
    {
        public const string Type = "Type";
        public const string Channel = "Channel";
        public const string ReceivedAt = "ReceivedAt";
        public const string Language = "Language";
        public const string Subject = "SubjectId";
        public const string FullName = "FullName";
        public const string Email = "EmailAddresses";
        public const string Category = "Categories";
        public const string Description = "Description";
        public const string Attachments = "Attachments";
        public const string RelationshipStart = "RelationshipStart";
        public const string RelationshipEnd = "RelationshipEnd";
        public const string ConsentPurposes = "PurposeIds";
    }

    /// <summary>The channels a person registers by hand; web-form requests come in through the intake API.</summary>
    public static IReadOnlyList<RequestChannel> ManualChannels { get; } =
        [RequestChannel.Email, RequestChannel.Phone, RequestChannel.Letter, RequestChannel.InPerson];

    public const int MinimumSearchLength = SubjectDirectory.MinimumSearchLength;

    private static readonly Error Forbidden = new("auth.forbidden");

    /// <summary>The controller's time zone (from the controller profile), in which receipt times are read.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken cancellationToken = default) =>
        (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;

    /// <summary>Now on the controller's wall clock, to the minute: what the dialog proposes as the moment of receipt.</summary>
    public DateTime ControllerNow(TimeZoneInfo zone)
    {
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>A date and clock time read on the controller's wall clock, as an instant.</summary>
    public static DateTimeOffset ControllerInstant(TimeZoneInfo zone, DateTime date, TimeSpan time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The consent purposes a consent withdrawal can cover: for a subject on file those processing their
    /// data, for a new subject those of the chosen category (which is what will process theirs).
    /// </summary>
    public async Task<Result<IReadOnlyList<ConsentPurposeChoice>>> ConsentPurposesAsync(
        ClaimsPrincipal caller, Guid? subjectId, SubjectCategory? category, CancellationToken cancellationToken = default)
    {
        if (!MayRegister(caller))
        {
            return Result<IReadOnlyList<ConsentPurposeChoice>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var register = await db.Purposes.AsNoTracking().Where(p => p.Status == PurposeStatus.Active).ToListAsync(cancellationToken);
        IEnumerable<Purpose> processing = [];
        if (subjectId is { } id && await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } subject)
        {
            processing = subject.ProcessingPurposes(register);
        }
        else if (subjectId is null && category is { } chosen)
        {
            processing = register.Where(p => p.SubjectCategories.Contains(chosen));
        }
        return Result<IReadOnlyList<ConsentPurposeChoice>>.Of(
            [.. DataSubjectRequest.ConsentWithdrawalCandidates(processing).Select(p => new ConsentPurposeChoice(p.Id, p.Name))]);
    }

    public static bool MayRegister(ClaimsPrincipal caller) => caller.Has(Permission.HandleRequests) && caller.Has(Permission.ViewSubjects);

    /// <summary>Subjects matching a name, e-mail address or customer number (at least two characters), for the picker.</summary>
    public async Task<Result<IReadOnlyList<SubjectOption>>> FindSubjectsAsync(ClaimsPrincipal caller, string? text, CancellationToken cancellationToken = default)
    {
        if (!MayRegister(caller))
        {
            return Result<IReadOnlyList<SubjectOption>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var ids = SubjectDirectory.Matching(db, text);
        if (ids is null)
        {
            return Result.Success<IReadOnlyList<SubjectOption>>([]);
        }
        var subjects = await db.DataSubjects.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .OrderBy(s => s.FullName).ThenBy(s => s.Id)
            .Take(20)
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<SubjectOption>>(
            [.. subjects.Select(s => new SubjectOption(s.Id, s.FullName, s.CustomerNumber, s.EmailAddresses.Count == 0 ? null : s.EmailAddresses[0]))]);
    }

    /// <summary>One subject for the picker, e.g. when the dialog is opened from a subject's profile.</summary>
    public async Task<Result<SubjectOption>> FindSubjectAsync(ClaimsPrincipal caller, Guid subjectId, CancellationToken cancellationToken = default)
    {
        if (!MayRegister(caller))
        {
            return Result<SubjectOption>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var subject = await db.DataSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subjectId, cancellationToken);
        return subject is null
            ? Result<SubjectOption>.Failure(RequestErrors.SubjectRequired)
            : Result.Success(new SubjectOption(subject.Id, subject.FullName, subject.CustomerNumber, subject.EmailAddresses.Count == 0 ? null : subject.EmailAddresses[0]));
    }

    /// <summary>
    /// A subject already on file with this e-mail address or customer number, so the officer picks them
    /// instead of registering the same person twice. Null when there is none (or too little to look for).
    /// </summary>
    public async Task<Result<SubjectOption?>> FindSameSubjectAsync(
        ClaimsPrincipal caller, string? email, string? customerNumber, CancellationToken cancellationToken = default)
    {
        if (!MayRegister(caller))
        {
            return Result<SubjectOption?>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var same = await SameSubjectAsync(db, email, customerNumber, cancellationToken);
        return Result.Success<SubjectOption?>(same is null
            ? null
            : new SubjectOption(same.Id, same.FullName, same.CustomerNumber, same.EmailAddresses.Count == 0 ? null : same.EmailAddresses[0]));
    }

    /// <summary>The first twenty subjects with this exact search term: compiled once, as every registration asks it inside the write gate (issue 17).</summary>
    private static readonly CompiledPerModel<Func<PrivacyDeskDbContext, string, IAsyncEnumerable<Guid>>> SubjectsWithTerm = new(() => EF.CompileAsyncQuery(
        (PrivacyDeskDbContext db, string term) => db.Set<SubjectSearchTerm>().AsNoTracking().Where(t => t.Term == term)
            .Select(t => t.SubjectId).OrderBy(id => id).Take(20)));

    /// <summary>The subject on file with this e-mail address or customer number, if any.</summary>
    private static async Task<DataSubject?> SameSubjectAsync(PrivacyDeskDbContext db, string? email, string? customerNumber, CancellationToken cancellationToken)
    {
        var address = email?.Trim().ToLowerInvariant() ?? "";
        var number = customerNumber?.Trim() ?? "";
        foreach (var text in new[] { address, number }.Where(t => t.Length >= MinimumSearchLength))
        {
            // The address's or number's own term, exactly: as a search ("K-12" is the word "12") it also finds every
            // number that starts the same, and the one on file could fall outside the twenty read (a second subject).
            var term = SubjectSearchTerms.ExactTerm(text);
            List<DataSubject> candidates;
            if (term.Length is > 0 and <= SubjectSearchTerm.TermMaxLength)
            {
                // The ids first, in a statement of their own: a new subject (most of what the intake API receives) is known to be new
                // after one index read, without the subjects' query and its owned collections (issue 17: this runs inside the write gate).
                var found = new List<Guid>();
                await foreach (var id in SubjectsWithTerm.For(db)(db, term).WithCancellation(cancellationToken))
                {
                    found.Add(id);
                }
                if (found.Count == 0)
                {
                    continue;
                }
                candidates = await db.DataSubjects.AsNoTracking().Where(s => found.Contains(s.Id)).OrderBy(s => s.Id).ToListAsync(cancellationToken);
            }
            else if (SubjectDirectory.Matching(db, text) is { } ids)
            {
                candidates = await db.DataSubjects.AsNoTracking().Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).Take(20).ToListAsync(cancellationToken);
            }
            else
            {
                continue;
            }
            var same = candidates.FirstOrDefault(s => (address.Length > 0 && s.EmailAddresses.Contains(address))
                || (number.Length > 0 && string.Equals(s.CustomerNumber, number, StringComparison.OrdinalIgnoreCase)));
            if (same is not null)
            {
                return same;
            }
        }
        return null;
    }

    /// <summary>
    /// Registers a request another system sent (the intake API), as <paramref name="system"/> (the system
    /// actor, named after the API key). The subject is the one on file with the e-mail address or customer
    /// number, or a new one (a customer when a customer number is given, otherwise a website visitor). Every
    /// rule is checked before anything is stored, and every problem is returned at once. <paramref name="alongside"/>
    /// stores what belongs to the same unit (the key's link, the idempotency record) in the same transaction. <paramref name="admit"/>
    /// runs first in that transaction, before anything is read for the registration (the intake API counts the call in its rate
    /// window there, so one commit serves both); its failure is returned and nothing is stored.
    /// </summary>
    public async Task<Result<IntakeReceipt>> ReceiveAsync(
        IntakeSubmission input, Actor system, Func<PrivacyDeskDbContext, IntakeReceipt, Task>? alongside = null,
        Func<PrivacyDeskDbContext, Task<Result>>? admit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(system);
        var now = clock.GetUtcNow();
        var receivedAt = input.ReceivedAt ?? now;
        if (receivedAt.UtcDateTime.Year is <= RequestReference.FirstYear or >= RequestReference.LastYear)
        {
            // Before references began (or absurdly late): no reference or deadline can be computed for it.
            return Result<IntakeReceipt>.Failure(IntakeApiErrors.ReceivedAtOutOfRange);
        }
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var receivedOn = settings.Policy.DateOf(receivedAt);
        var deadline = settings.DeadlineCalculator().ForReceiptOn(receivedOn);
        var intake = new RequestIntake(
            input.Type, input.Channel, receivedAt, receivedOn, input.Language ?? "", Guid.CreateVersion7(), input.Description ?? "", deadline.DueOn,
            input.ThirdParty);

        // The domain's own rules, checked on what was sent before anything is looked up or stored.
        var errors = Check(input, intake, system, now, settings.Today(clock));
        if (errors.Count > 0)
        {
            return Result<IntakeReceipt>.Failure(errors);
        }

        await using var scope = scopes.CreateAsyncScope();
        // Registrations arriving together are written in one transaction, each behind its own savepoint, committing once (ADR 0058);
        // the unit below runs in whichever context writes the group, so it uses the one it is given and nothing else.
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().InGroupCommitAsync(GroupCommitLane, async db =>
        {
            if (admit is not null && await admit(db) is { IsFailure: true } refused)
            {
                return Result<IntakeReceipt>.Failure(refused.Errors);
            }
            var same = await SameSubjectAsync(db, input.Subject.Email, input.Subject.CustomerNumber, cancellationToken);
            Guid subjectId;
            if (same is null)
            {
                var registered = RegisterSubject(WithCategory(input.Subject), system, now, settings.Today(clock));
                if (registered.IsFailure)
                {
                    return Result<IntakeReceipt>.Failure(registered.Errors);
                }
                db.DataSubjects.Add(registered.Value);
                subjectId = registered.Value.Id;
            }
            else
            {
                subjectId = same.Id;
            }
            // A subject registered in this unit has no requests yet: nothing to read.
            IEnumerable<ExistingRequest> existing = same is null ? [] : (await OpenRequestsAsync(db, subjectId, cancellationToken)).Select(o => o.Existing);
            var reference = await RequestReferences.NextAsync(db, receivedOn.Year, cancellationToken);
            var received = DataSubjectRequest.Receive(reference, intake with { SubjectId = subjectId }, existing, system, now);
            if (received.IsFailure)
            {
                return Result<IntakeReceipt>.Failure(received.Errors);
            }
            db.Requests.Add(received.Value);
            var receipt = new IntakeReceipt(received.Value.Id, reference.ToString(), received.Value.Status, receivedOn, deadline.DueOn);
            if (alongside is not null)
            {
                await alongside(db, receipt);
            }
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(receipt);
        }, cancellationToken);
    }

    /// <summary>The group-commit lane of <see cref="ReceiveAsync"/>: the intake API's and the portal's registrations are written together.</summary>
    private const string GroupCommitLane = "registration.receive";

    /// <summary>
    /// Every rule <see cref="ReceiveAsync"/> checks before it stores anything, without storing anything: the portal checks its form
    /// with it before it sends a code, so a request that would be refused after the code is refused before it.
    /// </summary>
    public async Task<IReadOnlyList<Error>> CheckAsync(IntakeSubmission input, Actor system, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(system);
        var now = clock.GetUtcNow();
        var receivedAt = input.ReceivedAt ?? now;
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var receivedOn = settings.Policy.DateOf(receivedAt);
        var intake = new RequestIntake(
            input.Type, input.Channel, receivedAt, receivedOn, input.Language ?? "", Guid.CreateVersion7(), input.Description ?? "",
            settings.DeadlineCalculator().ForReceiptOn(receivedOn).DueOn, input.ThirdParty);
        return Check(input, intake, system, now, settings.Today(clock));
    }

    private static List<Error> Check(IntakeSubmission input, RequestIntake intake, Actor system, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<Error>();
        if (intake.ReceivedAt > now)
        {
            errors.Add(IntakeErrors.ReceivedAtInFuture);
        }
        var subjectCheck = RegisterSubject(WithCategory(input.Subject), system, now, today);
        if (subjectCheck.IsFailure)
        {
            errors.AddRange(subjectCheck.Errors);
        }
        var requestCheck = DataSubjectRequest.Receive(RequestReference.Create(intake.ReceivedOn.Year, 1).Value, intake, [], system, now);
        if (requestCheck.IsFailure)
        {
            errors.AddRange(requestCheck.Errors);
        }
        return errors;
    }

    private static NewSubject WithCategory(NewSubject subject) => subject with
    {
        Category = subject.Category ?? (string.IsNullOrWhiteSpace(subject.CustomerNumber) ? SubjectCategory.WebsiteVisitor : SubjectCategory.Customer),
    };

    /// <summary>The earliest open request of this type for the subject, if any: the dialog warns before saving.</summary>
    public async Task<Result<OpenDuplicate?>> FindOpenDuplicateAsync(
        ClaimsPrincipal caller, Guid subjectId, RequestType type, CancellationToken cancellationToken = default)
    {
        if (!MayRegister(caller))
        {
            return Result<OpenDuplicate?>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var open = await OpenRequestsAsync(db, subjectId, cancellationToken);
        var duplicate = DuplicateRequestPolicy.FindDuplicate(type, subjectId, open.Select(o => o.Existing));
        return Result.Success(duplicate is null
            ? null
            : open.Where(o => o.Existing.Reference == duplicate).Select(o => new OpenDuplicate(duplicate.ToString(), o.ReceivedOn, o.Existing.Status)).First());
    }

    /// <summary>Validates everything first and returns every problem at once; stores nothing unless all is well.</summary>
    /// <returns>The new request's reference, e.g. DSR-2026-000123.</returns>
    public Task<Result<string>> RegisterAsync(ClaimsPrincipal caller, NewRequest input, CancellationToken cancellationToken = default) =>
        RegisterAsync(caller, input, alongside: null, cancellationToken);

    /// <summary>
    /// As <see cref="RegisterAsync(ClaimsPrincipal, NewRequest, CancellationToken)"/>, with <paramref name="alongside"/> changing what
    /// belongs to the same unit (the Inbox marks its message registered) in the same transaction; its failure rolls everything back.
    /// </summary>
    public async Task<Result<string>> RegisterAsync(
        ClaimsPrincipal caller, NewRequest input, Func<PrivacyDeskDbContext, Guid, Task<Result>>? alongside, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayRegister(caller))
        {
            return Result<string>.Failure(Forbidden);
        }
        var now = clock.GetUtcNow();
        var settings = await controllerSettings.CurrentAsync(cancellationToken);
        var today = settings.Today(clock);
        var errors = Validate(input, now, today);
        if (errors.Count > 0)
        {
            return Result<string>.Failure(errors);
        }

        // Read the files only now that their names, types and declared sizes passed.
        var files = new List<(string Name, byte[] Content)>();
        foreach (var attachment in input.Attachments)
        {
            files.Add((attachment.FileName, await attachment.ReadAsync(cancellationToken)));
        }

        var actor = caller.ToActor();
        var receivedAt = input.ReceivedAt!.Value;
        var receivedOn = settings.Policy.DateOf(receivedAt);
        // Closing days are in the calendar but never move a legal deadline; the identity pause cannot apply before any identity request.
        var deadline = settings.DeadlineCalculator().ForReceiptOn(receivedOn);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.InTransactionAsync(async () =>
        {
            Guid subjectId;
            DataSubject? subjectOnRecord = null;
            if (input.NewSubject is { } fresh)
            {
                var registered = RegisterSubject(fresh, actor, now, today);
                if (registered.IsFailure)
                {
                    return Result<string>.Failure(registered.Errors);
                }
                db.DataSubjects.Add(registered.Value);
                subjectId = registered.Value.Id;
                subjectOnRecord = registered.Value;
            }
            else
            {
                subjectId = input.SubjectId!.Value;
                if (!await db.DataSubjects.AnyAsync(s => s.Id == subjectId, cancellationToken))
                {
                    return Result<string>.Failure(RequestErrors.SubjectRequired);
                }
            }

            // A subject registered in this unit has no requests yet: nothing to read.
            IEnumerable<ExistingRequest> existing = input.NewSubject is null
                ? (await OpenRequestsAsync(db, subjectId, cancellationToken)).Select(o => o.Existing)
                : [];
            var reference = await RequestReferences.NextAsync(db, receivedOn.Year, cancellationToken);
            var intake = new RequestIntake(
                input.Type!.Value, input.Channel!.Value, receivedAt, receivedOn, input.Language, subjectId, input.Description, deadline.DueOn);
            var received = DataSubjectRequest.Receive(reference, intake, existing, actor, now);
            if (received.IsFailure)
            {
                return Result<string>.Failure(received.Errors);
            }
            db.Requests.Add(received.Value);

            // The purposes the subject withdrew consent for, when the dialog named them; otherwise the officer chooses them on the case.
            if (input.Type == RequestType.ConsentWithdrawal && input.ConsentPurposeIds is { Count: > 0 } withdrawn)
            {
                subjectOnRecord ??= await db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == subjectId, cancellationToken);
                var register = await db.Purposes.AsNoTracking().Where(p => p.Status == PurposeStatus.Active).ToListAsync(cancellationToken);
                var candidates = DataSubjectRequest.ConsentWithdrawalCandidates(subjectOnRecord.ProcessingPurposes(register)).Select(p => p.Id);
                var scoped = received.Value.ChooseConsentWithdrawalPurposes(actor, now, withdrawn, candidates);
                if (scoped.IsFailure)
                {
                    return Result<string>.Failure(scoped.Errors);
                }
            }

            var attachmentErrors = new List<Error>();
            foreach (var (name, content) in files)
            {
                var attached = RequestAttachment.Attach(received.Value.Id, name, content, actor, now);
                if (attached.IsFailure)
                {
                    attachmentErrors.AddRange(attached.Errors);
                }
                else
                {
                    db.RequestAttachments.Add(attached.Value);
                }
            }
            if (attachmentErrors.Count > 0)
            {
                // The file turned out other than declared (e.g. larger): nothing of the registration is kept.
                return Result<string>.Failure(attachmentErrors);
            }
            if (alongside is not null && await alongside(db, received.Value.Id) is { IsFailure: true } refused)
            {
                return Result<string>.Failure(refused.Errors);
            }
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(reference.ToString());
        }, cancellationToken);
    }

    private static List<Error> Validate(NewRequest input, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<Error>();
        if (input.Type is null)
        {
            errors.Add(IntakeErrors.TypeRequired);
        }
        if (input.Channel is null)
        {
            errors.Add(IntakeErrors.ChannelRequired);
        }
        else if (!ManualChannels.Contains(input.Channel.Value))
        {
            errors.Add(IntakeErrors.ChannelNotManual);
        }
        if (input.ReceivedAt is null)
        {
            errors.Add(IntakeErrors.ReceivedAtRequired);
        }
        else if (input.ReceivedAt.Value > now)
        {
            errors.Add(IntakeErrors.ReceivedAtInFuture);
        }
        if (input.Language is null || !DataSubjectRequest.Languages.Contains(input.Language))
        {
            errors.Add(RequestErrors.LanguageUnsupported);
        }
        if (input.NewSubject is { } fresh)
        {
            var subject = RegisterSubject(fresh, Actor.System, now, today);
            if (subject.IsFailure)
            {
                errors.AddRange(subject.Errors);
            }
        }
        else if (input.SubjectId is null || input.SubjectId == Guid.Empty)
        {
            errors.Add(RequestErrors.SubjectRequired);
        }
        if (string.IsNullOrWhiteSpace(input.Description))
        {
            errors.Add(RequestErrors.DescriptionRequired);
        }
        else if (input.Description.Trim().Length > DataSubjectRequest.DescriptionMaxLength)
        {
            errors.Add(RequestErrors.TextTooLong with
            {
                Field = Fields.Description,
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = DataSubjectRequest.DescriptionMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
        if (input.Attachments.Count > RequestAttachment.MaxPerRequest)
        {
            errors.Add(IntakeErrors.AttachmentTooMany with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = RequestAttachment.MaxPerRequest.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
        }
        foreach (var attachment in input.Attachments)
        {
            errors.AddRange(RequestAttachment.Check(attachment.FileName, attachment.Size));
        }
        return errors;
    }

    private static Result<DataSubject> RegisterSubject(NewSubject fresh, Actor actor, DateTimeOffset now, DateOnly today)
    {
        var registered = DataSubject.Register(
            fresh.FullName ?? "",
            string.IsNullOrWhiteSpace(fresh.Email) ? [] : [fresh.Email],
            fresh.Category is { } category ? [category] : [],
            actor, now, fresh.Phone, fresh.CustomerNumber, salutation: fresh.Salutation);
        if (registered.IsFailure || (fresh.RelationshipStart is null && fresh.RelationshipEnd is null))
        {
            return registered;
        }
        // The dates go through the same rule (and audit) as a correction on the profile.
        var dated = registered.Value.CorrectRelationship(fresh.RelationshipStart, fresh.RelationshipEnd, today, actor, now);
        return dated.IsFailure ? Result<DataSubject>.Failure(dated.Errors) : registered;
    }

    private sealed record OpenRequest(ExistingRequest Existing, DateOnly ReceivedOn);

    private static async Task<List<OpenRequest>> OpenRequestsAsync(PrivacyDeskDbContext db, Guid subjectId, CancellationToken cancellationToken)
    {
        var open = RequestStatuses.Open.ToList();
        var rows = await db.Requests.AsNoTracking()
            .Where(r => r.SubjectId == subjectId && open.Contains(r.Status))
            .Select(r => new { r.Reference, r.Type, r.Status, r.ReceivedOn })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new OpenRequest(new ExistingRequest(r.Reference, r.Type, subjectId, r.Status), r.ReceivedOn))];
    }
}
