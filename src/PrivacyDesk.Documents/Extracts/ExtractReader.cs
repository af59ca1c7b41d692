using System.Text;
using System.Text.Json;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using Sylvan.Data.Csv;

namespace PrivacyDesk.Documents.Extracts;

/// <summary>
/// Reads an uploaded extract into a table: a CSV with a header row or a JSON list of objects, UTF-8 (a byte-order mark
/// is allowed). Whether the table may be stored is <see cref="ExtractRule"/>'s call, in the domain.
/// </summary>
public static class ExtractReader
{
    /// <summary>The format a file name announces, or null when it is neither CSV nor JSON.</summary>
    public static ExtractFormat? FormatOf(string fileName) => Path.GetExtension(fileName ?? "").ToUpperInvariant() switch
    {
        ".CSV" => ExtractFormat.Csv,
        ".JSON" => ExtractFormat.Json,
        _ => null,
    };

    /// <summary>Reads a CSV or JSON file into a table; the file name's extension decides which.</summary>
    public static Result<ExtractTable> Read(string fileName, ReadOnlySpan<byte> content)
    {
        var size = ExtractRule.CheckSize(content.Length);
        if (size.IsFailure)
        {
            return Result<ExtractTable>.Failure(size.Errors);
        }
        if (FormatOf(fileName) is not { } format)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractEmptyFile);
        }
        return format == ExtractFormat.Json ? ParseJson(text) : ParseCsv(text);
    }

    private static Result<ExtractTable> ParseJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }
        using (document)
        {
            var root = document.RootElement;
            // A bare list, or an object wrapping exactly one list (e.g. {"records": [...]}).
            if (root.ValueKind == JsonValueKind.Object)
            {
                var lists = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
                if (lists.Count != 1)
                {
                    return Result<ExtractTable>.Failure(CollectionErrors.ExtractNotATable);
                }
                root = lists[0].Value;
            }
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0
                || root.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.Object))
            {
                return Result<ExtractTable>.Failure(CollectionErrors.ExtractNotATable);
            }
            var columns = new List<string>();
            foreach (var item in root.EnumerateArray())
            {
                foreach (var property in item.EnumerateObject())
                {
                    if (!columns.Contains(property.Name, StringComparer.Ordinal))
                    {
                        columns.Add(property.Name);
                    }
                }
            }
            var rows = root.EnumerateArray()
                .Select(item => (IReadOnlyList<string>)[.. columns.Select(column => item.TryGetProperty(column, out var value) ? Text(value) : "")])
                .ToList();
            return Result<ExtractTable>.Of(new ExtractTable(ExtractFormat.Json, columns, rows) { Sections = SectionsOf(root) });
        }
    }

    /// <summary>
    /// A fetched extract names each record's source table in its first key (<see cref="ExtractTable.TableKey"/>); then each
    /// table becomes a section with only the columns its records have. Anything else (an upload) has no sections.
    /// </summary>
    private static List<ExtractSection> SectionsOf(JsonElement list)
    {
        var byTable = new Dictionary<string, List<JsonElement>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var item in list.EnumerateArray())
        {
            var first = item.EnumerateObject().FirstOrDefault();
            if (first.Value.ValueKind != JsonValueKind.String || !string.Equals(first.Name, ExtractTable.TableKey, StringComparison.Ordinal)
                || string.IsNullOrWhiteSpace(first.Value.GetString()))
            {
                return [];
            }
            var table = first.Value.GetString()!;
            if (!byTable.TryGetValue(table, out var records))
            {
                byTable[table] = records = [];
                order.Add(table);
            }
            records.Add(item);
        }
        return
        [
            .. order.Select(table =>
            {
                var records = byTable[table];
                var columns = records.SelectMany(item => item.EnumerateObject().Select(p => p.Name))
                    .Where(name => !string.Equals(name, ExtractTable.TableKey, StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                return new ExtractSection(table, columns,
                    [.. records.Select(item => (IReadOnlyList<string>)[.. columns.Select(column => item.TryGetProperty(column, out var value) ? Text(value) : "")])]);
            }),
        ];
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>
    /// RFC 4180 (Sylvan.Data.Csv, strict about quotes) with a header row; the delimiter is whichever of <c>;</c>, <c>,</c>
    /// and tab the header holds most, because Dutch spreadsheets write semicolons and other exports commas or tabs.
    /// </summary>
    private static Result<ExtractTable> ParseCsv(string text)
    {
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = DelimiterOf(text),
            // A lone surrogate never starts a record of strictly decoded UTF-8, so no line is taken for a '#' comment.
            Comment = '\uDFFF',
            // A record must fit in the reader's buffer; the size limit already bounds the whole file.
            MaxBufferSize = Math.Max(text.Length + 1, 0x4000),
        };
        var records = new List<string[]>();
        try
        {
            using var reader = CsvDataReader.Create(new StringReader(text), options);
            while (reader.Read())
            {
                var record = new string[reader.RowFieldCount];
                for (var i = 0; i < record.Length; i++)
                {
                    record[i] = reader.GetString(i);
                }
                // A line holding nothing at all (e.g. between records) is no record.
                if (!(record.Length == 1 && record[0].Length == 0))
                {
                    records.Add(record);
                }
            }
        }
        catch (CsvFormatException)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }

        if (records.Count < 2)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractNotATable);
        }
        var columns = records[0].Select(column => column.Trim()).ToList();
        if (columns.Any(string.IsNullOrWhiteSpace) || columns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractNotATable);
        }
        if (records.Skip(1).Any(row => row.Length != columns.Count))
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }
        return Result<ExtractTable>.Of(new ExtractTable(ExtractFormat.Csv, columns, [.. records.Skip(1).Select(row => (IReadOnlyList<string>)row)]));
    }

    private static char DelimiterOf(string text)
    {
        var header = text.AsSpan().TrimStart("\r\n");
        var end = header.IndexOfAny('\r', '\n');
        header = end < 0 ? header : header[..end];
        var semicolons = header.Count(';');
        var commas = header.Count(',');
        var tabs = header.Count('\t');
        return tabs > semicolons && tabs > commas ? '\t' : semicolons > commas ? ';' : ',';
    }
}
