using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Subjects;

/// <summary>
/// A person whose data the firm processes: who they are, how to reach them, in which categories
/// they fall, their consents, and which purposes process their data.
/// </summary>
public sealed class DataSubject : AggregateRoot
{
    public const int FullNameMaxLength = 200;
    public const int EmailMaxLength = 256;
    private const string EntityType = "DataSubject";

    private readonly List<string> _emailAddresses = [];
    private readonly List<SubjectCategory> _categories = [];
    private readonly List<ConsentRecord> _consents = [];
    private readonly List<PurposeOverride> _purposeOverrides = [];
    private readonly List<CreditReferenceInquiry> _creditReferenceInquiries = [];
    private readonly List<SubjectSearchTerm> _searchTerms = [];

    private DataSubject()
    {
    }

    public Guid Id { get; private set; }

    public string FullName { get; private set; } = "";

    public IReadOnlyList<string> EmailAddresses => _emailAddresses;

    public string? Phone { get; private set; }

    public string? CustomerNumber { get; private set; }

    /// <summary>How letters address the subject ("Geachte heer Van der Meer"); unknown addresses them by full name.</summary>
    public Salutation Salutation { get; private set; }

    public IReadOnlyList<SubjectCategory> Categories => _categories;

    public DateOnly? RelationshipStart { get; private set; }

    /// <summary>The day the relationship ended; retention periods that run "after the relationship" start here.</summary>
    public DateOnly? RelationshipEnd { get; private set; }

    public IReadOnlyList<ConsentRecord> Consents => _consents;

    public IReadOnlyList<PurposeOverride> PurposeOverrides => _purposeOverrides;

    public IReadOnlyList<CreditReferenceInquiry> CreditReferenceInquiries => _creditReferenceInquiries;

    /// <summary>The words this subject is found by (name words, e-mail addresses, customer number), kept in step with them.</summary>
    public IReadOnlyList<SubjectSearchTerm> SearchTerms => _searchTerms;

    public bool RelationshipHasEnded(DateOnly on) => RelationshipEnd is { } end && end <= on;

    public static Result<DataSubject> Register(
        string fullName, IEnumerable<string> emailAddresses, IEnumerable<SubjectCategory> categories,
        Actor actor, DateTimeOffset at,
        string? phone = null, string? customerNumber = null, DateOnly? relationshipStart = null, Salutation salutation = Salutation.Unknown)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > FullNameMaxLength)
        {
            errors.Add(SubjectErrors.NameMissing);
        }
        else if (ContactDetails.HasHiddenCharacters(fullName))
        {
            errors.Add(SubjectErrors.NameHiddenCharacters);
        }
        var emails = emailAddresses.Select(NormaliseEmail).Distinct(StringComparer.Ordinal).ToList();
        if (emails.Count == 0)
        {
            errors.Add(SubjectErrors.EmailMissing);
        }
        if (emails.Any(e => !IsEmail(e)))
        {
            errors.Add(SubjectErrors.EmailInvalid);
        }
        var categoryList = categories.Distinct().ToList();
        if (categoryList.Count == 0)
        {
            errors.Add(SubjectErrors.CategoryMissing);
        }
        if (!Enum.IsDefined(salutation))
        {
            errors.Add(SubjectErrors.SalutationInvalid);
        }
        if (errors.Count > 0)
        {
            return Result<DataSubject>.Failure(errors);
        }

        var subject = new DataSubject
        {
            Id = Guid.NewGuid(),
            FullName = fullName.Trim(),
            Phone = Blank(phone),
            CustomerNumber = Blank(customerNumber),
            RelationshipStart = relationshipStart,
            Salutation = salutation,
        };
        subject._emailAddresses.AddRange(emails);
        subject._categories.AddRange(categoryList);
        subject.RefreshSearchTerms();
        subject.Record(actor, at, "subject.registered", after: new Dictionary<string, string?>
        {
            ["Categories"] = string.Join("; ", categoryList),
            ["CustomerNumber"] = subject.CustomerNumber,
            ["Salutation"] = subject.Salutation.ToString(),
        });
        return Result.Success(subject);
    }

    public Result Rename(string fullName, Actor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(fullName) || fullName.Trim().Length > FullNameMaxLength)
        {
            return Result.Failure(SubjectErrors.NameMissing);
        }
        if (ContactDetails.HasHiddenCharacters(fullName))
        {
            return Result.Failure(SubjectErrors.NameHiddenCharacters);
        }
        var before = FullName;
        FullName = fullName.Trim();
        RefreshSearchTerms();
        Record(actor, at, "subject.renamed", Field("FullName", before), Field("FullName", FullName));
        return Result.Success();
    }

    public Result AddEmailAddress(string email, Actor actor, DateTimeOffset at)
    {
        var address = NormaliseEmail(email);
        if (!IsEmail(address))
        {
            return Result.Failure(SubjectErrors.EmailInvalid);
        }
        if (_emailAddresses.Contains(address))
        {
            return Result.Failure(SubjectErrors.EmailDuplicate);
        }
        _emailAddresses.Add(address);
        RefreshSearchTerms();
        Record(actor, at, "subject.email_added", after: Field("EmailAddress", address));
        return Result.Success();
    }

    public Result RemoveEmailAddress(string email, Actor actor, DateTimeOffset at)
    {
        var address = NormaliseEmail(email);
        if (!_emailAddresses.Contains(address))
        {
            return Result.Failure(SubjectErrors.EmailNotFound);
        }
        if (_emailAddresses.Count == 1)
        {
            return Result.Failure(SubjectErrors.EmailLast);
        }
        _emailAddresses.Remove(address);
        RefreshSearchTerms();
        Record(actor, at, "subject.email_removed", Field("EmailAddress", address));
        return Result.Success();
    }

    public Result ChangePhone(string? phone, Actor actor, DateTimeOffset at)
    {
        var before = Phone;
        Phone = Blank(phone);
        Record(actor, at, "subject.phone_changed", Field("Phone", before), Field("Phone", Phone));
        return Result.Success();
    }

    public Result AssignCustomerNumber(string? customerNumber, Actor actor, DateTimeOffset at)
    {
        var before = CustomerNumber;
        CustomerNumber = Blank(customerNumber);
        RefreshSearchTerms();
        Record(actor, at, "subject.customer_number_assigned", Field("CustomerNumber", before), Field("CustomerNumber", CustomerNumber));
        return Result.Success();
    }

    public Result AddCategory(SubjectCategory category, Actor actor, DateTimeOffset at)
    {
        if (_categories.Contains(category))
        {
            return Result.Failure(SubjectErrors.CategoryDuplicate);
        }
        _categories.Add(category);
        Record(actor, at, "subject.category_added", after: Field("Category", category.ToString()));
        return Result.Success();
    }

    public Result RemoveCategory(SubjectCategory category, Actor actor, DateTimeOffset at)
    {
        if (!_categories.Contains(category))
        {
            return Result.Failure(SubjectErrors.CategoryNotFound);
        }
        if (_categories.Count == 1)
        {
            return Result.Failure(SubjectErrors.CategoryMissing);
        }
        _categories.Remove(category);
        Record(actor, at, "subject.category_removed", Field("Category", category.ToString()));
        return Result.Success();
    }

    public Result StartRelationship(DateOnly start, Actor actor, DateTimeOffset at)
    {
        if (RelationshipEnd is { } end && end < start)
        {
            return Result.Failure(SubjectErrors.RelationshipEndBeforeStart);
        }
        var before = RelationshipStart;
        RelationshipStart = start;
        Record(actor, at, "subject.relationship_started", Field("RelationshipStart", Iso(before)), Field("RelationshipStart", Iso(start)));
        return Result.Success();
    }

    /// <summary>Records the end of the relationship; retention periods "after the relationship" run from this day.</summary>
    public Result EndRelationship(DateOnly end, Actor actor, DateTimeOffset at)
    {
        if (RelationshipStart is not { } start)
        {
            return Result.Failure(SubjectErrors.RelationshipNotStarted);
        }
        if (end < start)
        {
            return Result.Failure(SubjectErrors.RelationshipEndBeforeStart);
        }
        var before = RelationshipEnd;
        RelationshipEnd = end;
        Record(actor, at, "subject.relationship_ended", Field("RelationshipEnd", Iso(before)), Field("RelationshipEnd", Iso(end)));
        return Result.Success();
    }

    /// <summary>
    /// Corrects both relationship dates at once (an end recorded by mistake may be cleared). A date after
    /// <paramref name="today"/> is refused: retention "after the relationship" (Art. 33 Wwft) runs from an end
    /// that happened, not a planned one. Nothing is recorded when nothing changes.
    /// </summary>
    public Result CorrectRelationship(DateOnly? start, DateOnly? end, DateOnly today, Actor actor, DateTimeOffset at)
    {
        var errors = new List<Error>();
        if (start > today)
        {
            errors.Add(SubjectErrors.RelationshipStartInFuture);
        }
        if (end > today)
        {
            errors.Add(SubjectErrors.RelationshipEndInFuture);
        }
        if (end is not null && start is null)
        {
            errors.Add(SubjectErrors.RelationshipNotStarted);
        }
        else if (end < start)
        {
            errors.Add(SubjectErrors.RelationshipEndBeforeStart);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        if (start == RelationshipStart && end == RelationshipEnd)
        {
            return Result.Success();
        }
        var before = new Dictionary<string, string?> { ["RelationshipStart"] = Iso(RelationshipStart), ["RelationshipEnd"] = Iso(RelationshipEnd) };
        RelationshipStart = start;
        RelationshipEnd = end;
        Record(actor, at, "subject.relationship_corrected", before,
            new Dictionary<string, string?> { ["RelationshipStart"] = Iso(start), ["RelationshipEnd"] = Iso(end) });
        return Result.Success();
    }

    /// <summary>Records a consent for an Active purpose that rests on consent (basis a).</summary>
    public Result GiveConsent(Purpose purpose, ConsentChannel channel, string wordingVersion, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var linkable = purpose.MayBeLinked();
        if (linkable.IsFailure)
        {
            return linkable;
        }
        if (!purpose.Has(LawfulBasisKind.Consent))
        {
            return Result.Failure(SubjectErrors.PurposeNotConsentBased);
        }
        if (string.IsNullOrWhiteSpace(wordingVersion))
        {
            return Result.Failure(SubjectErrors.ConsentWordingMissing);
        }
        if (CurrentConsent(purpose.Id) is not null)
        {
            return Result.Failure(SubjectErrors.ConsentAlreadyGiven);
        }
        var consent = new ConsentRecord(purpose.Id, at, channel, wordingVersion.Trim());
        _consents.Add(consent);
        Record(actor, at, "subject.consent.given", after: new Dictionary<string, string?>
        {
            ["PurposeId"] = purpose.Id.ToString(),
            ["Channel"] = channel.ToString(),
            ["WordingVersion"] = consent.WordingVersion,
        });
        return Result.Success();
    }

    /// <summary>Withdraws consent (Art. 7(3)); processing based on it stops, earlier processing stays lawful.</summary>
    public Result WithdrawConsent(Guid purposeId, Actor actor, DateTimeOffset at)
    {
        var consent = CurrentConsent(purposeId);
        if (consent is null)
        {
            return Result.Failure(SubjectErrors.ConsentNotGiven);
        }
        if (at < consent.GivenAt)
        {
            return Result.Failure(SubjectErrors.ConsentWithdrawalBeforeGiven);
        }
        consent.Withdraw(at);
        Record(actor, at, "subject.consent.withdrawn",
            new Dictionary<string, string?> { ["PurposeId"] = purposeId.ToString(), ["WithdrawnAt"] = null },
            new Dictionary<string, string?> { ["PurposeId"] = purposeId.ToString(), ["WithdrawnAt"] = at.ToString("O", CultureInfo.InvariantCulture) });
        return Result.Success();
    }

    /// <summary>The consent for the purpose that has not been withdrawn, if any.</summary>
    public ConsentRecord? CurrentConsent(Guid purposeId) => _consents.FirstOrDefault(c => c.PurposeId == purposeId && !c.IsWithdrawn);

    public bool HasWithdrawnConsent(Guid purposeId) =>
        CurrentConsent(purposeId) is null && _consents.Any(c => c.PurposeId == purposeId && c.IsWithdrawn);

    /// <summary>Says a purpose processes this subject's data although the categories do not say so.</summary>
    public Result IncludePurpose(Purpose purpose, string reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var linkable = purpose.MayBeLinked();
        return linkable.IsFailure ? linkable : Override(new PurposeOverride(purpose.Id, true, reason), actor, at);
    }

    /// <summary>Says a purpose does not process this subject's data although the categories say it does.</summary>
    public Result ExcludePurpose(Guid purposeId, string reason, Actor actor, DateTimeOffset at) =>
        Override(new PurposeOverride(purposeId, false, reason), actor, at);

    public Result ClearPurposeOverride(Guid purposeId, Actor actor, DateTimeOffset at)
    {
        var current = _purposeOverrides.FirstOrDefault(o => o.PurposeId == purposeId);
        if (current is null)
        {
            return Result.Failure(SubjectErrors.OverrideNotFound);
        }
        _purposeOverrides.Remove(current);
        Record(actor, at, "subject.purpose.override_cleared", Field("PurposeId", purposeId.ToString()));
        return Result.Success();
    }

    /// <summary>
    /// The Active purposes that process this subject's data: those whose subject categories meet the
    /// subject's, plus explicit inclusions, minus explicit exclusions.
    /// </summary>
    public IReadOnlyList<Purpose> ProcessingPurposes(IEnumerable<Purpose> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        return
        [
            .. register.Where(p => p.IsActive && (_purposeOverrides.FirstOrDefault(o => o.PurposeId == p.Id) is { } o
                ? o.Included
                : p.SubjectCategories.Intersect(_categories).Any())),
        ];
    }

    public Result<Guid> RecordCreditReferenceInquiry(string requestedBy, Actor actor, DateTimeOffset receivedAt)
    {
        if (string.IsNullOrWhiteSpace(requestedBy))
        {
            return Result<Guid>.Failure(SubjectErrors.CreditReferenceRequesterMissing);
        }
        var inquiry = new CreditReferenceInquiry(requestedBy.Trim(), receivedAt);
        _creditReferenceInquiries.Add(inquiry);
        Record(actor, receivedAt, "subject.credit_reference.received", after: new Dictionary<string, string?>
        {
            ["InquiryId"] = inquiry.Id.ToString(),
            ["RequestedBy"] = inquiry.RequestedBy,
        });
        return Result.Success(inquiry.Id);
    }

    /// <summary>Records that the office doubts the reference; from then on the subject must be contacted first.</summary>
    public Result RaiseCreditReferenceDoubt(Guid inquiryId, string reason, Actor actor, DateTimeOffset at) =>
        WithOpenInquiry(inquiryId, inquiry =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Result.Failure(SubjectErrors.CreditReferenceReasonMissing);
            }
            inquiry.RaiseDoubt(reason.Trim());
            Record(actor, at, "subject.credit_reference.doubt_raised", after: Field("InquiryId", inquiryId.ToString()), reason: reason);
            return Result.Success();
        });

    public Result RecordSubjectContactedAboutReference(Guid inquiryId, string note, Actor actor, DateTimeOffset at) =>
        WithOpenInquiry(inquiryId, inquiry =>
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                return Result.Failure(SubjectErrors.CreditReferenceReasonMissing);
            }
            inquiry.RecordContact(at, note.Trim());
            Record(actor, at, "subject.credit_reference.subject_contacted", after: Field("InquiryId", inquiryId.ToString()), reason: note);
            return Result.Success();
        });

    /// <summary>Gives the reference; refused while there is doubt and the subject has not been contacted (the notice's promise).</summary>
    public Result ProvideCreditReference(Guid inquiryId, Actor actor, DateTimeOffset at) =>
        WithOpenInquiry(inquiryId, inquiry =>
        {
            if (inquiry.IsInDoubt && inquiry.SubjectContactedAt is null)
            {
                return Result.Failure(SubjectErrors.CreditReferenceContactRequired);
            }
            inquiry.Answer(CreditReferenceStatus.Provided, at);
            Record(actor, at, "subject.credit_reference.provided",
                Field("Status", nameof(CreditReferenceStatus.Open)), Field("Status", nameof(CreditReferenceStatus.Provided)));
            return Result.Success();
        });

    public Result DeclineCreditReference(Guid inquiryId, string reason, Actor actor, DateTimeOffset at) =>
        WithOpenInquiry(inquiryId, inquiry =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Result.Failure(SubjectErrors.CreditReferenceReasonMissing);
            }
            inquiry.Answer(CreditReferenceStatus.Declined, at);
            Record(actor, at, "subject.credit_reference.declined",
                Field("Status", nameof(CreditReferenceStatus.Open)), Field("Status", nameof(CreditReferenceStatus.Declined)), reason);
            return Result.Success();
        });

    private Result WithOpenInquiry(Guid inquiryId, Func<CreditReferenceInquiry, Result> change)
    {
        var inquiry = _creditReferenceInquiries.FirstOrDefault(i => i.Id == inquiryId);
        if (inquiry is null)
        {
            return Result.Failure(SubjectErrors.CreditReferenceNotFound);
        }
        return inquiry.Status != CreditReferenceStatus.Open ? Result.Failure(SubjectErrors.CreditReferenceAlreadyAnswered) : change(inquiry);
    }

    private Result Override(PurposeOverride change, Actor actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            return Result.Failure(SubjectErrors.OverrideReasonMissing);
        }
        var current = _purposeOverrides.FirstOrDefault(o => o.PurposeId == change.PurposeId);
        if (current is not null)
        {
            _purposeOverrides.Remove(current);
        }
        _purposeOverrides.Add(change with { Reason = change.Reason.Trim() });
        Record(actor, at, change.Included ? "subject.purpose.included" : "subject.purpose.excluded",
            current is null ? null : Field("Included", current.Included ? "true" : "false"),
            new Dictionary<string, string?> { ["PurposeId"] = change.PurposeId.ToString(), ["Included"] = change.Included ? "true" : "false" },
            change.Reason);
        return Result.Success();
    }

    private void Record(Actor actor, DateTimeOffset at, string action,
        IReadOnlyDictionary<string, string?>? before = null, IReadOnlyDictionary<string, string?>? after = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(new DomainChange(action, EntityType, Id.ToString(), actor.Id, actor.Name, at, before, after, reason));
    }

    private void RefreshSearchTerms()
    {
        var wanted = SubjectSearchTerms.For(FullName, _emailAddresses, CustomerNumber);
        _searchTerms.RemoveAll(t => !wanted.Contains(t.Term));
        foreach (var term in wanted.Where(w => !_searchTerms.Any(t => t.Term == w)))
        {
            _searchTerms.Add(new SubjectSearchTerm(Id, term));
        }
    }

    private static Dictionary<string, string?> Field(string name, string? value) => new() { [name] = value };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string NormaliseEmail(string email) => (email ?? "").Trim().ToLowerInvariant();

    private static bool IsEmail(string email) => ContactDetails.IsEmailAddress(email, EmailMaxLength);
}
