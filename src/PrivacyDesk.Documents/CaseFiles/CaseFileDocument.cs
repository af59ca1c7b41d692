using PrivacyDesk.Documents.Model;

namespace PrivacyDesk.Documents.CaseFiles;

// PLACEHOLDER (issue 5, in progress): replaced by the helper who owns this document; never merged to a release as is.
public static class CaseFileDocument
{
    public static RenderedDocument Render(CaseFileInput input) => throw new NotImplementedException("CaseFileDocument is being written (issue 5).");
}
