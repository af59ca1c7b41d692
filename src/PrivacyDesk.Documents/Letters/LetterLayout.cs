using System.Globalization;
using PrivacyDesk.Documents.Composition;
using PrivacyDesk.Documents.Layout;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Documents.Letters;

/// <summary>Whom a letter is addressed to: the name, then the lines under it (an e-mail address).</summary>
internal sealed record LetterAddressee(string Name, IReadOnlyList<string> Lines);

/// <summary>
/// The shape every letter shares, inside the standard letterhead: an example-data band when the controller
/// profile is unconfirmed, the addressee and reference blocks, the bold subject line, the salutation, the
/// body, an optional "your rights" block and the closing, which never splits over a page.
/// </summary>
internal static class LetterLayout
{
    /// <summary>A subject's own text (a description, an explanation) longer than this is shortened in a letter.</summary>
    public const int QuoteMaxLength = 700;

    public static RenderedDocument Render(
        DocumentKind kind, CaseDocumentInput input, LetterText text, LetterAddressee to, string salutation, string subjectLine,
        Action<LetterBody> body, RightsBlock rights = RightsBlock.None, bool answersTheAddressee = true)
    {
        var reference = input.Request.Reference.ToString();
        var draft = CaseDocumentRules.IsDraft(input.Request, kind);
        var title = DocumentNames.Title(kind, input.Language);
        var output = StandardPage.Render(
            input.Controller, input.Language, draft ? $"{DocumentNames.DraftWord(input.Language)} – {title}" : title, reference, input.GeneratedAt,
            content => content.Column(column =>
            {
                column.Spacing(12);
                // One warning band for every reason a letter must not go out: example controller data, or no four-eyes approval yet.
                foreach (var band in new[] { input.ControllerProfileIsExample ? text.ExampleBand : null, draft ? text.DraftBand : null }.OfType<string>())
                {
                    column.Item().Background(Colors.Shade).Border(1.2, Colors.Danger).Padding(6)
                        .Text(t => t.Span(band).Bold().FontColor(Colors.Danger));
                }
                column.Item().Row(row =>
                {
                    row.Spacing(12);
                    row.RelativeItem(1).Text(t =>
                    {
                        t.Line(to.Name).Bold();
                        foreach (var line in to.Lines.Where(l => !string.IsNullOrWhiteSpace(l)))
                        {
                            t.Line(line);
                        }
                    });
                    row.RelativeItem(1).KeyValue(pairs =>
                    {
                        pairs.KeyColumnWidth(82).Spacing(1);
                        pairs.Pair(text.OurReference, reference);
                        // A recipient of an Art. 19 notification made no request: only our reference and the date.
                        if (answersTheAddressee)
                        {
                            pairs.Pair(text.YourRequestOf, text.Date(input.Request.ReceivedOn));
                            // The right by the office's name, the word the queue and the case file use; the first sentence cites its article.
                            pairs.Pair(text.RequestTypeLabel, Glossary.Term(input.Request.Type).In(text.Language));
                        }
                        pairs.Pair(text.LetterDate, text.Date(input.GeneratedAt));
                    });
                });
                column.Item().PaddingTop(6).Text(t =>
                {
                    t.Span(text.SubjectPrefix).Bold();
                    t.Span(text.SubjectLine(subjectLine)).Bold();
                });
                column.Item().Text(salutation);
                body(new LetterBody(column, text));
                // The rights block and the signature travel together: a page with only "Met vriendelijke groet" is never sent.
                column.Item().ShowEntire().Column(end =>
                {
                    end.Spacing(12);
                    if (rights != RightsBlock.None)
                    {
                        Rights(end.Item(), input, text, rights);
                    }
                    end.Item().Column(closing =>
                    {
                        closing.Item().Text(text.Closing);
                        closing.Item().Spacer(22);
                        closing.Item().Text(t => t.Span(input.GeneratedBy).Bold());
                        closing.Item().Text(LetterText.PrivacyOffice);
                        closing.Item().Text(input.Controller.Name);
                    });
                });
            }));
        return new RenderedDocument(
            kind, input.Language, DocumentNames.FileName(kind, reference, input.Language, draft: draft), RenderedDocument.PdfContentType, output.Content, output.PageCount);
    }

    private static void Rights(Container slot, CaseDocumentInput input, LetterText text, RightsBlock rights) =>
        slot.ShowEntire().Background(Colors.Shade).Padding(8).Column(block =>
        {
            block.Spacing(4);
            block.Item().Text(t => t.Span(text.RightsHeading).Bold().FontColor(Colors.Accent));
            if (rights == RightsBlock.AfterRefusal)
            {
                block.Item().Text(text.RightsAfterRefusal);
            }
            block.Item().List(list =>
            {
                list.Spacing(3);
                list.Item().Text(text.RightsContactDpo(input.Controller.DpoName, input.Controller.DpoEmail));
                list.Item().Text(text.RightsComplaint);
                list.Item().Text(text.RightsCourt);
            });
        });
}

/// <summary>Which "your rights" block a letter carries.</summary>
internal enum RightsBlock
{
    None,

    /// <summary>After a decision: the DPO, a complaint to the Autoriteit Persoonsgegevens, the court.</summary>
    AfterDecision,

    /// <summary>Art. 12(4): the same, after the sentence the law requires of a refusal.</summary>
    AfterRefusal,
}

/// <summary>The body of a letter: paragraphs, small headings, lists and facts in the house style.</summary>
internal sealed class LetterBody(ColumnDescriptor column, LetterText text)
{
    public LetterText Text { get; } = text;

    public void Paragraph(string paragraph) => column.Item().Text(paragraph);

    public void Paragraph(Action<TextDescriptor> compose) => column.Item().Text(compose);

    /// <summary>A heading, kept on one page with what follows it directly (a paragraph, a list).</summary>
    public void Section(string heading, Action<ColumnDescriptor> keptWithHeading) =>
        column.Item().ShowEntire().Column(section =>
        {
            section.Spacing(4);
            section.Item().Text(t => t.Span(heading).Bold().FontColor(Colors.Accent));
            keptWithHeading(section);
        });

    /// <summary>A heading and its first paragraph.</summary>
    public void Section(string heading, string paragraph) => Section(heading, section => section.Item().Text(paragraph));

    /// <summary>A free slot in the body, for what the helpers above do not cover.</summary>
    public Container Item() => column.Item();

    public void Bullets(IEnumerable<string> items) => column.Item().List(list =>
    {
        list.Spacing(3);
        foreach (var item in items)
        {
            list.Item().Text(item);
        }
    });

    public void Facts(params (string Key, string Value)[] facts) => column.Item().KeyValue(pairs =>
    {
        pairs.KeyColumnWidth(150);
        foreach (var (key, value) in facts)
        {
            pairs.Pair(key).Text(t => t.Span(value).Bold());
        }
    });

    /// <summary>The subject's or the officer's own words, set apart and shortened when very long.</summary>
    public void Quote(string? words) => Quote(column.Item(), words, Text);

    /// <summary>A short label ("Toelichting:") kept on one page with the quote under it.</summary>
    public void Quote(string label, string? words) => column.Item().ShowEntire().Column(block =>
    {
        block.Spacing(4);
        block.Item().Text(label);
        Quote(block.Item(), words, Text);
    });

    public static void Quote(Container slot, string? words, LetterText text) =>
        slot.PaddingLeft(10).Border(1.5, Colors.Rule, BorderSides.Left).PaddingLeft(8).Text(t => t.Span(Shorten(words, text)).Italic());

    public static string Shorten(string? words, LetterText text)
    {
        var trimmed = (words ?? "").Trim();
        if (trimmed.Length <= LetterLayout.QuoteMaxLength)
        {
            return trimmed;
        }
        var cut = trimmed.LastIndexOf(' ', LetterLayout.QuoteMaxLength);
        var end = cut > LetterLayout.QuoteMaxLength / 2 ? cut : LetterLayout.QuoteMaxLength;
        // Never split a surrogate pair: half an emoji would become a broken character.
        if (char.IsHighSurrogate(trimmed[end - 1]))
        {
            end--;
        }
        return trimmed[..end].TrimEnd() + " … " + text.Shortened(trimmed.Length.ToString(CultureInfo.InvariantCulture));
    }
}
