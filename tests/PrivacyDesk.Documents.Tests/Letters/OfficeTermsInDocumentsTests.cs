using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Documents.Tests.Letters;

/// <summary>A letter and the case file name the request type with the glossary's words, read back from the PDF.</summary>
public sealed class OfficeTermsInDocumentsTests
{
    public OfficeTermsInDocumentsTests() => Pdf.UseMachineFonts();

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void ALetterNamesTheRequestTypeAsTheQueueDoes(string language)
    {
        // Restriction: the letters' sentence says "restriction of the processing", the term "Restriction of processing".
        var result = DocumentRenderer.Render(DocumentKind.Acknowledgement, LetterCases.Case(RequestType.Restriction, language));

        result.IsSuccess.ShouldBeTrue();
        var text = Plain(string.Join(" ", Pdf.PageTexts(result.Value.Content)));
        text.ShouldContain(Glossary.Term(RequestType.Restriction).In(language), Case.Sensitive);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void TheCaseFileNamesTheRequestTypeAndStatusAsTheQueueDoes(string language)
    {
        var input = CaseFileCases.CaseFile(language);

        var cover = Plain(Pdf.PageTexts(DocumentRenderer.RenderCaseFile(input).Content)[0]);

        cover.ShouldContain(Plain(Glossary.WithArticle(input.Case.Request.Type, language)), Case.Sensitive);
        cover.ShouldContain(Glossary.Term(input.Case.Request.Status).In(language), Case.Sensitive);
    }

    private static string Plain(string text) => text.Replace(LegalCitations.NoBreak, ' ');
}
