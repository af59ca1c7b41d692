using PrivacyDesk.Documents.Fonts;
using UglyToad.PdfPig;

namespace PrivacyDesk.Documents.Tests.Layout;

/// <summary>Installs the machine's font once and reads PDFs back as text per page.</summary>
public static class Pdf
{
    public static void UseMachineFonts() => OperatingSystemFontResolver.InstallOnce(() => FontCatalog.Discover(FontCatalog.DefaultFolders()));

    /// <summary>The text of every page, words joined by single spaces.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text)))];
    }

    /// <summary>Writes the PDF next to the test output when PRIVACYDESK_PDF_OUT is set, for looking at it with pdftoppm.</summary>
    public static void Keep(byte[] pdf, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PRIVACYDESK_PDF_OUT");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        }
    }
}
