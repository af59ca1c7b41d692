using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PrivacyDesk.Documents.Csv;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Documents.DataCopies;

/// <summary>
/// The portability package (Art. 20): a ZIP with, per source system, the data the subject provided as JSON
/// and as CSV, a README and a <c>manifest.json</c> with the SHA-256 and size of every file. Only systems used
/// by a purpose the right reaches (consent or contract, processed by automated means, not refused by the
/// officer) are included, without the columns a naming convention marks as derived (ADR 0018). The same
/// input gives the same bytes: fixed file order, and every entry stamped with the generation moment.
/// </summary>
public static class PortabilityPackage
{
    public const string ManifestName = "manifest.json";
    public const string ReadmeName = "README.txt";
    public const string DataFolder = "data/";

    /// <summary>CSV separator: Dutch spreadsheets use the semicolon, as the Art. 30 CSV does.</summary>
    /// <summary>
    /// Parts of a column name (lower case, letters and digits only) that mark a value the controller derived
    /// or inferred, which Art. 20 does not cover (ADR 0018): scores, ratings, risk classes, segments, profiles, predictions.
    /// </summary>
    public static IReadOnlyList<string> DerivedColumnMarkers { get; } =
    [
        "score", "rating", "risk", "risico", "segment", "profile", "profiel", "prediction", "voorspelling", "propensity",
        "classification", "classificatie", "derived", "afgeleid", "inferred",
    ];

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Files, not HTML: names such as "Zoë" stay readable instead of \u00EB.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Whether a column holds derived data by the naming convention (ADR 0018).</summary>
    public static bool IsDerivedColumn(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var folded = new string([.. column.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        return DerivedColumnMarkers.Any(marker => folded.Contains(marker, StringComparison.Ordinal));
    }

    public static Result<RenderedDocument> Render(CaseDocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var portable = PortablePurposes(input);
        if (portable.Count == 0)
        {
            return Result<RenderedDocument>.Failure(DocumentErrors.NothingPortable);
        }

        var files = new List<PackageFile>();
        var notIncluded = new List<(string System, string Reason)>();
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in SourceSystemGroups.Of(input.Extracts, input.Purposes))
        {
            var purposes = group.Purposes.Where(p => portable.Any(q => q.Id == p.Id)).ToList();
            if (purposes.Count == 0)
            {
                notIncluded.Add((group.SourceSystem, "Not used by a purpose covered by Art. 20(1) GDPR (consent or contract, processed by automated means)."));
                continue;
            }
            foreach (var extract in group.Extracts)
            {
                var before = files.Count;
                if (extract.Table.HasSections)
                {
                    // A fetched extract: a folder per system with a JSON and CSV pair per source table, each with that table's own columns.
                    var folder = UniqueSlug(group.SourceSystem, slugs);
                    var tables = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var section in extract.Table.Sections)
                    {
                        AddPair(files, group.SourceSystem, extract, section, purposes, $"{DataFolder}{folder}/{UniqueSlug(section.Name!, tables)}", input);
                    }
                }
                else
                {
                    AddPair(files, group.SourceSystem, extract, extract.Table.Parts[0], purposes, $"{DataFolder}{UniqueSlug(group.SourceSystem, slugs)}", input);
                }
                if (files.Count == before)
                {
                    notIncluded.Add((group.SourceSystem, "The extract holds no data provided by the subject."));
                }
            }
        }
        if (files.Count == 0)
        {
            return Result<RenderedDocument>.Failure(DocumentErrors.NoProvidedData);
        }

        files.Insert(0, new PackageFile(ReadmeName, Encoding.UTF8.GetBytes(Readme(input, files)), null));
        var manifest = Manifest(input, portable, files, notIncluded);
        var zip = Zip(input, [new PackageFile(ManifestName, manifest, null), .. files]);
        var reference = input.Request.Reference.ToString();
        return Result<RenderedDocument>.Of(new RenderedDocument(DocumentKind.PortabilityPackage, input.Language,
            DocumentNames.FileName(DocumentKind.PortabilityPackage, reference, input.Language, "zip"), RenderedDocument.ZipContentType, zip, null));
    }

    /// <summary>
    /// The subject's purposes the right reaches: the rights engine's portability rule (consent or contract,
    /// automated means), minus purposes the officer decided to refuse or found not applicable.
    /// </summary>
    private static List<Purpose> PortablePurposes(CaseDocumentInput input)
    {
        var decisions = input.Request.CurrentDecisions;
        return
        [
            .. input.Purposes.Where(purpose =>
            {
                var assessment = input.Assessment.Right == RequestType.Portability ? input.Assessment.For(purpose.Id) : null;
                assessment ??= RightsEngine.AssessPurpose(RequestType.Portability, input.Subject, purpose, input.Assessment.On);
                var decision = decisions.FirstOrDefault(d => d.PurposeId == purpose.Id);
                return assessment.RightApplies
                    && decision?.Outcome is not (PurposeDecisionOutcome.Refuse or PurposeDecisionOutcome.NotApplicable);
            }),
        ];
    }

    /// <summary>One JSON and CSV pair at <paramref name="path"/> (without extension) for a table's records, without the derived columns; nothing when none is left.</summary>
    private static void AddPair(
        List<PackageFile> files, string sourceSystem, CollectedExtract extract, ExtractSection table, List<Purpose> purposes, string path, CaseDocumentInput input)
    {
        var kept = Enumerable.Range(0, table.Columns.Count).Where(i => !IsDerivedColumn(table.Columns[i])).ToList();
        if (kept.Count == 0 || table.RowCount == 0)
        {
            return;
        }
        var excluded = table.Columns.Where(IsDerivedColumn).ToList();
        var columns = kept.Select(i => table.Columns[i]).ToList();
        var rows = table.Rows.Select(row => (IReadOnlyList<string>)[.. kept.Select(i => i < row.Count ? row[i] : "")]).ToList();
        var source = new FileSource(sourceSystem, table.Name, extract, columns, excluded, rows.Count, purposes);
        files.Add(new PackageFile($"{path}.json", Json(source, columns, rows, input), source));
        files.Add(new PackageFile($"{path}.csv", Csv(columns, rows), source));
    }

    private static byte[] Json(FileSource source, List<string> columns, List<IReadOnlyList<string>> rows, CaseDocumentInput input)
    {
        var extract = source.Extract;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("sourceSystem", extract.SourceSystem);
            if (source.Table is { } table)
            {
                json.WriteString("table", table);
            }
            json.WriteString("extractReceivedAt", Moment(extract.ReceivedAt, input));
            json.WriteString("extractSha256", extract.Sha256);
            json.WriteStartArray("columns");
            foreach (var column in columns)
            {
                json.WriteStringValue(column);
            }
            json.WriteEndArray();
            json.WriteStartArray("records");
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    json.WriteString(columns[i], row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The data as CSV through the product's one CSV writer (semicolons, UTF-8 with BOM, formula-safe cells).</summary>
    private static byte[] Csv(List<string> columns, List<IReadOnlyList<string>> rows)
    {
        var csv = new CsvFile().Row(columns);
        foreach (var row in rows)
        {
            csv.Row(row);
        }
        return csv.ToBytes();
    }

    private static string Readme(CaseDocumentInput input, List<PackageFile> files)
    {
        var dutch = DocumentFormat.IsDutch(input.Language);
        var language = input.Language;
        var third = input.Request.ThirdParty;
        var date = DocumentFormat.Date(input.GeneratedAt, input.TimeZone, language);
        var systems = files.Where(f => f.Source is not null).Select(f => f.Source!.SourceSystem).Distinct(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append(DocumentNames.Title(DocumentKind.PortabilityPackage, language)).Append("\r\n\r\n");
        if (third is not null)
        {
            text.Append(dutch
                ? $"Dit pakket is bestemd voor {third.Name} ({third.Email}). {input.Subject.FullName} heeft {input.Controller.Name} gevraagd de persoonsgegevens die hij of zij aan ons heeft verstrekt rechtstreeks aan u over te dragen (art. 20 lid 2 AVG)."
                : $"This package is for {third.Name} ({third.Email}). {input.Subject.FullName} asked {input.Controller.Name} to transmit the personal data they provided to us directly to you (Art. 20(2) GDPR).");
        }
        else
        {
            text.Append(dutch
                ? $"Dit pakket is bestemd voor {input.Subject.FullName}. Het bevat de persoonsgegevens die u aan {input.Controller.Name} heeft verstrekt, in een gestructureerd, gangbaar en machineleesbaar formaat (art. 20 lid 1 AVG)."
                : $"This package is for {input.Subject.FullName}. It holds the personal data you provided to {input.Controller.Name}, in a structured, commonly used and machine-readable format (Art. 20(1) GDPR).");
        }
        text.Append("\r\n\r\n");
        text.Append(dutch ? $"Kenmerk: {input.Request.Reference}\r\nGemaakt op: {date}\r\n" : $"Reference: {input.Request.Reference}\r\nCreated on: {date}\r\n");
        text.Append(dutch ? $"Systemen: {string.Join(", ", systems)}\r\n\r\n" : $"Systems: {string.Join(", ", systems)}\r\n\r\n");
        text.Append(dutch
            ? "Per systeem staan de gegevens twee keer in de map data/: als JSON (voor programma's) en als CSV (UTF-8, scheidingsteken puntkomma, te openen in een spreadsheet; een cel die met = + - of @ begint, krijgt een apostrof ervoor). Door ons afgeleide gegevens, zoals scores en profielen, vallen niet onder dit recht en zijn weggelaten. manifest.json noemt elk bestand met zijn grootte en SHA-256, zodat u kunt nagaan dat niets is gewijzigd."
            : "Per system the data are in the data/ folder twice: as JSON (for programs) and as CSV (UTF-8, semicolon separator, opens in a spreadsheet; a cell starting with = + - or @ gets an apostrophe in front). Data we derived, such as scores and profiles, are not covered by this right and are left out. manifest.json lists every file with its size and SHA-256, so you can check that nothing was changed.");
        if (files.Any(f => f.Source?.Table is not null))
        {
            text.Append("\r\n\r\n");
            text.Append(dutch
                ? "Gegevens die wij rechtstreeks uit een systeem hebben opgehaald, staan in een map per systeem met één bestandspaar per tabel (bijvoorbeeld data/kernbank/klanten.json en .csv), zodat elke tabel alleen zijn eigen kolommen heeft."
                : "Data we fetched directly from a system are in a folder per system with one pair of files per table (for example data/core-banking/customers.json and .csv), so each table has only its own columns.");
        }
        text.Append("\r\n\r\n");
        text.Append(dutch
            ? $"Vragen: {input.Controller.Email}, of onze functionaris gegevensbescherming {input.Controller.DpoName} ({input.Controller.DpoEmail}).\r\n"
            : $"Questions: {input.Controller.Email}, or our data protection officer {input.Controller.DpoName} ({input.Controller.DpoEmail}).\r\n");
        return text.ToString();
    }

    private static byte[] Manifest(CaseDocumentInput input, List<Purpose> portable, List<PackageFile> files, List<(string System, string Reason)> notIncluded)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("format", "privacydesk-portability/1");
            json.WriteString("reference", input.Request.Reference.ToString());
            json.WriteString("generatedAt", Moment(input.GeneratedAt, input));
            json.WriteString("language", input.Language);
            json.WriteString("legalBasis", input.Request.ThirdParty is null ? "Art. 20(1) GDPR" : "Art. 20(2) GDPR");
            json.WriteStartObject("controller");
            json.WriteString("name", input.Controller.Name);
            json.WriteString("email", input.Controller.Email);
            json.WriteEndObject();
            json.WriteStartObject("dataSubject");
            json.WriteString("name", input.Subject.FullName);
            if (input.Subject.CustomerNumber is { } customerNumber)
            {
                json.WriteString("customerNumber", customerNumber);
            }
            json.WriteEndObject();
            if (input.Request.ThirdParty is { } third)
            {
                json.WriteStartObject("recipient");
                json.WriteString("name", third.Name);
                json.WriteString("email", third.Email);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("recipient");
            }
            json.WriteStartArray("purposes");
            foreach (var purpose in portable)
            {
                json.WriteStartObject();
                json.WriteString("key", purpose.Key);
                json.WriteString("name", purpose.Name.In(input.Language));
                json.WriteStartArray("lawfulBases");
                foreach (var basis in purpose.LawfulBases.OrderBy(b => b.Kind))
                {
                    json.WriteStringValue($"Art. 6(1)({basis.Kind.Letter()}) GDPR");
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteNumber("bytes", file.Content.Length);
                json.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(file.Content)));
                if (file.Source is { } source)
                {
                    json.WriteString("sourceSystem", source.SourceSystem);
                    if (source.Table is { } table)
                    {
                        json.WriteString("table", table);
                    }
                    json.WriteString("format", file.Path.EndsWith(".json", StringComparison.Ordinal) ? "json" : "csv");
                    json.WriteNumber("records", source.Records);
                    json.WriteString("extractSha256", source.Extract.Sha256);
                    json.WriteStartArray("purposes");
                    foreach (var purpose in source.Purposes)
                    {
                        json.WriteStringValue(purpose.Key);
                    }
                    json.WriteEndArray();
                    json.WriteStartArray("columns");
                    foreach (var column in source.Columns)
                    {
                        json.WriteStringValue(column);
                    }
                    json.WriteEndArray();
                    json.WriteStartArray("derivedColumnsLeftOut");
                    foreach (var column in source.Excluded)
                    {
                        json.WriteStringValue(column);
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("systemsNotIncluded");
            foreach (var (system, reason) in notIncluded)
            {
                json.WriteStartObject();
                json.WriteString("sourceSystem", system);
                json.WriteString("reason", reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Entries in the given order, each stamped with the generation moment on the controller's clock, so equal input gives equal bytes.</summary>
    private static byte[] Zip(CaseDocumentInput input, IEnumerable<PackageFile> files)
    {
        var stamp = TimeZoneInfo.ConvertTime(input.GeneratedAt, input.TimeZone);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                stream.Write(file.Content);
            }
        }
        return buffer.ToArray();
    }

    private static string Moment(DateTimeOffset moment, CaseDocumentInput input) =>
        TimeZoneInfo.ConvertTime(moment, input.TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A file name from the system's name (register data, never personal): ASCII letters, digits and hyphens.</summary>
    private static string UniqueSlug(string sourceSystem, HashSet<string> taken)
    {
        var decomposed = sourceSystem.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(lower);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var name = slug.ToString().Trim('-');
        if (name.Length == 0)
        {
            name = "system";
        }
        if (name.Length > 60)
        {
            name = name[..60].TrimEnd('-');
        }
        var unique = name;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{name}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return unique;
    }

    /// <param name="Table">The source table of a fetched extract's part; null for an uploaded extract.</param>
    private sealed record FileSource(
        string SourceSystem, string? Table, CollectedExtract Extract, IReadOnlyList<string> Columns, IReadOnlyList<string> Excluded, int Records, IReadOnlyList<Purpose> Purposes);

    private sealed record PackageFile(string Path, byte[] Content, FileSource? Source);
}
