using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Documents.Tests.Letters;

/// <summary>Letters of issue 10: the Art. 22 review as recorded, a (c)+(f) objection, a portability refusal on the rights of others.</summary>
public sealed class PurposeLetterTests
{
    public PurposeLetterTests() => Pdf.UseMachineFonts();

    private static string Render(DocumentKind kind, CaseDocumentInput input, string name)
    {
        var result = DocumentRenderer.Render(kind, input);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        Pdf.Keep(result.Value.Content, name);
        return string.Join(" ", Pdf.PageTexts(result.Value.Content));
    }

    /// <summary>The letter cases' subject with the default register's profiling purpose (solely automated decisions) added.</summary>
    private static CaseDocumentInput ReviewCase(string language, bool recordReview, AutomatedDecisionReviewOutcome outcome = AutomatedDecisionReviewOutcome.Changed)
    {
        var input = LetterCases.Case(RequestType.AutomatedDecisionReview, language, description: "Ik wil dat een mens mijn kredietaanvraag opnieuw bekijkt.");
        var curated = DefaultRegister.Purposes.Single(p => p.Definition.Key == "profiling");
        var profiling = Purpose.Draft(curated.Definition, LetterCases.Officer, LetterCases.At(-1000), PrivacyNoticeRegister.IdFor("profiling")).Value;
        profiling.Activate(LetterCases.Officer, LetterCases.At(-1000)).Succeeds();
        var purposes = input.Subject.ProcessingPurposes([.. input.Purposes, profiling]);
        input = input with { Purposes = purposes, Assessment = RightsEngine.Assess(RequestType.AutomatedDecisionReview, input.Subject, purposes, LetterCases.ReceivedOn.AddDays(6)) };
        LetterCases.DecideAsTheLawAllows(input.Request, input);
        if (recordReview)
        {
            input.Request.RecordAutomatedDecisionReview(LetterCases.Officer, new DateTimeOffset(2026, 4, 20, 10, 0, 0, TimeSpan.FromHours(2)),
                new AutomatedDecisionReviewDraft(
                    "kredietaanvraag KA-2026-0412 van 2 april 2026",
                    "Mijn inkomen is sinds maart hoger; de score gebruikte oude gegevens.",
                    outcome,
                    outcome == AutomatedDecisionReviewOutcome.Changed ? "krediet toegekend tot EUR 5.000" : null,
                    "De loonstroken van maart tonen voldoende inkomen; de score rekende met de cijfers van vorig jaar.")).IsSuccess.ShouldBeTrue();
        }
        return input;
    }

    [Fact]
    public void TheArt22ResponseStatesTheRecordedReviewWhoWhenTheChangedOutcomeAndWhy()
    {
        var input = ReviewCase("nl", recordReview: true);
        input.Request.CurrentDecisions.ShouldContain(d => d.IsCarriedOut, "profiling takes solely automated decisions");

        var text = Render(DocumentKind.Response, input, "letter-art22-changed-nl");

        text.ShouldContain("Op 20 april 2026 heeft onze medewerker Fatima de Vries, die bevoegd is het besluit te wijzigen, het besluit opnieuw beoordeeld (kredietaanvraag KA-2026-0412 van 2 april 2026).");
        text.ShouldContain("Uw standpunt is daarbij meegewogen.");
        text.ShouldContain("het besluit is gewijzigd");
        text.ShouldContain("krediet toegekend tot EUR 5.000");
        text.ShouldContain("De loonstroken van maart tonen voldoende inkomen");
    }

    [Fact]
    public void TheArt22ResponseInEnglishSaysTheDecisionStandsWhenUpheld()
    {
        var input = ReviewCase("en", recordReview: true, AutomatedDecisionReviewOutcome.Upheld);

        var text = Render(DocumentKind.Response, input, "letter-art22-upheld-en");

        text.ShouldContain("On 20 April 2026 our colleague Fatima de Vries, who has the authority to change the decision, reviewed it");
        text.ShouldContain("Outcome the decision stands");
        text.ShouldNotContain("The decision now is");
    }

    [Fact]
    public void ADraftArt22ResponseWithoutARecordedReviewNeverClaimsAReviewHappened()
    {
        var input = ReviewCase("en", recordReview: false);

        var text = Render(DocumentKind.Response, input, "letter-art22-no-review-en");

        text.ShouldNotContain("has reviewed");
        text.ShouldNotContain("has been reviewed");
        text.ShouldNotContain("reviewed it");
        text.ShouldContain("will review it");
    }

    [Theory]
    [InlineData("nl", "de verwerking is gestopt")]
    [InlineData("en", "processing has stopped")]
    public void AnObjectionToKycNeverSaysProcessingStoppedWhileTheWwftContinues(string language, string stopped)
    {
        var input = LetterCases.Case(RequestType.Objection, language, description: "Ik maak bezwaar tegen het gebruik van mijn gegevens.");
        input.Request.StartProcessing();
        var kyc = input.Kyc();
        input.Request.Decide(input, kyc, ProposedDecision.PartiallyComply(kyc.Id, [LawfulBasisKind.LegalObligation],
            "De controles die de Wwft voorschrijft gaan door; al het andere gebruik stopt."));

        var text = Render(DocumentKind.Response, input, $"letter-objection-kyc-{language}");

        text.ShouldNotContain(stopped);
        text.ShouldContain(language == "nl" ? "gedeeltelijk gestopt; wij blijven de gegevens verwerken op grond van" : "partly stopped; we continue to process the data on the basis of");
        text.ShouldContain("Wwft");
    }

    [Fact]
    public void AFullComplyOnAKycObjectionRecordedBeforeTheRuleExistedStillDoesNotSayProcessingStopped()
    {
        var input = LetterCases.Case(RequestType.Objection, "en", description: "I object to the use of my data.");
        input.Request.StartProcessing();
        // Straight onto the case, as an older decision made before the rules engine refused it would be.
        input.Request.RecordDecision(LetterCases.Officer, LetterCases.At(3),
            new PurposeDecisionDraft(input.Kyc().Id, PurposeDecisionOutcome.Comply, null, null, null, null)).IsSuccess.ShouldBeTrue();

        var text = Render(DocumentKind.Response, input, "letter-objection-kyc-legacy-en");

        text.ShouldNotContain("processing has stopped");
        text.ShouldContain("partly stopped; we continue to process the data on the basis of");
    }

    [Fact]
    public void APortabilityRefusalForTheRightsOfOthersCitesArticle20Paragraph4()
    {
        var input = LetterCases.Case(RequestType.Portability, "en", (request, _) =>
        {
            // A whole-request refusal stored before the grounds were narrowed (ADR 0023); such refusals still print.
            typeof(DataSubjectRequest).GetProperty(nameof(DataSubjectRequest.Refusal))!.SetValue(request, new Refusal(
                RequestRefusalGround.RightsOfOthers,
                "The data you ask for are a joint account's transactions; handing them over would disclose the other holder's payments.",
                null, LetterCases.Officer.Id, LetterCases.Officer.Name, LetterCases.At(5)));
        });

        var text = Render(DocumentKind.Refusal, input, "letter-portability-refusal-en");

        text.ShouldContain("20(4)");
        text.ShouldNotContain("15(4)");
        text.ShouldNotContain("A copy would");
    }

    [Fact]
    public void APortabilityDecisionRefusedForTheRightsOfOthersCitesArticle20Paragraph4InTheResponse()
    {
        var input = LetterCases.Case(RequestType.Portability, "nl", description: "Stuur mij mijn gegevens in een bestand.");
        input.Request.StartProcessing();
        var products = input.Products();
        input.Request.Decide(input, products, ProposedDecision.Refuse(products.Id, RefusalGround.RightsOfOthers,
            "De transacties van de gezamenlijke rekening tonen ook de betalingen van de medehouder."));

        var text = Render(DocumentKind.Response, input, "letter-portability-decision-nl");

        text.ShouldContain("20 lid 4");
        text.ShouldNotContain("15 lid 4");
    }
}
