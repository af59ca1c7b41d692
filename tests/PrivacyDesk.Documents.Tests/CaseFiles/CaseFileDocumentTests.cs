using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Documents.Tests.Layout;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Delivery;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using UglyToad.PdfPig;

namespace PrivacyDesk.Documents.Tests.CaseFiles;

public sealed class CaseFileDocumentTests
{
    public CaseFileDocumentTests() => Pdf.UseMachineFonts();

    public static TheoryData<string, string[]> Headings => new()
    {
        {
            "nl",
            ["1. Samenvatting", "2. Tijdlijn", "3. Identiteitscontrole", "4. Besluiten per doel", "5. Goedkeuringen en terugverwijzingen",
             "6. Uitgegeven documenten", "7. Interne notities", "8. Uitvoering in de bronsystemen", "9. Correspondentie van de betrokkene", "10. Audittrail"]
        },
        {
            "en",
            ["1. Summary", "2. Timeline", "3. Identity verification", "4. Decisions per purpose", "5. Approvals and send-backs",
             "6. Documents issued", "7. Internal notes", "8. Carried out in the source systems", "9. Correspondence from the subject", "10. Audit trail"]
        },
    };

    [Theory]
    [MemberData(nameof(Headings))]
    public void ReadsBackWithTheCoverVerdictEverySectionTheLegalGroundTheAccentedNoteAndNumberedPages(string language, string[] headings)
    {
        var input = CaseFileCases.CaseFile(language);

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, $"case-file-{language}");

        var dutch = language == "nl";
        document.Kind.ShouldBe(DocumentKind.CaseFile);
        document.FileName.ShouldBe($"DSR-2026-000123-case-file-{language}.pdf");
        document.FileName.ShouldNotContain("Öztürk");
        var pages = Pdf.PageTexts(document.Content);
        pages.Count.ShouldBe(document.PageCount!.Value);
        pages.Count.ShouldBeGreaterThan(2);
        var cover = pages[0];
        cover.ShouldContain(dutch ? "Dossier" : "Case file");
        cover.ShouldContain("DSR-2026-000123");
        cover.ShouldContain(CaseFileCases.SubjectName);
        cover.ShouldContain(dutch ? "Verwijdering (art. 17 AVG)" : "Erasure (Art. 17 GDPR)");
        cover.ShouldContain(dutch ? "Beantwoord" : "Responded");
        cover.ShouldContain(dutch ? "Audittrail intact" : "Audit trail intact");
        cover.ShouldContain(dutch ? "25 november 2026 10:30" : "25 November 2026 10:30", Case.Sensitive, "generated at, in Amsterdam time");
        cover.ShouldContain(CaseFileCases.Auditor.Name);
        foreach (var heading in headings)
        {
            cover.ShouldNotContain(heading, Case.Sensitive, "the cover is a page of its own");
        }

        var body = string.Join(" ", pages.Skip(1));
        var at = headings.Select(h => body.IndexOf(h, StringComparison.Ordinal)).ToList();
        at.ShouldAllBe(i => i >= 0, $"every section heading appears: {string.Join(", ", headings.Where(h => !body.Contains(h, StringComparison.Ordinal)))}");
        at.ShouldBe(at.Order().ToList(), "sections in order");

        body.ShouldContain(dutch ? "Wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)" : "Legal obligation to retain (Art. 17(3)(b) GDPR)", Case.Sensitive);
        body.ShouldContain(CaseFileCases.Retention);
        body.ShouldContain(dutch ? "Gedeeltelijk honoreren (geldend)" : "Comply in part (current)");
        body.ShouldContain(dutch ? "Honoreren (vervangen)" : "Comply (replaced)");
        body.ShouldContain(dutch ? "11 mei 2026" : "11 May 2026", Case.Sensitive, "the extended deadline");
        body.ShouldContain(dutch ? "vernietigd op" : "deleted on");
        body.ShouldContain(dutch ? "Teruggestuurd" : "Sent back");
        body.ShouldContain("Noem in de brief tot wanneer de transacties bewaard blijven.");
        body.ShouldContain("9988776655443322110099887766554433221100aabbccddeeff001122334455", Case.Sensitive, "a document's SHA-256 in full");
        body.ShouldContain(dutch ? "Antwoord op uw verzoek versie 2" : "Response to your request version 2");
        body.ShouldContain("Zürich gaat. Café-gesprek bevestigd");
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain(dutch ? $"Pagina {i + 1} van {pages.Count}" : $"Page {i + 1} of {pages.Count}");
        }

        using var pdf = PdfDocument.Open(document.Content);
        pdf.Information.Title.ShouldBe($"{(dutch ? "Dossier" : "Case file")} DSR-2026-000123");
        pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ShouldAllBe(name => name != null && name.Contains('+'), "fonts are subset-embedded");
    }

    [Fact]
    public void TheAuditTrailSectionListsEveryEventAndStatesTheVerificationBeforeAndAfterTheTable()
    {
        var input = CaseFileCases.CaseFile("nl");

        var content = DocumentRenderer.RenderCaseFile(input).Content;
        var pages = Pdf.PageTexts(content);
        var changes = ChangeColumn(content, "nl");

        var trail = string.Join(" ", pages.SkipWhile(p => !p.Contains("10. Audittrail", StringComparison.Ordinal)));
        var header = "Nr. Moment Wie Handeling Object Reden / wijziging Hash";
        var statement = $"Verificatie van de hashketen: Audittrail intact {input.AuditTrail.Count} gebeurtenissen gecontroleerd";
        trail.IndexOf(statement, StringComparison.Ordinal).ShouldBeLessThan(trail.IndexOf(header, StringComparison.Ordinal));
        trail.LastIndexOf(statement, StringComparison.Ordinal).ShouldBeGreaterThan(trail.LastIndexOf(input.AuditTrail[^1].Hash[..12], StringComparison.Ordinal));
        foreach (var audit in input.AuditTrail)
        {
            trail.ShouldContain(audit.Hash[..12]);
        }
        trail.ShouldContain("verlengde de termijn");
        changes.ShouldContain("Status: In behandeling → Wacht op goedkeuring");
        changes.ShouldNotContain("InProgress");
        changes.ShouldNotContain("Comply");
        changes.ShouldContain("Doel: Nieuwsbrief", Case.Sensitive, "a purpose by its name");
        changes.ShouldContain("Verlengde termijn: – → 11 mei 2026", Case.Sensitive, "a field by its label, a date as the file writes dates");
        changes.ShouldContain("Identiteitsbewijs ontvangen op: 11 feb 2026 12:00", Case.Sensitive, "an instant in Amsterdam time, not raw ISO");
        changes.ShouldContain("Gegevens in vijf bronsystemen; de archiefafdeling levert pas in april. · Termijn", Case.Sensitive, "the reason of the extension, then what changed");
    }

    [Theory]
    [InlineData("nl", "Audittrail GEBROKEN bij volgnummer 42")]
    [InlineData("en", "Audit trail BROKEN at sequence 42")]
    public void ATamperedTrailMakesTheCoverAndTheTrailSectionSayItIsBrokenAt42(string language, string verdict)
    {
        var intact = CaseFileCases.CaseFile(language, extraEvents: 60);
        var input = intact with { ChainCheck = new AuditChainCheck(false, 4_321, FirstBrokenSequence: 42, intact.ChainCheck.CheckedAt) };

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, $"case-file-broken-{language}");

        var pages = Pdf.PageTexts(document.Content);
        pages[0].ShouldContain(verdict);
        pages[0].ShouldNotContain(language == "nl" ? "Audittrail intact" : "Audit trail intact");
        var trail = string.Join(" ", pages.SkipWhile(p => !p.Contains(language == "nl" ? "10. Audittrail" : "10. Audit trail", StringComparison.Ordinal)));
        var first = trail.IndexOf(verdict, StringComparison.Ordinal);
        var last = trail.LastIndexOf(verdict, StringComparison.Ordinal);
        first.ShouldBeGreaterThanOrEqualTo(0, "stated at the start of the trail section");
        last.ShouldBeGreaterThan(first, "and again at its end");
        trail.ShouldContain(language == "nl" ? "Eerste gebroken volgnummer: 42" : "First broken sequence: 42");
        trail.ShouldContain(language == "nl" ? "4.321 gebeurtenissen gecontroleerd" : "4,321 events checked");
    }

    [Theory]
    [InlineData("nl", "NIET TE VERTROUWEN")]
    [InlineData("en", "CANNOT BE TRUSTED")]
    public void AnAlteredRowIsMarkedInWordsOnItsOwnLineOfTheTrailTableAndNoOtherIs(string language, string mark)
    {
        var intact = CaseFileCases.CaseFile(language);
        var altered = intact.AuditTrail[2];
        var input = intact with
        {
            ChainCheck = new AuditChainCheck(false, 4_321, altered.Sequence, intact.ChainCheck.CheckedAt, new HashSet<long> { altered.Sequence }),
        };

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, $"case-file-altered-row-{language}");

        using var pdf = PdfDocument.Open(document.Content);
        var marks = new List<double>();
        double? alteredRow = null;
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var first = mark.Split(' ')[0];
            marks.AddRange(words.Where(w => w.Text == first).Select(w => w.BoundingBox.Bottom));
            if (words.FirstOrDefault(w => w.Text == altered.Hash[..12]) is { } hash)
            {
                alteredRow = hash.BoundingBox.Top;
            }
        }
        marks.Count.ShouldBe(1, "one row is marked");
        alteredRow.ShouldNotBeNull();
        Math.Abs(marks[0] - alteredRow.Value).ShouldBeLessThan(10, "the mark sits on the altered row, beside its hash");
        ChangeColumn(document.Content, language).ShouldContain(mark);
    }

    [Fact]
    public void ACaseWithTenThousandAuditEventsPaginatesWithTheHeaderRepeatedAndEveryPageNumbered()
    {
        var input = CaseFileCases.CaseFile("en", extraEvents: 10_000 - CaseFileCases.CaseFile("en").AuditTrail.Count);
        input.AuditTrail.Count.ShouldBe(10_000);

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, "case-file-10000-en");

        var pages = Pdf.PageTexts(document.Content);
        pages.Count.ShouldBe(document.PageCount!.Value);
        // 8,000 of the events are two people opening the case every few minutes: folded to one row per person per day.
        // About 40 one-line rows per page for the rest: about a hundred pages, not thousands, and not a truncated table.
        pages.Count.ShouldBeInRange(60, 300);
        var trailStart = pages.ToList().FindIndex(p => p.Contains("10. Audit trail", StringComparison.Ordinal));
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain($"Page {i + 1} of {pages.Count}");
            if (i > trailStart && i < pages.Count - 1)
            {
                pages[i].ShouldContain("Seq. Moment Actor Action Entity Reason / change Hash", Case.Sensitive, $"page {i + 1} repeats the trail's header");
            }
        }
        var all = string.Join(" ", pages);
        var changes = input.AuditTrail.Where(e => e.Action != "request.viewed").ToList();
        all.ShouldContain(changes[changes.Count / 2].Hash[..12]);
        all.ShouldContain(changes[^1].Hash[..12]);
        all.ShouldContain("times this day, last at");
    }

    [Fact]
    public void LongTimelineAndReviewTablesRepeatTheirHeaderOnEveryPageTheyContinueOn()
    {
        var input = CaseFileCases.CaseFile("en", sendBacks: 40);

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, "case-file-many-send-backs");

        var pages = Pdf.PageTexts(document.Content);
        // The trail (with its own header) speaks the same words now: the timeline is the pages before it.
        var timeline = pages.Where(p => p.Contains("Awaiting approval → In progress", StringComparison.Ordinal) && !p.Contains("Reason / change", StringComparison.Ordinal)).ToList();
        timeline.Count.ShouldBeGreaterThan(1, "81 status changes need more than a page");
        timeline.ShouldAllBe(p => p.Contains("Moment Status By Reason", StringComparison.Ordinal));
        var reviews = pages.Where(p => p.Contains("Sent back", StringComparison.Ordinal)).ToList();
        reviews.Count.ShouldBeGreaterThan(1, "40 send-backs and an approval need more than a page");
        reviews.ShouldAllBe(p => p.Contains("Outcome Team lead Moment Comment", StringComparison.Ordinal));
        string.Join(" ", pages).ShouldContain("Ronde 40: nog niet goed.");
    }

    [Fact]
    public void ALongNoteContinuesAcrossAPageAndHostileTextRendersAsText()
    {
        var hostile = "<b>vet</b> {{sjabloon}} \u0007 😀 " + new string('W', 300);
        var input = CaseFileCases.CaseFile("nl", longNote: CaseFileCases.LongNote() + " " + hostile);

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, "case-file-long-note");

        var pages = Pdf.PageTexts(document.Content);
        var withNote = pages.Select((text, index) => (text, index)).Where(p => p.text.Contains("Financiële Zaken", StringComparison.Ordinal)).Select(p => p.index).ToList();
        withNote.Count.ShouldBeGreaterThan(1, "the long note runs onto a second page");
        withNote.ShouldBe(Enumerable.Range(withNote[0], withNote.Count).ToList(), "on consecutive pages");
        var all = string.Join(" ", pages);
        all.ShouldContain("Einde notitie.");
        all.ShouldContain("<b>vet</b> {{sjabloon}}");
    }

    [Theory]
    [InlineData("nl", "opende de zaak", "× op deze dag, laatst om")]
    [InlineData("en", "opened the case", " times this day, last at")]
    public void RepeatedViewsFoldIntoOneLinePerPersonPerDayWithACount(string language, string opened, string count)
    {
        // 20 views, alternating officer and team lead, 7 minutes apart: all on one day in Amsterdam.
        var input = CaseFileCases.CaseFile(language, extraEvents: 25);
        var views = input.AuditTrail.Where(e => e.Action == "request.viewed").ToList();
        views.Select(e => e.ActorId).Distinct().Count().ShouldBe(2);

        var document = DocumentRenderer.RenderCaseFile(input);
        Pdf.Keep(document.Content, "case-file-folded-views-" + language);

        var trail = string.Join(" ", Pdf.PageTexts(document.Content));
        CountOf(trail, opened).ShouldBe(2, "one line per person for the day");
        trail.ShouldContain("10" + count);
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

    [Fact]
    public void AuditJsonIsSummarisedShortlyAndNeverPrintedRaw()
    {
        var request = CaseFileCases.Case("nl");
        var huge = new string('x', 2_000_000);
        var change = new DomainChange("request.imported", DataSubjectRequest.AuditEntityType, request.Request.Id.ToString(), "officer-1", "Olga Officier",
            CaseFileCases.At(200), new Dictionary<string, string?> { ["status"] = "Received" },
            new Dictionary<string, string?> { ["status"] = "InProgress", ["blob"] = huge }, "Omdat het moest");
        var input = CaseFileCases.CaseFile(request, appended: [AuditEvent.From(change)]);

        var document = DocumentRenderer.RenderCaseFile(input);

        Pdf.Keep(document.Content, "case-file-huge-json");
        document.Content.Length.ShouldBeLessThan(500_000);
        var all = string.Join(" ", Pdf.PageTexts(document.Content));
        var changes = ChangeColumn(document.Content, "nl");
        changes.ShouldContain("Omdat het moest · Blob: x");
        changes.ShouldContain("x…; Status: Ontvangen → In behandeling", Case.Sensitive, "the two-megabyte value cut to a few dozen characters");
        all.ShouldNotContain(new string('x', 60));
    }

    [Fact]
    public void TheDutchCaseFileNamesTheAnswerLinksAndMessagesFieldsInDutch()
    {
        var input = CaseFileCases.Case("nl");
        var request = input.Request;
        var portal = new Actor("portal", "Privacyportaal", []);
        var document = Guid.CreateVersion7();
        var delivery = ResponseDelivery.Create(request.Id, "hash", AnswerDeliveryMethod.Link, [new OfferedDocument(document, DocumentKind.Response)],
            CaseFileCases.At(170), 14, CaseFileCases.Officer).Value!;
        delivery.RecordDownload(document, CaseFileCases.At(171), portal).IsSuccess.ShouldBeTrue();
        delivery.Extend(7, CaseFileCases.At(172), CaseFileCases.Officer).IsSuccess.ShouldBeTrue();
        request.ReceiveSubjectMessage(portal, CaseFileCases.At(173), SubjectMessageChannel.Portal, "Wanneer hoor ik iets?").IsSuccess.ShouldBeTrue();
        var appended = delivery.PendingChanges.Append(ResponseDelivery.Locked(delivery.Id, request.Id, false, CaseFileCases.At(174), portal))
            .Select(AuditEvent.From);

        var rendered = DocumentRenderer.RenderCaseFile(CaseFileCases.CaseFile(input, appended: appended));

        Pdf.Keep(rendered.Content, "case-file-delivery-fields-nl");
        var changes = ChangeColumn(rendered.Content, "nl");
        changes.ShouldContain("Bezorging: ");
        changes.ShouldContain("Verkeerde codes: 10");
        changes.ShouldContain("Link geldig tot: ");
        changes.ShouldContain("Documenten: ");
        changes.ShouldContain("Bericht: ");
        foreach (var english in new[] { "Delivery id", "Wrong codes", "Expires at", "Document id", "Documents:", "Message id" })
        {
            changes.ShouldNotContain(english, Case.Insensitive);
        }
    }

    /// <summary>The trail's "Reason / change" column, read top to bottom across all pages, so a summary that wraps reads as one text.</summary>
    private static string ChangeColumn(byte[] content, string language)
    {
        var reason = language == "nl" ? "Reden" : "Reason";
        using var pdf = PdfDocument.Open(content);
        var text = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var header = words.FirstOrDefault(w => w.Text == reason);
            var hash = words.FirstOrDefault(w => w.Text == "Hash" && header is not null && Math.Abs(w.BoundingBox.Bottom - header.BoundingBox.Bottom) < 1);
            if (header is null || hash is null)
            {
                continue;
            }
            text.AddRange(words
                .Where(w => w.BoundingBox.Left >= header.BoundingBox.Left - 1 && w.BoundingBox.Left < hash.BoundingBox.Left - 1 && w.BoundingBox.Bottom < header.BoundingBox.Bottom - 1)
                .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom))
                .ThenBy(w => w.BoundingBox.Left)
                .Select(w => w.Text));
        }
        return string.Join(" ", text);
    }
}
