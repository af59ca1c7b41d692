namespace PrivacyDesk.Documents.Fonts;

/// <summary>
/// Finds a font family for the documents in the operating system's font folders. Liberation Sans
/// (metric-compatible with Arial) is preferred, DejaVu Sans is the fallback that every machine here
/// has; both cover Dutch diacritics and the euro sign.
/// </summary>
public sealed class FontCatalog
{
    private static readonly FontFamilyFiles[] Candidates =
    [
        new("Liberation Sans", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
        new("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    ];

    /// <summary>
    /// Faces tried, in this order, for a character the family lacks (ADR 0025): DejaVu Sans for symbols and
    /// emoticons, DejaVu Math TeX Gyre (fonts-dejavu-extra) for the mathematical letters people use as styled
    /// names, then Noto faces where installed. Each is one file, used for every style.
    /// </summary>
    private static readonly string[] FallbackFiles =
    [
        "DejaVuSans.ttf", "DejaVuMathTeXGyre.ttf", "NotoSansMath-Regular.ttf", "NotoSans-Regular.ttf",
        "NotoSansSymbols-Regular.ttf", "NotoSansSymbols2-Regular.ttf", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf",
    ];

    private FontCatalog(string family, IReadOnlyDictionary<FontStyleKey, string> files, IReadOnlyList<string> fallbacks)
    {
        Family = family;
        Files = files;
        Fallbacks = fallbacks;
    }

    /// <summary>The family every document uses.</summary>
    public string Family { get; }

    /// <summary>Full paths of the regular, bold, italic and bold-italic faces (a missing face falls back to regular or bold).</summary>
    public IReadOnlyDictionary<FontStyleKey, string> Files { get; }

    /// <summary>Full paths of the fallback faces found, in the order they are tried; never the family's own regular face.</summary>
    public IReadOnlyList<string> Fallbacks { get; }

    public static IReadOnlyList<string> DefaultFolders()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return
        [
            "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local/share/fonts"), Path.Combine(home, ".fonts"),
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
            "/Library/Fonts", "/System/Library/Fonts",
        ];
    }

    /// <summary>Searches the folders; throws with the folders searched and the packages to install when no family is complete enough.</summary>
    public static FontCatalog Discover(IEnumerable<string> folders)
    {
        var searched = folders.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().ToList();
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in searched.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories))
            {
                byName.TryAdd(Path.GetFileName(file), file);
            }
        }

        foreach (var candidate in Candidates)
        {
            if (!byName.TryGetValue(candidate.Regular, out var regular))
            {
                continue;
            }
            var bold = byName.GetValueOrDefault(candidate.Bold) ?? regular;
            var files = new Dictionary<FontStyleKey, string>
            {
                [FontStyleKey.Regular] = regular,
                [FontStyleKey.Bold] = bold,
                [FontStyleKey.Italic] = byName.GetValueOrDefault(candidate.Italic) ?? regular,
                [FontStyleKey.BoldItalic] = byName.GetValueOrDefault(candidate.BoldItalic) ?? bold,
            };
            var fallbacks = FallbackFiles
                .Select(name => byName.GetValueOrDefault(name))
                .OfType<string>()
                .Where(path => path != regular)
                .ToList();
            return new FontCatalog(candidate.Family, files, fallbacks);
        }

        throw new InvalidOperationException(
            "PrivacyDesk cannot produce PDF documents: no usable font was found. It looks for " +
            string.Join(" or ", Candidates.Select(c => $"{c.Family} ({c.Regular})")) +
            " in: " + string.Join(", ", searched) + ". " +
            "Install one, e.g. on Debian/Ubuntu: apt-get install fonts-liberation2 (or fonts-dejavu-core).");
    }

    private sealed record FontFamilyFiles(string Family, string Regular, string Bold, string Italic, string BoldItalic);
}

public enum FontStyleKey
{
    Regular,
    Bold,
    Italic,
    BoldItalic,
}
