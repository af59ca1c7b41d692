using PdfSharp.Fonts;

namespace PrivacyDesk.Documents.Fonts;

/// <summary>
/// PDFsharp's font resolver on Linux: every family request is answered with the catalogue's family, except
/// the fallback families (<see cref="FallbackFamily"/>), which are answered with that fallback face.
/// </summary>
public sealed class OperatingSystemFontResolver(FontCatalog catalog) : IFontResolver
{
    private const string FallbackPrefix = "PrivacyDesk Fallback ";
    private const string FallbackFace = "Fallback";

    public FontCatalog Catalog { get; } = catalog;

    /// <summary>The family name that reaches fallback face <paramref name="index"/> of <see cref="FontCatalog.Fallbacks"/>.</summary>
    public static string FallbackFamily(int index) => FallbackPrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (familyName.StartsWith(FallbackPrefix, StringComparison.Ordinal))
        {
            // One face per fallback: a bold or italic name keeps the fallback's own shape rather than a faked one.
            return new FontResolverInfo(FallbackFace + familyName[FallbackPrefix.Length..]);
        }
        var key = (bold, italic) switch
        {
            (true, true) => FontStyleKey.BoldItalic,
            (true, false) => FontStyleKey.Bold,
            (false, true) => FontStyleKey.Italic,
            _ => FontStyleKey.Regular,
        };
        return new FontResolverInfo(key.ToString());
    }

    public byte[]? GetFont(string faceName)
    {
        ArgumentNullException.ThrowIfNull(faceName);
        if (faceName.StartsWith(FallbackFace, StringComparison.Ordinal)
            && int.TryParse(faceName.AsSpan(FallbackFace.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < Catalog.Fallbacks.Count)
        {
            return File.ReadAllBytes(Catalog.Fallbacks[index]);
        }
        return Enum.TryParse<FontStyleKey>(faceName, out var key) && Catalog.Files.TryGetValue(key, out var path)
            ? File.ReadAllBytes(path)
            : null;
    }

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
