using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Deadlines;

/// <summary>The error codes of deadlines, extensions and the holiday calendar, with their messages.</summary>
public static class DeadlineErrors
{
    public static readonly Error ExtensionTooLate = new("deadline.extension.too_late");
    public static readonly Error ExtensionAlreadyGranted = new("deadline.extension.already_extended");
    public static readonly Error ExtensionReasonRequired = new("deadline.extension.reason_required", "Reason");
    public static readonly Error ExtensionExplanationRequired = new("deadline.extension.explanation_required", "Explanation");
    public static readonly Error ExtensionExplanationTooLong = new("deadline.extension.explanation_too_long", "Explanation");
    public static readonly Error IdentityProofBeforeRequest = new("deadline.identity_pause.proof_before_request", "ProvidedOn");
    public static readonly Error TimeZoneUnknown = new("deadline.policy.time_zone_unknown", "TimeZone");
    public static readonly Error DueSoonDaysNegative = new("deadline.policy.due_soon_negative", "DueSoonDays");
    public static readonly Error ClosingDayDescriptionRequired = new("deadline.closing_day.description_required", "Description");
    public static readonly Error ClosingDayDescriptionTooLong = new("deadline.closing_day.description_too_long", "Description");
    public static readonly Error ClosingDayDateRequired = new("deadline.closing_day.date_required", "Date");
    public static readonly Error ClosingDayInThePast = new("deadline.closing_day.in_the_past", "Date");
    public static readonly Error ClosingDayDuplicate = new("deadline.closing_day.duplicate", "Date");
    public static readonly Error ClosingDayNotAWorkingDay = new("deadline.closing_day.not_a_working_day", "Date");
    public static readonly Error ClosingDayPastCannotBeRemoved = new("deadline.closing_day.past_cannot_be_removed");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [ExtensionTooLate.Code] = new(
            "De termijn kan alleen worden verlengd tot en met de oorspronkelijke uiterste datum; die is verstreken.",
            "The period can only be extended on or before the original deadline, which has passed."),
        [ExtensionAlreadyGranted.Code] = new(
            "Deze termijn is al verlengd; verlengen kan maar één keer.",
            "This period has already been extended; it can be extended only once."),
        [ExtensionReasonRequired.Code] = new(
            "Kies de reden van de verlenging: de complexiteit of het aantal verzoeken.",
            "Choose the reason for the extension: the complexity or the number of requests."),
        [ExtensionExplanationRequired.Code] = new(
            "Licht toe waarom de termijn wordt verlengd; de betrokkene krijgt deze uitleg.",
            "Explain why the period is extended; the data subject receives this explanation."),
        [ExtensionExplanationTooLong.Code] = new(
            $"De toelichting mag hoogstens {ExtensionRule.ExplanationMaxLength} tekens lang zijn.",
            $"The explanation can be at most {ExtensionRule.ExplanationMaxLength} characters long."),
        [IdentityProofBeforeRequest.Code] = new(
            "Het identiteitsbewijs kan niet eerder zijn ontvangen dan erom is gevraagd.",
            "The proof of identity cannot have been received before it was asked for."),
        [TimeZoneUnknown.Code] = new(
            "Deze tijdzone is onbekend; gebruik bijvoorbeeld Europe/Amsterdam.",
            "This time zone is unknown; use for example Europe/Amsterdam."),
        [DueSoonDaysNegative.Code] = new(
            "Het aantal dagen voor 'bijna verlopen' kan niet negatief zijn.",
            "The number of days for 'due soon' cannot be negative."),
        [ClosingDayDescriptionRequired.Code] = new(
            "Geef de sluitingsdag een omschrijving.",
            "Give the closing day a description."),
        [ClosingDayDescriptionTooLong.Code] = new(
            $"De omschrijving mag hoogstens {CompanyClosingDay.DescriptionMaxLength} tekens lang zijn.",
            $"The description can be at most {CompanyClosingDay.DescriptionMaxLength} characters long."),
        [ClosingDayDateRequired.Code] = new(
            "Kies de datum van de sluitingsdag.",
            "Choose the date of the closing day."),
        [ClosingDayInThePast.Code] = new(
            "Deze datum is al voorbij; plan een sluitingsdag vandaag of later.",
            "This date has passed; plan a closing day for today or later."),
        [ClosingDayDuplicate.Code] = new(
            "Op deze datum staat al een sluitingsdag.",
            "There is already a closing day on this date."),
        [ClosingDayNotAWorkingDay.Code] = new(
            "Deze datum valt in het weekend of op een wettelijke feestdag; het kantoor is dan al dicht.",
            "This date is a weekend day or a public holiday; the office is closed then anyway."),
        [ClosingDayPastCannotBeRemoved.Code] = new(
            "Een sluitingsdag die voorbij is blijft staan: hij laat zien wanneer het kantoor dicht was.",
            "A closing day that has passed stays: it shows when the office was closed."),
    };
}
