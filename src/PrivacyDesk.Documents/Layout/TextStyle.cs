namespace PrivacyDesk.Documents.Layout;

/// <summary>How a run of text looks. Immutable; spans override what they set and inherit the rest.</summary>
public sealed record TextStyle
{
    public static TextStyle Default { get; } = new();

    public double Size { get; init; } = 10;

    public bool Bold { get; init; }

    public bool Italic { get; init; }

    /// <summary>Hex colour such as <c>#1F2937</c>.</summary>
    public string Color { get; init; } = Colors.Text;

    /// <summary>Line height as a multiple of the font's own line spacing.</summary>
    public double LineHeight { get; init; } = 1.15;
}

/// <summary>The few colours the documents use, so letters and case files look like one family.</summary>
public static class Colors
{
    public const string Text = "#1F2937";
    public const string Muted = "#6B7280";
    public const string Accent = "#1E3A5F";
    public const string Rule = "#D1D5DB";
    public const string Shade = "#F3F4F6";
    public const string Warning = "#B45309";
    public const string Danger = "#B91C1C";
    public const string Success = "#15803D";
}
