using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Documents;

/// <summary>The failures of storing documents that are not about the document's content (see <see cref="DocumentErrors"/> for those).</summary>
public static class DocumentStoreErrors
{
    /// <summary>No controller profile yet: a letter without a letterhead cannot go out.</summary>
    public static readonly Error NoControllerProfile = new("document.controller_profile_missing");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NoControllerProfile.Code] = new(
            "Er is nog geen profiel van de verwerkingsverantwoordelijke (naam, adres, FG). Een beheerder vult het in bij Instellingen; er is niets opgeslagen.",
            "There is no controller profile yet (name, address, DPO). An administrator fills it in under Settings; nothing has been stored."),
    };
}
