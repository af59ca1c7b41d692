using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// The purposes a consent withdrawal covers (Art. 7(3)): the ones the subject withdrew consent for,
/// chosen at intake or by the officer. Only these are assessed and decided, never every consent purpose.
/// </summary>
public sealed record ConsentWithdrawalScope(IReadOnlyList<Guid> PurposeIds);

/// <summary>The coded errors of a consent withdrawal's scope, with a Dutch and English sentence each.</summary>
public static class ConsentWithdrawalScopeErrors
{
    public static readonly Error NotAWithdrawal = new("request.consent_scope.not_a_withdrawal");
    public static readonly Error Empty = new("request.consent_scope.empty", "PurposeIds");
    public static readonly Error PurposeNotConsentBased = new("request.consent_scope.purpose_not_consent_based", "PurposeIds");
    public static readonly Error Required = new("request.consent_scope.required");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NotAWithdrawal.Code] = new(
            "Alleen bij een intrekking van toestemming worden de doelen van de intrekking gekozen.",
            "Only a consent withdrawal has purposes the withdrawal covers."),
        [Empty.Code] = new(
            "Kies minstens één doel waarvoor de betrokkene de toestemming intrekt.",
            "Choose at least one purpose for which the data subject withdraws consent."),
        [PurposeNotConsentBased.Code] = new(
            "Een gekozen doel berust niet op toestemming of verwerkt de gegevens van deze betrokkene niet; daarvoor kan geen toestemming worden ingetrokken.",
            "A chosen purpose does not rest on consent or does not process this data subject's data; no consent can be withdrawn for it."),
        [Required.Code] = new(
            "Kies eerst voor welke doelen de betrokkene de toestemming intrekt; alleen over die doelen wordt besloten (art. 7 lid 3 AVG).",
            "First choose the purposes for which the data subject withdraws consent; only those purposes are decided (Art. 7(3) GDPR)."),
    };
}
