using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Documents.Extracts;

/// <summary>
/// An uploaded extract, read (<see cref="ExtractReader"/>) and judged (<see cref="ExtractRule"/>) in one call: what
/// the upload and the case documents ask for. Every failure is a coded <see cref="CollectionErrors"/> error.
/// </summary>
public static class ExtractCheck
{
    public const int MaxMegabytes = ExtractRule.MaxMegabytes;
    public const long MaxBytes = ExtractRule.MaxBytes;

    /// <summary>Reads the file and checks that every record is the subject's.</summary>
    public static Result<ExtractTable> Validate(string fileName, ReadOnlySpan<byte> content, SubjectIdentifiers subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var parsed = ExtractReader.Read(fileName, content);
        return parsed.IsFailure ? parsed : ExtractRule.Check(parsed.Value, subject);
    }

    /// <summary>Reads a CSV or JSON file into a table; the file name's extension decides which.</summary>
    public static Result<ExtractTable> Parse(string fileName, ReadOnlySpan<byte> content) => ExtractReader.Read(fileName, content);
}
