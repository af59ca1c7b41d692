using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Rights;

public static class RightsErrors
{
    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
}
