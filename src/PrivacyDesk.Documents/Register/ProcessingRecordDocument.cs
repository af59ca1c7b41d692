using PrivacyDesk.Documents.Model;

namespace PrivacyDesk.Documents.Register;

// PLACEHOLDER (issue 5, in progress): replaced by the helper who owns this document; never merged to a release as is.
public static class ProcessingRecordDocument
{
    public static RenderedDocument Render(ProcessingRecordInput input) => throw new NotImplementedException("ProcessingRecordDocument is being written (issue 5).");
}
