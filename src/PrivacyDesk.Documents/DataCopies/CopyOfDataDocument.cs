using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Documents.DataCopies;

// PLACEHOLDER (issue 5, in progress): replaced by the helper who owns this document; never merged to a release as is.
public static class CopyOfDataDocument
{
    public static Result<RenderedDocument> Render(CaseDocumentInput input) => throw new NotImplementedException("CopyOfDataDocument is being written (issue 5).");
}
