using PrivacyDesk.Documents.Layout;

namespace PrivacyDesk.Documents.Register;

/// <summary>
/// Label/value rows that are never cut between pages (the layer's <c>KeyValue</c> splits a row line by
/// line, which leaves a label's first half at the foot of one page). Used by the register's documents,
/// whose values are a few lines each.
/// </summary>
internal sealed class KeyValueRows(ColumnDescriptor column, double keyWidth)
{
    public Container Pair(string key)
    {
        var value = new Container();
        column.Item().ShowEntire().Row(row =>
        {
            row.ConstantItem(keyWidth).PaddingTop(1).PaddingRight(8).Text(key, s => s with { Color = Colors.Muted, Size = s.Size - 1 });
            value = row.RelativeItem();
        });
        return value;
    }

    public void Pair(string key, string? value) => Pair(key).Text(value);
}
