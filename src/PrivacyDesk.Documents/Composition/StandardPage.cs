using PrivacyDesk.Documents.Layout;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Controller;

namespace PrivacyDesk.Documents.Composition;

/// <summary>
/// The frame every PrivacyDesk document shares: a letterhead with the controller's name and address,
/// a footer with the contact details, the DPO and "page X of Y", A4 with 2 cm margins and the house
/// text style. Letters, the copy of data, the Art. 30 record and the case file differ only in content.
/// </summary>
public static class StandardPage
{
    public static TextStyle BodyStyle { get; } = TextStyle.Default with { Size = 10, LineHeight = 1.2 };

    /// <summary>Sets metadata and one page section whose content <paramref name="content"/> fills.</summary>
    /// <param name="title">The document's title in its language (also the PDF title).</param>
    /// <param name="subject">PDF subject, e.g. the case reference; never personal data beyond the case's own.</param>
    public static PdfOutput Render(
        ControllerProfile controller, string language, string title, string subject, DateTimeOffset generatedAt, Action<Container> content, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return Document.Create(document =>
        {
            document.Metadata(new DocumentMetadata(title, subject, author ?? controller.Name, DocumentFormat.IsDutch(language) ? "nl-NL" : "en-GB", generatedAt));
            document.Page(page => Apply(page, controller, language, content));
        }).Generate();
    }

    /// <summary>Fills one page section with the letterhead, the footer and the content.</summary>
    public static void Apply(PageDescriptor page, ControllerProfile controller, string language, Action<Container> content)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(content);
        page.Margin(42, 56.7, 36, 56.7).Spacing(18).DefaultTextStyle(_ => BodyStyle);
        page.Header().Column(header => Letterhead(header, controller));
        content(page.Content());
        page.Footer().Column(footer => Footer(footer, controller, language));
    }

    private static void Letterhead(ColumnDescriptor header, ControllerProfile controller)
    {
        header.Item().Row(row =>
        {
            row.RelativeItem().Text(t => t.Span(controller.Name).Bold().FontSize(15).FontColor(Colors.Accent));
            row.RelativeItem().Text(t =>
            {
                t.AlignRight();
                foreach (var line in controller.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    t.Line(line).FontSize(8.5).FontColor(Colors.Muted);
                }
                if (!string.IsNullOrWhiteSpace(controller.Phone))
                {
                    t.Line(controller.Phone).FontSize(8.5).FontColor(Colors.Muted);
                }
                t.Span(controller.Email).FontSize(8.5).FontColor(Colors.Muted);
            });
        });
        header.Item().Line(1.2, Colors.Accent, 3);
    }

    private static void Footer(ColumnDescriptor footer, ControllerProfile controller, string language)
    {
        var dutch = DocumentFormat.IsDutch(language);
        footer.Item().Line(0.5, Colors.Rule, 2);
        footer.Item().Row(row =>
        {
            row.RelativeItem(3).Text(t =>
            {
                t.Span(dutch ? "Functionaris gegevensbescherming: " : "Data protection officer: ").FontSize(7.5).FontColor(Colors.Muted);
                t.Span($"{controller.DpoName}, {controller.DpoEmail}").FontSize(7.5).FontColor(Colors.Muted);
            });
            row.RelativeItem(1).Text(t =>
            {
                t.AlignRight();
                t.Span(dutch ? "Pagina " : "Page ").FontSize(7.5).FontColor(Colors.Muted);
                t.CurrentPageNumber().FontSize(7.5).FontColor(Colors.Muted);
                t.Span(dutch ? " van " : " of ").FontSize(7.5).FontColor(Colors.Muted);
                t.TotalPages().FontSize(7.5).FontColor(Colors.Muted);
            });
        });
    }
}
