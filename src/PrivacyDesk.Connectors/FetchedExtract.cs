using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PrivacyDesk.Connectors;

/// <summary>
/// The bytes of a fetched extract: exactly what an uploaded JSON extract holds (a list of objects, one per row),
/// each object's first key <c>"_table"</c> (the table's display name), then that table's columns in order, null as
/// null. UTF-8 without a byte order mark; the same data always gives the same bytes (its SHA-256 is recorded).
/// </summary>
public static class FetchedExtract
{
    public const string TableKey = "_table";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Letters such as é and ı stay readable in the file; characters with a meaning in HTML are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static byte[] ToJson(FetchedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartArray();
            foreach (var table in data.Tables)
            {
                foreach (var row in table.Rows)
                {
                    writer.WriteStartObject();
                    writer.WriteString(TableKey, table.DisplayName);
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        var value = i < row.Count ? row[i] : null;
                        if (value is null)
                        {
                            writer.WriteNull(table.Columns[i]);
                        }
                        else
                        {
                            writer.WriteString(table.Columns[i], value);
                        }
                    }
                    writer.WriteEndObject();
                }
            }
            writer.WriteEndArray();
        }
        return stream.ToArray();
    }
}
