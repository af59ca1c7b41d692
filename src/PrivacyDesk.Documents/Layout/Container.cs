namespace PrivacyDesk.Documents.Layout;

/// <summary>Something that lays itself out, at a given width, into blocks the paginator can place.</summary>
internal abstract class Element
{
    internal abstract void Flatten(FlattenContext context, double x, double width, List<Block> output);
}

/// <summary>What flattening needs: the measurer and the text style inherited from above.</summary>
internal sealed class FlattenContext(TextMeasurer measurer, TextStyle style)
{
    public TextMeasurer Measurer { get; } = measurer;

    public TextStyle Style { get; } = style;

    public FlattenContext WithStyle(TextStyle style) => new(Measurer, style);
}

/// <summary>
/// A slot that holds one element (QuestPDF's <c>IContainer</c>). Decorators (padding, background,
/// keep-together) return the inner slot, so calls read outside-in:
/// <c>item.PaddingTop(8).Background(Colors.Shade).Padding(6).Text("...")</c>.
/// </summary>
public sealed class Container
{
    internal Element? Child { get; private set; }

    public void Text(string? text, Func<TextStyle, TextStyle>? style = null) =>
        Text(t =>
        {
            var span = t.Span(text);
            if (style is not null)
            {
                span.Style(style);
            }
        });

    public void Text(Action<TextDescriptor> compose)
    {
        var descriptor = new TextDescriptor();
        compose(descriptor);
        Set(new TextElement(descriptor));
    }

    public void Column(Action<ColumnDescriptor> compose)
    {
        var descriptor = new ColumnDescriptor();
        compose(descriptor);
        Set(new ColumnElement(descriptor));
    }

    public void Row(Action<RowDescriptor> compose)
    {
        var descriptor = new RowDescriptor();
        compose(descriptor);
        Set(new RowElement(descriptor));
    }

    public void Table(Action<TableDescriptor> compose)
    {
        var descriptor = new TableDescriptor();
        compose(descriptor);
        Set(new TableElement(descriptor));
    }

    /// <summary>A bulleted (or numbered) list; items wrap under their own text, not under the bullet.</summary>
    public void List(Action<ListDescriptor> compose)
    {
        var descriptor = new ListDescriptor();
        compose(descriptor);
        Column(column =>
        {
            column.Spacing(descriptor.ItemSpacing);
            var number = 0;
            foreach (var item in descriptor.Items)
            {
                number++;
                var marker = descriptor.Numbered ? $"{number}." : "•";
                column.Item().Row(row =>
                {
                    row.ConstantItem(descriptor.Indent).Text(marker);
                    row.RelativeItem().Set(item.Child);
                });
            }
        });
    }

    /// <summary>Label and value pairs in two columns, as on a case summary.</summary>
    public void KeyValue(Action<KeyValueDescriptor> compose)
    {
        var descriptor = new KeyValueDescriptor();
        compose(descriptor);
        Column(column =>
        {
            column.Spacing(descriptor.RowSpacing);
            foreach (var (key, value) in descriptor.Pairs)
            {
                column.Item().Row(row =>
                {
                    row.ConstantItem(descriptor.KeyWidth).PaddingRight(8).Text(key, s => s with { Color = Colors.Muted });
                    row.RelativeItem().Set(value.Child);
                });
            }
        });
    }

    /// <summary>A horizontal rule.</summary>
    public void Line(double thickness = 0.5, string color = Colors.Rule, double spaceAround = 4) => Set(new RuleElement(thickness, color, spaceAround));

    /// <summary>Empty vertical space.</summary>
    public void Spacer(double height) => Set(new SpacerElement(height));

    /// <summary>Everything after this starts on a new page.</summary>
    public void PageBreak() => Set(new PageBreakElement());

    public Container Padding(double all) => Padding(all, all, all, all);

    public Container PaddingHorizontal(double value) => Padding(0, value, 0, value);

    public Container PaddingVertical(double value) => Padding(value, 0, value, 0);

    public Container PaddingTop(double value) => Padding(value, 0, 0, 0);

    public Container PaddingBottom(double value) => Padding(0, 0, value, 0);

    public Container PaddingLeft(double value) => Padding(0, 0, 0, value);

    public Container PaddingRight(double value) => Padding(0, value, 0, 0);

    public Container Padding(double top, double right, double bottom, double left) => Decorate(inner => new PaddingElement(inner, top, right, bottom, left));

    public Container Background(string color) => Decorate(inner => new DecorationElement(inner, color, null, 0, BorderSides.None));

    public Container Border(double width = 0.5, string color = Colors.Rule, BorderSides sides = BorderSides.All) =>
        Decorate(inner => new DecorationElement(inner, null, color, width, sides));

    public Container BorderBottom(double width = 0.5, string color = Colors.Rule) => Border(width, color, BorderSides.Bottom);

    /// <summary>Moves the content to the next page rather than splitting it (unless it is taller than a page).</summary>
    public Container ShowEntire() => Decorate(inner => new KeepTogetherElement(inner));

    /// <summary>Text inside inherits this style unless a span says otherwise.</summary>
    public Container DefaultTextStyle(Func<TextStyle, TextStyle> change) => Decorate(inner => new StyleElement(inner, change));

    internal void Set(Element? element)
    {
        if (Child is not null)
        {
            throw new InvalidOperationException("A container holds one element; use Column() for several.");
        }
        Child = element;
    }

    private Container Decorate(Func<Container, Element> decorator)
    {
        var inner = new Container();
        Set(decorator(inner));
        return inner;
    }

    internal void Flatten(FlattenContext context, double x, double width, List<Block> output) => Child?.Flatten(context, x, width, output);
}

internal sealed class PaddingElement(Container inner, double top, double right, double bottom, double left) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        if (top > 0) output.Add(new SpaceBlock(top));
        inner.Flatten(context, x + left, Math.Max(1, width - left - right), output);
        if (bottom > 0) output.Add(new SpaceBlock(bottom));
    }
}

internal sealed class DecorationElement(Container inner, string? background, string? border, double borderWidth, BorderSides sides) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        var blocks = new List<Block>();
        inner.Flatten(context, x, width, blocks);
        output.Add(new DecoratedBlock(new StackBlock(blocks), x, width, background, border, borderWidth, sides));
    }
}

internal sealed class KeepTogetherElement(Container inner) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output)
    {
        var blocks = new List<Block>();
        inner.Flatten(context, x, width, blocks);
        output.Add(new StackBlock(blocks, keepTogether: true));
    }
}

internal sealed class StyleElement(Container inner, Func<TextStyle, TextStyle> change) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output) =>
        inner.Flatten(context.WithStyle(change(context.Style)), x, width, output);
}

internal sealed class RuleElement(double thickness, string color, double spaceAround) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output) =>
        output.Add(new RuleBlock(x, width, thickness, color, spaceAround));
}

internal sealed class SpacerElement(double height) : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output) => output.Add(new SpaceBlock(height));
}

internal sealed class PageBreakElement : Element
{
    internal override void Flatten(FlattenContext context, double x, double width, List<Block> output) => output.Add(new PageBreakBlock());
}

public sealed class ListDescriptor
{
    internal List<Container> Items { get; } = [];

    internal bool Numbered { get; private set; }

    internal double Indent { get; private set; } = 14;

    internal double ItemSpacing { get; private set; } = 2;

    public Container Item()
    {
        var item = new Container();
        Items.Add(item);
        return item;
    }

    public ListDescriptor Numbers()
    {
        Numbered = true;
        Indent = 20;
        return this;
    }

    public ListDescriptor Spacing(double value)
    {
        ItemSpacing = value;
        return this;
    }
}

public sealed class KeyValueDescriptor
{
    internal List<(string Key, Container Value)> Pairs { get; } = [];

    internal double KeyWidth { get; private set; } = 150;

    internal double RowSpacing { get; private set; } = 3;

    public Container Pair(string key)
    {
        var value = new Container();
        Pairs.Add((key, value));
        return value;
    }

    /// <summary>A pair whose value is plain text.</summary>
    public void Pair(string key, string? value) => Pair(key).Text(value);

    public KeyValueDescriptor KeyColumnWidth(double width)
    {
        KeyWidth = width;
        return this;
    }

    public KeyValueDescriptor Spacing(double value)
    {
        RowSpacing = value;
        return this;
    }
}
