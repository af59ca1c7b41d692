using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Domain.Register;
using UglyToad.PdfPig;

namespace PrivacyDesk.Documents.Tests.Letters;

public sealed class LetterTests
{
    public LetterTests() => Pdf.UseMachineFonts();

    /// <summary>Renders through the one door, keeps the PDF for looking at, and returns it with its page texts.</summary>
    private static (RenderedDocument Document, string Text) Render(DocumentKind kind, CaseDocumentInput input, string? name = null)
    {
        var result = DocumentRenderer.Render(kind, input);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        var document = result.Value;
        Pdf.Keep(document.Content, name ?? $"letter-{kind}-{input.Language}");
        var pages = Pdf.PageTexts(document.Content);
        pages.Count.ShouldBe(document.PageCount ?? -1);
        return (document, string.Join(" ", pages));
    }

    private static void ShouldHaveEmbeddedSubsetFonts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(name => name != null && name.Contains('+'), "subset fonts are named with a six-letter tag and a plus");
        System.Text.Encoding.Latin1.GetString(pdf).ShouldContain("/FontFile2");
    }

    public static TheoryData<DocumentKind, string> EveryLetterInBothLanguages()
    {
        var data = new TheoryData<DocumentKind, string>();
        foreach (var kind in new[]
        {
            DocumentKind.Acknowledgement, DocumentKind.IdentityVerificationRequest, DocumentKind.ExtensionNotice, DocumentKind.FeeNotice,
            DocumentKind.Response, DocumentKind.Refusal, DocumentKind.RecipientNotification, DocumentKind.RestrictionLiftNotice,
        })
        {
            data.Add(kind, "nl");
            data.Add(kind, "en");
        }
        return data;
    }

    /// <summary>A case in the state the letter needs: extended, fee notified, refused, notified, restricted, decided.</summary>
    private static CaseDocumentInput CaseFor(DocumentKind kind, string language)
    {
        switch (kind)
        {
            case DocumentKind.ExtensionNotice:
                return LetterCases.Case(RequestType.Erasure, language, LetterCases.Extend);
            case DocumentKind.FeeNotice:
                return LetterCases.Case(RequestType.Access, language, LetterCases.NotifyFee);
            case DocumentKind.Refusal:
                return LetterCases.Case(RequestType.Access, language, LetterCases.Refuse);
            case DocumentKind.RecipientNotification:
                var input = LetterCases.Case(RequestType.Erasure, language);
                var planned = LetterCases.PlanNotifications(input.Request, input);
                return input with { RecipientNotificationId = planned[0].Id };
            case DocumentKind.RestrictionLiftNotice:
                return LetterCases.Case(RequestType.Restriction, language, LetterCases.Restrict);
            case DocumentKind.Response:
                return LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasureAndApprove);
            default:
                return LetterCases.Case(RequestType.Erasure, language);
        }
    }

    [Theory]
    [MemberData(nameof(EveryLetterInBothLanguages))]
    public void EveryLetterRendersOnePageWithTheLetterheadReferenceDatesPageNumberAndEmbeddedFonts(DocumentKind kind, string language)
    {
        var input = CaseFor(kind, language);

        var (document, text) = Render(kind, input);

        document.Kind.ShouldBe(kind);
        document.Language.ShouldBe(language);
        document.ContentType.ShouldBe("application/pdf");
        document.FileName.ShouldStartWith(LetterCases.Reference + "-");
        document.FileName.ShouldEndWith($"-{language}.pdf");
        document.FileName.ShouldNotContain("Zo", Case.Insensitive, "no personal data in a file name");
        document.PageCount.ShouldBe(1);
        text.ShouldContain("Voorbeeld Beleggen B.V.");
        text.ShouldContain(LetterCases.Reference);
        // Generated at 23:30 UTC on 4 May: already 5 May in Amsterdam, the controller's zone.
        text.ShouldContain(language == "nl" ? "5 mei 2026" : "5 May 2026");
        text.ShouldNotContain(language == "nl" ? "4 mei 2026" : "4 May 2026");
        if (kind != DocumentKind.RecipientNotification)
        {
            text.ShouldContain(language == "nl" ? "Uw verzoek van 14 april 2026" : "Your request of 14 April 2026");
        }
        text.ShouldContain(language == "nl" ? "Pagina 1 van 1" : "Page 1 of 1");
        text.ShouldContain("Fatima de Vries");
        text.ShouldNotContain("NIET VERSTUREN");
        text.ShouldNotContain("DO NOT SEND");
        ShouldHaveEmbeddedSubsetFonts(document.Content);
    }

    [Fact]
    public void TheAcknowledgementGreetsTheSubjectByTheirAccentedNameAndStatesWhatWasAskedTheDeadlineAndIdentityCheck()
    {
        var (_, nl) = Render(DocumentKind.Acknowledgement, LetterCases.Case(RequestType.Erasure, "nl"));
        var (_, en) = Render(DocumentKind.Acknowledgement, LetterCases.Case(RequestType.Erasure, "en"));

        nl.ShouldContain("Geachte Zoë van Dĳk-Çelik,");
        nl.ShouldContain(LetterCases.SubjectEmail);
        nl.ShouldNotContain("zoe@werk.example.com", Case.Sensitive, "only the first e-mail address");
        nl.ShouldContain("verwijdering van uw persoonsgegevens");
        nl.ShouldContain("(art. 17 AVG)");
        nl.ShouldContain("Ik wil dat u al mijn gegevens verwijdert.");
        nl.ShouldContain("uiterlijk op 15 mei 2026");
        nl.ShouldContain("twee maanden verlengen (art. 12 lid 3 AVG)");
        nl.ShouldContain("(art. 12 lid 6 AVG)");
        nl.ShouldContain("burgerservicenummer (BSN) en uw pasfoto onleesbaar");
        nl.ShouldContain("privacy@voorbeeld.nl");

        en.ShouldContain("Dear Zoë van Dĳk-Çelik,");
        en.ShouldContain("erasure of your personal data (Art. 17 GDPR)");
        en.ShouldContain("no later than 15 May 2026");
        en.ShouldContain("(Art. 12(3) GDPR)");
        en.ShouldContain("(Art. 12(6) GDPR)");
    }

    [Fact]
    public void TheAcknowledgementOfAnIdentifiedSubjectSaysHowIdentityWasEstablished()
    {
        var input = LetterCases.Case(RequestType.Access, "nl", (request, _) =>
            request.RecordIdentityVerification(LetterCases.Officer, LetterCases.At(1), IdentityVerificationMethod.CustomerPortalLogin, IdentityVerificationOutcome.Verified).Succeeds());

        var (_, text) = Render(DocumentKind.Acknowledgement, input, "letter-ack-identified");

        text.ShouldContain("Uw identiteit is op 14 april 2026 vastgesteld (via uw inlog op het klantportaal)");
        text.ShouldNotContain("Vragen wij een kopie van uw identiteitsbewijs");
    }

    [Fact]
    public void TheIdentityRequestExplainsWhyHowToMaskBsnAndPhotoThatTheCopyIsDeletedAndTheDeadline()
    {
        var (_, nl) = Render(DocumentKind.IdentityVerificationRequest, LetterCases.Case(RequestType.Access, "nl"));
        var (_, en) = Render(DocumentKind.IdentityVerificationRequest, LetterCases.Case(RequestType.Access, "en"));

        nl.ShouldContain("(art. 12 lid 6 AVG)");
        nl.ShouldContain("Maak uw burgerservicenummer (BSN) onleesbaar");
        nl.ShouldContain("Maak uw pasfoto onleesbaar");
        nl.ShouldContain("KopieID");
        nl.ShouldContain("vernietigen haar direct daarna");
        nl.ShouldContain("uiterlijk op 15 mei 2026");
        en.ShouldContain("(Art. 12(6) GDPR)");
        en.ShouldContain("Make your citizen service number (BSN) unreadable");
        en.ShouldContain("destroy it straight afterwards");
        en.ShouldContain("answered by 15 May 2026");
    }

    [Fact]
    public void TheExtensionNoticeGivesTheOriginalAndNewDeadlineTheReasonAndArticle12Paragraph3()
    {
        var (_, nl) = Render(DocumentKind.ExtensionNotice, LetterCases.Case(RequestType.Erasure, "nl", LetterCases.Extend));
        var (_, en) = Render(DocumentKind.ExtensionNotice, LetterCases.Case(RequestType.Erasure, "en", LetterCases.Extend));

        nl.ShouldContain("Oorspronkelijke termijn 15 mei 2026");
        nl.ShouldContain("Nieuwe termijn 14 juli 2026");
        nl.ShouldContain("Reden uw verzoek is ingewikkeld");
        nl.ShouldContain("Uw gegevens staan in zes systemen");
        nl.ShouldContain("(art. 12 lid 3 AVG)");
        en.ShouldContain("Original deadline 15 May 2026");
        en.ShouldContain("New deadline 14 July 2026");
        en.ShouldContain("(Art. 12(3) GDPR)");
    }

    [Fact]
    public void TheFeeNoticeStatesTheAmountInTheLettersFormatTheGroundAndThatTheSubjectMayWithdraw()
    {
        var (_, nl) = Render(DocumentKind.FeeNotice, LetterCases.Case(RequestType.Access, "nl", LetterCases.NotifyFee));
        var (_, en) = Render(DocumentKind.FeeNotice, LetterCases.Case(RequestType.Access, "en", LetterCases.NotifyFee));

        nl.ShouldContain("Bedrag € 12,50");
        nl.ShouldContain("(kopie 2)");
        nl.ShouldContain("art. 15 lid 3 AVG");
        nl.ShouldContain("U mag uw verzoek ook intrekken, zolang u nog niet hebt betaald");
        en.ShouldContain("Amount €12.50");
        en.ShouldContain("Art. 15(3) GDPR");
        en.ShouldContain("You may also withdraw your request as long as you have not paid");
    }

    [Fact]
    public void TheErasureResponseSaysPerPurposeWhatWasErasedAndWhatIsKeptUnderWhichProvisionUntilWhen()
    {
        var (nlDocument, nl) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, "nl", LetterCases.DecideErasure));
        var (enDocument, en) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, "en", LetterCases.DecideErasure));

        // A signature alone on a second page is a letter an officer would edit before sending.
        nlDocument.PageCount.ShouldBe(1);
        enDocument.PageCount.ShouldBe(1);
        nl.ShouldContain("Wij hebben uw gegevens gewist waar dat kon.");
        nl.ShouldContain("Voor deze doelen gebruiken wij uw gegevens niet meer. De wet verplicht ons ze te bewaren tot en met 5 maart 2031 (Wwft art. 33; art. 17 lid 3 onder b AVG); daarna wissen wij ze:");
        nl.IndexOf("Controleren van uw identiteit en openen en beheren van uw rekening", StringComparison.Ordinal)
            .ShouldBeGreaterThan(nl.IndexOf("daarna wissen wij ze:", StringComparison.Ordinal), "the kept purpose is listed under the sentence that says why it is kept");
        nl.IndexOf("Wij hebben uw gegevens gewist voor deze doelen", StringComparison.Ordinal)
            .ShouldBeLessThan(nl.IndexOf("Voor deze doelen gebruiken wij", StringComparison.Ordinal), "what was done comes before what is kept");
        nl.ShouldContain("Wij hebben uw gegevens gewist voor deze doelen");
        nl.ShouldContain("Verschaffen van producten en diensten en beoordelen van uw behoeften");
        nl.ShouldContain("Marketing door ons");
        nl.ShouldContain("Toelichting: De wet verplicht ons uw identiteitsgegevens");
        nl.ShouldContain("Autoriteit Persoonsgegevens");
        nl.ShouldContain("fg@voorbeeld.nl");
        // A partial erasure is not a refusal: the letter never says it refused or did not erase.
        nl.ShouldNotContain("niet gewist");
        nl.ShouldNotContain("afgewezen");

        en.ShouldContain("We have erased your data wherever we could.");
        en.ShouldContain("We no longer use your data for these purposes. The law obliges us to keep them until 5 March 2031 inclusive (Wwft art. 33; Art. 17(3)(b) GDPR); after that we erase them:");
        en.ShouldContain("Art. 17(3)(b) GDPR");
        en.ShouldContain("We have erased your data for these purposes");
        en.ShouldContain("Marketing by us");
        en.ShouldNotContain("not erased");
    }

    [Theory]
    [InlineData("nl", "Vraag het ons (art. 19 AVG)", "Ontvangers")]
    [InlineData("en", "please ask us (Art. 19 GDPR)", "Recipients")]
    public void AnErasureThatListsTheRecipientsDoesNotAlsoTellTheSubjectToAskForThem(string language, string askUs, string heading)
    {
        var (_, text) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasure, askedForRecipients: true), "letter-erasure-recipients-listed-" + language);

        text.ShouldContain(heading);
        text.ShouldNotContain(askUs, Case.Sensitive);
    }

    [Theory]
    [InlineData("nl", "Wij hebben uw verzoek ingewilligd", "Wij hebben uw gegevens gewist waar dat kon; voor een deel kunnen wij uw verzoek niet inwilligen.")]
    [InlineData("en", "We have granted your request", "We have erased your data wherever we could; for part of it we cannot grant your request.")]
    public void AnErasureRefusedForOnePurposeNeverOpensBySayingTheRequestWasGranted(string language, string granted, string summary)
    {
        var (_, text) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, language, (request, input) =>
        {
            request.StartProcessing();
            request.Decide(input, input.Products(), ProposedDecision.Comply(input.Products().Id));
            request.Decide(input, input.Marketing(), ProposedDecision.Refuse(input.Marketing().Id, RefusalGround.LegalClaims,
                "Wij hebben deze gegevens nodig in de procedure bij Kifid."));
        }), "letter-erasure-refused-in-part-" + language);

        text.ShouldNotContain(granted);
        text.ShouldContain(summary);
    }

    [Theory]
    [InlineData("nl", "Wij hebben uw gegevens gewist voor deze doelen")]
    [InlineData("en", "We have erased your data for these purposes")]
    public void PurposesWithTheSameOutcomeShareOneSentenceAndNoLineIsOnlyPunctuation(string language, string sentence)
    {
        var (document, text) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasure), "letter-erasure-grouped-" + language);

        CountOf(text, sentence).ShouldBe(1, "marketing and products were both erased: one sentence, two purposes under it");
        using var pdf = PdfDocument.Open(document.Content);
        var lines = pdf.GetPages().SelectMany(p => p.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).Select(g => string.Concat(g.Select(w => w.Text)))).ToList();
        lines.ShouldNotContain(line => line.Length > 0 && line.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c)), "a stray '.' or ':' on a line of its own");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Theory]
    [InlineData("Niels van der Meer", Salutation.Sir, "nl", "Geachte heer Van der Meer,")]
    [InlineData("Niels van der Meer", Salutation.Sir, "en", "Dear Mr Van der Meer,")]
    [InlineData("Zoë van Dĳk-Çelik", Salutation.Madam, "nl", "Geachte mevrouw Van Dĳk-Çelik,")]
    [InlineData("Zoë van Dĳk-Çelik", Salutation.Madam, "en", "Dear Ms Van Dĳk-Çelik,")]
    [InlineData("Pieter de Jong", Salutation.Sir, "nl", "Geachte heer De Jong,")]
    [InlineData("Anna Jansen", Salutation.Madam, "en", "Dear Ms Jansen,")]
    [InlineData("Niels van der Meer", Salutation.Unknown, "nl", "Geachte Niels van der Meer,")]
    [InlineData("Niels van der Meer", Salutation.Unknown, "en", "Dear Niels van der Meer,")]
    public void TheSalutationUsesTheTitleAndTheSurnameWithItsPrefixCapitalisedAndTheFullNameOnlyWhenUnknown(
        string name, Salutation salutation, string language, string expected)
    {
        foreach (var kind in new[] { DocumentKind.Acknowledgement, DocumentKind.Response })
        {
            var input = LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasure, subjectName: name, salutation: salutation);

            var (_, text) = Render(kind, input, $"letter-salutation-{kind}-{salutation}-{language}");

            text.ShouldContain(expected);
        }
    }

    [Theory]
    [InlineData("nl", "Wij laten de volgende ontvangers aan wie wij uw gegevens hadden verstrekt, weten dat uw gegevens zijn gewist (art. 19 AVG):")]
    [InlineData("en", "We are telling the following recipients to whom we had disclosed your data that your data have been erased (Art. 19 GDPR):")]
    public void AnErasureResponseNamesTheRecipientsOfTheCasesArt19Notifications(string language, string sentence)
    {
        IReadOnlyList<RecipientNotification> planned = [];
        var input = LetterCases.Case(RequestType.Erasure, language, (request, i) => planned = LetterCases.PlanNotifications(request, i));

        var (_, text) = Render(DocumentKind.Response, input, "letter-erasure-recipients-" + language);

        planned.ShouldNotBeEmpty();
        text.ShouldContain(sentence);
        foreach (var notification in planned)
        {
            text.ShouldContain(notification.RecipientName);
        }
    }

    [Theory]
    [InlineData("nl", "Wilt u weten aan wie wij uw gegevens hebben verstrekt? Vraag het ons (art. 19 AVG).")]
    [InlineData("en", "If you would like to know to whom we have disclosed your data, please ask us (Art. 19 GDPR).")]
    public void AnErasureResponseWithoutPlannedNotificationsTellsTheSubjectTheyMayAskWhoTheRecipientsAre(string language, string sentence)
    {
        var (_, text) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasure));

        text.ShouldContain(sentence);
    }

    [Fact]
    public void AnAccessResponseSaysNothingAboutArt19Notifications()
    {
        var (_, text) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Access, "nl", LetterCases.DecideAsTheLawAllows));

        text.ShouldNotContain("Wie wij hebben ingelicht");
    }

    [Fact]
    public void TheRetentionOfLegalComplianceDataCitesTheRecordKeepingDutyWwftArticle33NotTheReportingDutyArticle16()
    {
        var input = LetterCases.Case(RequestType.Erasure, "nl");
        var curated = DefaultRegister.Purposes.Single(p => p.Definition.Key == "legal-compliance");
        var compliance = Purpose.Draft(curated.Definition, LetterCases.Officer, LetterCases.At(-1000), PrivacyNoticeRegister.IdFor("legal-compliance")).Value;
        compliance.Activate(LetterCases.Officer, LetterCases.At(-1000)).Succeeds();
        var purposes = input.Subject.ProcessingPurposes([.. input.Purposes, compliance]);
        input = input with { Purposes = purposes, Assessment = RightsEngine.Assess(RequestType.Erasure, input.Subject, purposes, LetterCases.ReceivedOn.AddDays(6)) };
        LetterCases.DecideAsTheLawAllows(input.Request, input);

        input.Assessment.For(compliance.Id)!.RetentionProvision.ShouldBe("Wwft art. 33");
        var (_, text) = Render(DocumentKind.Response, input, "letter-erasure-legal-compliance-nl");

        text.ShouldContain("(Wwft art. 33; art. 17 lid 3 onder b AVG)");
        text.ShouldNotContain("Wwft art. 16");
        text.ShouldNotContain("Wwft art. 3 (cliëntenonderzoek)");
    }

    public static TheoryData<RequestType, string> EveryRequestTypeInBothLanguages()
    {
        var data = new TheoryData<RequestType, string>();
        foreach (var type in Enum.GetValues<RequestType>())
        {
            data.Add(type, "nl");
            data.Add(type, "en");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRequestTypeInBothLanguages))]
    public void TheResponseToEveryRequestTypeNamesTheRightItsArticleAndTheOutcomeForEveryPurpose(RequestType type, string language)
    {
        var input = LetterCases.Case(type, language, LetterCases.DecideAsTheLawAllowsAndApprove);

        var (document, text) = Render(DocumentKind.Response, input, $"letter-response-{type}-{language}");

        document.PageCount.ShouldBe(1);
        var article = LegalReferencesForTest(type, language);
        text.ShouldContain(article);
        foreach (var purpose in input.Purposes)
        {
            text.ShouldContain(purpose.Name.In(language));
        }
        text.ShouldContain("Autoriteit Persoonsgegevens");
        if (type == RequestType.ConsentWithdrawal)
        {
            // Identity verification rests on a legal obligation and legitimate interest, never on consent.
            text.ShouldContain(language == "nl"
                ? "Niet van toepassing, want wij gebruiken deze gegevens niet op basis van uw toestemming"
                : "Not applicable, as we do not use these data on the basis of your consent");
            text.ShouldContain(input.Kyc().Name.In(language));
        }
    }

    private static string LegalReferencesForTest(RequestType type, string language) => (type, language) switch
    {
        (RequestType.ConsentWithdrawal, "nl") => "(art. 7 lid 3 AVG)",
        (RequestType.ConsentWithdrawal, _) => "(Art. 7(3) GDPR)",
        (_, "nl") => $"(art. {Article(type)} AVG)",
        _ => $"(Art. {Article(type)} GDPR)",
    };

    private static int Article(RequestType type) => type switch
    {
        RequestType.Access => 15,
        RequestType.Rectification => 16,
        RequestType.Erasure => 17,
        RequestType.Restriction => 18,
        RequestType.Portability => 20,
        RequestType.Objection => 21,
        RequestType.AutomatedDecisionReview => 22,
        _ => 19,
    };

    [Fact]
    public void AnAccessResponseForASubjectNoPurposeProcessesSaysNoDataWereFound()
    {
        var input = LetterCases.Case(RequestType.Access, "en");
        input = input with { Purposes = [], Assessment = input.Assessment with { Purposes = [] } };

        var (_, text) = Render(DocumentKind.Response, input, "letter-response-nodata-en");

        text.ShouldContain("We found no personal data of yours that we process for any of our purposes.");
        text.ShouldNotContain("What we did for each purpose");
        text.ShouldNotContain("Enclosed is a copy");
    }

    [Fact]
    public void TheAccessResponseRefersToTheEnclosedCopy()
    {
        var input = LetterCases.Case(RequestType.Access, "nl", (request, input) =>
        {
            request.StartProcessing();
            foreach (var purpose in input.Purposes)
            {
                request.Decide(input, purpose, ProposedDecision.Comply(purpose.Id));
            }
        });

        var (_, text) = Render(DocumentKind.Response, input, "letter-response-access-nl");

        text.ShouldContain("Bij deze brief vindt u een kopie van uw persoonsgegevens (art. 15 lid 3 AVG)");
        text.ShouldContain("Uw gegevens voor deze doelen vindt u in de bijgevoegde kopie");
        text.ShouldContain("Marketing door ons");
    }

    [Fact]
    public void APortabilityResponseSaysTheDataWentToTheThirdPartyTheSubjectChose()
    {
        var input = LetterCases.Case(RequestType.Portability, "en", (request, input) =>
        {
            request.StartProcessing();
            foreach (var purpose in input.Purposes)
            {
                var assessment = input.Assessment.For(purpose.Id)!;
                request.Decide(input, purpose, assessment.RightApplies
                    ? ProposedDecision.Comply(purpose.Id, purpose.DataCategories.Select(c => c.Name))
                    : ProposedDecision.NotApplicable(purpose.Id, "Portability applies only on consent or contract."));
            }
        }, thirdParty: new ThirdPartyRecipient("Nieuwe Bank N.V.", "overstap@nieuwebank.example"));

        var (_, text) = Render(DocumentKind.Response, input, "letter-response-portability-en");

        text.ShouldContain("directly to Nieuwe Bank N.V. (overstap@nieuwebank.example) (Art. 20(2) GDPR)");
        text.ShouldContain("sent directly to Nieuwe Bank N.V.");
    }

    [Fact]
    public void ARecipientsDisclosureResponseListsTheRecipientsPerPurpose()
    {
        var input = LetterCases.Case(RequestType.RecipientsDisclosure, "nl", (request, input) =>
        {
            request.StartProcessing();
            foreach (var purpose in input.Purposes)
            {
                request.Decide(input, purpose, ProposedDecision.Comply(purpose.Id));
            }
        });

        var (_, text) = Render(DocumentKind.Response, input, "letter-response-recipients-nl");

        text.ShouldContain("Wie uw gegevens ontving");
        text.ShouldContain("Experian Nederland B.V. (kredietbureau, NL)");
        text.ShouldContain("Salesforce Marketing Cloud (verwerker) (verwerker, IE)");
    }

    [Fact]
    public void TheRefusalGivesTheGroundWithItsReferenceTheExplanationAndTheRightToComplainAndGoToCourt()
    {
        var (_, nl) = Render(DocumentKind.Refusal, LetterCases.Case(RequestType.Access, "nl", LetterCases.Refuse));
        var (_, en) = Render(DocumentKind.Refusal, LetterCases.Case(RequestType.Access, "en", LetterCases.Refuse));

        nl.ShouldContain("Uw verzoek is buitensporig, met name omdat het zich herhaalt.");
        nl.ShouldContain("U hebt dit jaar al elf identieke verzoeken ingediend");
        nl.ShouldContain("Wettelijke grondslag art. 12 lid 5 onder b AVG");
        nl.ShouldNotContain("art. 12 lid 5 AVG;", Case.Sensitive, "the general reference gives way to the precise one");
        nl.ShouldContain("klacht indienen bij de Autoriteit Persoonsgegevens en naar de rechter stappen (art. 12 lid 4 AVG)");
        nl.ShouldContain("(art. 79 AVG)");
        en.ShouldContain("Your request is excessive, in particular because it is repetitive.");
        en.ShouldContain("Autoriteit Persoonsgegevens");
        en.ShouldContain("(Art. 12(4) GDPR)");
        DocumentRenderer.Render(DocumentKind.Response, LetterCases.Case(RequestType.Access, "nl", LetterCases.Refuse))
            .Errors.ShouldHaveSingleItem().Code.ShouldBe("document.not_available", "a refused request is answered by the refusal letter");
    }

    [Theory]
    [InlineData("nl", "CONCEPT – NOG NIET GOEDGEKEURD", "-nl-CONCEPT.pdf")]
    [InlineData("en", "DRAFT – NOT YET APPROVED", "-en-DRAFT.pdf")]
    public void ARefusalLetterBeforeApprovalSaysItIsADraftInTheBandTitleAndFileName(string language, string band, string suffix)
    {
        var input = LetterCases.Case(RequestType.Access, language, (request, _) =>
            request.ProposeRejection(LetterCases.Officer, LetterCases.At(5), new RefusalProposal(RequestRefusalGround.ManifestlyUnfounded,
                "Het verzoek gaat over een ander.", Demonstration: "De gevraagde gegevens horen bij een ander."), []).Succeeds());

        var (document, text) = Render(DocumentKind.Refusal, input, $"letter-refusal-draft-{language}");

        text.ShouldContain(band);
        using (var pdf = PdfDocument.Open(document.Content))
        {
            pdf.Information.Title.ShouldBe(language == "nl" ? "CONCEPT – Afwijzing van uw verzoek" : "DRAFT – Refusal of your request");
        }
        document.FileName.ShouldBe(LetterCases.Reference + "-refusal" + suffix);
    }

    [Theory]
    [InlineData("nl", "CONCEPT – NOG NIET GOEDGEKEURD")]
    [InlineData("en", "DRAFT – NOT YET APPROVED")]
    public void AResponseLetterBeforeApprovalIsADraftAndAfterApprovalIsNot(string language, string band)
    {
        var (draft, draftText) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasure), $"letter-response-draft-{language}");
        var (approved, approvedText) = Render(DocumentKind.Response, LetterCases.Case(RequestType.Erasure, language, LetterCases.DecideErasureAndApprove));

        draftText.ShouldContain(band);
        draft.FileName.ShouldEndWith(language == "nl" ? "-CONCEPT.pdf" : "-DRAFT.pdf");
        approvedText.ShouldNotContain(band);
        approved.FileName.ShouldBe(LetterCases.Reference + $"-response-{language}.pdf");
    }

    [Fact]
    public void AProposedRefusalCanBeDraftedForTheTeamLeadBeforeApproval()
    {
        var input = LetterCases.Case(RequestType.Access, "nl", (request, _) =>
            request.ProposeRejection(LetterCases.Officer, LetterCases.At(5), new RefusalProposal(RequestRefusalGround.ManifestlyUnfounded, "Het verzoek gaat over een ander.", Demonstration: "De gevraagde gegevens horen bij een ander."), []).Succeeds());

        var (_, text) = Render(DocumentKind.Refusal, input, "letter-refusal-proposed-nl");

        text.ShouldContain("Uw verzoek is kennelijk ongegrond.");
        text.ShouldContain("Het verzoek gaat over een ander.");
    }

    [Fact]
    public void TheRecipientNotificationGoesToTheRecipientWithOnlyTheNameAndCustomerNumberOfTheSubject()
    {
        var input = LetterCases.Case(RequestType.Erasure, "nl");
        var planned = LetterCases.PlanNotifications(input.Request, input);

        var (_, text) = Render(DocumentKind.RecipientNotification, input with { RecipientNotificationId = planned[0].Id });

        text.ShouldContain("Salesforce Marketing Cloud (verwerker) Ons kenmerk");
        text.ShouldNotContain("Uw verzoek van", Case.Sensitive, "the recipient made no request");
        text.ShouldContain("Geachte heer, mevrouw,");
        text.ShouldContain("(art. 19 AVG)");
        text.ShouldContain("Naam Zoë van Dĳk-Çelik");
        text.ShouldContain("Klantnummer C-100042");
        text.ShouldContain("Doel Marketing door ons");
        text.ShouldContain("wissen, tenzij u een eigen wettelijke plicht hebt");
        text.ShouldNotContain(LetterCases.SubjectEmail);
        text.ShouldNotContain("Geachte Zoë");
    }

    [Fact]
    public void ARecipientNotificationWithoutARecipientOfTheCaseIsACodedError()
    {
        var input = LetterCases.Case(RequestType.Erasure, "nl");
        LetterCases.PlanNotifications(input.Request, input);

        DocumentRenderer.Render(DocumentKind.RecipientNotification, input).Errors.Select(e => e.Code).ShouldBe(["document.recipient_required"]);
        DocumentRenderer.Render(DocumentKind.RecipientNotification, input with { RecipientNotificationId = Guid.NewGuid() })
            .Errors.Select(e => e.Code).ShouldBe(["document.recipient_required"]);
    }

    [Fact]
    public void TheRestrictionLiftNoticeSaysWhenTheRestrictionWasAppliedFromWhenItIsLiftedAndWhy()
    {
        var (_, nl) = Render(DocumentKind.RestrictionLiftNotice, LetterCases.Case(RequestType.Restriction, "nl", LetterCases.Restrict));
        var (_, en) = Render(DocumentKind.RestrictionLiftNotice, LetterCases.Case(RequestType.Restriction, "en", LetterCases.Restrict));

        nl.ShouldContain("op 16 april 2026 de verwerking van uw persoonsgegevens beperkt");
        nl.ShouldContain("(art. 18 lid 3 AVG)");
        nl.ShouldContain("met ingang van 5 mei 2026");
        nl.ShouldContain("Marketing door ons");
        en.ShouldContain("(Art. 18(3) GDPR)");
        en.ShouldContain("with effect from 5 May 2026");
    }

    [Theory]
    [InlineData(DocumentKind.ExtensionNotice, RequestType.Erasure)]
    [InlineData(DocumentKind.FeeNotice, RequestType.Access)]
    [InlineData(DocumentKind.Refusal, RequestType.Access)]
    [InlineData(DocumentKind.RestrictionLiftNotice, RequestType.Restriction)]
    [InlineData(DocumentKind.RestrictionLiftNotice, RequestType.Erasure)]
    [InlineData(DocumentKind.RecipientNotification, RequestType.Access)]
    [InlineData(DocumentKind.Response, RequestType.Access)]
    public void ALetterTheCaseDoesNotSupportIsACodedErrorWithADutchAndEnglishMessage(DocumentKind kind, RequestType type)
    {
        var input = LetterCases.Case(type, "nl");
        if (kind == DocumentKind.RecipientNotification)
        {
            input = input with { RecipientNotificationId = Guid.NewGuid() };
        }

        var result = DocumentRenderer.Render(kind, input);

        result.IsFailure.ShouldBeTrue();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBeOneOf("document.not_available", "document.recipient_required");
        ErrorCatalog.Message(error, "nl").ShouldNotBeNullOrWhiteSpace();
        ErrorCatalog.Message(error, "en").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void AMissingExtensionGivesTheNotAvailableCodeNamingWhatIsMissing()
    {
        var result = DocumentRenderer.Render(DocumentKind.ExtensionNotice, LetterCases.Case(RequestType.Erasure, "en"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(DocumentErrors.NotAvailable.Code);
        error.Arguments!["missing"].ShouldBe("extension");
    }

    [Fact]
    public void AHostileDescriptionWithEmojiMarkupAndTenThousandCharactersRendersShortenedAndLiterally()
    {
        var hostile = "Verwijder alles 😀🔥 <b>vet</b> {{naam}} **markdown** \u0007\r\n" + string.Concat(Enumerable.Repeat("Zoë-ĳ-€ ", 1250));
        hostile = hostile[..10_000];
        var input = LetterCases.Case(RequestType.Erasure, "nl", description: hostile,
            subjectName: "Zoë 😀 <script>alert(1)</script> " + new string('W', 150));

        var (document, text) = Render(DocumentKind.Acknowledgement, input, "letter-hostile");

        // The 10,000 characters are shortened to a quote; only the absurd name pushes the closing to a second page.
        document.PageCount.ShouldBe(2);
        var pages = Pdf.PageTexts(document.Content);
        pages[1].ShouldContain("Pagina 2 van 2");
        pages[1].ShouldContain("Met vriendelijke groet, Fatima de Vries");
        // 😀 prints from the DejaVu Sans fallback (ADR 0025); 🔥 is in no installed font and becomes "?".
        text.ShouldContain("Verwijder alles 😀? <b>vet</b> {{naam}} **markdown**");
        text.ShouldContain("(ingekort; uw volledige tekst van 10000 tekens staat in ons dossier)");
        text.ShouldContain("<script>alert(1)</script>");
        text.ShouldContain("uiterlijk op 15 mei 2026", Case.Sensitive, "the rest of the letter still follows");
    }

    [Theory]
    [InlineData("nl", "Geachte 𝐉𝐚𝐧 de Vries,")]
    [InlineData("en", "Dear 𝐉𝐚𝐧 de Vries,")]
    public void ANameInMathematicalLettersPrintsAsTheSubjectWroteIt(string language, string salutation)
    {
        var input = LetterCases.Case(RequestType.Access, language, subjectName: "𝐉𝐚𝐧 de Vries");

        var (_, text) = Render(DocumentKind.Acknowledgement, input, "letter-non-bmp-" + language);

        text.ShouldContain(salutation);
        text.ShouldNotContain("??? de Vries");
    }

    [Fact]
    public void AnUnconfirmedControllerProfilePrintsADoNotSendBand()
    {
        var (_, nl) = Render(DocumentKind.Acknowledgement, LetterCases.Case(RequestType.Access, "nl", example: true), "letter-example-nl");
        var (_, en) = Render(DocumentKind.Acknowledgement, LetterCases.Case(RequestType.Access, "en", example: true), "letter-example-en");

        nl.ShouldContain("VOORBEELDGEGEVENS – NIET VERSTUREN");
        en.ShouldContain("EXAMPLE DATA – DO NOT SEND");
    }
}
