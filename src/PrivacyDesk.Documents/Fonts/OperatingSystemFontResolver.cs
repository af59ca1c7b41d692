using PdfSharp.Fonts;

namespace PrivacyDesk.Documents.Fonts;

/// <summary>PDFsharp's font resolver on Linux: every family request is answered with the catalogue's family.</summary>
public sealed class OperatingSystemFontResolver(FontCatalog catalog) : IFontResolver
{
    public FontCatalog Catalog { get; } = catalog;

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var key = (bold, italic) switch
        {
            (true, true) => FontStyleKey.BoldItalic,
            (true, false) => FontStyleKey.Bold,
            (false, true) => FontStyleKey.Italic,
            _ => FontStyleKey.Regular,
        };
        return new FontResolverInfo(key.ToString());
    }

    public byte[]? GetFont(string faceName) =>
        Enum.TryParse<FontStyleKey>(faceName, out var key) && Catalog.Files.TryGetValue(key, out var path)
            ? File.ReadAllBytes(path)
            : null;

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver process-wide once (PDFsharp's setting is global and may not change after first use).</summary>
    public static OperatingSystemFontResolver InstallOnce(Func<FontCatalog> discover)
    {
        ArgumentNullException.ThrowIfNull(discover);
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is OperatingSystemFontResolver installed)
            {
                return installed;
            }
            var resolver = new OperatingSystemFontResolver(discover());
            GlobalFontSettings.FontResolver = resolver;
            return resolver;
        }
    }
}
