using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace PrivacyDesk.Documents.Layout;

/// <summary>
/// The entry point of the layout layer, shaped like QuestPDF's so a later move stays local:
/// <code>
/// Document.Create(document =>
/// {
///     document.Metadata(new DocumentMetadata(...));
///     document.Page(page =>
///     {
///         page.Header().Text("...");
///         page.Content().Column(column => { column.Item().Text("..."); });
///         page.Footer().Text(t => { t.Span("Page "); t.CurrentPageNumber(); t.Span(" of "); t.TotalPages(); });
///     });
/// }).GeneratePdf();
/// </code>
/// Each <c>Page</c> call is a section that starts on a new page (a cover, then the body); page
/// numbers run through all sections.
/// </summary>
public static class Document
{
    public static DocumentComposition Create(Action<DocumentDescriptor> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var descriptor = new DocumentDescriptor();
        compose(descriptor);
        return new DocumentComposition(descriptor);
    }
}

public sealed class DocumentDescriptor
{
    internal DocumentMetadata? Meta { get; private set; }

    internal List<PageDescriptor> Sections { get; } = [];

    public void Metadata(DocumentMetadata metadata) => Meta = metadata;

    public void Page(Action<PageDescriptor> compose)
    {
        var page = new PageDescriptor();
        compose(page);
        Sections.Add(page);
    }
}

/// <summary>A4 portrait with 2 cm margins unless told otherwise.</summary>
public sealed class PageDescriptor
{
    /// <summary>A4 in points.</summary>
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    internal double Top { get; private set; } = 56.7;
    internal double Right { get; private set; } = 56.7;
    internal double Bottom { get; private set; } = 42.5;
    internal double Left { get; private set; } = 56.7;
    internal double Gap { get; private set; } = 14;
    internal TextStyle Style { get; private set; } = TextStyle.Default;
    internal Container HeaderSlot { get; } = new();
    internal Container ContentSlot { get; } = new();
    internal Container FooterSlot { get; } = new();

    public PageDescriptor Margin(double all) => Margin(all, all, all, all);

    public PageDescriptor Margin(double top, double right, double bottom, double left)
    {
        (Top, Right, Bottom, Left) = (top, right, bottom, left);
        return this;
    }

    /// <summary>Space between the header and the content, and between the content and the footer.</summary>
    public PageDescriptor Spacing(double gap)
    {
        Gap = gap;
        return this;
    }

    public PageDescriptor DefaultTextStyle(Func<TextStyle, TextStyle> change)
    {
        Style = change(Style);
        return this;
    }

    public Container Header() => HeaderSlot;

    public Container Content() => ContentSlot;

    public Container Footer() => FooterSlot;
}

/// <summary>The rendered PDF and how many pages it has.</summary>
public sealed record PdfOutput(byte[] Content, int PageCount);

public sealed class DocumentComposition
{
    private readonly DocumentDescriptor _descriptor;

    internal DocumentComposition(DocumentDescriptor descriptor) => _descriptor = descriptor;

    public byte[] GeneratePdf() => Generate().Content;

    public PdfOutput Generate()
    {
        using var measurer = new TextMeasurer();
        var laidOut = _descriptor.Sections.Select(section => LayOut(section, measurer)).ToList();
        var total = laidOut.Sum(s => s.Pages.Count);

        using var pdf = new PdfDocument();
        ApplyMetadata(pdf, _descriptor.Meta);
        var number = 0;
        foreach (var section in laidOut)
        {
            foreach (var placed in section.Pages)
            {
                number++;
                var page = pdf.AddPage();
                page.Size = PageSize.A4;
                using var graphics = XGraphics.FromPdfPage(page);
                var context = new DrawContext(graphics, measurer, section.Descriptor.Left, number, total);
                section.Header.Draw(context, section.Descriptor.Top);
                foreach (var (block, top) in placed)
                {
                    block.Draw(context, top);
                }
                section.Footer.Draw(context, PageDescriptor.A4Height - section.Descriptor.Bottom - section.Footer.Height);
            }
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        var content = measurer.DrewSupplementaryPlane ? ToUnicodeRepair.Apply(stream.ToArray()) : stream.ToArray();
        return new PdfOutput(content, total);
    }

    private static void ApplyMetadata(PdfDocument pdf, DocumentMetadata? meta)
    {
        pdf.Options.CompressContentStreams = true;
        if (meta is null)
        {
            return;
        }
        pdf.Info.Title = meta.Title;
        pdf.Info.Subject = meta.Subject;
        pdf.Info.Author = meta.Author;
        pdf.Info.Creator = meta.Creator;
        pdf.Info.CreationDate = meta.CreatedAt.UtcDateTime;
        pdf.Language = meta.Language;
    }

    private static SectionLayout LayOut(PageDescriptor section, TextMeasurer measurer)
    {
        var context = new FlattenContext(measurer, section.Style);
        var width = PageDescriptor.A4Width - section.Left - section.Right;
        var header = Stack(section.HeaderSlot, context, width);
        var footer = Stack(section.FooterSlot, context, width);
        var content = new List<Block>();
        section.ContentSlot.Flatten(context, 0, width, content);

        var top = section.Top + (header.Height > 0 ? header.Height + section.Gap : 0);
        var bottom = PageDescriptor.A4Height - section.Bottom - (footer.Height > 0 ? footer.Height + section.Gap : 0);
        return new SectionLayout(section, header, footer, Paginate(content, top, bottom - top));
    }

    private static StackBlock Stack(Container slot, FlattenContext context, double width)
    {
        var blocks = new List<Block>();
        slot.Flatten(context, 0, width, blocks);
        return new StackBlock(blocks);
    }

    /// <summary>Places blocks top to bottom, splitting what does not fit and repeating table headers.</summary>
    internal static List<List<(Block Block, double Top)>> Paginate(IReadOnlyList<Block> content, double top, double height)
    {
        var pages = new List<List<(Block, double)>>();
        var page = new List<(Block, double)>();
        var used = 0.0;
        var pending = new Stack<Block>();
        for (var i = content.Count - 1; i >= 0; i--)
        {
            pending.Push(content[i]);
        }

        void NewPage()
        {
            pages.Add(page);
            page = [];
            used = 0;
        }

        while (pending.Count > 0)
        {
            var block = pending.Pop();
            if (block is PageBreakBlock)
            {
                if (page.Count > 0)
                {
                    NewPage();
                }
                continue;
            }
            if (page.Count == 0 && pages.Count > 0 && block is SpaceBlock)
            {
                // Spacing that fell on a page edge: a continued page starts at its top.
                continue;
            }
            if (page.Count == 0 && block.RepeatHeader is { } header && header.Height < height / 2)
            {
                page.Add((header, top));
                used = header.Height;
            }
            if (used + block.Height <= height + StackBlock.Epsilon)
            {
                page.Add((block, top + used));
                used += block.Height;
                continue;
            }
            var (first, rest) = block.Split(height - used, height);
            if (first is not null)
            {
                page.Add((first, top + used));
                if (rest is not null)
                {
                    pending.Push(rest);
                }
                NewPage();
                continue;
            }
            var onlyHeader = page.Count == 1 && ReferenceEquals(page[0].Item1, block.RepeatHeader);
            if (page.Count > 0 && !onlyHeader)
            {
                pending.Push(block);
                NewPage();
                continue;
            }
            // Taller than a page and cannot split (a giant unsplittable block): draw it, cut off, rather than loop forever.
            page.Add((block, top + used));
            NewPage();
        }
        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }
        return pages;
    }

    private sealed record SectionLayout(PageDescriptor Descriptor, StackBlock Header, StackBlock Footer, List<List<(Block Block, double Top)>> Pages);
}
