using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Requests;

/// <summary>
/// The human-friendly number of a request, e.g. <c>DSR-2026-000123</c>: the year of receipt and a
/// six-digit sequence that persistence hands out. It is what the subject quotes on the phone and
/// what every letter carries.
/// </summary>
public sealed record RequestReference
{
    public const string Prefix = "DSR";
    public const int MaxLength = 15;
    public const int MaxSequence = 999_999;

    // The GDPR applies from 25 May 2018; no request can be older.
    public const int FirstYear = 2018;
    public const int LastYear = 9999;

    private RequestReference(int year, int sequence)
    {
        Year = year;
        Sequence = sequence;
    }

    public int Year { get; }

    public int Sequence { get; }

    public static Result<RequestReference> Create(int year, int sequence)
    {
        var errors = new List<Error>();
        if (year is < FirstYear or > LastYear)
        {
            errors.Add(RequestErrors.ReferenceYearInvalid);
        }
        if (sequence is < 1 or > MaxSequence)
        {
            errors.Add(RequestErrors.ReferenceSequenceInvalid);
        }
        return errors.Count == 0 ? Result<RequestReference>.Of(new RequestReference(year, sequence)) : Result<RequestReference>.Failure(errors);
    }

    /// <summary>Reads a reference as people type it: surrounding spaces and lower case are forgiven, the shape is not.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out RequestReference? reference)
    {
        reference = null;
        if (text is null)
        {
            return false;
        }
        var trimmed = text.Trim();
        if (trimmed.Length != MaxLength
            || !trimmed.StartsWith(Prefix + "-", StringComparison.OrdinalIgnoreCase)
            || trimmed[8] != '-'
            || !AllDigits(trimmed.AsSpan(4, 4))
            || !AllDigits(trimmed.AsSpan(9, 6)))
        {
            return false;
        }
        var year = int.Parse(trimmed.AsSpan(4, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = int.Parse(trimmed.AsSpan(9, 6), NumberStyles.None, CultureInfo.InvariantCulture);
        var created = Create(year, sequence);
        if (created.IsFailure)
        {
            return false;
        }
        reference = created.Value;
        return true;
    }

    /// <summary>Parses a reference that is known to be well formed (e.g. read back from the database).</summary>
    /// <exception cref="FormatException">The text is not a request reference.</exception>
    public static RequestReference Parse(string text) =>
        TryParse(text, out var reference)
            ? reference
            : throw new FormatException($"'{text}' is not a request reference like DSR-2026-000123.");

    /// <summary>Parses user input into a result with the coded error, for forms and search boxes.</summary>
    public static Result<RequestReference> From(string? text) =>
        TryParse(text, out var reference)
            ? Result<RequestReference>.Of(reference)
            : Result<RequestReference>.Failure(RequestErrors.ReferenceInvalid);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:D4}-{Sequence:D6}");

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
