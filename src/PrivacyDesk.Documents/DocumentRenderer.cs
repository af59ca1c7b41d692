using PrivacyDesk.Documents.CaseFiles;
using PrivacyDesk.Documents.DataCopies;
using PrivacyDesk.Documents.Letters;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Register;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Documents;

/// <summary>
/// The one door into the documents project: the web layer loads the input, calls this, stores the
/// result. Pure and thread-safe (no database, no clock), so tests render every document directly.
/// </summary>
public static class DocumentRenderer
{
    /// <summary>Renders a case document (every kind but the case file and the Art. 30 record).</summary>
    public static Result<RenderedDocument> Render(DocumentKind kind, CaseDocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return kind switch
        {
            DocumentKind.CopyOfData => CopyOfDataDocument.Render(input),
            DocumentKind.PortabilityPackage => PortabilityPackage.Render(input),
            DocumentKind.CaseFile or DocumentKind.ProcessingRecord =>
                throw new ArgumentException($"{kind} has its own input; use {nameof(RenderCaseFile)} or {nameof(RenderProcessingRecord)}.", nameof(kind)),
            _ => CaseLetters.Render(kind, input),
        };
    }

    public static RenderedDocument RenderCaseFile(CaseFileInput input) => CaseFileDocument.Render(input);

    public static RenderedDocument RenderProcessingRecord(ProcessingRecordInput input) => ProcessingRecordDocument.Render(input);
}
