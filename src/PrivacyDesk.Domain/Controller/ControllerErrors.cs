using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Controller;

/// <summary>The error codes of the controller profile and its deadline settings, with their messages.</summary>
public static class ControllerErrors
{
    /// <summary>The names of the profile's fields, as errors name them (and as the form places its messages).</summary>
    public static class Fields
    {
        public const string Name = nameof(ControllerProfile.Name);
        public const string Address = nameof(ControllerProfile.Address);
        public const string Phone = nameof(ControllerProfile.Phone);
        public const string Email = nameof(ControllerProfile.Email);
        public const string DpoName = nameof(ControllerProfile.DpoName);
        public const string DpoEmail = nameof(ControllerProfile.DpoEmail);
        public const string OfficeDays = nameof(Controller.OfficeHours.Days);
        public const string OfficeHours = nameof(ControllerProfile.OfficeHours);
        public const string TimeZoneId = nameof(ControllerProfile.TimeZoneId);
        public const string DueSoonDays = nameof(ControllerProfile.DueSoonDays);
    }

    public static readonly Error NameRequired = new("controller.name.required", Fields.Name);
    public static readonly Error NameTooLong = new("controller.name.too_long", Fields.Name);
    public static readonly Error AddressRequired = new("controller.address.required", Fields.Address);
    public static readonly Error AddressTooLong = new("controller.address.too_long", Fields.Address);
    public static readonly Error PhoneInvalid = new("controller.phone.invalid", Fields.Phone);
    public static readonly Error EmailRequired = new("controller.email.required", Fields.Email);
    public static readonly Error EmailInvalid = new("controller.email.invalid", Fields.Email);
    public static readonly Error DpoNameRequired = new("controller.dpo_name.required", Fields.DpoName);
    public static readonly Error DpoNameTooLong = new("controller.dpo_name.too_long", Fields.DpoName);
    public static readonly Error DpoEmailRequired = new("controller.dpo_email.required", Fields.DpoEmail);
    public static readonly Error DpoEmailInvalid = new("controller.dpo_email.invalid", Fields.DpoEmail);
    public static readonly Error OfficeDaysRequired = new("controller.office_hours.no_days", Fields.OfficeDays);
    public static readonly Error OfficeHoursTimeRequired = new("controller.office_hours.time_required", Fields.OfficeHours);
    public static readonly Error OfficeHoursClosesBeforeOpening = new("controller.office_hours.closes_before_opening", Fields.OfficeHours);
    public static readonly Error TimeZoneUnknown = new("controller.time_zone.unknown", Fields.TimeZoneId);
    public static readonly Error DueSoonDaysOutOfRange = new("controller.due_soon.out_of_range", Fields.DueSoonDays);

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NameRequired.Code] = new(
            "Vul de naam van de verwerkingsverantwoordelijke in, zoals die in brieven staat.",
            "Enter the controller's name as it appears in letters."),
        [NameTooLong.Code] = new(
            $"De naam mag hoogstens {ControllerProfile.NameMaxLength} tekens lang zijn.",
            $"The name can be at most {ControllerProfile.NameMaxLength} characters long."),
        [AddressRequired.Code] = new(
            "Vul het postadres in; betrokkenen en de Autoriteit Persoonsgegevens schrijven daarheen.",
            "Enter the postal address; data subjects and the Dutch DPA write to it."),
        [AddressTooLong.Code] = new(
            $"Het adres mag hoogstens {ControllerProfile.AddressMaxLength} tekens lang zijn.",
            $"The address can be at most {ControllerProfile.AddressMaxLength} characters long."),
        [PhoneInvalid.Code] = new(
            "Dit is geen geldig telefoonnummer; gebruik cijfers, spaties en eventueel + of -, bijvoorbeeld +31 20 123 4567.",
            "This is not a valid phone number; use digits, spaces and optionally + or -, for example +31 20 123 4567."),
        [EmailRequired.Code] = new(
            "Vul het e-mailadres in waarop betrokkenen de privacyafdeling bereiken.",
            "Enter the e-mail address at which data subjects reach the privacy office."),
        [EmailInvalid.Code] = new(
            "Vul een geldig e-mailadres in, bijvoorbeeld privacy@bedrijf.nl.",
            "Enter a valid e-mail address, for example privacy@company.nl."),
        [DpoNameRequired.Code] = new(
            "Vul de naam van de functionaris gegevensbescherming in (AVG art. 37 lid 7).",
            "Enter the name of the data protection officer (GDPR Art. 37(7))."),
        [DpoNameTooLong.Code] = new(
            $"De naam van de functionaris mag hoogstens {ControllerProfile.NameMaxLength} tekens lang zijn.",
            $"The officer's name can be at most {ControllerProfile.NameMaxLength} characters long."),
        [DpoEmailRequired.Code] = new(
            "Vul het e-mailadres van de functionaris gegevensbescherming in (AVG art. 37 lid 7).",
            "Enter the e-mail address of the data protection officer (GDPR Art. 37(7))."),
        [DpoEmailInvalid.Code] = new(
            "Vul een geldig e-mailadres voor de functionaris in, bijvoorbeeld fg@bedrijf.nl.",
            "Enter a valid e-mail address for the officer, for example dpo@company.nl."),
        [OfficeDaysRequired.Code] = new(
            "Kies ten minste één dag waarop het kantoor open is.",
            "Choose at least one day on which the office is open."),
        [OfficeHoursTimeRequired.Code] = new(
            "Vul een openingstijd en een sluitingstijd in, bijvoorbeeld 09:00 en 17:00.",
            "Enter an opening and a closing time, for example 09:00 and 17:00."),
        [OfficeHoursClosesBeforeOpening.Code] = new(
            "De sluitingstijd moet na de openingstijd liggen.",
            "The closing time must be after the opening time."),
        [TimeZoneUnknown.Code] = new(
            "Deze tijdzone is onbekend; kies er een uit de lijst, bijvoorbeeld Europe/Amsterdam.",
            "This time zone is unknown; choose one from the list, for example Europe/Amsterdam."),
        [DueSoonDaysOutOfRange.Code] = new(
            $"Kies voor 'bijna verlopen' een aantal dagen van {ControllerProfile.MinDueSoonDays} tot en met {ControllerProfile.MaxDueSoonDays}.",
            $"Choose a number of days for 'due soon' from {ControllerProfile.MinDueSoonDays} to {ControllerProfile.MaxDueSoonDays}."),
    };
}
