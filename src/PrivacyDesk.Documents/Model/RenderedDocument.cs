using PrivacyDesk.Domain.Documents;
using System.Security.Cryptography;

namespace PrivacyDesk.Documents.Model;

/// <summary>A finished document: its bytes and what the store and the download need to know about them.</summary>
public sealed record RenderedDocument(DocumentKind Kind, string Language, string FileName, string ContentType, byte[] Content, int? PageCount)
{
    public const string PdfContentType = "application/pdf";
    public const string ZipContentType = "application/zip";

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>, as stored and as printed in the case file.</summary>
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Content));
}
