namespace PrivacyDesk.Documents.Layout;

/// <summary>Items stacked vertically with optional spacing between them.</summary>
public sealed class ColumnDescriptor
{
    internal List<Container> Items { get; } = [];

    internal double ItemSpacing { get; private set; }

    public Container Item()
    {
        var item = new Container();
        Items.Add(item);
        return item;
    }

    public ColumnDescriptor Spacing(double value)
    {
        ItemSpacing = value;
        return this;
    }
}

internal sealed class ColumnElement(ColumnDescriptor descriptor) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        for (var i = 0; i < descriptor.Items.Count; i++)
        {
            if (i > 0 && descriptor.ItemSpacing > 0)
            {
                output.Add(new SpaceBlock(descriptor.ItemSpacing));
            }
            descriptor.Items[i].Flatten(context, x, width, output);
        }
    }
}

/// <summary>Items side by side: fixed widths first, the rest shared by weight.</summary>
public sealed class RowDescriptor
{
    internal List<(double? Constant, double Weight, Container Item)> Items { get; } = [];

    internal double ItemSpacing { get; private set; }

    public Container ConstantItem(double width)
    {
        var item = new Container();
        Items.Add((width, 0, item));
        return item;
    }

    public Container RelativeItem(double weight = 1)
    {
        var item = new Container();
        Items.Add((null, weight, item));
        return item;
    }

    public RowDescriptor Spacing(double value)
    {
        ItemSpacing = value;
        return this;
    }
}

internal sealed class RowElement(RowDescriptor descriptor) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        var widths = Widths(descriptor.Items.Select(i => (i.Constant, i.Weight)).ToList(), width, descriptor.ItemSpacing);
        var cells = new List<StackBlock>(descriptor.Items.Count);
        var left = x;
        for (var i = 0; i < descriptor.Items.Count; i++)
        {
            var blocks = new List<Block>();
            descriptor.Items[i].Item.Flatten(context, left, widths[i], blocks);
            cells.Add(new StackBlock(blocks));
            left += widths[i] + descriptor.ItemSpacing;
        }
        output.Add(new RowBlock(cells));
    }

    internal static double[] Widths(IReadOnlyList<(double? Constant, double Weight)> items, double width, double spacing)
    {
        var fixedWidth = items.Sum(i => i.Constant ?? 0) + (spacing * Math.Max(0, items.Count - 1));
        var weights = items.Sum(i => i.Constant is null ? i.Weight : 0);
        var remaining = Math.Max(0, width - fixedWidth);
        return [.. items.Select(i => Math.Max(1, i.Constant ?? (weights <= 0 ? 0 : remaining * i.Weight / weights)))];
    }
}

/// <summary>
/// A table: column widths, an optional header row (shaded, bold, repeated on every page the table
/// continues on) and cells filled row by row. Rows never overlap a page edge: a row moves to the next
/// page whole, unless it is taller than a page, when it continues line by line.
/// </summary>
public sealed class TableDescriptor
{
    internal List<(double? Constant, double Weight)> Columns { get; } = [];

    internal List<Container> HeaderCells { get; } = [];

    internal List<Container> Cells { get; } = [];

    internal double Padding { get; private set; } = 4;

    public TableDescriptor ColumnsDefinition(Action<TableColumnsDescriptor> define)
    {
        define(new TableColumnsDescriptor(Columns));
        return this;
    }

    public void Header(Action<TableHeaderDescriptor> compose) => compose(new TableHeaderDescriptor(HeaderCells));

    public Container Cell()
    {
        var cell = new Container();
        Cells.Add(cell);
        return cell;
    }

    public TableDescriptor CellPadding(double value)
    {
        Padding = value;
        return this;
    }
}

public sealed class TableColumnsDescriptor
{
    private readonly List<(double? Constant, double Weight)> _columns;

    internal TableColumnsDescriptor(List<(double? Constant, double Weight)> columns) => _columns = columns;

    public void ConstantColumn(double width) => _columns.Add((width, 0));

    public void RelativeColumn(double weight = 1) => _columns.Add((null, weight));
}

public sealed class TableHeaderDescriptor
{
    private readonly List<Container> _cells;

    internal TableHeaderDescriptor(List<Container> cells) => _cells = cells;

    public Container Cell()
    {
        var cell = new Container();
        _cells.Add(cell);
        return cell;
    }
}

internal sealed class TableElement(TableDescriptor descriptor) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        if (descriptor.Columns.Count == 0)
        {
            throw new InvalidOperationException("A table needs its columns defined before its cells.");
        }
        var widths = RowElement.Widths(descriptor.Columns, width, 0);
        Block? header = null;
        if (descriptor.HeaderCells.Count > 0)
        {
            header = new DecoratedBlock(Row(context.WithStyle(context.Style with { Bold = true }), descriptor.HeaderCells, widths, x), x, width, Colors.Shade, Colors.Rule, 0.75, BorderSides.Bottom);
        }
        var rows = new List<Block>();
        for (var start = 0; start < descriptor.Cells.Count; start += widths.Length)
        {
            var cells = descriptor.Cells.Skip(start).Take(widths.Length).ToList();
            Block row = new DecoratedBlock(Row(context, cells, widths, x, keepTogether: true), x, width, null, Colors.Rule, 0.5, BorderSides.Bottom);
            rows.Add(header is null ? row : row.WithHeader(header));
        }
        if (header is null)
        {
            output.AddRange(rows);
            return;
        }
        // The header never stands alone at the foot of a page: it travels with the first row.
        output.Add(new StackBlock(rows.Count == 0 ? [header] : [header, rows[0]], keepTogether: true));
        output.AddRange(rows.Skip(1));
    }

    private RowBlock Row(FlattenContext context, List<Container> cells, double[] widths, double x, bool keepTogether = false)
    {
        var stacks = new List<StackBlock>(widths.Length);
        var left = x;
        var padding = descriptor.Padding;
        for (var i = 0; i < widths.Length; i++)
        {
            var blocks = new List<Block> { new SpaceBlock(padding) };
            if (i < cells.Count)
            {
                cells[i].Flatten(context, left + padding, Math.Max(1, widths[i] - (2 * padding)), blocks);
            }
            blocks.Add(new SpaceBlock(padding));
            stacks.Add(new StackBlock(blocks));
            left += widths[i];
        }
        return new RowBlock(stacks, keepTogether: keepTogether);
    }
}
