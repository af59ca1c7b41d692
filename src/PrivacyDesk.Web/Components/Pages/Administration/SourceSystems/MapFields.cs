using System.Text;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

/// <summary>
/// The field paths the data map's validation names ("Tables[public.customers].Columns[email].Category") and the
/// element ids the editor gives those fields, so each problem in the summary links to the field that has it.
/// </summary>
public static class MapFields
{
    public const string Category = "Category";

    public const string Identifies = "Identifies";

    public const string OutOfScopeReason = "OutOfScopeReason";

    public const string PurposeKeys = "PurposeKeys";

    public const string References = "References";

    public static string Table(string displayName) => $"Tables[{displayName}]";

    public static string Column(string table, string column) => $"{Table(table)}.Columns[{column}]";

    public static string Member(string path, string member) => $"{path}.{member}";

    /// <summary>
    /// The table, column and member a path names; null parts where the path stops earlier. Names may hold dots,
    /// spaces and quotes (the catalog's names as they are), so brackets are matched, not split on.
    /// </summary>
    public static MapFieldPath? Parse(string? field)
    {
        if (field is null || !field.StartsWith("Tables[", StringComparison.Ordinal))
        {
            return null;
        }
        var tableEnd = ClosingBracket(field, "Tables[".Length);
        if (tableEnd < 0)
        {
            return null;
        }
        var table = field["Tables[".Length..tableEnd];
        var rest = field[(tableEnd + 1)..];
        string? column = null;
        if (rest.StartsWith(".Columns[", StringComparison.Ordinal))
        {
            var columnEnd = ClosingBracket(rest, ".Columns[".Length);
            if (columnEnd < 0)
            {
                return new MapFieldPath(table, null, null);
            }
            column = rest[".Columns[".Length..columnEnd];
            rest = rest[(columnEnd + 1)..];
        }
        var member = rest.StartsWith('.') ? rest[1..] : null;
        // "References[0]" or "References[customer_id]": the references of the table as one field.
        if (member is not null && member.IndexOf('[', StringComparison.Ordinal) is var bracket and > 0)
        {
            member = member[..bracket];
        }
        return new MapFieldPath(table, column, string.IsNullOrEmpty(member) ? null : member);
    }

    /// <summary>
    /// The element a problem links to: the member's own field where the editor shows one, else its column's row,
    /// else its table. The id is the path with every character outside [A-Za-z0-9_-] written as its code, so any
    /// catalog name gives a valid, unique id.
    /// </summary>
    public static string TargetId(MapFieldPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var table = Table(path.Table);
        if (path.Column is { } column)
        {
            var columnPath = Column(path.Table, column);
            return path.Member is Category or Identifies ? Id(Member(columnPath, path.Member)) : Id(columnPath);
        }
        return path.Member is OutOfScopeReason or PurposeKeys or References ? Id(Member(table, path.Member)) : Id(table);
    }

    public static string Id(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var id = new StringBuilder("map-", path.Length + 8);
        foreach (var c in path)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-')
            {
                id.Append(c);
            }
            else
            {
                id.Append('_').Append(((int)c).ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append('_');
            }
        }
        return id.ToString();
    }

    private static int ClosingBracket(string text, int from)
    {
        // Brackets inside a name are counted, so "a[1]" stays one name.
        var depth = 1;
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '[')
            {
                depth++;
            }
            else if (text[i] == ']' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }
}

/// <summary>What a validation field path points at: a table, maybe one of its columns, maybe a member of either.</summary>
public sealed record MapFieldPath(string Table, string? Column, string? Member);
