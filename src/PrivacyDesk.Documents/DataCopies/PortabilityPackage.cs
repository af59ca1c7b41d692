using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Documents.DataCopies;

// PLACEHOLDER (issue 5, in progress): replaced by the helper who owns this document; never merged to a release as is.
public static class PortabilityPackage
{
    public static Result<RenderedDocument> Render(CaseDocumentInput input) => throw new NotImplementedException("PortabilityPackage is being written (issue 5).");
}
