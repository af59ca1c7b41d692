using PdfSharp.Drawing;

namespace PrivacyDesk.Documents.Layout;

/// <summary>
/// The unit the paginator places: a vertical slice of the page with a known height and a fixed
/// horizontal position. Elements turn into blocks once (at the width they get); the paginator then
/// only stacks, splits and moves blocks, so layout cost is linear in the document's size.
/// </summary>
internal abstract class Block
{
    public abstract double Height { get; }

    /// <summary>A table's header row, repeated when this block is the first of its table on a page.</summary>
    public Block? RepeatHeader { get; protected init; }

    /// <summary>
    /// Splits so that the first part fits in <paramref name="available"/> points; the first part is
    /// <c>null</c> when not even a line fits. <paramref name="fullPage"/> lets keep-together groups
    /// split only when they could never fit on one page.
    /// </summary>
    public virtual (Block? First, Block? Remainder) Split(double available, double fullPage) => (null, this);

    public abstract void Draw(DrawContext context, double top);

    public virtual Block WithHeader(Block header) => this;
}

/// <summary>What drawing needs: the page's graphics, where the content area starts and the page numbers.</summary>
internal sealed class DrawContext(XGraphics graphics, TextMeasurer measurer, double left, int pageNumber, int totalPages)
{
    public XGraphics Graphics { get; } = graphics;

    public TextMeasurer Measurer { get; } = measurer;

    public double Left { get; } = left;

    public int PageNumber { get; } = pageNumber;

    public int TotalPages { get; } = totalPages;
}

/// <summary>Vertical space; at the top of a page it is dropped, at the bottom it is cut to what is left.</summary>
internal sealed class SpaceBlock(double height) : Block
{
    public override double Height { get; } = height;

    public override (Block? First, Block? Remainder) Split(double available, double fullPage) => (new SpaceBlock(Math.Max(0, available)), null);

    public override void Draw(DrawContext context, double top)
    {
    }
}

internal sealed class PageBreakBlock : Block
{
    public override double Height => 0;

    public override void Draw(DrawContext context, double top)
    {
    }
}

/// <summary>A horizontal rule across the block's width.</summary>
internal sealed class RuleBlock(double x, double width, double thickness, string color, double spaceAround) : Block
{
    public override double Height => thickness + (2 * spaceAround);

    public override void Draw(DrawContext context, double top)
    {
        var y = top + spaceAround + (thickness / 2);
        context.Graphics.DrawLine(context.Measurer.Pen(color, thickness), context.Left + x, y, context.Left + x + width, y);
    }
}

/// <summary>Blocks stacked top to bottom. Splits between (or inside) its children; kept together when asked.</summary>
internal sealed class StackBlock : Block
{
    private readonly double _height;

    public StackBlock(IReadOnlyList<Block> children, bool keepTogether = false)
    {
        Children = children;
        KeepTogether = keepTogether;
        _height = children.Sum(c => c.Height);
    }

    public IReadOnlyList<Block> Children { get; }

    public bool KeepTogether { get; }

    public override double Height => _height;

    public override (Block? First, Block? Remainder) Split(double available, double fullPage)
    {
        if (KeepTogether && Height <= fullPage)
        {
            return (null, this);
        }
        var taken = new List<Block>();
        var used = 0.0;
        for (var i = 0; i < Children.Count; i++)
        {
            var child = Children[i];
            if (child is PageBreakBlock)
            {
                return (taken.Count == 0 ? null : new StackBlock(taken), Rest(i + 1, null));
            }
            if (used + child.Height <= available + Epsilon)
            {
                taken.Add(child);
                used += child.Height;
                continue;
            }
            var (first, rest) = child.Split(available - used, fullPage);
            if (first is not null)
            {
                taken.Add(first);
            }
            // Only padding fits: that is not progress, the whole stack moves on.
            return taken.TrueForAll(b => b is SpaceBlock) ? (null, this) : (new StackBlock(taken), Rest(i + 1, rest));
        }
        return (this, null);
    }

    public override void Draw(DrawContext context, double top)
    {
        foreach (var child in Children)
        {
            child.Draw(context, top);
            top += child.Height;
        }
    }

    private StackBlock? Rest(int from, Block? head)
    {
        var rest = new List<Block>();
        if (head is not null)
        {
            rest.Add(head);
        }
        for (var i = from; i < Children.Count; i++)
        {
            rest.Add(Children[i]);
        }
        return rest.Count == 0 ? null : new StackBlock(rest);
    }

    internal const double Epsilon = 0.01;
}

/// <summary>
/// Columns side by side (a row or a table row). Splits line by line in every column at once, so a
/// cell with a long note continues on the next page instead of running off this one.
/// </summary>
internal sealed class RowBlock : Block
{
    private readonly double _height;

    /// <param name="keepTogether">A table row: moves to the next page whole unless it is taller than a page (with its repeated header).</param>
    public RowBlock(IReadOnlyList<StackBlock> cells, Block? repeatHeader = null, bool keepTogether = false)
    {
        Cells = cells;
        _height = cells.Count == 0 ? 0 : cells.Max(c => c.Height);
        RepeatHeader = repeatHeader;
        KeepTogether = keepTogether;
    }

    public IReadOnlyList<StackBlock> Cells { get; }

    public bool KeepTogether { get; }

    public override double Height => _height;

    public override Block WithHeader(Block header) => new RowBlock(Cells, header, KeepTogether);

    public override (Block? First, Block? Remainder) Split(double available, double fullPage)
    {
        if (KeepTogether && Height <= fullPage - (RepeatHeader?.Height ?? 0) + StackBlock.Epsilon)
        {
            return (null, this);
        }
        var firsts = new List<StackBlock>();
        var rests = new List<StackBlock>();
        var progress = false;
        foreach (var cell in Cells)
        {
            if (cell.Height <= available + StackBlock.Epsilon)
            {
                firsts.Add(cell);
                rests.Add(new StackBlock([new SpaceBlock(0)]));
                progress |= cell.Height > 0;
                continue;
            }
            var (first, rest) = cell.Split(available, fullPage);
            firsts.Add(first as StackBlock ?? new StackBlock(first is null ? [] : [first]));
            rests.Add(rest as StackBlock ?? new StackBlock(rest is null ? [] : [rest]));
            progress |= first is not null;
        }
        return progress ? (new RowBlock(firsts), new RowBlock(rests, RepeatHeader)) : (null, this);
    }

    public override void Draw(DrawContext context, double top)
    {
        foreach (var cell in Cells)
        {
            cell.Draw(context, top);
        }
    }
}

/// <summary>A background, a border or both, painted around each fragment of the inner block.</summary>
internal sealed class DecoratedBlock : Block
{
    private readonly Block inner;
    private readonly double x;
    private readonly double width;
    private readonly string? background;
    private readonly string? borderColor;
    private readonly double borderWidth;
    private readonly BorderSides sides;

    public DecoratedBlock(Block inner, double x, double width, string? background, string? borderColor, double borderWidth, BorderSides sides)
    {
        (this.inner, this.x, this.width, this.background, this.borderColor, this.borderWidth, this.sides) = (inner, x, width, background, borderColor, borderWidth, sides);
        RepeatHeader = inner.RepeatHeader;
    }

    public override double Height => inner.Height;

    public override Block WithHeader(Block header) => new DecoratedBlock(inner.WithHeader(header), x, width, background, borderColor, borderWidth, sides);

    public override (Block? First, Block? Remainder) Split(double available, double fullPage)
    {
        var (first, rest) = inner.Split(available, fullPage);
        return (first is null ? null : Wrap(first), rest is null ? null : Wrap(rest));
    }

    public override void Draw(DrawContext context, double top)
    {
        var left = context.Left + x;
        if (background is not null)
        {
            context.Graphics.DrawRectangle(context.Measurer.Brush(background), left, top, width, Height);
        }
        inner.Draw(context, top);
        if (borderColor is null || borderWidth <= 0)
        {
            return;
        }
        var pen = context.Measurer.Pen(borderColor, borderWidth);
        var bottom = top + Height;
        if (sides.HasFlag(BorderSides.Top)) context.Graphics.DrawLine(pen, left, top, left + width, top);
        if (sides.HasFlag(BorderSides.Bottom)) context.Graphics.DrawLine(pen, left, bottom, left + width, bottom);
        if (sides.HasFlag(BorderSides.Left)) context.Graphics.DrawLine(pen, left, top, left, bottom);
        if (sides.HasFlag(BorderSides.Right)) context.Graphics.DrawLine(pen, left + width, top, left + width, bottom);
    }

    private DecoratedBlock Wrap(Block part) => new(part, x, width, background, borderColor, borderWidth, sides);
}

[Flags]
public enum BorderSides
{
    None = 0,
    Top = 1,
    Bottom = 2,
    Left = 4,
    Right = 8,
    All = Top | Bottom | Left | Right,
}

internal static class ColorParser
{
    public static int Argb(string hex)
    {
        var value = hex.TrimStart('#');
        var rgb = Convert.ToInt32(value.Length == 6 ? value : "000000", 16);
        return unchecked((int)0xFF000000) | rgb;
    }
}
