using PrivacyDesk.Documents.Composition;
using PrivacyDesk.Documents.Layout;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;

namespace PrivacyDesk.Documents.Register;

/// <summary>
/// The Art. 30(1) record of processing activities for the whole register as a PDF: the controller and
/// its DPO, then one block per purpose with the facts the web's Art. 30 CSV carries. A4 portrait with a
/// label/value block per purpose, because a 12-column table would not fit.
/// </summary>
public static class ProcessingRecordDocument
{
    private const double KeyWidth = 165;

    public static RenderedDocument Render(ProcessingRecordInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var language = input.Language;
        var title = DocumentNames.Title(DocumentKind.ProcessingRecord, language);
        var purposes = input.Purposes
            .OrderBy(p => p.Status switch { PurposeStatus.Active => 0, PurposeStatus.Draft => 1, _ => 2 })
            .ThenBy(p => p.Name.In(language), StringComparer.CurrentCultureIgnoreCase)
            .ToList();

        var output = StandardPage.Render(input.Controller, language, title + T(language, " (art. 30 AVG)", " (Art. 30 GDPR)"),
            title, input.GeneratedAt, content => content.Column(column =>
            {
                column.Spacing(10);
                column.Item().Text(t => t.Span(title).Bold().FontSize(16).FontColor(Colors.Accent));
                column.Item().Text(T(language,
                    "Register van verwerkingsactiviteiten als bedoeld in art. 30 lid 1 AVG. Per doel: de rechtsgronden met wat elk vereist, de betrokkenen en gegevens, de ontvangers, doorgiften buiten de EER, de bewaartermijn en de grond daarvoor, profilering en geautomatiseerde besluiten, en bijzondere en strafrechtelijke gegevens.",
                    "Record of processing activities under Art. 30(1) GDPR. Per purpose: the lawful bases with what each requires, the data subjects and data, the recipients, transfers outside the EEA, the retention period and its ground, profiling and automated decisions, and special-category and criminal-offence data."));
                if (input.ControllerProfileIsExample)
                {
                    column.Item().Background(Colors.Shade).Padding(6).Text(t => t.Span(T(language,
                        "Let op: de gegevens van de verwerkingsverantwoordelijke zijn nog de voorbeeldwaarden en moeten door een beheerder worden bevestigd.",
                        "Note: the controller's details are still the example values and must be confirmed by an administrator.")).FontColor(Colors.Warning));
                }
                column.Item().KeyValue(kv =>
                {
                    kv.KeyColumnWidth(170);
                    kv.Pair(T(language, "Verwerkingsverantwoordelijke", "Controller"), input.Controller.Name);
                    kv.Pair(T(language, "Adres", "Address"), string.Join(", ", input.Controller.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                    kv.Pair(T(language, "Contact", "Contact"), string.IsNullOrWhiteSpace(input.Controller.Phone)
                        ? input.Controller.Email
                        : $"{input.Controller.Email}, {input.Controller.Phone}");
                    kv.Pair(T(language, "Functionaris gegevensbescherming", "Data protection officer"), $"{input.Controller.DpoName}, {input.Controller.DpoEmail}");
                    kv.Pair(T(language, "Stand per", "As at"), DocumentFormat.DateTime(input.GeneratedAt, input.TimeZone, language));
                    kv.Pair(T(language, "Opgesteld door", "Prepared by"), input.GeneratedBy);
                    kv.Pair(T(language, "Doelen", "Purposes"), Summary(purposes, language));
                });
                if (purposes.Count == 0)
                {
                    column.Item().Text(T(language, "Het register bevat nog geen doelen.", "The register holds no purposes yet."), s => s with { Italic = true });
                }
                var number = 0;
                foreach (var purpose in purposes)
                {
                    number++;
                    PurposeBlock(column.Item().PaddingTop(6), purpose, number, input, language);
                }
            }));
        return new RenderedDocument(DocumentKind.ProcessingRecord, language, DocumentNames.FileName(DocumentKind.ProcessingRecord, null, language),
            RenderedDocument.PdfContentType, output.Content, output.PageCount);
    }

    private static void PurposeBlock(Container container, Purpose purpose, int number, ProcessingRecordInput input, string language) =>
        container.Column(block =>
        {
            // The heading never stands alone at the foot of a page: it keeps its first lines with it.
            block.Item().ShowEntire().Column(head =>
            {
                head.Item().BorderBottom(0.75, Colors.Accent).PaddingBottom(2).Row(row =>
                {
                    row.RelativeItem().Text(t => t.Span($"{number}. {purpose.Name.In(language)}").Bold().FontSize(11.5).FontColor(Colors.Accent));
                    row.ConstantItem(90).PaddingTop(1.5).Text(t =>
                    {
                        t.AlignRight();
                        t.Span(RegisterWording.Status(purpose.Status, language)).Bold()
                            .FontColor(purpose.Status == PurposeStatus.Active ? Colors.Success : purpose.Status == PurposeStatus.Draft ? Colors.Warning : Colors.Muted);
                    });
                });
                head.Item().PaddingTop(4).Column(rows =>
                {
                    rows.Spacing(3);
                    var kv = new KeyValueRows(rows, KeyWidth);
                    kv.Pair(T(language, "Naam (NL / EN)", "Name (NL / EN)"), $"{purpose.Name.Nl} / {purpose.Name.En}");
                    kv.Pair(T(language, "Doel van de verwerking (art. 30 lid 1 sub b)", "Purpose of the processing (Art. 30(1)(b))"), purpose.Description.In(language));
                });
            });
            block.Item().PaddingTop(3).Column(rows =>
            {
                rows.Spacing(3);
                var kv = new KeyValueRows(rows, KeyWidth);
                kv.Pair(T(language, "Rechtsgronden (art. 6 lid 1)", "Lawful bases (Art. 6(1))")).Column(bases =>
                {
                    if (purpose.LawfulBases.Count == 0)
                    {
                        bases.Item().Text(purpose.IsAnonymised
                            ? T(language, "Geen: de gegevens zijn geanonimiseerd (overweging 26 AVG).", "None: the data are anonymised (Recital 26 GDPR).")
                            : T(language, "Geen rechtsgrond vastgelegd", "No lawful basis recorded"), s => s with { Color = purpose.IsAnonymised ? Colors.Text : Colors.Danger });
                    }
                    bases.Spacing(3);
                    foreach (var basis in purpose.LawfulBases.OrderBy(b => b.Kind))
                    {
                        bases.Item().Text(t =>
                        {
                            t.Line(RegisterWording.BasisWithArticle(basis.Kind, language)).Bold();
                            if (basis.Kind != LawfulBasisKind.LegitimateInterest)
                            {
                                t.Span(RegisterWording.EvidenceText(basis, language));
                                return;
                            }
                            // The LIA's tests each on a line of their own, labelled as in the CSV.
                            var parts = RegisterWording.Evidence(basis, language);
                            for (var i = 0; i < parts.Count; i++)
                            {
                                if (parts[i].Label is { } label)
                                {
                                    Labelled(t, label, parts[i].Text, newLine: i < parts.Count - 1);
                                }
                                else
                                {
                                    t.Span(parts[i].Text);
                                }
                            }
                        });
                    }
                });
                kv.Pair(T(language, "Categorieën betrokkenen (art. 30 lid 1 sub c)", "Categories of data subjects (Art. 30(1)(c))"),
                    List(purpose.SubjectCategories.Select(c => RegisterWording.SubjectCategory(c, language)), language));
                kv.Pair(T(language, "Categorieën persoonsgegevens (art. 30 lid 1 sub c)", "Categories of personal data (Art. 30(1)(c))"),
                    List(purpose.DataCategories.Select(c => $"{c.Name} ({RegisterWording.Origin(c.Origin, language)})"), language));
                kv.Pair(T(language, "Ontvangers (art. 30 lid 1 sub d)", "Recipients (Art. 30(1)(d))"),
                    List(purpose.Recipients.Select(r => RegisterWording.Recipient(r, language)), language));
                kv.Pair(T(language, "Doorgifte buiten de EER en waarborgen (art. 30 lid 1 sub e)", "Transfers outside the EEA and safeguards (Art. 30(1)(e))"),
                    purpose.Transfers.Count == 0 ? T(language, "Geen", "None") : List(purpose.Transfers.Select(t => RegisterWording.Transfer(t, language)), language));
                kv.Pair(T(language, "Bewaartermijn (art. 30 lid 1 sub f)", "Retention period (Art. 30(1)(f))"), purpose.Retention is { } r
                    ? $"{RegisterWording.RetentionPeriod(r, language)}. {T(language, "Grond", "Ground")}: {r.Ground}"
                    : T(language, "Niet vastgelegd", "Not recorded"));
                kv.Pair(T(language, "Profilering en geautomatiseerde besluiten (art. 22)", "Profiling and automated decisions (Art. 22)"), Automated(purpose.AutomatedDecisionMaking, language));
                kv.Pair(T(language, "Bijzondere persoonsgegevens (art. 9)", "Special-category data (Art. 9)"), purpose.SpecialCategoryData is { } sc
                    ? $"{sc.Description} ({RegisterWording.SpecialCategoryCondition(sc.Condition, language)})"
                    : T(language, "Nee", "No"));
                kv.Pair(T(language, "Strafrechtelijke gegevens (art. 10)", "Criminal-offence data (Art. 10)"), purpose.CriminalData is { } cd
                    ? $"{cd.Description} ({cd.Authorisation ?? T(language, "geen wettelijke grondslag", "no legal authorisation")})"
                    : T(language, "Nee", "No"));
                kv.Pair(T(language, "Kenmerken", "Characteristics"),
                    $"{T(language, "Geautomatiseerd verwerkt", "Processed by automated means")}: {RegisterWording.YesNo(purpose.IsProcessedByAutomatedMeans, language)}; "
                    + $"{T(language, "direct marketing", "direct marketing")}: {RegisterWording.YesNo(purpose.IsDirectMarketing, language).ToLowerInvariant()}; "
                    + $"{T(language, "geanonimiseerd", "anonymised")}: {RegisterWording.YesNo(purpose.IsAnonymised, language).ToLowerInvariant()}");
                kv.Pair(T(language, "Bronsystemen", "Source systems"), List(purpose.SourceSystems, language));
                kv.Pair(T(language, "Status", "Status"), StatusLine(purpose, input, language));
                var violations = purpose.Status == PurposeStatus.Draft ? purpose.Violations() : [];
                if (violations.Count > 0)
                {
                    kv.Pair(T(language, "Open punten (blokkeren activering)", "Open points (block activation)")).Column(points =>
                    {
                        foreach (var violation in violations)
                        {
                            points.Item().Text("• " + (ErrorCatalog.Message(violation, language) ?? violation.Code), s => s with { Color = Colors.Danger });
                        }
                    });
                }
                var warnings = purpose.Status == PurposeStatus.Active
                    ? purpose.Warnings(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(input.GeneratedAt, input.TimeZone).DateTime))
                    : [];
                if (warnings.Count > 0)
                {
                    kv.Pair(T(language, "Waarschuwingen", "Warnings")).Column(points =>
                    {
                        foreach (var warning in warnings)
                        {
                            points.Item().Text("• " + (ErrorCatalog.Message(warning, language) ?? warning.Code), s => s with { Color = Colors.Warning });
                        }
                    });
                }
            });
        });

    private static void Labelled(TextDescriptor text, string label, string value, bool newLine)
    {
        text.Span(label + ": ").Italic().FontColor(Colors.Muted);
        if (newLine)
        {
            text.Line(value);
        }
        else
        {
            text.Span(value);
        }
    }

    private static string StatusLine(Purpose purpose, ProcessingRecordInput input, string language)
    {
        var status = RegisterWording.Status(purpose.Status, language);
        if (purpose.ActivatedAt is { } activated)
        {
            status += $"; {T(language, "actief sinds", "active since")} {DocumentFormat.Date(activated, input.TimeZone, language)}";
        }
        if (purpose.RetiredAt is { } retired)
        {
            status += $"; {T(language, "beëindigd op", "retired on")} {DocumentFormat.Date(retired, input.TimeZone, language)}";
            if (!string.IsNullOrWhiteSpace(purpose.RetirementReason))
            {
                status += $" ({purpose.RetirementReason})";
            }
        }
        return status;
    }

    private static string Automated(AutomatedDecisionMaking? adm, string language)
    {
        if (adm is null || (!adm.InvolvesProfiling && !adm.SolelyAutomatedWithSignificantEffect))
        {
            return T(language, "Nee", "No");
        }
        var text = $"{T(language, "Profilering", "Profiling")}: {RegisterWording.YesNo(adm.InvolvesProfiling, language).ToLowerInvariant()}; "
            + $"{T(language, "uitsluitend geautomatiseerd met rechtsgevolg of aanmerkelijk gevolg", "solely automated with legal or similarly significant effect")}: {RegisterWording.YesNo(adm.SolelyAutomatedWithSignificantEffect, language).ToLowerInvariant()}";
        if (adm.SolelyAutomatedWithSignificantEffect)
        {
            text += $"; {T(language, "grond", "ground")}: {RegisterWording.AutomatedDecisionGround(adm.Ground, language)}";
            text += $"; {T(language, "menselijke tussenkomst", "human intervention")}: {adm.HumanInterventionRoute ?? "-"}";
        }
        if (!string.IsNullOrWhiteSpace(adm.Logic))
        {
            text += $"; {T(language, "logica", "logic")}: {adm.Logic}";
        }
        return text;
    }

    private static string Summary(List<Purpose> purposes, string language)
    {
        var parts = new[] { PurposeStatus.Active, PurposeStatus.Draft, PurposeStatus.Retired }
            .Select(status => (status, count: purposes.Count(p => p.Status == status)))
            .Where(x => x.count > 0)
            .Select(x => $"{x.count} {RegisterWording.Status(x.status, language).ToLowerInvariant()}");
        return $"{purposes.Count} ({string.Join(", ", parts)})";
    }

    private static string List(IEnumerable<string> items, string language)
    {
        var list = items.ToList();
        return list.Count == 0 ? T(language, "Geen", "None") : string.Join("; ", list);
    }

    private static string T(string language, string nl, string en) => DocumentFormat.IsDutch(language) ? nl : en;
}
