using System.Text.Json;

namespace PrivacyDesk.Web.Features.Common;

/// <summary>Reads the before/after field maps the audit trail stores as JSON objects, for history and timeline views.</summary>
public static class AuditFields
{
    /// <summary>Field name to value (null when the field was empty); an empty map for no JSON or anything but an object.</summary>
    public static Dictionary<string, string?> Parse(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
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
        return fields;
    }
}
