using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Documents.DataCopies;

/// <summary>Why a data copy cannot be made, with a Dutch and English sentence each (the web shows them next to the button).</summary>
public static class DataCopyErrors
{
    /// <summary>No purpose of the subject rests on consent or contract with processing by automated means (Art. 20(1)).</summary>
    public static readonly Error NothingPortable = new("documents.portability.nothing_portable");

    /// <summary>Portable purposes exist, but no collected extract comes from a system they use, or only derived columns do.</summary>
    public static readonly Error NoProvidedData = new("documents.portability.no_provided_data");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [NothingPortable.Code] = new(
            "Geen doel van deze betrokkene valt onder het recht op overdraagbaarheid: dat geldt alleen voor geautomatiseerde verwerking op basis van toestemming of overeenkomst (art. 20 lid 1 AVG), en niet voor doelen waarvoor u het verzoek heeft afgewezen.",
            "No purpose of this subject is covered by the right to data portability: it applies only to automated processing based on consent or contract (Art. 20(1) GDPR), and not to purposes for which you refused the request."),
        [NoProvidedData.Code] = new(
            "Er is nog geen uittreksel verzameld uit een systeem van de doelen die onder overdraagbaarheid vallen, of zo'n uittreksel bevat alleen afgeleide gegevens. Verzamel eerst de gegevens.",
            "No extract has been collected yet from a system of the purposes covered by portability, or such an extract holds derived data only. Collect the data first."),
    };
}
