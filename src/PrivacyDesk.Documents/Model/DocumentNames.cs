using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Documents.Model;

/// <summary>Titles and file names per kind and language, one list for every document and the web layer.</summary>
public static class DocumentNames
{
    /// <summary>The document's title as the reader sees it ("Ontvangstbevestiging" / "Acknowledgement of receipt").</summary>
    public static string Title(DocumentKind kind, string language)
    {
        var dutch = DocumentFormat.IsDutch(language);
        return kind switch
        {
            DocumentKind.Acknowledgement => dutch ? "Ontvangstbevestiging" : "Acknowledgement of receipt",
            DocumentKind.IdentityVerificationRequest => dutch ? "Verzoek om identificatie" : "Request for proof of identity",
            DocumentKind.ExtensionNotice => dutch ? "Verlenging van de termijn" : "Extension of the time limit",
            DocumentKind.FeeNotice => dutch ? "Kostenvergoeding" : "Fee notice",
            DocumentKind.Response => dutch ? "Antwoord op uw verzoek" : "Response to your request",
            DocumentKind.Refusal => dutch ? "Afwijzing van uw verzoek" : "Refusal of your request",
            DocumentKind.RecipientNotification => dutch ? "Kennisgeving aan ontvanger (art. 19 AVG)" : "Notification to a recipient (Art. 19 GDPR)",
            DocumentKind.RestrictionLiftNotice => dutch ? "Opheffing van de beperking" : "Lifting of the restriction",
            DocumentKind.CopyOfData => dutch ? "Kopie van uw persoonsgegevens" : "Copy of your personal data",
            DocumentKind.PortabilityPackage => dutch ? "Gegevensoverdracht (art. 20 AVG)" : "Data portability package (Art. 20 GDPR)",
            DocumentKind.ProcessingRecord => dutch ? "Register van verwerkingsactiviteiten" : "Record of processing activities",
            DocumentKind.CaseFile => dutch ? "Dossier" : "Case file",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>The word that marks a letter not yet approved, in the letter's language.</summary>
    public static string DraftWord(string language) => DocumentFormat.IsDutch(language) ? "CONCEPT" : "DRAFT";

    /// <summary>
    /// "PD-2026-000123-acknowledgement-nl.pdf": reference, kind, language; no personal data in a file name.
    /// A <paramref name="draft"/> ends in "-CONCEPT" or "-DRAFT", so a saved copy says so too.
    /// </summary>
    public static string FileName(DocumentKind kind, string? reference, string language, string extension = "pdf", bool draft = false)
    {
        var slug = kind switch
        {
            DocumentKind.IdentityVerificationRequest => "identity-request",
            DocumentKind.ExtensionNotice => "extension",
            DocumentKind.FeeNotice => "fee",
            DocumentKind.RecipientNotification => "recipient-notification",
            DocumentKind.RestrictionLiftNotice => "restriction-lift",
            DocumentKind.CopyOfData => "copy-of-data",
            DocumentKind.PortabilityPackage => "portability",
            DocumentKind.ProcessingRecord => "art30-record",
            DocumentKind.CaseFile => "case-file",
            _ => kind.ToString().ToLowerInvariant(),
        };
        var prefix = string.IsNullOrEmpty(reference) ? "" : reference + "-";
        var marker = draft ? "-" + DraftWord(language) : "";
        return $"{prefix}{slug}-{language.ToLowerInvariant()}{marker}.{extension}";
    }
}
