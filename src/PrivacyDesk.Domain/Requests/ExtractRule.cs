using System.Globalization;
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
    /// <summary>The key a fetched extract's records start with: the name of the source table the record was read from (issue 14).</summary>
    public const string TableKey = "_table";

    public int RowCount => Rows.Count;

    /// <summary>
    /// A fetched extract's records per source table, in the order the tables first appear, each with only its own
    /// columns; empty for an uploaded extract, which is one table.
    /// </summary>
    public IReadOnlyList<ExtractSection> Sections { get; init; } = [];

    public bool HasSections => Sections.Count > 0;

    /// <summary>What a reader shows: the sections, or the whole extract as one nameless section.</summary>
    public IReadOnlyList<ExtractSection> Parts => HasSections ? Sections : [new ExtractSection(null, Columns, Rows)];
}

/// <summary>The records of one source table within a fetched extract, with the columns that table has.</summary>
/// <param name="Name">The table's display name; null for the single part of an uploaded extract.</param>
public sealed record ExtractSection(string? Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public int RowCount => Rows.Count;
}

/// <summary>
/// Whether an extract, once read into a table (reading CSV and JSON happens at the edge, in
/// PrivacyDesk.Documents), may be stored on the case: at most <see cref="MaxMegabytes"/> MB, and every record
/// identifies this subject. A record identifies the subject through a customer-number column (<c>customerNumber</c>,
/// <c>klantnummer</c>) or an e-mail column (<c>email</c>, <c>e-mail</c>, <c>emailadres</c>): every filled-in
/// identifier must be the subject's, and a record with none cannot be shown to be theirs. One stranger's
/// record is enough to refuse the file, because storing it would spread another person's data.
/// </summary>
public static class ExtractRule
{
    public const int MaxMegabytes = 5;
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    private static readonly string[] CustomerNumberColumns = ["customernumber", "klantnummer", "customerno", "klantnr"];
    private static readonly string[] EmailColumns = ["email", "emailaddress", "emailadres", "mail"];

    /// <summary>The size limit, checked before a byte of the file is read.</summary>
    public static Result CheckSize(long length) =>
        length > MaxBytes
            ? Result.Failure(CollectionErrors.ExtractTooLarge with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = MaxMegabytes.ToString(CultureInfo.InvariantCulture) },
            })
            : Result.Success();

    /// <summary>Every record of the table identifies the subject; the table itself is the value on success.</summary>
    public static Result<ExtractTable> Check(ExtractTable table, SubjectIdentifiers subject)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(subject);
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
        return Result<ExtractTable>.Of(table);
    }

    private static List<int> IndexesOf(IReadOnlyList<string> columns, string[] names) =>
        [.. columns.Select((column, index) => (Name: ColumnKey(column), index)).Where(c => names.Contains(c.Name)).Select(c => c.index)];

    private static string ColumnKey(string column) => new([.. column.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static string Normalise(string? value) => new([.. (value ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
}
