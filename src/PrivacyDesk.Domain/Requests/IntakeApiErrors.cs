using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// The coded errors of the intake API that are not rules of a request itself: the shape of what another
/// system sends, its key, its rate and idempotency. The field is the JSON path the caller sent (e.g.
/// <c>subject.email</c>); the rules of the request answer with the domain's own codes.
/// </summary>
public static class IntakeApiErrors
{
    public static readonly Error BodyMalformed = new("api.body.malformed", "body");
    public static readonly Error BodyNotObject = new("api.body.not_object", "body");
    public static readonly Error BodyTooLarge = new("api.body.too_large", "body");
    public static readonly Error DuplicateProperty = new("api.body.duplicate_property");
    public static readonly Error FieldRequired = new("api.field.required");
    public static readonly Error FieldWrongType = new("api.field.wrong_type");
    public static readonly Error FieldNotText = new("api.field.not_text");
    public static readonly Error FieldTooLong = new("api.field.too_long");
    public static readonly Error TypeUnknown = new("api.type.unknown", "type");
    public static readonly Error ChannelUnknown = new("api.channel.unknown", "channel");
    public static readonly Error SalutationUnknown = new("api.subject.salutation.unknown", "subject.salutation");
    public static readonly Error ReceivedAtInvalid = new("api.received_at.invalid", "receivedAt");
    public static readonly Error ReceivedAtOutOfRange = new("api.received_at.out_of_range", "receivedAt");
    public static readonly Error KeyMissing = new("api.key.missing", "X-Api-Key");
    public static readonly Error KeyInvalid = new("api.key.invalid", "X-Api-Key");
    public static readonly Error RateLimited = new("api.rate_limited");
    public static readonly Error IdempotencyKeyInvalid = new("api.idempotency.key_invalid", "Idempotency-Key");
    public static readonly Error IdempotencyConflict = new("api.idempotency.conflict", "Idempotency-Key");
    public static readonly Error NotFound = new("api.request.not_found", "reference");
    public static readonly Error UnsupportedMediaType = new("api.body.media_type", "Content-Type");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [BodyMalformed.Code] = new(
            "De inhoud is geen geldige JSON (regel {line}, positie {position}).", "The body is not valid JSON (line {line}, position {position})."),
        [BodyNotObject.Code] = new("De inhoud moet een JSON-object zijn.", "The body must be a JSON object."),
        [BodyTooLarge.Code] = new("De inhoud is groter dan {max} bytes.", "The body is larger than {max} bytes."),
        [DuplicateProperty.Code] = new(
            "{field} komt meer dan eens voor; stuur elk veld één keer.", "{field} occurs more than once; send each field once."),
        [FieldRequired.Code] = new("{field} ontbreekt.", "{field} is required."),
        [FieldWrongType.Code] = new("{field} moet een JSON-{expected} zijn.", "{field} must be a JSON {expected}."),
        [FieldNotText.Code] = new(
            "{field} bevat tekens die geen tekst zijn (stuurtekens of losse surrogaten).",
            "{field} holds characters that are not text (control characters or lone surrogates)."),
        [FieldTooLong.Code] = new("{field} mag ten hoogste {max} tekens zijn.", "{field} may be at most {max} characters."),
        [TypeUnknown.Code] = new("Onbekend soort verzoek. Toegestaan: {allowed}.", "Unknown kind of request. Allowed: {allowed}."),
        [ChannelUnknown.Code] = new("Onbekend kanaal. Toegestaan: {allowed}.", "Unknown channel. Allowed: {allowed}."),
        [SalutationUnknown.Code] = new("Onbekende aanhef. Toegestaan: mr, ms of unknown.", "Unknown salutation. Allowed: mr, ms or unknown."),
        [ReceivedAtInvalid.Code] = new(
            "receivedAt moet een ISO 8601-tijdstip met tijdzone zijn, bijvoorbeeld 2026-11-25T10:15:00+01:00.",
            "receivedAt must be an ISO 8601 instant with an offset, e.g. 2026-11-25T10:15:00+01:00."),
        [ReceivedAtOutOfRange.Code] = new(
            "receivedAt ligt te ver in het verleden om een verzoek voor te registreren.", "receivedAt lies too far in the past to register a request for."),
        [KeyMissing.Code] = new("De header X-Api-Key ontbreekt.", "The X-Api-Key header is missing."),
        [KeyInvalid.Code] = new("De API-sleutel is onbekend of ingetrokken.", "The API key is unknown or revoked."),
        [RateLimited.Code] = new(
            "Te veel verzoeken; probeer het over {seconds} seconden opnieuw.",
            "Too many requests; try again in {seconds} seconds."),
        [IdempotencyKeyInvalid.Code] = new(
            "Idempotency-Key moet 1 tot {max} zichtbare ASCII-tekens zijn.", "Idempotency-Key must be 1 to {max} visible ASCII characters."),
        [IdempotencyConflict.Code] = new(
            "Deze Idempotency-Key is de afgelopen 24 uur al gebruikt met een andere inhoud.",
            "This Idempotency-Key was used in the last 24 hours with a different body."),
        [NotFound.Code] = new("Er is geen verzoek met dit kenmerk voor deze sleutel.", "There is no request with this reference for this key."),
        [UnsupportedMediaType.Code] = new("Stuur de inhoud als application/json.", "Send the body as application/json."),
    };
}

/// <summary>The coded errors of managing API keys in the administration area.</summary>
public static class ApiKeyErrors
{
    public const int NameMaxLength = 100;

    public static readonly Error NameRequired = new("api_key.name.required", "Name");
    public static readonly Error NameTooLong = new("api_key.name.too_long", "Name");
    public static readonly Error NotFound = new("api_key.not_found");
    public static readonly Error AlreadyRevoked = new("api_key.already_revoked");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NameRequired.Code] = new("Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt.", "Give the key a name, e.g. the system that uses it."),
        [NameTooLong.Code] = new("De naam mag ten hoogste {max} tekens zijn.", "The name may be at most {max} characters."),
        [NotFound.Code] = new("Deze sleutel bestaat niet (meer).", "This key does not exist."),
        [AlreadyRevoked.Code] = new("Deze sleutel is al ingetrokken.", "This key has already been revoked."),
    };
}
