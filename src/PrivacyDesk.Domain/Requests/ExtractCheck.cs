using System.Globalization;
using System.Text;
using System.Text.Json;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

public enum ExtractFormat
{
    Csv,
    Json,
}

/// <summary>What identifies the subject in an extract: their customer number and e-mail addresses.</summary>
public sealed record SubjectIdentifiers(string? CustomerNumber, IReadOnlyCollection<string> EmailAddresses);

/// <summary>A parsed extract: its columns and records, as strings, in file order.</summary>
public sealed record ExtractTable(ExtractFormat Format, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public int RowCount => Rows.Count;
}

/// <summary>
/// Whether an uploaded extract may be stored on the case: a CSV (comma or semicolon, header row) or a
/// JSON list of objects, at most <see cref="MaxMegabytes"/> MB, whose every record identifies this
/// subject. A record identifies the subject through a customer-number column (<c>customerNumber</c>,
/// <c>klantnummer</c>) or an e-mail column (<c>email</c>, <c>e-mail</c>, <c>emailadres</c>): every filled-in
/// identifier must be the subject's, and a record with none cannot be shown to be theirs. One stranger's
/// record is enough to refuse the file, because storing it would spread another person's data.
/// </summary>
public static class ExtractCheck
{
    public const int MaxMegabytes = 5;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    private static readonly string[] CustomerNumberColumns = ["customernumber", "klantnummer", "customerno", "klantnr"];
    private static readonly string[] EmailColumns = ["email", "emailaddress", "emailadres", "mail"];

    /// <summary>The format a file name announces, or null when it is neither CSV nor JSON.</summary>
    public static ExtractFormat? FormatOf(string fileName) => Path.GetExtension(fileName ?? "").ToUpperInvariant() switch
    {
        ".CSV" => ExtractFormat.Csv,
        ".JSON" => ExtractFormat.Json,
        _ => null,
    };

    public static Result<ExtractTable> Validate(string fileName, ReadOnlySpan<byte> content, SubjectIdentifiers subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (content.Length > MaxBytes)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractTooLarge with { Arguments = Max() });
        }
        var parsed = Parse(fileName, content);
        if (parsed.IsFailure)
        {
            return parsed;
        }
        var table = parsed.Value;
        var customerColumns = IndexesOf(table.Columns, CustomerNumberColumns);
        var emailColumns = IndexesOf(table.Columns, EmailColumns);
        if (customerColumns.Count == 0 && emailColumns.Count == 0)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractNoIdentifier);
        }
        var customerNumber = Normalise(subject.CustomerNumber);
        var emails = subject.EmailAddresses.Select(Normalise).Where(e => e.Length > 0).ToHashSet(StringComparer.Ordinal);
        var strangers = table.Rows.Count(row =>
        {
            var customerValues = customerColumns.Select(i => Normalise(row[i])).Where(v => v.Length > 0).ToList();
            var emailValues = emailColumns.Select(i => Normalise(row[i])).Where(v => v.Length > 0).ToList();
            return (customerValues.Count == 0 && emailValues.Count == 0)
                || customerValues.Any(v => customerNumber.Length == 0 || v != customerNumber)
                || emailValues.Any(v => !emails.Contains(v));
        });
        if (strangers > 0)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongSubject with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["rows"] = strangers.ToString(CultureInfo.InvariantCulture),
                    ["total"] = table.RowCount.ToString(CultureInfo.InvariantCulture),
                },
            });
        }
        return parsed;
    }

    /// <summary>Reads a CSV or JSON file into a table; the file name's extension decides which.</summary>
    public static Result<ExtractTable> Parse(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractTooLarge with { Arguments = Max() });
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
            return Result<ExtractTable>.Of(new ExtractTable(ExtractFormat.Json, columns, rows));
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => value.GetRawText(),
    };

    /// <summary>RFC 4180 with the delimiter Dutch spreadsheets use as well (semicolon), taken from the header row.</summary>
    private static Result<ExtractTable> ParseCsv(string text)
    {
        var headerEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var header = headerEnd < 0 ? text : text[..headerEnd];
        var delimiter = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            if (c == '"')
            {
                if (field.Length > 0)
                {
                    return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
                }
                quoted = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                EndRecord();
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }
        if (quoted)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }
        EndRecord();

        if (records.Count < 2)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractNotATable);
        }
        var columns = records[0].Select(column => column.Trim()).ToList();
        if (columns.Any(string.IsNullOrWhiteSpace) || columns.Distinct(StringComparer.OrdinalIgnoreCase).Count() != columns.Count)
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractNotATable);
        }
        if (records.Skip(1).Any(row => row.Count != columns.Count))
        {
            return Result<ExtractTable>.Failure(CollectionErrors.ExtractWrongFormat);
        }
        return Result<ExtractTable>.Of(new ExtractTable(ExtractFormat.Csv, columns, [.. records.Skip(1).Select(row => (IReadOnlyList<string>)row)]));

        void EndRecord()
        {
            if (fieldStarted || field.Length > 0 || record.Count > 0)
            {
                record.Add(field.ToString());
                // A line holding nothing at all (e.g. the trailing newline) is no record.
                if (!(record.Count == 1 && record[0].Length == 0))
                {
                    records.Add(record);
                }
            }
            record = [];
            field.Clear();
            fieldStarted = false;
        }
    }

    private static List<int> IndexesOf(IReadOnlyList<string> columns, string[] names) =>
        [.. columns.Select((column, index) => (Name: ColumnKey(column), index)).Where(c => names.Contains(c.Name)).Select(c => c.index)];

    private static string ColumnKey(string column) => new([.. column.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string Normalise(string? value) => new([.. (value ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);

    private static Dictionary<string, string> Max() =>
        new(StringComparer.Ordinal) { ["max"] = MaxMegabytes.ToString(CultureInfo.InvariantCulture) };
}
