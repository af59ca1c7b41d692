using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Documents.Letters;

// PLACEHOLDER (issue 5, in progress): replaced by the helper who owns this document; never merged to a release as is.
public static class CaseLetters
{
    public static Result<RenderedDocument> Render(DocumentKind kind, CaseDocumentInput input) => throw new NotImplementedException("CaseLetters is being written (issue 5).");
}
