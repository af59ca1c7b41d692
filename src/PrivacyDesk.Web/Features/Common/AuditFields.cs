using System.Text.Json;

namespace PrivacyDesk.Web.Features.Common;

/// <summary>
/// Reads the field maps the audit trail stores as JSON objects, for history and timeline views. Tolerant: the
/// trail is append-only, so entries written before there was one shape (plain text, arrays) stay and must still read.
/// </summary>
public static class AuditFields
{
    /// <summary>The key under which an entry that is not a JSON object is returned, as the text it was stored as.</summary>
    public const string Text = "";

    /// <summary>Field name to value (null when the field was empty); anything but a JSON object as one <see cref="Text"/> field.</summary>
    public static Dictionary<string, string?> Parse(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                fields[Text] = json;
                return fields;
            }
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            fields.Clear();
            fields[Text] = json;
        }
        return fields;
    }
}
