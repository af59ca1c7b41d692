using System.Globalization;
using PrivacyDesk.Documents.Composition;
using PrivacyDesk.Documents.Layout;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Documents.Register;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Documents.DataCopies;

/// <summary>
/// The copy of personal data (Art. 15(3)): a cover letter, then part 1 with the collected data per source
/// system (each system labelled with the purposes that use it, its extract date, file and SHA-256), then
/// part 2 with the Art. 15(1)(a)–(h) and 15(2) information for exactly the purposes that process the
/// subject's data, and the subject's rights. Grouping: ADR 0018.
/// </summary>
public static class CopyOfDataDocument
{
    /// <summary>Tables with more columns than this are shown per record as "field: value" (A4 portrait has room for about five).</summary>
    public const int MaxTableColumns = 5;

    private const double KeyWidth = 150;

    public static Result<RenderedDocument> Render(CaseDocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var language = input.Language;
        var title = DocumentNames.Title(DocumentKind.CopyOfData, language);
        var reference = input.Request.Reference.ToString();
        var groups = SourceSystemGroups.Of(input.Extracts, input.Purposes);

        var output = Document.Create(document =>
        {
            document.Metadata(new DocumentMetadata(title, reference, input.Controller.Name, DocumentFormat.IsDutch(language) ? "nl-NL" : "en-GB", input.GeneratedAt));
            document.Page(page => StandardPage.Apply(page, input.Controller, language, content => CoverLetter(content, input, groups, title)));
            document.Page(page => StandardPage.Apply(page, input.Controller, language, content => content.Column(column =>
            {
                column.Spacing(10);
                Data(column, input, groups);
                column.Item().PageBreak();
                Information(column, input);
                Rights(column, input);
            })));
        }).Generate();

        return Result<RenderedDocument>.Of(new RenderedDocument(DocumentKind.CopyOfData, language,
            DocumentNames.FileName(DocumentKind.CopyOfData, reference, language), RenderedDocument.PdfContentType, output.Content, output.PageCount));
    }

    // ----- cover letter -----

    private static void CoverLetter(Container content, CaseDocumentInput input, IReadOnlyList<SourceSystemGroup> groups, string title)
    {
        var language = input.Language;
        var records = groups.Sum(g => g.Extracts.Sum(e => e.Table.RowCount));
        var empty = input.Request.CollectionTasks
            .Where(t => t.Status == DataCollectionStatus.NotApplicable)
            .Select(t => t.SourceSystem)
            .Where(s => !groups.Any(g => string.Equals(g.SourceSystem, s.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

        content.Column(column =>
        {
            column.Spacing(10);
            column.Item().Text(t => t.Span(title).Bold().FontSize(16).FontColor(Colors.Accent));
            column.Item().KeyValue(kv =>
            {
                kv.KeyColumnWidth(110);
                kv.Pair(T(language, "Aan", "To"), input.Subject.FullName);
                if (!string.IsNullOrWhiteSpace(input.Subject.CustomerNumber))
                {
                    kv.Pair(T(language, "Klantnummer", "Customer number"), input.Subject.CustomerNumber);
                }
                kv.Pair(T(language, "Ons kenmerk", "Our reference"), input.Request.Reference.ToString());
                kv.Pair(T(language, "Uw verzoek van", "Your request of"), DocumentFormat.Date(input.Request.ReceivedOn, language));
                kv.Pair(T(language, "Datum", "Date"), DocumentFormat.Date(input.GeneratedAt, input.TimeZone, language));
            });
            column.Item().PaddingTop(6).Text(T(language, $"Geachte {input.Subject.FullName},", $"Dear {input.Subject.FullName},"));
            column.Item().Text(T(language,
                $"Op {DocumentFormat.Date(input.Request.ReceivedOn, language)} vroeg u ons welke persoonsgegevens wij over u verwerken (art. 15 AVG). Hierbij ontvangt u een kopie van die gegevens (art. 15 lid 3 AVG). Deze eerste kopie is kosteloos.",
                $"On {DocumentFormat.Date(input.Request.ReceivedOn, language)} you asked us which personal data we process about you (Art. 15 GDPR). Enclosed is a copy of those data (Art. 15(3) GDPR). This first copy is free of charge."));
            column.Item().Text(T(language, "Dit document bestaat uit twee delen:", "This document has two parts:"));
            column.Item().List(list =>
            {
                list.Spacing(4);
                list.Item().Text(t =>
                {
                    t.Span(T(language, "Deel 1, uw gegevens: ", "Part 1, your data: ")).Bold();
                    t.Span(groups.Count == 0
                        ? T(language, "wij hebben in onze systemen geen gegevens over u aangetroffen.", "we found no data about you in our systems.")
                        : T(language,
                            $"wat wij in {Count(groups.Count, "systeem", "systemen", language)} over u hebben vastgelegd ({Count(records, "record", "records", language)}), per systeem, met de doelen waarvoor dat systeem wordt gebruikt.",
                            $"what {Count(groups.Count, "system", "systems", language)} hold about you ({Count(records, "record", "records", language)}), per system, with the purposes that system is used for."));
                });
                list.Item().Text(t =>
                {
                    t.Span(T(language, "Deel 2, wat wij met uw gegevens doen: ", "Part 2, what we do with your data: ")).Bold();
                    t.Span(T(language,
                        $"per doel ({input.Purposes.Count}) waarom wij uw gegevens gebruiken en op welke rechtsgrond, welke gegevens, aan wie wij ze verstrekken, hoe lang wij ze bewaren, waar ze vandaan komen en of wij geautomatiseerd besluiten (art. 15 lid 1 en 2 AVG). Daarna uw rechten.",
                        $"per purpose ({input.Purposes.Count}) why we use your data and on which legal ground, which data, to whom we disclose them, how long we keep them, where they come from and whether we take automated decisions (Art. 15(1) and (2) GDPR). Then your rights."));
                });
            });
            if (empty.Count > 0)
            {
                column.Item().Text(T(language,
                    $"In deze systemen hebben wij geen gegevens over u gevonden: {string.Join(", ", empty)}.",
                    $"We found no data about you in these systems: {string.Join(", ", empty)}."));
            }
            column.Item().Text(T(language,
                "Bij elk systeem staat een SHA-256-vingerafdruk van het bestand dat het systeem leverde. Daarmee kunnen wij, of een toezichthouder, later aantonen dat deze kopie overeenkomt met wat wij hebben verzameld.",
                "Each system shows a SHA-256 fingerprint of the file that system delivered. With it we, or a regulator, can later show that this copy matches what we collected."));
            column.Item().Text(T(language,
                $"Klopt er iets niet, of heeft u vragen? Neem contact op met ons via {input.Controller.Email} of met onze functionaris gegevensbescherming, {input.Controller.DpoName} ({input.Controller.DpoEmail}). Bent u het niet met ons eens, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (art. 77 AVG).",
                $"Is something wrong, or do you have questions? Contact us at {input.Controller.Email} or our data protection officer, {input.Controller.DpoName} ({input.Controller.DpoEmail}). If you disagree with us, you may lodge a complaint with the Autoriteit Persoonsgegevens, the Dutch data protection authority (Art. 77 GDPR)."));
            column.Item().PaddingTop(8).ShowEntire().Column(signature =>
            {
                signature.Item().Text(T(language, "Met vriendelijke groet,", "Kind regards,"));
                signature.Item().PaddingTop(14).Text(input.GeneratedBy);
                signature.Item().Text(T(language, $"Privacy Office, {input.Controller.Name}", $"Privacy Office, {input.Controller.Name}"), s => s with { Color = Colors.Muted });
            });
        });
    }

    // ----- part 1: the data -----

    private static void Data(ColumnDescriptor column, CaseDocumentInput input, IReadOnlyList<SourceSystemGroup> groups)
    {
        var language = input.Language;
        column.Item().Text(t => t.Span(T(language, "Deel 1. Uw gegevens, per systeem", "Part 1. Your data, per system")).Bold().FontSize(14).FontColor(Colors.Accent));
        column.Item().Text(T(language,
            "Wij leggen gegevens vast in systemen, niet per doel. Daarom staan uw gegevens hieronder per systeem, met de doelen waarvoor dat systeem wordt gebruikt. Wat elk doel inhoudt, leest u in deel 2.",
            "We record data in systems, not per purpose. Your data are therefore shown per system below, with the purposes that system is used for. Part 2 explains each purpose."));
        if (groups.Count == 0)
        {
            column.Item().Text(T(language, "Wij hebben in onze systemen geen gegevens over u aangetroffen.", "We found no data about you in our systems."), s => s with { Italic = true });
            return;
        }
        var number = 0;
        foreach (var group in groups)
        {
            number++;
            foreach (var extract in group.Extracts)
            {
                // Heading and data together: a short table moves whole, a long one starts under its heading.
                column.Item().PaddingTop(6).ShowEntire().Column(head =>
                {
                    head.Spacing(8);
                    head.Item().BorderBottom(0.75, Colors.Accent).PaddingBottom(2)
                        .Text(t => t.Span($"1.{number.ToString(CultureInfo.InvariantCulture)} {group.SourceSystem}").Bold().FontSize(12).FontColor(Colors.Accent));
                    head.Item().DefaultTextStyle(s => s with { Size = 8.5 }).KeyValue(kv =>
                    {
                        kv.KeyColumnWidth(KeyWidth).Spacing(1);
                        kv.Pair(T(language, "Gebruikt voor", "Used for"), group.Purposes.Count == 0
                            ? T(language, "geen van de doelen in deel 2", "none of the purposes in part 2")
                            : string.Join("; ", group.Purposes.Select(p => p.Name.In(language))));
                        kv.Pair(T(language, "Uittreksel ontvangen", "Extract received"), DocumentFormat.DateTime(extract.ReceivedAt, input.TimeZone, language));
                        kv.Pair(T(language, "Bestand", "File"), extract.FileName);
                        kv.Pair(T(language, "Aantal records", "Records"), Records(extract.Table));
                        kv.Pair("SHA-256", extract.Sha256);
                    });
                    var parts = extract.Table.Parts;
                    Section(head, parts[0], language);
                });
                // A fetched extract: one sub-heading per source table, each with only that table's columns.
                foreach (var section in extract.Table.Parts.Skip(1))
                {
                    column.Item().PaddingTop(2).ShowEntire().Column(part => Section(part, section, language));
                }
            }
        }
    }

    /// <summary>The record count; for a fetched extract also per table ("7: klanten 1, rekeningen 2, ...").</summary>
    private static string Records(ExtractTable table)
    {
        var total = table.RowCount.ToString(CultureInfo.InvariantCulture);
        return table.HasSections
            ? $"{total}: {string.Join(", ", table.Sections.Select(s => $"{s.Name} {s.RowCount.ToString(CultureInfo.InvariantCulture)}"))}"
            : total;
    }

    private static void Section(ColumnDescriptor column, ExtractSection section, string language)
    {
        if (section.Name is not null)
        {
            column.Item().PaddingTop(4).Text(t =>
            {
                t.Span(section.Name).Bold().FontSize(10.5);
                t.Span($" · {Count(section.RowCount, "record", "records", language)}").FontColor(Colors.Muted);
            });
        }
        Table(column, section, language);
    }

    private static void Table(ColumnDescriptor column, ExtractSection table, string language)
    {
        if (table.RowCount == 0)
        {
            column.Item().Text(T(language, "Geen records.", "No records."), s => s with { Italic = true });
            return;
        }
        if (table.Columns.Count <= MaxTableColumns)
        {
            column.Item().DefaultTextStyle(s => s with { Size = 8.5 }).Table(grid =>
            {
                grid.ColumnsDefinition(c =>
                {
                    foreach (var _ in table.Columns)
                    {
                        c.RelativeColumn();
                    }
                });
                grid.Header(h =>
                {
                    foreach (var name in table.Columns)
                    {
                        h.Cell().Text(name);
                    }
                });
                foreach (var row in table.Rows)
                {
                    for (var i = 0; i < table.Columns.Count; i++)
                    {
                        grid.Cell().Text(Value(i < row.Count ? row[i] : ""));
                    }
                }
            });
            return;
        }
        // Too wide for the page: "field: value" per record, two records side by side, each pair kept together where it fits.
        for (var start = 0; start < table.RowCount; start += 2)
        {
            var first = start;
            column.Item().ShowEntire().Row(row =>
            {
                row.Spacing(8);
                for (var index = first; index < first + 2; index++)
                {
                    var slot = row.RelativeItem();
                    if (index < table.RowCount)
                    {
                        Record(slot, table, index, language);
                    }
                }
            });
        }
    }

    private static void Record(Container slot, ExtractSection table, int index, string language)
    {
        var row = table.Rows[index];
        var number = index + 1;
        slot.Border(0.5, Colors.Rule).Padding(5).DefaultTextStyle(s => s with { Size = 8.5 }).Column(record =>
        {
            record.Item().Text(t => t.Span(T(language, $"Record {number} van {table.RowCount}", $"Record {number} of {table.RowCount}")).Bold().FontColor(Colors.Muted));
            record.Item().KeyValue(kv =>
            {
                kv.KeyColumnWidth(80).Spacing(1);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    kv.Pair(table.Columns[i], Value(i < row.Count ? row[i] : ""));
                }
            });
        });
    }

    private static string Value(string value) => string.IsNullOrWhiteSpace(value) ? "–" : value;

    // ----- part 2: Art. 15(1) and 15(2) per purpose -----

    private static void Information(ColumnDescriptor column, CaseDocumentInput input)
    {
        var language = input.Language;
        column.Item().Text(t => t.Span(T(language, "Deel 2. Wat wij met uw gegevens doen", "Part 2. What we do with your data")).Bold().FontSize(14).FontColor(Colors.Accent));
        column.Item().Text(T(language,
            "Hieronder staat per doel de informatie waarop u recht heeft volgens art. 15 lid 1 en 2 AVG, zoals ons register van verwerkingsactiviteiten die vastlegt.",
            "Below, per purpose, is the information you are entitled to under Art. 15(1) and (2) GDPR, as our record of processing activities holds it."));
        if (input.Purposes.Count == 0)
        {
            column.Item().Text(T(language, "Wij verwerken uw gegevens voor geen enkel doel.", "We process your data for no purpose."), s => s with { Italic = true });
        }
        var number = 0;
        foreach (var purpose in input.Purposes)
        {
            number++;
            column.Item().PaddingTop(6).Column(block =>
            {
                block.Item().ShowEntire().Column(head =>
                {
                    head.Item().BorderBottom(0.75, Colors.Accent).PaddingBottom(2)
                        .Text(t => t.Span($"2.{number.ToString(CultureInfo.InvariantCulture)} {purpose.Name.In(language)}").Bold().FontSize(12).FontColor(Colors.Accent));
                    head.Item().PaddingTop(4).Column(rows =>
                    {
                        rows.Spacing(3);
                        var kv = new KeyValueRows(rows, KeyWidth);
                        kv.Pair(T(language, "Waarom (doel)", "Why (purpose)"), purpose.Description.In(language));
                    });
                });
                block.Item().PaddingTop(3).Column(rows =>
                {
                    rows.Spacing(3);
                    var kv = new KeyValueRows(rows, KeyWidth);
                    kv.Pair(T(language, "Rechtsgrond", "Legal ground")).Column(bases =>
                    {
                        bases.Spacing(2);
                        foreach (var basis in purpose.LawfulBases.OrderBy(b => b.Kind))
                        {
                            bases.Item().Text(t =>
                            {
                                t.Span(RegisterWording.BasisWithArticle(basis.Kind, language)).Bold();
                                if (BasisExplanation(basis, language) is { } explanation)
                                {
                                    t.Span(": " + explanation);
                                }
                            });
                        }
                    });
                    kv.Pair(T(language, "Welke gegevens", "Which data"), string.Join("; ",
                        purpose.DataCategories.Select(c => $"{c.Name} ({RegisterWording.OriginToSubject(c.Origin, language)})")));
                    kv.Pair(T(language, "Ontvangers", "Recipients"), purpose.Recipients.Count == 0
                        ? T(language, "Geen", "None")
                        : string.Join("; ", purpose.Recipients.Select(r => RegisterWording.Recipient(r, language))));
                    kv.Pair(T(language, "Doorgifte buiten de EER", "Transfers outside the EEA"), purpose.Transfers.Count == 0
                        ? T(language, "Geen: de gegevens blijven binnen de Europese Economische Ruimte.", "None: the data stay within the European Economic Area.")
                        : string.Join("; ", purpose.Transfers.Select(t => RegisterWording.Transfer(t, language)))
                            + T(language, " (art. 15 lid 2 AVG; u kunt ons om een kopie van de waarborg vragen)", " (Art. 15(2) GDPR; you may ask us for a copy of the safeguard)"));
                    kv.Pair(T(language, "Bewaartermijn", "Retention"), Retention(purpose, input));
                    kv.Pair(T(language, "Herkomst", "Source"), Source(purpose, language));
                    kv.Pair(T(language, "Geautomatiseerde besluiten", "Automated decisions"), Automated(purpose, language));
                    kv.Pair(T(language, "Systemen", "Systems"), purpose.SourceSystems.Count == 0 ? "–" : string.Join(", ", purpose.SourceSystems));
                });
            });
        }
    }

    private static string? BasisExplanation(LawfulBasis basis, string language) => basis.Kind switch
    {
        LawfulBasisKind.Consent => basis.ConsentMechanism is { } m
            ? T(language, $"u heeft toestemming gegeven. Intrekken kan altijd: {m.HowWithdrawn}", $"you gave consent. You may withdraw it at any time: {m.HowWithdrawn}")
            : null,
        LawfulBasisKind.Contract => basis.ContractReference is { } contract
            ? T(language, $"nodig voor de overeenkomst met u ({contract})", $"necessary for the contract with you ({contract})")
            : null,
        LawfulBasisKind.LegalObligation => basis.LegalProvision is { } provision
            ? T(language, $"de wet verplicht ons hiertoe ({provision})", $"the law obliges us to do this ({provision})")
            : null,
        LawfulBasisKind.VitalInterests => basis.VitalInterestJustification,
        LawfulBasisKind.PublicTask => basis.PublicTaskLaw,
        _ => basis.Assessment is { } lia
            ? T(language, $"ons belang: {lia.PurposeTest}", $"our interest: {lia.PurposeTest}")
            : null,
    };

    private static string Retention(Purpose purpose, CaseDocumentInput input)
    {
        var language = input.Language;
        if (purpose.Retention is not { } retention)
        {
            return T(language, "Niet vastgelegd", "Not recorded");
        }
        var text = $"{RegisterWording.RetentionPeriod(retention, language)} ({retention.Ground}).";
        // Only a period from the end of the relationship gives a reliable personal date: the rights engine takes the
        // start of the relationship as the collection date, which would print a date already past (domain-rules §10.9).
        if (retention.Start == RetentionStart.AfterRelationshipEnd && RightsEngine.RetainUntil(purpose, input.Subject) is { } until)
        {
            return text + " " + T(language, $"Voor u: tot en met {DocumentFormat.Date(until, language)}.", $"For you: until {DocumentFormat.Date(until, language)}.");
        }
        return retention.Start == RetentionStart.AfterRelationshipEnd && input.Subject.RelationshipEnd is null
            ? text + " " + T(language, "De termijn begint pas als uw relatie met ons eindigt.", "The period starts only when your relationship with us ends.")
            : text;
    }

    private static string Source(Purpose purpose, string language)
    {
        var notFromSubject = purpose.DataCategories
            .Where(c => c.Origin is DataOrigin.ThirdParty or DataOrigin.InferredOrDerived)
            .Select(c => $"{c.Name} ({RegisterWording.OriginToSubject(c.Origin, language)})")
            .ToList();
        var fromSubject = T(language, "De gegevens komen van uzelf of uit uw gebruik van onze diensten.", "The data come from you or from your use of our services.");
        return notFromSubject.Count == 0
            ? fromSubject
            : T(language, "Niet van u afkomstig: ", "Not from you: ") + string.Join("; ", notFromSubject) + ". "
                + T(language, "De overige gegevens komen van uzelf of uit uw gebruik van onze diensten.", "The other data come from you or from your use of our services.");
    }

    private static string Automated(Purpose purpose, string language)
    {
        var adm = purpose.AutomatedDecisionMaking;
        if (adm is null || (!adm.InvolvesProfiling && !adm.SolelyAutomatedWithSignificantEffect))
        {
            return T(language, "Nee. Er worden geen besluiten over u genomen zonder menselijke tussenkomst.", "No. No decisions about you are taken without human involvement.");
        }
        if (!adm.SolelyAutomatedWithSignificantEffect)
        {
            return T(language, "Wij maken een profiel van u, maar nemen geen uitsluitend geautomatiseerde besluiten met gevolgen voor u.", "We build a profile of you, but take no solely automated decisions with effects for you.")
                + (string.IsNullOrWhiteSpace(adm.Logic) ? "" : " " + T(language, "Hoe het werkt: ", "How it works: ") + adm.Logic);
        }
        return T(language, "Ja (art. 22 AVG). ", "Yes (Art. 22 GDPR). ")
            + (adm.InvolvesProfiling ? T(language, "Dit doel gebruikt profilering. ", "This purpose uses profiling. ") : "")
            + (string.IsNullOrWhiteSpace(adm.Logic) ? "" : T(language, "Hoe het werkt: ", "How it works: ") + adm.Logic + " ")
            + T(language, "Grond: ", "Ground: ") + RegisterWording.AutomatedDecisionGround(adm.Ground, language) + ". "
            + T(language, "U kunt vragen dat een medewerker het besluit opnieuw beoordeelt, uw standpunt geven en het besluit aanvechten (art. 22 lid 3 AVG)",
                "You may ask for a member of staff to review the decision, give your view and contest the decision (Art. 22(3) GDPR)")
            + (string.IsNullOrWhiteSpace(adm.HumanInterventionRoute) ? "." : ": " + adm.HumanInterventionRoute);
    }

    // ----- your rights -----

    private static void Rights(ColumnDescriptor column, CaseDocumentInput input)
    {
        var language = input.Language;
        var portable = input.Purposes
            .Where(p => RightsEngine.AssessPurpose(RequestType.Portability, input.Subject, p, input.Assessment.On).RightApplies)
            .Select(p => p.Name.In(language))
            .ToList();
        var consent = input.Purposes.Where(p => p.Has(LawfulBasisKind.Consent)).Select(p => p.Name.In(language)).ToList();
        var marketing = input.Purposes.Any(p => p.IsDirectMarketing);

        // The rights are short: kept on one page, so no item is cut in two.
        column.Item().PaddingTop(10).ShowEntire().Column(section =>
        {
            section.Spacing(10);
            section.Item().Text(t => t.Span(T(language, "Uw rechten", "Your rights")).Bold().FontSize(14).FontColor(Colors.Accent));
            section.Item().List(list =>
            {
                list.Spacing(4);
                Right(list, T(language, "Rectificatie (art. 16 AVG)", "Rectification (Art. 16 GDPR)"), T(language,
                    "Zijn gegevens onjuist of onvolledig, dan kunt u vragen ze te verbeteren of aan te vullen.",
                    "If data are inaccurate or incomplete, you may ask us to correct or complete them."));
                Right(list, T(language, "Wissen (art. 17 AVG)", "Erasure (Art. 17 GDPR)"), T(language,
                    "U kunt vragen uw gegevens te wissen. Wat de wet ons verplicht te bewaren (zie de bewaartermijnen hierboven), wissen wij pas na afloop van die termijn.",
                    "You may ask us to erase your data. What the law obliges us to keep (see the retention periods above) we erase only when that period ends."));
                Right(list, T(language, "Beperking (art. 18 AVG)", "Restriction (Art. 18 GDPR)"), T(language,
                    "U kunt vragen het gebruik van uw gegevens tijdelijk te beperken, bijvoorbeeld terwijl wij nagaan of ze kloppen.",
                    "You may ask us to restrict the use of your data for a while, for example while we check whether they are accurate."));
                Right(list, T(language, "Ontvangers informeren (art. 19 AVG)", "Informing recipients (Art. 19 GDPR)"), T(language,
                    "Na een verbetering, wissing of beperking laten wij dat de ontvangers weten; op verzoek zeggen wij u wie dat zijn.",
                    "After a correction, erasure or restriction we tell the recipients; on request we tell you who they are."));
                Right(list, T(language, "Overdraagbaarheid (art. 20 AVG)", "Data portability (Art. 20 GDPR)"), portable.Count == 0
                    ? T(language, "Dit recht geldt alleen voor gegevens die wij op basis van uw toestemming of een overeenkomst geautomatiseerd verwerken; dat doen wij niet.",
                        "This right covers only data we process by automated means on your consent or a contract; we do not process such data.")
                    : T(language,
                        $"U kunt de gegevens die u zelf aan ons heeft verstrekt in een gangbaar, machineleesbaar formaat krijgen, of laten doorsturen naar een andere organisatie. Dit geldt voor: {string.Join("; ", portable)}.",
                        $"You may receive the data you provided to us in a common, machine-readable format, or have them sent to another organisation. This applies to: {string.Join("; ", portable)}."));
                Right(list, T(language, "Bezwaar (art. 21 AVG)", "Objection (Art. 21 GDPR)"), T(language,
                    "U kunt bezwaar maken tegen gebruik op grond van ons gerechtvaardigd belang; wij stoppen dan, tenzij zwaarwegende redenen anders vereisen."
                        + (marketing ? " Tegen direct marketing kunt u altijd bezwaar maken; dan stoppen wij daarmee zonder uitzondering." : ""),
                    "You may object to use based on our legitimate interest; we then stop unless compelling grounds require otherwise."
                        + (marketing ? " You may always object to direct marketing; we then stop it without exception." : "")));
                if (consent.Count > 0)
                {
                    Right(list, T(language, "Toestemming intrekken (art. 7 lid 3 AVG)", "Withdrawing consent (Art. 7(3) GDPR)"), T(language,
                        $"Waar wij uw gegevens gebruiken met uw toestemming ({string.Join("; ", consent)}), kunt u die altijd intrekken. Wat vóór de intrekking gebeurde, blijft rechtmatig.",
                        $"Where we use your data with your consent ({string.Join("; ", consent)}), you may withdraw it at any time. What happened before the withdrawal remains lawful."));
                }
                Right(list, T(language, "Klacht (art. 77 AVG)", "Complaint (Art. 77 GDPR)"), T(language,
                    "U kunt een klacht indienen bij de Autoriteit Persoonsgegevens (www.autoriteitpersoonsgegevens.nl). U kunt zich ook tot de rechter wenden (art. 79 AVG).",
                    "You may lodge a complaint with the Autoriteit Persoonsgegevens, the Dutch data protection authority (www.autoriteitpersoonsgegevens.nl). You may also go to court (Art. 79 GDPR)."));
            });
            section.Item().Text(T(language,
                $"Een verzoek kunt u sturen aan {input.Controller.Email}, onder vermelding van ons kenmerk {input.Request.Reference}.",
                $"You can send a request to {input.Controller.Email}, quoting our reference {input.Request.Reference}."));
        });
    }

    private static void Right(ListDescriptor list, string name, string text) =>
        list.Item().ShowEntire().Text(t =>
        {
            t.Span(name + ". ").Bold();
            t.Span(text);
        });

    private static string Count(int count, string one, string many, string language) =>
        $"{count.ToString(DocumentFormat.Culture(language))} {(count == 1 ? one : many)}";

    private static string T(string language, string nl, string en) => DocumentFormat.IsDutch(language) ? nl : en;
}
