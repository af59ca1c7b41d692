namespace PrivacyDesk.Domain.Common;

/// <summary>A sentence in Dutch and English. Placeholders are <c>{name}</c>, filled from an error's arguments (ISO dates written out).</summary>
public sealed record LocalizedText(string Nl, string En)
{
    /// <param name="language">Two-letter language: "en" gives English, anything else Dutch.</param>
    public string In(string language, IReadOnlyDictionary<string, string>? arguments = null)
    {
        var text = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? En : Nl;
        if (arguments is not null)
        {
            foreach (var (key, value) in arguments)
            {
                text = text.Replace("{" + key + "}", SentenceDates.Argument(value, language), StringComparison.Ordinal);
            }
        }
        return text;
    }
}
