using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Controller;

/// <summary>How data subjects and the regulator reach the controller: what letters and notices state.</summary>
public sealed record ControllerContact(
    string? Name, string? Address, string? Phone, string? Email, string? DpoName, string? DpoEmail, OfficeHours? OfficeHours);

/// <summary>The controller's choices for deadlines (deadlines.md rules 1 and 7, and the SLA's "due soon").</summary>
/// <param name="TimeZoneId">An IANA id such as "Europe/Amsterdam"; the receipt date is the calendar date there.</param>
/// <param name="DueSoonDays">A case shows as due soon from this many calendar days before its deadline.</param>
/// <param name="IdentityVerificationPausesClock">Off by default: the clock runs from receipt (the conservative reading).</param>
public sealed record ControllerDeadlineSettings(string? TimeZoneId, int DueSoonDays, bool IdentityVerificationPausesClock)
{
    /// <summary>Amsterdam, 7 days, no pause: what deadlines.md calls the default.</summary>
    public static ControllerDeadlineSettings Default { get; } =
        new(DeadlinePolicy.DefaultTimeZoneId, DeadlinePolicy.DefaultDueSoonDays, IdentityVerificationPausesClock: false);
}

/// <summary>
/// The controller (the firm) as the privacy office presents it: name, address, phone, e-mail, data
/// protection officer and office hours, plus the deadline settings every case is computed with. There is
/// one profile; administrators change it, and every change is in the audit trail.
/// </summary>
public sealed class ControllerProfile : AggregateRoot
{
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 256;
    public const int TimeZoneIdMaxLength = 100;
    public const int MinDueSoonDays = 1;
    public const int MaxDueSoonDays = 30;
    public const string EntityType = nameof(ControllerProfile);

    /// <summary>The one profile's id: a fixed key keeps it one row, whoever seeds it first.</summary>
    public static readonly Guid SingletonId = new("6f1d1c3e-5a0b-4c8e-9a57-0c0a7f3d2b01");

    private ControllerProfile()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The postal address, one line per line of the envelope.</summary>
    public string Address { get; private set; } = "";

    public string? Phone { get; private set; }

    public string Email { get; private set; } = "";

    /// <summary>The data protection officer (functionaris gegevensbescherming), whose contact details are published (Art. 37(7)).</summary>
    public string DpoName { get; private set; } = "";

    public string DpoEmail { get; private set; } = "";

    public OfficeHours OfficeHours { get; private set; } = OfficeHours.Weekdays;

    public string TimeZoneId { get; private set; } = DeadlinePolicy.DefaultTimeZoneId;

    public int DueSoonDays { get; private set; } = DeadlinePolicy.DefaultDueSoonDays;

    public bool IdentityVerificationPausesClock { get; private set; }

    /// <summary>
    /// True while the profile holds the example values seeded at first start. The first save by an
    /// administrator confirms it; until then letters must not be sent with it.
    /// </summary>
    public bool IsExample { get; private set; }

    public ControllerContact Contact => new(Name, Address, Phone, Email, DpoName, DpoEmail, OfficeHours);

    public ControllerDeadlineSettings DeadlineSettings => new(TimeZoneId, DueSoonDays, IdentityVerificationPausesClock);

    /// <summary>The profile as the deadline calculator and SLA evaluator need it.</summary>
    public DeadlinePolicy ToDeadlinePolicy() =>
        DeadlinePolicy.Create(TimeZoneId, IdentityVerificationPausesClock, DueSoonDays) is { IsSuccess: true } policy
            ? policy.Value
            // The zone was valid when saved; an operating system without it must not stop every case.
            : DeadlinePolicy.Create(DeadlinePolicy.DefaultTimeZoneId, IdentityVerificationPausesClock, DueSoonDays).Value;

    /// <param name="isExample">True for the values seeded at first start, which an administrator must confirm.</param>
    public static Result<ControllerProfile> Create(
        ControllerContact contact, ControllerDeadlineSettings settings, Actor actor, DateTimeOffset now, bool isExample = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var validContact = Validate(contact);
        var validSettings = Validate(settings);
        var errors = validContact.Errors.Concat(validSettings.Errors).ToList();
        if (errors.Count > 0)
        {
            return Result<ControllerProfile>.Failure(errors);
        }

        var profile = new ControllerProfile { Id = SingletonId, IsExample = isExample };
        profile.Apply(validContact.Value);
        profile.Apply(validSettings.Value);
        profile.Record(new DomainChange(
            "controller.profile.created", EntityType, profile.Id.ToString(), actor.Id, actor.Name, now,
            After: Merge(profile.ContactSnapshot(), profile.SettingsSnapshot(), profile.ExampleSnapshot())));
        return Result.Success(profile);
    }

    /// <summary>
    /// The administrator's save of the whole form: every problem with the contact details and the settings
    /// at once, and nothing changed unless all is valid. Saving confirms example values.
    /// </summary>
    public Result Revise(ControllerContact contact, ControllerDeadlineSettings settings, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var validContact = Validate(contact);
        var validSettings = Validate(settings);
        var errors = validContact.Errors.Concat(validSettings.Errors).ToList();
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        ChangeContact(validContact.Value, actor, now);
        ChangeDeadlineSettings(validSettings.Value, actor, now);
        Confirm(actor, now);
        return Result.Success();
    }

    /// <summary>Changes the contact details; records the fields that changed, and nothing when none did.</summary>
    public Result ChangeContact(ControllerContact contact, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var valid = Validate(contact);
        if (valid.IsFailure)
        {
            return valid;
        }
        var before = ContactSnapshot();
        Apply(valid.Value);
        RecordDifference("controller.contact.changed", before, ContactSnapshot(), actor, now);
        return Result.Success();
    }

    /// <summary>
    /// Changes the time zone, the due-soon threshold or the identity-pause policy. Cases already
    /// registered keep the deadline stored with them; the new settings apply from now on.
    /// </summary>
    public Result ChangeDeadlineSettings(ControllerDeadlineSettings settings, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var valid = Validate(settings);
        if (valid.IsFailure)
        {
            return valid;
        }
        var before = SettingsSnapshot();
        Apply(valid.Value);
        RecordDifference("controller.deadline_settings.changed", before, SettingsSnapshot(), actor, now);
        return Result.Success();
    }

    /// <summary>An administrator has checked the seeded example values and takes them as the firm's own.</summary>
    public void Confirm(Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsExample)
        {
            return;
        }
        var before = ExampleSnapshot();
        IsExample = false;
        RecordDifference("controller.profile.confirmed", before, ExampleSnapshot(), actor, now);
    }

    /// <summary>Every problem with the contact details, or the details trimmed and normalised.</summary>
    public static Result<ControllerContact> Validate(ControllerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var errors = new List<Error>();
        var name = Required(contact.Name, NameMaxLength, ControllerErrors.NameRequired, ControllerErrors.NameTooLong, errors);
        var address = Required(NormaliseLines(contact.Address), AddressMaxLength, ControllerErrors.AddressRequired, ControllerErrors.AddressTooLong, errors);
        var phone = string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone.Trim();
        if (phone is not null && !IsPhone(phone))
        {
            errors.Add(ControllerErrors.PhoneInvalid);
        }
        var email = ValidEmail(contact.Email, ControllerErrors.EmailRequired, ControllerErrors.EmailInvalid, errors);
        var dpoName = Required(contact.DpoName, NameMaxLength, ControllerErrors.DpoNameRequired, ControllerErrors.DpoNameTooLong, errors);
        var dpoEmail = ValidEmail(contact.DpoEmail, ControllerErrors.DpoEmailRequired, ControllerErrors.DpoEmailInvalid, errors);
        var hours = (contact.OfficeHours ?? OfficeHours.Weekdays).Normalised();
        if (hours.Days.Count == 0)
        {
            errors.Add(ControllerErrors.OfficeDaysRequired);
        }
        if (hours.Closes <= hours.Opens)
        {
            errors.Add(ControllerErrors.OfficeHoursClosesBeforeOpening);
        }
        return errors.Count > 0
            ? Result<ControllerContact>.Failure(errors)
            : Result.Success(new ControllerContact(name, address, phone, email, dpoName, dpoEmail, hours));
    }

    /// <summary>Every problem with the deadline settings, or the settings with the time zone's id trimmed.</summary>
    public static Result<ControllerDeadlineSettings> Validate(ControllerDeadlineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<Error>();
        var zoneId = settings.TimeZoneId?.Trim() ?? "";
        if (zoneId.Length == 0 || zoneId.Length > TimeZoneIdMaxLength || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out _))
        {
            errors.Add(ControllerErrors.TimeZoneUnknown);
        }
        if (settings.DueSoonDays is < MinDueSoonDays or > MaxDueSoonDays)
        {
            errors.Add(ControllerErrors.DueSoonDaysOutOfRange);
        }
        return errors.Count > 0
            ? Result<ControllerDeadlineSettings>.Failure(errors)
            : Result.Success(settings with { TimeZoneId = zoneId });
    }

    private void Apply(ControllerContact contact)
    {
        Name = contact.Name!;
        Address = contact.Address!;
        Phone = contact.Phone;
        Email = contact.Email!;
        DpoName = contact.DpoName!;
        DpoEmail = contact.DpoEmail!;
        OfficeHours = contact.OfficeHours!;
    }

    private void Apply(ControllerDeadlineSettings settings)
    {
        TimeZoneId = settings.TimeZoneId!;
        DueSoonDays = settings.DueSoonDays;
        IdentityVerificationPausesClock = settings.IdentityVerificationPausesClock;
    }

    private void RecordDifference(
        string action, Dictionary<string, string?> before, Dictionary<string, string?> after, Actor actor, DateTimeOffset now)
    {
        var changed = after.Keys.Where(key => before[key] != after[key]).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        Record(new DomainChange(
            action, EntityType, Id.ToString(), actor.Id, actor.Name, now,
            Before: changed.ToDictionary(key => key, key => before[key], StringComparer.Ordinal),
            After: changed.ToDictionary(key => key, key => after[key], StringComparer.Ordinal)));
    }

    private Dictionary<string, string?> ContactSnapshot() => new(StringComparer.Ordinal)
    {
        [nameof(Name)] = Name,
        [nameof(Address)] = Address,
        [nameof(Phone)] = Phone,
        [nameof(Email)] = Email,
        [nameof(DpoName)] = DpoName,
        [nameof(DpoEmail)] = DpoEmail,
        // Invariant so the trail reads the same whoever looks at it.
        [nameof(OfficeHours)] = OfficeHours.Describe(CultureInfo.InvariantCulture),
    };

    private Dictionary<string, string?> SettingsSnapshot() => new(StringComparer.Ordinal)
    {
        [nameof(TimeZoneId)] = TimeZoneId,
        [nameof(DueSoonDays)] = DueSoonDays.ToString(CultureInfo.InvariantCulture),
        [nameof(IdentityVerificationPausesClock)] = IdentityVerificationPausesClock ? "true" : "false",
    };

    private Dictionary<string, string?> ExampleSnapshot() => new(StringComparer.Ordinal)
    {
        [nameof(IsExample)] = IsExample ? "true" : "false",
    };

    private static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(part => part).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    private static string? Required(string? value, int maxLength, Error missing, Error tooLong, List<Error> errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(missing);
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors.Add(tooLong);
            return null;
        }
        return trimmed;
    }

    private static string? ValidEmail(string? value, Error missing, Error invalid, List<Error> errors)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(missing);
            return null;
        }
        if (!IsEmail(trimmed))
        {
            errors.Add(invalid);
            return null;
        }
        return trimmed;
    }

    /// <summary>Line ends made uniform and blank lines dropped, so the same address typed twice compares equal.</summary>
    private static string? NormaliseLines(string? text) =>
        text is null ? null : string.Join("\n", text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0));

    private static bool IsEmail(string email) => ContactDetails.IsEmailAddress(email, EmailMaxLength);

    // Digits with the usual separators, an optional leading +, and enough digits to be dialled.
    private static bool IsPhone(string phone) =>
        phone.Length <= PhoneMaxLength
        && phone.Select((c, i) => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')' || (c == '+' && i == 0)).All(ok => ok)
        && phone.Count(char.IsAsciiDigit) >= 6;
}
