using System.Text;
using System.Text.Json;

namespace PrivacyDesk.Documents.CaseFiles;

/// <summary>
/// Turns an audit entry's before/after/details JSON into one short line a reader can follow
/// ("status: Received → InProgress; handlerName: Olga"). Reads field by field with a forward-only
/// reader and stops after a few fields, so a megabyte of JSON costs a scan, never a megabyte of text
/// in the PDF; long values end in an ellipsis; JSON that does not parse (a tampered entry) is shown cut.
/// </summary>
internal static class AuditSummary
{
    public const int MaxValueLength = 48;
    public const int MaxSummaryLength = 240;
    private const int MaxFields = 8;
    private const string Ellipsis = "…";

    /// <summary>Top-level fields of a JSON object, name to value; nested objects and arrays as "{…}" / "[…]".</summary>
    public static List<KeyValuePair<string, string?>> Fields(string? json)
    {
        var fields = new List<KeyValuePair<string, string?>>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                fields.Add(new("", Cut(json, MaxValueLength)));
                return fields;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName && fields.Count < MaxFields)
            {
                var name = Cut(reader.GetString() ?? "", 32);
                reader.Read();
                string? value = reader.TokenType switch
                {
                    JsonTokenType.String => Cut(reader.GetString() ?? "", MaxValueLength),
                    JsonTokenType.Null => null,
                    JsonTokenType.StartObject => "{…}",
                    JsonTokenType.StartArray => "[…]",
                    _ => Cut(Encoding.UTF8.GetString(reader.ValueSpan), MaxValueLength),
                };
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
                fields.Add(new(name, value));
            }
        }
        catch (JsonException)
        {
            fields.Clear();
            fields.Add(new("", Cut(json, MaxValueLength)));
        }
        return fields;
    }

    /// <summary>What changed and why, in one line of at most <see cref="MaxSummaryLength"/> characters.</summary>
    /// <param name="display">Shows a stored value to a reader (an instant in the controller's zone, a purpose by name).</param>
    /// <param name="label">Names a stored field in the reader's words ("handlerName" → "Behandelaar").</param>
    public static string Summarize(
        string? before, string? after, string? details, string? reason, Func<string, string?, string?>? display = null, Func<string, string>? label = null)
    {
        string Name(string name) => label is null ? name : label(name);
        var parts = new List<string>();
        var old = Fields(before);
        foreach (var (name, stored) in Fields(after))
        {
            var value = display is null ? stored : display(name, stored);
            if (name.Length == 0)
            {
                parts.Add(value ?? "");
                continue;
            }
            var previous = old.Find(f => f.Key == name);
            if (previous.Key is not null && previous.Value != stored)
            {
                parts.Add($"{Name(name)}: {(display is null ? previous.Value : display(name, previous.Value)) ?? "–"} → {value ?? "–"}");
            }
            else if (value is not null)
            {
                parts.Add($"{Name(name)}: {value}");
            }
        }
        foreach (var (name, stored) in Fields(details))
        {
            var value = display is null ? stored : display(name, stored);
            if (value is not null)
            {
                parts.Add(name.Length == 0 ? value : $"{Name(name)}: {value}");
            }
        }
        var changes = string.Join("; ", parts);
        var why = string.IsNullOrWhiteSpace(reason) ? "" : Cut(reason, 120);
        return Cut(why.Length == 0 ? changes : changes.Length == 0 ? why : $"{why} · {changes}", MaxSummaryLength);
    }

    /// <summary>The value of one top-level field, or null.</summary>
    public static string? Field(string? json, string name) => Fields(json).Find(f => f.Key == name).Value;

    public static string Cut(string text, int max)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), Ellipsis);
    }
}
