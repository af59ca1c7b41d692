using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Documents.Tests.CaseFiles;

public sealed class CaseFileCorrespondenceTests
{
    private static readonly Actor Mailbox = new("mailbox", "Privacymailbox", []);

    public CaseFileCorrespondenceTests() => Pdf.UseMachineFonts();

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void TheSubjectsMessagesStandOldestFirstWithChannelAndTimeBeforeTheAuditTrail(string language)
    {
        var input = CaseFileCases.CaseFile(language);
        var request = input.Case.Request;
        request.ReceiveSubjectMessage(Mailbox, CaseFileCases.ReceivedAt.AddDays(20), SubjectMessageChannel.Email, "Ik mis mijn spaarrekening.", "Re: uw verzoek").IsSuccess.ShouldBeTrue();
        request.ReceiveSubjectMessage(Mailbox, CaseFileCases.ReceivedAt.AddDays(2), SubjectMessageChannel.Portal, "Wanneer hoor ik iets?").IsSuccess.ShouldBeTrue();

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, $"case-file-correspondence-{language}");

        var dutch = language == "nl";
        var text = string.Join(" ", Pdf.PageTexts(document.Content));
        var start = text.IndexOf(dutch ? "9. Correspondentie van de betrokkene" : "9. Correspondence from the subject", StringComparison.Ordinal);
        var end = text.IndexOf(dutch ? "10. Audittrail" : "10. Audit trail", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        end.ShouldBeGreaterThan(start);
        var section = text[start..end];
        section.IndexOf("Wanneer hoor ik iets?", StringComparison.Ordinal).ShouldBeLessThan(section.IndexOf("Ik mis mijn spaarrekening.", StringComparison.Ordinal));
        section.ShouldContain(dutch ? "Privacyportaal" : "Privacy portal");
        section.ShouldContain("E-mail");
        section.ShouldContain("Re: uw verzoek");
        section.ShouldContain(dutch ? "2 maart 2026" : "2 March 2026");
    }
}
